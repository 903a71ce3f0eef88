/**
 * 识别文件类型: by content (file-type), never by name. Only pdf, docx, xlsx, jpg and png pass (domain/documents);
 * an Office package with a VBA part is refused even when its content types call it docx or xlsx, and a name whose
 * extension disagrees with the content is refused naming both.
 */
import { open } from 'node:fs/promises';
import { fileTypeFromFile } from 'file-type';
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import { allowedKind, extensionOf, FILE_KINDS, hasMacroPart, nameAgrees, type FileKind } from '../../domain/documents/file-kinds.js';
import { cleanFileName, storedFileName } from '../../domain/documents/file-name.js';

export interface RecognisedFile {
  kind: FileKind;
  mediaType: string;
  /** The cleaned display name, with the kind's extension when the upload had none. */
  fileName: string;
}

function refused(message: ReturnType<typeof MESSAGES.fileTypeRefused>): AppError {
  return new AppError('unsupported_media_type', { message });
}

export async function recogniseFile(path: string, rawName: string, fallbackStem: string): Promise<RecognisedFile> {
  const shown = cleanFileName(rawName) || fallbackStem;
  const detected = await fileTypeFromFile(path);
  if (detected?.ext === 'cfb') throw refused(MESSAGES.fileLegacyOffice(shown));
  if (detected && /^(docm|dotm|xlsm|xltm|xlam|pptm|potm|ppsm)$/.test(detected.ext)) throw refused(MESSAGES.fileHasMacros(shown));
  const kind = allowedKind(detected?.ext);
  if (!kind) throw refused(MESSAGES.fileTypeRefused(shown));
  if (kind === 'docx' || kind === 'xlsx') {
    const names = await zipEntryNames(path);
    if (names === null) throw refused(MESSAGES.fileTypeRefused(shown));
    if (hasMacroPart(names)) throw refused(MESSAGES.fileHasMacros(shown));
  }
  const cleaned = cleanFileName(rawName);
  if (!nameAgrees(cleaned, kind)) throw refused(MESSAGES.fileNameMismatch(shown, extensionOf(cleaned), FILE_KINDS[kind].label));
  return { kind, mediaType: FILE_KINDS[kind].mediaType, fileName: storedFileName(rawName, kind, fallbackStem) };
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/**
 * The entry names of a zip's central directory (read from its end record), or null when it has none that reads
 * cleanly: enough to find a macro part without unpacking anything.
 */
export async function zipEntryNames(path: string): Promise<string[] | null> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    let end = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        end = i;
        break;
      }
    }
    if (end < 0) return null;
    const entries = tail.readUInt16LE(end + 10);
    const dirSize = tail.readUInt32LE(end + 12);
    const dirOffset = tail.readUInt32LE(end + 16);
    if (dirOffset === 0xffffffff || dirSize === 0xffffffff || dirOffset + dirSize > size) return null;
    const dir = Buffer.alloc(dirSize);
    await handle.read(dir, 0, dirSize, dirOffset);
    const names: string[] = [];
    let at = 0;
    for (let n = 0; n < entries; n++) {
      if (at + 46 > dir.length || dir.readUInt32LE(at) !== CENTRAL) return null;
      const nameLength = dir.readUInt16LE(at + 28);
      const extraLength = dir.readUInt16LE(at + 30);
      const commentLength = dir.readUInt16LE(at + 32);
      if (at + 46 + nameLength > dir.length) return null;
      names.push(dir.toString('utf8', at + 46, at + 46 + nameLength));
      at += 46 + nameLength + extraLength + commentLength;
    }
    return names;
  } finally {
    await handle.close();
  }
}
