// 需调蓄容积 (the volume the design must control) beside 设计调蓄容积 (what the design provides) on one
// sheet are two quantities (shared/data/label-twins.json, shared/import/twins.ts): the runoff
// recomputation compares the provided storage with V = 10·H·φ·F. Real workbooks built with exceljs,
// in two layouts, each with a twin whose storage is short and must never pass.
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../shared/import/index';
import { evaluate } from '../../shared/check/engine';
import { INDICATORS } from '../../shared/model/indicators';
import twins from '../../shared/data/label-twins.json';
import type { Condition, ConditionsDoc, Finding, ImportResult } from '../../shared/model/types';
import { rows, xlsx } from './helpers';

const S1: Condition = { id: 'S1', indicator: 'runoff_capture', op: '>=', value: 75, companion: { design_rainfall: 22.2 } };
const contract = { parcel: '05-02地块', city: '上海市', signedOn: '2025-03-01' };

let n = 0;
async function load(data: unknown[][]): Promise<ImportResult> {
  const path = await xlsx(`twins-${n++}.xlsx`, (wb) => rows(wb.addWorksheet('海绵城市计算'), data));
  return importWorkbook(path);
}
function check(r: ImportResult, conditions: Condition[] = [S1]): Finding[] {
  const doc: ConditionsDoc = { format: 'landcheck.conditions/v1', contract, conditions };
  return evaluate(r, doc);
}

// F 42000 m², φ 0.54, H 22.2 mm → V = 22.2 × 0.54 × 42000 / 1000 = 503.5 m³
const keyValue = (provided: string) => [
  ['海绵城市专项指标'],
  ['指标', '数值'],
  ['汇水面积', '4.2公顷'],
  ['综合雨量径流系数', '0.54'],
  ['设计降雨量', '22.2mm'],
  ['需调蓄容积', '503.5立方米'],
  ['设计调蓄容积', provided],
  ['年径流总量控制率', '75%'],
];
// A 计算书 layout: 项目 | 符号 | 单位 | 数值, the provided storage first, the need after it
const calcSheet = (provided: number) => [
  ['年径流总量控制率计算'],
  ['项目', '符号', '单位', '数值'],
  ['场地总面积', 'F', '㎡', 42000],
  ['综合径流系数', 'φ', '', 0.54],
  ['设计降雨量', 'H', 'mm', 22.2],
  ['设计调蓄容积', 'V设', 'm³', provided],
  ['所需调蓄容积', 'V', 'm³', 503.5],
  ['年径流总量控制率', 'α', '%', 75],
];

describe('storage twins: 需调蓄容积 and 设计调蓄容积 on one sheet', () => {
  it('the data names only labels of its indicators', () => {
    const labels = (id: string) => new Set(INDICATORS.find((d) => d.id === id)!.labels);
    for (const t of twins.twins) {
      for (const l of [...t.needed, ...t.designed]) expect(labels(t.indicator).has(l), l).toBe(true);
      expect(INDICATORS.some((d) => d.id === t.designedIs)).toBe(true);
    }
  });

  it('key/value list: the 设计 figure is the provided storage and the recomputation passes', async () => {
    const r = await load(keyValue('540立方米'));
    expect(r.project.storage_required).toMatchObject({ value: 503.5, source: '海绵城市计算!B6' });
    expect(r.project.storage_provided).toMatchObject({ value: 540, source: '海绵城市计算!B7' });
    expect(r.project.storage_provided.interpretation).toContain('所需的量');
    expect(r.project.storage_required.conflicts).toBeUndefined();
    const [f] = check(r);
    expect([f.verdict, f.basis]).toEqual(['pass', 'declared-pass']);
    expect(f.calculation?.details?.V_provided).toBe(540);
  });

  it('key/value list, negative twin: provided 480 m³ < 503.5 m³ never passes', async () => {
    const [f] = check(await load(keyValue('480立方米')));
    expect(f.verdict).not.toBe('pass');
    expect(['fail', 'review']).toContain(f.verdict);
  });

  it('calculation table with the need after the provided figure: passes on 540', async () => {
    const r = await load(calcSheet(540));
    expect(r.project.storage_provided).toMatchObject({ value: 540 });
    expect(r.project.storage_required).toMatchObject({ value: 503.5 });
    const [f] = check(r);
    expect(f.verdict).toBe('pass');
  });

  it('calculation table, negative twin: provided 450 m³ is short and never passes', async () => {
    // 场地总面积 is no 汇水面积, so V cannot be recomputed: the sheet's own need still refutes it
    const [f] = check(await load(calcSheet(450)));
    expect(['fail', 'review']).toContain(f.verdict);
    expect(f.message).toContain('小于表格自列的需调蓄容积 503.5');
  });

  it('no φ and no F: the sheet’s own need against its storage still refutes (所需 352 | 合计 310), in a list and a numbered table; 360 m³ adds nothing either way', async () => {
    const S: Condition = { id: 'S1', indicator: 'runoff_capture', op: '>=', value: 75 };
    const list = (v: number) => [['海绵城市设计指标'], ['项目', '数值'], ['年径流总量控制率', '75%'], ['对应设计降雨量(mm)', 26.2], ['所需调蓄容积(m³)', 352], ['调蓄容积合计(m³)', v]];
    const table = (v: number) => [['序号', '指标', '单位', '设计值'], [1, '年径流总量控制率', '%', 75], [2, '需调蓄容积', 'm³', 352], [3, '实际调蓄容积', 'm³', v]];
    for (const data of [list, table]) {
      expect(check(await load(data(310)), [S])[0]).toMatchObject({ verdict: 'review', basis: 'declared-unsupported' });
      expect(check(await load(data(360)), [S])[0]).toMatchObject({ verdict: 'pass' });
    }
  });

  it('设计调蓄容积 alone keeps the 容积法 meaning (the needed V), so facility rows stay the provided storage', async () => {
    const r = await load([
      ['海绵城市计算'],
      ['指标', '数值'],
      ['汇水面积', 42000],
      ['综合雨量径流系数', 0.54],
      ['设计降雨量', 22.2],
      ['设计调蓄容积', 503.5],
      ['实际调蓄容积', 480],
      ['年径流总量控制率', '75%'],
    ]);
    expect(r.project.storage_required).toMatchObject({ value: 503.5 });
    expect(r.project.storage_provided).toMatchObject({ value: 480 });
    expect(check(r)[0].verdict).not.toBe('pass');
  });

  it('a shortfall (达到目标还需调蓄容积) is not the needed volume', async () => {
    const r = await load([
      ['指标', '数值'],
      ['汇水面积', 42000],
      ['综合雨量径流系数', 0.54],
      ['设计降雨量', 22.2],
      ['达到目标还需调蓄容积', 20],
      ['设计调蓄容积', 503.5],
      ['年径流总量控制率', '75%'],
    ]);
    // the shortfall names no quantity the engine reads; 设计调蓄容积 stays the needed V
    expect(r.project.storage_provided).toBeUndefined();
    expect(r.project.storage_required).toMatchObject({ value: 503.5 });
  });
});
