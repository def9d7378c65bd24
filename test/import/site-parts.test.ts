// The land of a parcel stated in parts (docs/reading-sheets.md §6, shared/import/siteParts.ts):
// 总用地面积 / 其中 代征 parts / 净用地面积 are a total, parts and the net land, not three statements
// of one 用地面积. Real workbooks built with exceljs in three layouts, and negative twins: parts that
// do not add up, and a contract whose ratio is on the gross land.
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../shared/import/index';
import { evaluate } from '../../shared/check/engine';
import type { Condition, ConditionsDoc, Finding, ImportResult } from '../../shared/model/types';
import { rows, xlsx } from './helpers';

let n = 0;
async function read(data: unknown[][]): Promise<ImportResult> {
  return importWorkbook(await xlsx(`site-parts-${n++}.xlsx`, (wb) => rows(wb.addWorksheet('指标'), data)));
}
const doc = (conditions: Condition[]): ConditionsDoc => ({ format: 'landcheck.conditions/v1', contract: { city: '贵阳市' }, conditions });
const check = (i: ImportResult, conditions: Condition[]): Finding[] => evaluate(i, doc(conditions));

const FAR: Condition = { id: 'P1', indicator: 'far', op: '<=', value: 2.7, text: '容积率不大于2.7' };
const GREEN: Condition = { id: 'P2', indicator: 'green_ratio', op: '>=', value: 30, text: '绿地率不小于30%' };

/** Layout A: 项目 | 数值 | 单位, a 其中 row and the net land below it. */
const listA = (net: number) => [
  ['主要经济技术指标'],
  ['项目', '数值', '单位'],
  ['总用地面积', 30000, '平方米'],
  ['其中：代征道路用地面积', 4000, '平方米'],
  ['净用地面积', net, '平方米'],
  ['计容建筑面积', 70200, '平方米'],
  ['容积率', 2.7],
  ['绿地面积', 7930, '平方米'],
  ['绿地率', 30.5, '%'],
];
/** Layout B: 序号 | 指标 | 单位 | 设计值, indented parts without 其中, two of them, 建设用地面积 as the net land. */
const tableB = (road: number) => [
  ['序号', '指标名称', '单位', '设计值'],
  ['1', '规划用地面积', 'm²', 36000],
  ['', '    代征道路用地', 'm²', road],
  ['', '    代征绿地', 'm²', 4000],
  ['', '    建设用地面积', 'm²', 26000],
  ['2', '计容建筑面积', 'm²', 70200],
  ['3', '容积率', '', 2.7],
  ['4', '绿地率', '%', 30.5],
];
/** Layout C: a header row of keys over a row of values, no net land stated. */
const rowC = [
  ['总用地面积(㎡)', '其中代征道路用地(㎡)', '计容建筑面积(㎡)', '容积率'],
  [30000, 4000, 70200, 2.7],
];

describe('总用地面积 with 其中 parts and 净用地面积', () => {
  it('layout A: the parts add up; 用地面积 is the net land, no conflict, and the ratios pass on it', async () => {
    const i = await read(listA(26000));
    expect(i.project.site_area).toMatchObject({ value: 26000, source: '指标!B5' });
    expect(i.project.site_area.conflicts).toBeUndefined();
    expect(i.project.site_area.interpretation).toContain('指标!B4');
    expect(i.issues.filter((x) => x.indicator === 'site_area')).toEqual([]);
    const fs = check(i, [FAR, GREEN]);
    expect(fs.map((f) => [f.conditionId, f.verdict])).toEqual([
      ['P1', 'pass'],
      ['P2', 'pass'],
    ]);
    expect(fs[0].computed).toBe(2.7);
  });
  it('layout B: indented 代征 parts (two of them) and 建设用地面积 add up to 规划用地面积', async () => {
    const i = await read(tableB(6000));
    expect(i.project.site_area).toMatchObject({ value: 26000 });
    expect(i.project.site_area.conflicts).toBeUndefined();
    expect(check(i, [FAR])[0]).toMatchObject({ verdict: 'pass', computed: 2.7 });
  });
  it('layout C: no net land stated; the total less the 代征 part is the net land', async () => {
    const i = await read(rowC);
    expect(i.project.site_area).toMatchObject({ value: 26000 });
    expect(check(i, [FAR])[0]).toMatchObject({ verdict: 'pass', computed: 2.7 });
  });
  it('negative twin: parts that do not add up stay a conflict (review) naming the cells, with the sum', async () => {
    const a = await read(listA(25000));
    const f = check(a, [FAR])[0];
    expect(f).toMatchObject({ verdict: 'review', basis: 'input-conflict' });
    expect(f.message).toContain('指标!B4');
    expect(f.message).toContain('指标!B5');
    expect(a.issues.some((x) => x.message.includes('用地面积的组成不相符') && x.message.includes('= 26000'))).toBe(true);
    expect(check(await read(tableB(5000)), [FAR])[0].verdict).toBe('review');
  });
  it('negative twin: a bare 用地面积 beside a 代征 part, no net land: total or net is not said, review', async () => {
    const i = await read([
      ['项目', '数值'],
      ['用地面积（㎡）', 30000],
      ['代征道路用地面积（㎡）', 4000],
      ['计容建筑面积（㎡）', 70200],
      ['容积率', 2.34],
    ]);
    const f = check(i, [{ ...FAR, value: 2.5 }])[0];
    expect(f.verdict).toBe('review');
    expect(f.message).toContain('指标!B3');
  });
  it('negative twin: 其中：代征绿地面积 under 绿地面积 is no part of the land: the green includes it, review', async () => {
    const i = await read([
      ['项目', '数值', '单位'],
      ['总用地面积', 30000, '㎡'],
      ['计容建筑面积', 60000, '㎡'],
      ['容积率', 2.0],
      ['绿地面积', 9000, '㎡'],
      ['其中：代征绿地面积', 1200, '㎡'],
      ['绿地率', 30, '%'],
    ]);
    expect(i.project.site_area.value).toBe(30000);
    expect(i.project.green_area.remark).toContain('代征绿地');
    const f = check(i, [GREEN])[0];
    expect(f.verdict).toBe('review');
    expect(f.message).toContain('代征绿地');
    expect(check(i, [FAR])[0].verdict).toBe('pass');
  });
  it('negative twin: the contract takes the ratio over the gross land: a pass resting on the net land is review', async () => {
    const gross: Condition = { ...FAR, value: 2.8, text: '容积率不大于2.8（按总用地面积计）' };
    const f = check(await read(listA(26000)), [gross])[0];
    expect(f.verdict).toBe('review');
    expect(f.message).toContain('按净用地计');
  });
});
