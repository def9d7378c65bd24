// Hostile and faulty workbooks through `npm run check` (a child process, peak memory measured):
// each is refused with exit 3 and one Chinese message naming the file (and the sheet where a
// sheet is at fault), within seconds and well under 1 GB. Malformed files whose refusal costs no
// memory go through the API instead (same reader, in a worker; faster to run).
import { closeSync, ftruncateSync, mkdirSync, openSync, readFileSync, symlinkSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness } from '../api/harness';
import { cfb, zip, zipBomb, zipOf } from '../helpers/files';
import {
  SAMPLE_CONDITIONS,
  SAMPLE_XLSX,
  SMALL_SHEET,
  TIME_BOUND_MS,
  XML_BOMB,
  XXE,
  cli,
  deepSheet,
  gridSheet,
  manyBigSheets,
  manyEntries,
  patchCentral,
  sharedStrings,
  sheetXml,
  tempDir,
  write,
  xlsxEntries,
  xlsxOf,
} from './hostile';
import { expectApiError, expectRefused } from './expect';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const api = apiHarness();
let projectId = 0;
beforeAll(async () => {
  projectId = (await api.call('projects.create', { name: '恶意文件' })).id;
});

/** import.workbook through the API boundary, timed. */
async function imp(fileName: string, bytes: Buffer) {
  const t = Date.now();
  const env = await api.raw('import.workbook', { projectId, fileName, dataBase64: bytes.toString('base64') });
  expect(Date.now() - t).toBeLessThan(TIME_BOUND_MS);
  return env;
}

const check = (sheet: string) => cli('check', [sheet, '--conditions', SAMPLE_CONDITIONS]);
const bad = (name: string, bytes: Buffer | string) => check(write(tmp.path(name), bytes));

describe('files that are not workbooks (API: import.workbook)', () => {
  it('an empty file', async () => expectApiError(await imp('空.xlsx', Buffer.alloc(0)), undefined, '空.xlsx', '空文件'));
  it('random bytes', async () => expectApiError(await imp('随机.xlsx', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251))), undefined, '随机.xlsx', '不是 Excel 工作簿'));
  it('a legacy .xls', async () => expectApiError(await imp('旧版.xls', cfb(['Root Entry', 'Workbook', 'SummaryInformation'])), undefined, '旧版.xls', '97-2003'));
  it('a password-protected workbook', async () => expectApiError(await imp('加密.xlsx', cfb(['Root Entry', 'EncryptionInfo', 'EncryptedPackage'])), undefined, '加密.xlsx', '密码保护'));
  it('a truncated workbook', async () => expectApiError(await imp('截断.xlsx', readFileSync(SAMPLE_XLSX).subarray(0, 5000)), undefined, '截断.xlsx', '已损坏'));
  it('a corrupt workbook (bytes flipped inside a compressed part)', async () => {
    const b = Buffer.from(readFileSync(SAMPLE_XLSX));
    for (let i = 300; i < 400; i++) b[i] ^= 0x5a;
    expectApiError(await imp('损坏.xlsx', b), undefined, '损坏.xlsx');
  });
  it('a zip that holds no workbook', async () => expectApiError(await imp('其他.zip', zip('readme.txt', Buffer.from('hello'))), undefined, '其他.zip', '没有 Excel 工作表'));
  it('an encrypted zip entry', async () => {
    const b = patchCentral(xlsxOf([{ name: 'S', xml: SMALL_SHEET }]), 'xl/worksheets/sheet1.xml', { flags: 1 });
    expectApiError(await imp('条目加密.xlsx', b), undefined, '条目加密.xlsx', '已加密');
  });
  it('an unsupported compression method', async () => {
    const b = patchCentral(xlsxOf([{ name: 'S', xml: SMALL_SHEET }]), 'xl/worksheets/sheet1.xml', { method: 12 });
    expectApiError(await imp('压缩方式.xlsx', b), undefined, '压缩方式.xlsx', '不支持的压缩方式');
  });
  it('a zip directory pointing past the end of the file', async () => {
    const b = Buffer.from(xlsxOf([{ name: 'S', xml: SMALL_SHEET }]));
    b.writeUInt32LE(b.length * 2, b.length - 6); // EOCD: offset of the central directory
    expectApiError(await imp('目录越界.xlsx', b), undefined, '目录越界.xlsx', '已损坏');
  });
});

