// 下垫面 tables (下垫面类型 | 面积 | 径流系数 [| 面积×径流系数], 合计 row) read into the runoff inputs:
// F = Σ Fi, φ = Σ Fi·φi / Σ Fi, V = 10·H·φ·F (《海绵城市建设技术指南》容积法; GB 50014-2021 附录A).
// Real workbooks in two layouts, a 合计 the rows contradict, and storage short of V.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../shared/check/engine';
import { importWorkbook } from '../../shared/import/index';
import type { Condition, ConditionsDoc, Finding, ImportResult } from '../../shared/model/types';
import { rows, xlsx } from './helpers';

const RUNOFF: Condition = { id: 'S1', text: '年径流总量控制率不低于75%（对应设计降雨量27.8mm）', indicator: 'runoff_capture', op: '>=', value: 75, companion: { design_rainfall: 27.8 } };

let n = 0;
async function load(fill: (wb: ExcelJS.Workbook) => void): Promise<ImportResult> {
  return importWorkbook(await xlsx(`surface-${n++}.xlsx`, fill));
}
async function check(fill: (wb: ExcelJS.Workbook) => void): Promise<Finding> {
  const doc: ConditionsDoc = { format: 'landcheck.conditions/v1', contract: { city: '济南市', signedOn: '2025-03-01' }, conditions: [RUNOFF] };
  return evaluate(await load(fill), doc)[0];
}

const indicators = (wb: ExcelJS.Workbook) =>
  rows(wb.addWorksheet('指标'), [['海绵城市设计指标'], ['指标', '数值', '单位'], ['年径流总量控制率', '75%'], ['设计降雨量', 27.8, 'mm']]);
const facilities = (volumes: [number, number]) => (wb: ExcelJS.Workbook) =>
  rows(wb.addWorksheet('设施'), [['设施名称', '有效调蓄容积(m³)'], ['下沉式绿地', volumes[0]], ['雨水回用池', volumes[1]], ['合计', volumes[0] + volumes[1]]]);

/** 下垫面类型 | 面积(㎡) | 径流系数 | 面积×径流系数, on a sheet of its own with a title. */
const withProducts = (F: number, phi: number, volumes: [number, number]) => (wb: ExcelJS.Workbook) => {
  indicators(wb);
  rows(wb.addWorksheet('下垫面'), [
    ['下垫面解析表'],
    ['下垫面类型', '面积(㎡)', '径流系数', '面积×径流系数'],
    ['屋面', 6000, 0.9, 5400],
    ['道路及硬质铺装', 5000, 0.9, 4500],
    ['透水铺装', 2000, 0.4, 800],
    ['绿地', 7000, 0.15, 1050],
    ['合计', F, phi, 11750],
  ]);
  facilities(volumes)(wb);
};

/** 序号 | 下垫面 | 面积（hm²） | 雨量径流系数 | 备注, below the indicators on one sheet. */
const numbered = (volumes: [number, number]) => (wb: ExcelJS.Workbook) => {
  rows(wb.addWorksheet('海绵城市'), [
    ['指标', '数值', '单位'],
    ['年径流总量控制率', '75%'],
    ['设计降雨量', 27.8, 'mm'],
    [],
    ['序号', '下垫面', '面积（hm²）', '雨量径流系数', '备注'],
    [1, '屋面', 0.6, 0.9, '含绿色屋顶'],
    [2, '硬质铺装', 0.5, 0.9],
    [3, '透水铺装', 0.2, 0.4],
    [4, '绿地', 0.7, 0.15],
  ]);
  facilities(volumes)(wb);
};

