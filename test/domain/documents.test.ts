/**
 * What may be uploaded and how a user's file name is kept: cleaned for display (never a path), offered back in a
 * Content-Disposition any browser reads, its extension checked against the recognised content; a VBA part found in an
 * Office package's central directory.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { zipEntryNames } from '../../src/app/kernel/file-recognition.js';
import { allowedKind, extensionOf, hasMacroPart, nameAgrees } from '../../src/domain/documents/file-kinds.js';
import { cleanFileName, contentDisposition, FILE_NAME_MAX, storedFileName } from '../../src/domain/documents/file-name.js';
import { makeDocx, makeXlsx } from '../helpers/files.js';

describe('file names', () => {
  it('drops directories, control and direction characters, and keeps Chinese', () => {
    assert.equal(cleanFileName('../../etc/passwd'), 'passwd');
    assert.equal(cleanFileName('C:\\Users\\张三\\桌面\\汇报材料.docx'), '汇报材料.docx');
    assert.equal(cleanFileName('报告\u202Efdp.exe'), '报告fdp.exe');
    assert.equal(cleanFileName('a\u0000b\nc.pdf'), 'abc.pdf');
    assert.equal(cleanFileName('  ..hidden.pdf  '), 'hidden.pdf');
    assert.equal(cleanFileName('what?<>:"|*.pdf'), 'what_______.pdf');
    assert.equal(cleanFileName('__proto__'), '__proto__');
    assert.equal(cleanFileName('/'), '');
  });

  it('holds a long name to its limit and keeps its extension', () => {
    const name = cleanFileName(`${'很长的名字'.repeat(60)}.pdf`);
    assert.equal([...name].length, FILE_NAME_MAX);
    assert.ok(name.endsWith('.pdf'));
  });

  it('never yields a path, whatever comes in', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (raw) => {
        const name = cleanFileName(raw);
        assert.ok(!/[\\/\p{Cc}]/u.test(name), JSON.stringify(name));
        assert.ok([...name].length <= FILE_NAME_MAX);
        assert.ok(!name.startsWith('.'));
      }),
    );
  });

  it('gives a name without an extension the recognised one, and a fallback when nothing is left', () => {
    assert.equal(storedFileName('汇报', 'docx', '材料'), '汇报.docx');
    assert.equal(storedFileName('', 'pdf', '南村镇书面材料'), '南村镇书面材料.pdf');
    assert.equal(storedFileName('第1.2版 汇报', 'pdf', 'x'), '第1.2版 汇报.pdf');
  });

  it('offers the name back as an ASCII fallback and as UTF-8', () => {
    assert.equal(contentDisposition('南村镇 材料.pdf'), `attachment; filename="___ __.pdf"; filename*=UTF-8''%E5%8D%97%E6%9D%91%E9%95%87%20%E6%9D%90%E6%96%99.pdf`);
    assert.equal(contentDisposition('a"b\\c\'d(1).pdf'), `attachment; filename="a_b_c'd(1).pdf"; filename*=UTF-8''a%22b%5Cc%27d%281%29.pdf`);
  });
});

describe('file kinds', () => {
  it('accepts only pdf, docx, xlsx, jpg and png', () => {
    for (const ext of ['pdf', 'docx', 'xlsx', 'jpg', 'png']) assert.equal(allowedKind(ext), ext);
    for (const ext of ['exe', 'xml', 'cfb', 'docm', 'xlsm', 'zip', 'svg', 'html', 'gif', '__proto__', 'constructor', undefined]) assert.equal(allowedKind(ext), null, String(ext));
  });

  it('checks a name’s extension against the content', () => {
    assert.equal(extensionOf('a.PDF'), 'pdf');
    assert.equal(extensionOf('.pdf'), '');
    assert.equal(extensionOf('第1.2版'), '');
    assert.ok(nameAgrees('照片.JPEG', 'jpg'));
    assert.ok(nameAgrees('无扩展名', 'png'));
    assert.ok(!nameAgrees('报告.pdf', 'docx'));
    assert.ok(!nameAgrees('setup.exe', 'pdf'));
  });

  it('finds a VBA part in an Office package’s central directory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'leitai-zip-'));
    try {
      const write = async (name: string, bytes: Buffer) => {
        await writeFile(join(dir, name), bytes);
        return zipEntryNames(join(dir, name));
      };
      const clean = await write('clean.docx', makeDocx());
      assert.ok(clean && !hasMacroPart(clean));
      const hidden = await write('hidden.docx', makeDocx('hidden'));
      assert.ok(hidden && hasMacroPart(hidden));
      const xlsx = await write('real.xlsx', await makeXlsx());
      assert.ok(xlsx?.includes('xl/workbook.xml') && !hasMacroPart(xlsx));
      assert.equal(await write('not-a-zip.docx', Buffer.from('PK\u0003\u0004 but nothing else')), null);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