describe('paths that are not workbooks', () => {
  it('a missing file', async () => expectRefused(await check(tmp.path('没有这个文件.xlsx')), '找不到文件', '没有这个文件.xlsx'));
  it('/dev/zero as the workbook: refused at once, not read', async () => expectRefused(await check('/dev/zero'), '/dev/zero', '不是普通文件'));
  it('a FIFO as the workbook: refused at once, no hang', async () => {
    const fifo = tmp.path('管道.xlsx');
    execFileSync('mkfifo', [fifo]);
    expectRefused(await check(fifo), '管道.xlsx', '不是普通文件');
  });
  it('a folder as the workbook', async () => {
    mkdirSync(tmp.path('文件夹.xlsx'));
    expectRefused(await check(tmp.path('文件夹.xlsx')), '文件夹.xlsx', '文件夹');
  });
  it('a symlink to /dev/zero as the workbook', async () => {
    symlinkSync('/dev/zero', tmp.path('链接.xlsx'));
    expectRefused(await check(tmp.path('链接.xlsx')), '链接.xlsx', '不是普通文件');
  });
  it('a workbook over 50 MB (sparse: refused by size, never read)', async () => {
    const p = tmp.path('巨大.xlsx');
    const fd = openSync(p, 'w');
    ftruncateSync(fd, 80 * 1024 * 1024);
    closeSync(fd);
    expectRefused(await check(p), '巨大.xlsx', '过大', '50 MB');
  });
});

describe('zip bombs and lying zips', () => {
  it('a classic zip bomb (1 GB of zeros)', async () => expectRefused(await bad('炸弹.xlsx', zipBomb(1)), '炸弹.xlsx', '解压后过大'));
  it('headers that understate the size (40 MB declared as 1 KB)', async () => {
    const entries = xlsxEntries([{ name: 'S', xml: SMALL_SHEET }]);
    entries[4] = { name: 'xl/worksheets/sheet1.xml', deflated: deflateRawSync(Buffer.alloc(40 * 1024 * 1024, 0x20)), size: 1024 };
    expectRefused(await bad('谎报.xlsx', zipOf(entries)), '谎报.xlsx', '超过声明大小');
  });
  it("the issue's workbook: 29 sheets × 9.9 MB of XML in under 1 MB, refused fast", async () => {
    const b = manyBigSheets(29, 9.9);
    expect(b.length).toBeLessThan(1024 * 1024);
    const r = await bad('二十九表.xlsx', b);
    expectRefused(r, '二十九表.xlsx', '解压后过大');
    expect(r.ms).toBeLessThan(10_000);
  });
  it('one 9.9 MB sheet at 340:1 (under the old 10 MB floor)', async () => expectRefused(await bad('单表.xlsx', manyBigSheets(1, 9.9)), '单表.xlsx', '压缩比'));
  it('a package of 20,000 entries', async () => expectRefused(await bad('条目.xlsx', manyEntries(20_000)), '条目.xlsx', '个压缩条目', '10,000'));
});