describe('下垫面 tables are read into F and φ', () => {
  it('with a 面积×径流系数 column and a 合计 row: surfaces, F and φ traced to their cells', async () => {
    const r = await load(withProducts(20000, 0.5875, [225, 120]));
    expect(r.surfaces.map((s) => [s.name, s.area, s.coefficient, s.source])).toEqual([
      ['屋面', 6000, 0.9, '下垫面!A3'],
      ['道路及硬质铺装', 5000, 0.9, '下垫面!A4'],
      ['透水铺装', 2000, 0.4, '下垫面!A5'],
      ['绿地', 7000, 0.15, '下垫面!A6'],
    ]);
    expect(r.project.catchment_area).toMatchObject({ value: 20000, source: '下垫面!B7' });
    expect(r.project.runoff_coefficient).toMatchObject({ value: 0.5875, source: '下垫面!C7' });
    expect((r.unread ?? []).filter((u) => u.sheet === '下垫面')).toEqual([]);
  });

  it('storage 345 m³ ≥ V = 10 × 27.8 × 0.5875 × 2.0 = 326.6 m³: the 75 % rate passes (both layouts)', async () => {
    const a = await check(withProducts(20000, 0.5875, [225, 120]));
    expect(a.verdict).toBe('pass');
    expect(a.basis).not.toBe('unread-table');
    // hm² and a 序号 column; no 合计 row: F and φ from the rows
    const b = await check(numbered([225, 120]));
    expect(b.verdict).toBe('pass');
  });

  it('negative twin: storage short of V fails or is reviewed, never passes', async () => {
    for (const fill of [withProducts(20000, 0.5875, [200, 100]), numbered([200, 100])]) {
      const f = await check(fill);
      expect(f.verdict).not.toBe('pass');
      // judged on the storage against V, not left unread
      expect(f.basis).not.toBe('unread-table');
      expect(f.message).toMatch(/32[0-9](\.[0-9]+)? m³/);
    }
  });

  it('negative twin: a 合计 row the rows do not add up to is a contradiction naming the cell', async () => {
    const f = await check(withProducts(19000, 0.5875, [225, 120]));
    expect(f.verdict).toBe('review');
    expect(f.message).toContain('下垫面!B7');
    const g = await check(withProducts(20000, 0.45, [225, 120]));
    expect(g.verdict).toBe('review');
    expect(g.message).toContain('下垫面!C7');
  });
});

describe('下垫面 columns chosen by what their headers say, not by position', () => {
  // ΣψA = 6000×0.9 + 5000×0.9 + 9000×0.15 = 11250 m², V = 10 × 27.8 × 11250 / 10000 = 312.75 m³
  const table = (head: string[], row: (name: string, area: number, share: string, rain: number, flow: number) => unknown[]) => (wb: ExcelJS.Workbook) => {
    indicators(wb);
    rows(wb.addWorksheet('下垫面'), [
      ['下垫面解析表'],
      head,
      row('屋面', 6000, '30%', 0.9, 1.0),
      row('道路', 5000, '25%', 0.9, 0.9),
      row('绿地', 9000, '45%', 0.15, 0.25),
    ]);
    facilities([200, 100])(wb);
  };

  it('面积占比 before 面积(㎡): the share is no area; 300 m³ < V 312.75 m³ refutes 75 % (read as areas, 30 + 25 + 45 “㎡” would need 1.4 m³ and pass)', async () => {
    const r = await load(table(['下垫面类型', '面积占比(%)', '面积(㎡)', '雨量径流系数'], (n, a, sh, rain) => [n, sh, a, rain]));
    expect((r.surfaces ?? []).map((x) => x.area)).toEqual([6000, 5000, 9000]);
    const f = await check(table(['下垫面类型', '面积占比(%)', '面积(㎡)', '雨量径流系数'], (n, a, sh, rain) => [n, sh, a, rain]));
    expect(f.verdict).not.toBe('pass');
    expect(f.message).toContain('313 m³');
  });

  it('流量径流系数 before 雨量径流系数: the 容积法 reads ψc (0.9, 0.9, 0.15), in either order', async () => {
    for (const flowFirst of [true, false]) {
      const head = flowFirst ? ['下垫面类型', '面积(㎡)', '流量径流系数', '雨量径流系数'] : ['下垫面类型', '面积(㎡)', '雨量径流系数', '流量径流系数'];
      const r = await load(table(head, (n, a, _sh, rain, flow) => (flowFirst ? [n, a, flow, rain] : [n, a, rain, flow])));
      expect((r.surfaces ?? []).map((x) => x.coefficient), String(flowFirst)).toEqual([0.9, 0.9, 0.15]);
    }
  });
});
