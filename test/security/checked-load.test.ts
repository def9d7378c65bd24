// exceljs parses exactly the parts the package checks read (shared/import/checkedLoad.ts,
// docs/security.md §2): under the names the checks classified them by, from the bytes they
// scanned. Packages that name a part one way for the checks and another way for a zip reader.
import { describe, expect, it } from 'vitest';
import { zipOf } from '../helpers/files';
import { importWorkbookBuffer } from '../../shared/import/index';
import { answersCheckedPackages } from '../../shared/import/checkedLoad';
import { InputError } from '../../shared/errors';
import { SMALL_SHEET, sheetXml, xlsxEntries } from './hostile';

const LOCAL_SIG = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** The package with the local header of entry `name` renamed to `local` (same length). */
function renameLocal(buf: Buffer, name: string, local: string): Buffer {
  expect(Buffer.byteLength(local)).toBe(Buffer.byteLength(name));
  const out = Buffer.from(buf);
  for (let p = out.indexOf(LOCAL_SIG); p >= 0; p = out.indexOf(LOCAL_SIG, p + 4)) {
    const len = out.readUInt16LE(p + 26);
    if (out.toString('utf8', p + 30, p + 30 + len) === name) {
      out.write(local, p + 30, 'utf8');
      return out;
    }
  }
  throw new Error(`no local header ${name}`);
}

const rows = (n: number) => Array.from({ length: n }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i % 10}</v></c></row>`).join('');

describe('exceljs is given the checked parts', () => {
  it('the answering JSZip is installed on the JSZip exceljs uses', () => {
    expect(answersCheckedPackages()).toBe(true);
  });

  it('a part is read under its central-directory name, not another name in its local header', async () => {
    // The checks see a part that is not XML ("sheet2.bin": only its size is checked); the local
    // header calls it a worksheet. A zip reader that trusts the local header would hand exceljs
    // a sheet no check had counted; the checked parts never include it.
    const hidden = sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>绿地率</t></is></c><c r="B1"><v>77.7</v></c></row>');
    const entries = xlsxEntries([
      { name: 'S', xml: SMALL_SHEET },
      { name: '隐藏', xml: hidden },
    ]);
    const sheet2 = entries.find((e) => e.name === 'xl/worksheets/sheet2.xml')!;
    sheet2.name = 'xl/worksheets/sheet2.bin';
    const buf = renameLocal(zipOf(entries), 'xl/worksheets/sheet2.bin', 'xl/worksheets/sheet2.xml');
    const imp = await importWorkbookBuffer(buf, '本地名.xlsx');
    expect(imp.project.far?.value).toBe(2.1);
    expect(imp.project.green_ratio).toBeUndefined();
    expect(JSON.stringify(imp)).not.toContain('77.7');
  });

  it('a part name with "." segments is checked as the sheet exceljs reads it as', async () => {
    // JSZip resolves "xl/./worksheets/sheet1.xml" to the sheet; the row limit applies to it.
    const entries = xlsxEntries([{ name: '明细', xml: sheetXml(rows(200_001)) }]);
    entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!.name = 'xl/./worksheets/sheet1.xml';
    const err = await importWorkbookBuffer(zipOf(entries), '点段.xlsx').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toContain('工作表“明细”');
    expect((err as Error).message).toContain('200,000 行');
  });

  it('a part name with "." segments that passes the checks still reads', async () => {
    const entries = xlsxEntries([{ name: 'S', xml: SMALL_SHEET }]);
    entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!.name = 'xl/worksheets/./sheet1.xml';
    const imp = await importWorkbookBuffer(zipOf(entries), '点段2.xlsx');
    expect(imp.sheets).toEqual(['S']);
    expect(imp.project.far?.value).toBe(2.1);
  });
});

describe('each part is inflated once', () => {
  it('the parts the checks inflated whole are kept with exactly their bytes, and the workbook reads from them', async () => {
    const { checkPackage } = await import('../../shared/import/guard');
    const { inflatePart } = await import('../../shared/import/zipEntries');
    const buf = zipOf(xlsxEntries([{ name: 'S', xml: sheetXml(rows(300)) }]));
    const stats = await checkPackage(buf, '一次解压.xlsx');
    const sheet = stats.parts.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    expect(stats.inflated.has(sheet)).toBe(true);
    for (const [en, data] of stats.inflated) {
      expect(stats.parts).toContain(en);
      expect(data.equals(inflatePart(buf, en, 'x'))).toBe(true);
    }
    const imp = await importWorkbookBuffer(buf, '一次解压.xlsx');
    expect(imp.sheets).toEqual(['S']);
  });
});
