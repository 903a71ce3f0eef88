/** Files for upload tests: a real PDF (pdfkit, CJK), stored zips as Office packages, and multipart bodies for inject. */
import { crc32 } from 'node:zlib';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { cjkPdf } from '../../src/http/pages/pdf-document.js';

export async function makePdf(text = '乡镇座谈会书面材料'): Promise<Buffer> {
  const pdf = cjkPdf({ title: text, createdAt: '2026-06-15T08:00:00Z' });
  pdf.doc.fontSize(14).text(text);
  return pdf.finish();
}

export async function makeXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('表').addRow(['单位', '人数']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A zip with its entries stored (no compression): enough for file-type and for the central-directory scan. */
export function makeZip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name, 'utf8');
    const data = Buffer.from(text, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const WORD_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const WORD_MACRO_MAIN = 'application/vnd.ms-word.document.macroEnabled.main+xml';

function contentTypes(main: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="${main}"/></Types>`;
}

/** A Word package; `macros`: 'docm' (its content types say so) or 'hidden' (says docx, carries word/vbaProject.bin). */
export function makeDocx(macros: 'none' | 'docm' | 'hidden' = 'none'): Buffer {
  const entries: Record<string, string> = {
    '[Content_Types].xml': contentTypes(macros === 'docm' ? WORD_MACRO_MAIN : WORD_MAIN),
    '_rels/.rels': '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
    'word/document.xml': '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>材料</w:t></w:r></w:p></w:body></w:document>',
  };
  if (macros !== 'none') entries['word/vbaProject.bin'] = 'Attribute VB_Name = "x"';
  return makeZip(entries);
}

/** The bytes of a Windows program: MZ, then padding and a PE header. */
export function makeExe(): Buffer {
  const b = Buffer.alloc(512);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  return b;
}

export const SVG = Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>');
export const HTML = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');

/** A multipart/form-data body with one file part (and optional extra parts), for app.inject. */
export function multipart(fileName: string, bytes: Buffer, options: { field?: string; contentType?: string; extra?: Buffer[] } = {}): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----leitai-test-boundary-7d1f';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${options.field ?? 'file'}"; filename="${fileName.replace(/"/g, '%22')}"\r\nContent-Type: ${options.contentType ?? 'application/octet-stream'}\r\n\r\n`,
    'utf8',
  );
  const parts = [head, bytes, Buffer.from('\r\n')];
  for (const extra of options.extra ?? []) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file2"; filename="b.pdf"\r\nContent-Type: application/pdf\r\n\r\n`), extra, Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Every file under the store's directory (recursively), to prove nothing was stored. */
export async function storedFiles(dir: string): Promise<string[]> {
  try {
    const out: string[] = [];
    for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) if (entry.isFile()) out.push(join(entry.parentPath, entry.name));
    return out.sort();
  } catch {
    return [];
  }
}

/** A legacy compound file (.doc / .xls): its signature and a sector of padding. */
export function makeCfb(): Buffer {
  const b = Buffer.alloc(1024);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b, 0);
  return b;
}
