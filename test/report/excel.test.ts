// The Excel export read back with exceljs.
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderReportXlsx } from '../../shared/report/excel';
import { fingerprint } from '../../shared/report/fingerprint';
import { makeBigRun, makeRun } from './fixtures';
import { tempDir } from './helpers';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const dir = tempDir();
  const p = join(dir, 'r.xlsx');
  writeFileSync(p, bytes);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(p);
  return wb;
}

describe('renderReportXlsx', () => {
  it('writes findings, imported values and report info with frozen headers, filters, widths, colours', async () => {
    const run = makeRun();
    const wb = await load(await renderReportXlsx(run, { org: { name: '某某施工图审查中心' }, reportNo: 'SC-1' }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['审查结果', '导入数值', '报告信息']);
    const ws = wb.getWorksheet('审查结果')!;
    expect(ws.getRow(1).values).toEqual([
      undefined, '序号', '条款', '条款原文', '条件编号', '适用范围', '单体', '指标', '要求值', '申报值', '取值单元格', '核算值', '结论', '说明', '计算依据',
    ]);
    expect(ws.rowCount).toBe(1 + run.result.findings.length);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.getColumn(13).width).toBe(60);
    // the failing 2#楼 A1 row: verdict red on red fill; anyOf branches listed
    let failRow: ExcelJS.Row | undefined;
    ws.eachRow((r) => {
      if (r.getCell(4).value === 'A1' && r.getCell(6).value === '2#楼') failRow = r;
    });
    expect(failRow).toBeDefined();
    const v = failRow!.getCell(12);
    expect(v.value).toBe('不符合');
    expect(v.font.color?.argb).toBe('FFC62828');
    expect((v.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFDE3E3');
    expect(failRow!.getCell(9).value).toBe('预制率：35%\n装配率：52%');
    expect(failRow!.getCell(10).value).toBe('单体指标!G5\n单体指标!H5');
    expect(failRow!.getCell(3).value).toContain('单体预制率不低于40%或单体装配率不低于60%');

    const vs = wb.getWorksheet('导入数值')!;
    let found = false;
    vs.eachRow((r) => {
      if (r.getCell(1).value === '3#楼' && r.getCell(3).value === 'assembly_ratio') {
        found = true;
        expect(r.getCell(4).value).toBe(63);
        expect(r.getCell(6).value).toBe('单体指标!H6');
      }
    });
    expect(found).toBe(true);
    expect(vs.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

    const info = wb.getWorksheet('报告信息')!;
    const kv = new Map<string, unknown>();
    info.eachRow((r) => kv.set(String(r.getCell(1).value), r.getCell(2).value));
    expect(kv.get('报告指纹 SHA-256')).toBe(fingerprint(run).hex);
    expect(kv.get('审查结论')).toBe('不符合');
  });

  it('handles a 500-building run', async () => {
    const run = makeBigRun(500);
    const t0 = performance.now();
    const bytes = await renderReportXlsx(run, { org: { name: 'x' } });
    const ms = performance.now() - t0;
    expect(bytes.length).toBeLessThan(3_000_000);
    expect(ms).toBeLessThan(10_000);
    const wb = await load(bytes);
    expect(wb.getWorksheet('审查结果')!.rowCount).toBe(1 + run.result.findings.length);
  });
});