describe('hostile XML inside a valid package', () => {
  it('an entity-expansion bomb (billion laughs)', async () => expectRefused(await bad('实体炸弹.xlsx', xlsxOf([{ name: '指标', xml: XML_BOMB }])), '实体炸弹.xlsx', '工作表“指标”', 'DOCTYPE'));
  it('an external entity (XXE) pointing at a local file', async () => expectRefused(await bad('外部实体.xlsx', xlsxOf([{ name: '指标', xml: XXE }])), '外部实体.xlsx', 'DOCTYPE'));
  it('sheet XML nested 100,000 deep: refused before parsing, naming the sheet (no stack overflow)', async () =>
    expectRefused(await bad('深层.xlsx', xlsxOf([{ name: '单体指标', xml: deepSheet(100_000) }])), '深层.xlsx', '工作表“单体指标”', '嵌套超过 100 层'));
  it('deep nesting in another part (styles.xml)', async () => {
    const styles = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${'<x>'.repeat(5000)}${'</x>'.repeat(5000)}</styleSheet>`;
    expectRefused(await bad('深层样式.xlsx', xlsxOf([{ name: 'S', xml: SMALL_SHEET }], [{ name: 'xl/styles.xml', content: styles }])), '深层样式.xlsx', 'xl/styles.xml', '嵌套');
  });
  it('a 1,000,000-row sheet', async () => {
    const rows = Array.from({ length: 1_000_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
    const r = await bad('百万行.xlsx', xlsxOf([{ name: '明细', xml: sheetXml(rows) }]));
    expectRefused(r, '百万行.xlsx', '工作表“明细”', '200,000 行');
  });
  it('520,000 cells over the whole workbook', async () => expectRefused(await bad('单元格.xlsx', xlsxOf([{ name: '宽表', xml: gridSheet(2600, 200) }])), '单元格.xlsx', '工作表“宽表”', '500,000 个单元格'));
  it('a merged range over the whole grid (exceljs would create 17 billion cells)', async () =>
    expectRefused(
      await bad('合并.xlsx', xlsxOf([{ name: '封面', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>', '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>') }])),
      '合并.xlsx',
      '工作表“封面”',
      '合并单元格',
    ));
  it('a data validation over a million cells', async () =>
    expectRefused(
      await bad('验证.xlsx', xlsxOf([{ name: '填报', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>', '<dataValidations count="1"><dataValidation type="list" sqref="A1:Z100000"><formula1>"是,否"</formula1></dataValidation></dataValidations>') }])),
      '验证.xlsx',
      '工作表“填报”',
      '数据验证',
    ));
  it('a column definition up to column 1,000,000,000', async () =>
    expectRefused(await bad('列.xlsx', xlsxOf([{ name: '列宽', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>', '', '<cols><col min="1" max="1000000000" width="9"/></cols>') }])), '列.xlsx', '工作表“列宽”', '最大列数'));
  it('a row number beyond Excel', async () =>
    expectRefused(await bad('行号.xlsx', xlsxOf([{ name: 'S', xml: sheetXml('<row r="99999999"><c r="A1"><v>1</v></c></row>') }])), '行号.xlsx', '超出 Excel 的范围'));
  it('a defined name (print area) over the whole grid', async () =>
    expectRefused(
      await bad('名称.xlsx', xlsxOf([{ name: 'S', xml: SMALL_SHEET }], [], '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">S!$A$1:$XFD$1048576</definedName></definedNames>')),
      '名称.xlsx',
      '名称定义',
    ));
  it('a defined name mixing "$A$1" and a bare corner (S!$A$1:XFD1048576)', async () =>
    expectRefused(
      await bad('名称2.xlsx', xlsxOf([{ name: 'S', xml: SMALL_SHEET }], [], '<definedNames><definedName name="区域">S!$A$1:XFD1048576</definedName></definedNames>')),
      '名称2.xlsx',
      '名称定义',
    ));
  it('510,000 shared strings', async () =>
    expectRefused(await bad('字符串.xlsx', xlsxOf([{ name: 'S', xml: SMALL_SHEET }], [{ name: 'xl/sharedStrings.xml', content: sharedStrings(510_000, true) }])), '字符串.xlsx', '共享字符串'));
});

describe('a large but honest workbook still reads', () => {
  it('30,000 cells import in seconds and well under the memory bound', async () => {
    const r = await check(write(tmp.path('大而正常.xlsx'), xlsxOf([{ name: '明细', xml: gridSheet(3_000, 10) }])));
    // not refused for its size: the check ran (and found the sheet has no indicators)
    expect(r.stderr).not.toContain('上限');
    expect([0, 1, 2]).toContain(r.code);
    expect(r.rssMb).toBeLessThan(1024);
  });
});
