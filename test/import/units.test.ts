import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Unit } from '../../src/domain/types.js';
import { MAX_UNIT_ROWS, parseUnitLevel, parseUnitsFile } from '../../src/import/units.js';

async function xlsx(sheets: { name: string; rows: (string | number)[][] }[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const s of sheets) {
    const sheet = workbook.addWorksheet(s.name);
    for (const row of s.rows) sheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const JINCHENG_ROWS: (string | number)[][] = [
  ['代码', '名称', '层级', '上级代码'],
  [1405, '晋城市', '市', ''],
  [140502, '城区', '区', 1405],
  [140581, '高平市', '县级市', 1405],
  ['140502001', '东街街道', '街道', '140502'],
  ['140581100', '米山镇', '镇', '140581'],
];

describe('parseUnitsFile', () => {
  it('reads an xlsx whose units sheet has a Chinese name and follows a 说明 sheet', async () => {
    const data = await xlsx([
      { name: '说明', rows: [['请在“单位清单”工作表填写']] },
      { name: '单位清单', rows: JINCHENG_ROWS },
    ]);
    const { units, errors } = await parseUnitsFile(data, '晋城单位.xlsx');
    assert.deepEqual(errors, []);
    assert.deepEqual(units.map((u) => [u.id, u.level, u.parentId]), [
      ['u1405', 'city', null],
      ['u140502', 'county', 'u1405'],
      ['u140581', 'county', 'u1405'],
      ['u140502001', 'township', 'u140502'],
      ['u140581100', 'township', 'u140581'],
    ]);
    assert.equal(units[3]?.name, '东街街道');
  });

  it('reports a bad row by its spreadsheet row number and keeps the good rows', async () => {
    const rows = [...JINCHENG_ROWS.slice(0, 4), ['140525', '', '县', '1405'], ...JINCHENG_ROWS.slice(4)];
    const data = await xlsx([{ name: '单位', rows }]);
    const { units, errors } = await parseUnitsFile(data, 'units.xlsx');
    assert.deepEqual(errors.map((e) => [e.row, e.column, e.message.zh]), [[5, '名称', '缺少名称']]);
    assert.equal(units.length, 5);
  });

  it('detects xlsx by its magic bytes when the file name says nothing', async () => {
    const data = await xlsx([{ name: '单位', rows: JINCHENG_ROWS }]);
    const { units, errors } = await parseUnitsFile(data);
    assert.equal(errors.length, 0);
    assert.equal(units.length, 5);
  });

  it('reads CSV in UTF-8 with a BOM and in GBK, with English headers and levels', async () => {
    const text = 'code,name,level,parent_code\n14,山西省,Province,\n1405,晋城市,City,14\n140502,城区,District,1405\n';
    const utf8 = await parseUnitsFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'u.csv');
    assert.deepEqual(utf8.errors, []);
    assert.deepEqual(utf8.units.map((u) => u.level), ['province', 'city', 'county']);
    const parsed = await parseUnitsFile(gbkOf(), 'gbk.csv');
    assert.deepEqual(parsed.errors, []);
    assert.equal(parsed.units[0]?.name, '城区');
  });

  it('refuses unknown levels, duplicate codes, unknown parents and levels not below the parent, row by row', async () => {
    const csv = [
      '代码,名称,层级,上级代码',
      '1405,晋城市,市,', // row 2
      '140502,城区,区,1405', // 3
      '140502,城区（重复）,区,1405', // 4 duplicate
      '140521,沁水县,片区,1405', // 5 unknown level
      '140522,阳城县,县,9999', // 6 parent not found
      '140524,陵川县,市,1405', // 7 same level as parent
      '140502001,东街街道,街道,140521', // 8 parent row refused
      '140502002,西街街道,乡镇（街道）,140502', // 9 fine
    ].join('\n');
    const { units, errors, parentCodes } = await parseUnitsFile(Buffer.from(csv), 'u.csv');
    assert.deepEqual(
      errors.map((e) => [e.row, e.column]),
      [[4, '代码'], [5, '层级'], [6, '上级代码'], [7, '层级'], [8, '上级代码']],
    );
    assert.match(errors[0]?.message.zh ?? '', /与第 3 行重复/);
    assert.match(errors[4]?.message.zh ?? '', /第 5 行/);
    assert.deepEqual(units.map((u) => u.code), ['1405', '140502', '140502002']);
    assert.deepEqual(parentCodes, ['9999']);
  });

  it('attaches rows to existing units by code and refuses codes that already exist', async () => {
    const existing: Unit[] = [{ id: 'u1405', code: '1405', name: '晋城市', level: 'city', parentId: null }];
    const csv = '代码,名称,层级,上级代码\n140502,城区,县（市、区）,1405\n1405,晋城市,市,\n';
    const { units, errors } = await parseUnitsFile(Buffer.from(csv), 'u.csv', existing);
    assert.deepEqual(units, [{ id: 'u140502', code: '140502', name: '城区', level: 'county', parentId: 'u1405' }]);
    assert.deepEqual(errors.map((e) => [e.row, e.column]), [[3, '代码']]);
  });

  it('refuses a header without the required columns, and a file over the row limit', async () => {
    const noLevel = await parseUnitsFile(Buffer.from('代码,名称\n1405,晋城市\n'), 'u.csv');
    assert.deepEqual(noLevel.errors.map((e) => [e.row, e.message.zh]), [[1, '表头缺少列：层级']]);
    const big = ['代码,名称,层级'];
    for (let i = 0; i <= MAX_UNIT_ROWS; i++) big.push(`${1_000_000 + i},网格${i},网格`);
    const tooMany = await parseUnitsFile(Buffer.from(big.join('\n')), 'big.csv');
    assert.equal(tooMany.units.length, 0);
    assert.match(tooMany.errors[0]?.message.zh ?? '', /不能超过 100000 行/);
  });

  it('refuses a legacy .xls file with a message saying what to do', async () => {
    const { errors } = await parseUnitsFile(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), 'old.xls');
    assert.match(errors[0]?.message.zh ?? '', /另存为 \.xlsx/);
  });
});

describe('parseUnitLevel', () => {
  it('accepts Chinese and English level names', () => {
    const cases: [string, string | null][] = [
      ['省', 'province'], ['市', 'city'], ['县', 'county'], ['区', 'county'], ['县级市', 'county'],
      ['乡', 'township'], ['镇', 'township'], ['街道', 'township'], ['村', 'village'], ['社区', 'village'],
      ['网格', 'grid'], ['Township', 'township'], ['county', 'county'], ['片区', null],
    ];
    for (const [text, level] of cases) assert.equal(parseUnitLevel(text), level, text);
  });
});

/** "代码,名称,层级\n140502,城区,区\n" encoded in GBK. */
function gbkOf(): Buffer {
  const ascii = (s: string) => Buffer.from(s, 'latin1');
  return Buffer.concat([
    Buffer.from([0xb4, 0xfa, 0xc2, 0xeb]), ascii(','), // 代码
    Buffer.from([0xc3, 0xfb, 0xb3, 0xc6]), ascii(','), // 名称
    Buffer.from([0xb2, 0xe3, 0xbc, 0xb6]), ascii('\n140502,'), // 层级
    Buffer.from([0xb3, 0xc7, 0xc7, 0xf8]), ascii(','), // 城区
    Buffer.from([0xc7, 0xf8]), ascii('\n'), // 区
  ]);
}
