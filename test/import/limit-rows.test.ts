// A row named for the limit (建筑限高, 容积率上限) in a 规划条件 | 设计指标 对照表: the label names the
// row's subject, the requirement column holds the limit and the design column the design value
// (shared/import/emitValue.ts limitRow; indicators.json limitLabels). Alone, or with no
// requirement beside it, the row states the limit and is no design value. Real workbooks in two
// layouts, with their negative twins.
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../shared/import/index';
import { evaluate } from '../../shared/check/engine';
import type { Condition, Finding } from '../../shared/model/types';
import { rows, xlsx } from './helpers';

const H: Condition = { id: 'H', indicator: 'building_height', op: '<=', value: 24 };
const F: Condition = { id: 'F', indicator: 'far', op: '<=', value: 2.0 };

let n = 0;
async function check(data: unknown[][]): Promise<Finding[]> {
  const r = await importWorkbook(await xlsx(`limit-${n++}.xlsx`, (wb) => rows(wb.addWorksheet('指标对照'), data)));
  return evaluate(r, { format: 'landcheck.conditions/v1', contract: { city: '潍坊市' }, conditions: [H, F] });
}

describe('a row named for the limit', () => {
  it('规划条件 before 设计指标: 建筑限高 ≤24 | 25.2 fails, 容积率上限 ≤2.0 | 1.96 passes', async () => {
    const fs = await check([['项目', '规划条件', '设计指标', '单位'], ['建筑限高', '≤24', 25.2, 'm'], ['容积率上限', '≤2.0', 1.96]]);
    expect(fs.map((f) => [f.verdict, f.declared])).toEqual([['fail', 25.2], ['pass', 1.96]]);
  });

  it('设计值 before 规划要求, 控高 in the label: 23.7 ≤ 24 passes', async () => {
    const fs = await check([['指标名称', '设计值', '规划要求'], ['建筑控高(m)', 23.7, '不超过24m'], ['容积率', 1.9, '≤2.0']]);
    expect(fs.map((f) => f.verdict)).toEqual(['pass', 'pass']);
  });

  it('negative twins: alone (项目 | 数值) or with its requirement cell empty, the row is the limit, never the design value', async () => {
    const alone = await check([['项目', '数值', '单位'], ['建筑限高', 24, 'm'], ['容积率上限', 2.0]]);
    expect(alone.map((f) => f.verdict)).toEqual(['missing', 'missing']);
    const empty = await check([['项目', '规划条件', '设计指标'], ['建筑限高', undefined, 24], ['容积率', '≤2.0', 1.96]]);
    expect(empty[0].verdict).toBe('missing');
  });
});
