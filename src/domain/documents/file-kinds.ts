/**
 * What may be uploaded (issue #14): pdf, docx, xlsx, jpg and png, recognised by content. Everything else is refused —
 * and among what is recognised, macro-bearing Office files, legacy compound files (.doc/.xls), SVG and HTML above all.
 */

export type FileKind = 'pdf' | 'docx' | 'xlsx' | 'jpg' | 'png';

export interface FileKindSpec {
  mediaType: string;
  /** The extensions a name may carry for this content, the first the usual one. */
  extensions: readonly string[];
  /** How the office calls it. */
  label: string;
}

export const FILE_KINDS: Readonly<Record<FileKind, FileKindSpec>> = {
  pdf: { mediaType: 'application/pdf', extensions: ['pdf'], label: 'PDF' },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'], label: 'Word (docx)' },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'], label: 'Excel (xlsx)' },
  jpg: { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'JPEG' },
  png: { mediaType: 'image/png', extensions: ['png'], label: 'PNG' },
};

export const ALLOWED_EXTENSIONS: readonly string[] = Object.values(FILE_KINDS).flatMap((k) => k.extensions);

/** The kind file-type's answer names, when it is one we accept. */
export function allowedKind(detectedExt: string | undefined): FileKind | null {
  return detectedExt !== undefined && Object.hasOwn(FILE_KINDS, detectedExt) ? (detectedExt as FileKind) : null;
}

/** The kind a stored media type is (documents keep the recognised one). */
export function kindOfMediaType(mediaType: string): FileKind | null {
  for (const [kind, spec] of Object.entries(FILE_KINDS)) if (spec.mediaType === mediaType) return kind as FileKind;
  return null;
}

/** The extension of a cleaned name (1–8 letters or digits after the last dot), lower-case, or '' when it has none. */
export function extensionOf(name: string): string {
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(name);
  return match && match.index > 0 ? match[1]!.toLowerCase() : '';
}

/** Is `name`'s extension one `kind` may carry (a name without an extension agrees with anything)? */
export function nameAgrees(name: string, kind: FileKind): boolean {
  const ext = extensionOf(name);
  return ext === '' || FILE_KINDS[kind].extensions.includes(ext);
}

/**
 * An OOXML package carrying VBA macros holds a part named vbaProject.bin (word/vbaProject.bin, xl/vbaProject.bin),
 * whatever its content types say.
 */
export function hasMacroPart(entryNames: readonly string[]): boolean {
  return entryNames.some((n) => /(^|\/)vbaproject\.bin$/i.test(n) || /(^|\/)vbadata\.xml$/i.test(n));
}
