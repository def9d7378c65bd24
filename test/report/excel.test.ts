// The Excel record read back with exceljs: numbers are numbers (rounded as the indicator is
// compared, no float noise) with the unit in its own column, one value per cell, Chinese column
// names, the override in its own columns with the reviewer and the reason.
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderReportXlsx, roundFor, RESULT_COLUMNS } from '../../shared/report/excel';
import { fingerprint } from '../../shared/report/fingerprint';
import { applyOverrides } from '../../shared/check/overrides';
import { makeBigRun, makeRun } from './fixtures';
import { tempDir } from './helpers';
import { sampleRun } from './samples';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const dir = tempDir();
  const p = join(dir, 'r.xlsx');
  writeFileSync(p, bytes);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(p);
  return wb;
}

function rows(ws: ExcelJS.Worksheet): Array<Record<string, unknown>> {
  const heads = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const out: Array<Record<string, unknown>> = [];
  ws.eachRow((r, i) => {
    if (i === 1) return;
    const o: Record<string, unknown> = {};
    heads.forEach((h, k) => (o[h] = r.getCell(k + 1).value));
    out.push(o);
  });
  return out;
}

describe('renderReportXlsx', () => {
  it('sheets, Chinese column names, frozen headers and filters', async () => {
    const run = makeRun();
    const wb = await load(await renderReportXlsx(run, { org: { name: '某某施工图审查中心' }, reportNo: 'SC-1' }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['审查结果', '审查意见', '导入数值', '计算过程', '报告信息']);
    const ws = wb.getWorksheet('审查结果')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(RESULT_COLUMNS.map((c) => c.header));
    for (const w of wb.worksheets) {
      for (const h of (w.getRow(1).values as unknown[]).slice(1)) expect(String(h), w.name).not.toMatch(/^[a-z_]+$/);
    }
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
  });

  it('one value per cell: an "或" condition gives one row per branch; numbers are numbers, units apart', async () => {
    const run = makeRun();
    const ws = (await load(await renderReportXlsx(run, { org: { name: 'x' } }))).getWorksheet('审查结果')!;
    const a1 = rows(ws).filter((r) => r['条件编号'] === 'A1' && r['单体'] === '2#楼');
    expect(a1.map((r) => r['指标'])).toEqual(['预制率', '装配率']);
    expect(a1.map((r) => r['申报值'])).toEqual([35, 52]);
    expect(a1.map((r) => r['要求值'])).toEqual([40, 60]);
    expect(a1.map((r) => r['单位'])).toEqual(['%', '%']);
    expect(a1.map((r) => r['申报值单元格'])).toEqual(['单体指标!G5', '单体指标!H5']);
    expect(a1.every((r) => r['最终结论'] === '不符合')).toBe(true);
    for (const r of rows(ws)) {
      for (const k of ['申报值', '核算值', '要求值']) {
        const v = r[k];
        if (typeof v === 'string') expect(v, `${k} ${v}`).not.toMatch(/^[\d.]+%?$/); // numbers never as text
      }
    }
    // verdict colours
    let cell: ExcelJS.Cell | undefined;
    ws.eachRow((r) => {
      if (r.getCell(3).value === 'A1' && r.getCell(6).value === '2#楼') cell = r.getCell(17);
    });
    expect(cell!.font.color?.argb).toBe('FFC62828');
  });

  it('an override in its own columns with the reviewer, the reason and the engine verdict', async () => {
    const run = applyOverrides(makeRun(), [{ conditionId: 'A1', building: '2#楼', verdict: 'pass', reason: '专家论证通过', user: '赵工', createdAt: '2026-11-19T10:00:00Z' }]);
    const ws = (await load(await renderReportXlsx(run, { org: { name: 'x' } }))).getWorksheet('审查结果')!;
    const r = rows(ws).find((x) => x['条件编号'] === 'A1' && x['单体'] === '2#楼')!;
    expect(r).toMatchObject({ 程序结论: '不符合', 最终结论: '符合', 是否改判: '是', 改判人: '赵工', 改判理由: '专家论证通过', 改判时间: '2026-11-19 10:00:00' });
    expect(String(r['说明'])).not.toContain('专家论证通过'); // the reason is not hidden inside the explanation
  });

  it('rounds as the indicator is compared: no float noise (14.760000000000002), a sheet formula result as its value', async () => {
    expect(roundFor('green_ratio', 14.760000000000002)).toBe(14.76);
    expect(roundFor('far', 2.7998486568293606)).toBe(2.8);
    expect(roundFor('assembly_ratio', 52.25)).toBe(52.3);
    const run = await sampleRun('public-mixed-songjiang');
    const wb = await load(await renderReportXlsx(run, { org: { name: 'x' } }));
    for (const w of ['审查结果', '导入数值', '计算过程']) {
      wb.getWorksheet(w)!.eachRow((row) =>
        row.eachCell((c) => {
          if (typeof c.value === 'number') expect(String(c.value), `${w} ${c.address}`).not.toMatch(/\d{9,}/);
        }),
      );
    }
    const values = rows(wb.getWorksheet('导入数值')!);
    expect(values.find((v) => v['指标'] === '容积率')).toMatchObject({ 数值: 2.8, 单元格原文: expect.any(String) });
    expect(values.find((v) => v['指标'] === '绿地率')).toMatchObject({ 数值: 21, 单位: '%' });
    // 整改建议 and 审查意见
    const findings = rows(wb.getWorksheet('审查结果')!);
    expect(String(findings.find((x) => x['条件编号'] === 'S1')!['整改建议'])).toMatch(/调蓄容积需增加 58\.5 m³/);
    const ops = rows(wb.getWorksheet('审查意见')!);
    expect(ops.map((o) => o['序号'])).toEqual(ops.map((_, i) => i + 1));
    expect(ops.every((o) => String(o['整改要求']).length > 4)).toBe(true);
  }, 30_000);

  it('report information: fingerprint, conclusion, identity', async () => {
    const run = makeRun();
    const info = (await load(await renderReportXlsx(run, { org: { name: 'x' }, project: { name: '某项目' } }))).getWorksheet('报告信息')!;
    const kv = new Map<string, unknown>();
    info.eachRow((r) => kv.set(r.getCell(1).text, r.getCell(2).value));
    expect(kv.get('报告指纹 SHA-256')).toBe(fingerprint(run).hex);
    expect(kv.get('审查结论')).toBe('不符合');
    expect(kv.get('项目名称')).toBe('某项目');
  });

  it('handles a 500-building run', async () => {
    const run = makeBigRun(500);
    const bytes = await renderReportXlsx(run, { org: { name: 'x' } });
    expect(bytes.length).toBeLessThan(3_000_000);
    const wb = await load(bytes);
    expect(wb.getWorksheet('审查结果')!.rowCount).toBeGreaterThanOrEqual(1 + run.result.findings.length);
  }, 60_000);
});
