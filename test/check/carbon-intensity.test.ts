// 单位建筑面积年碳排放量 recomputed from a stated annual total over the area it is per (GB/T 51366-2019,
// shared/data/ratios.json), end to end on real workbooks of two layouts, with their twins.
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { checkImported } from '../../shared/check/run';
import { importWorkbook } from '../../shared/import/index';
import type { ConditionsDoc } from '../../shared/model/types';
import { rows, tmp, xlsx } from '../import/helpers';

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const conditions = (limit: number): ConditionsDoc => ({
  format: 'landcheck.conditions/v1',
  contract: { city: '武汉市' },
  conditions: [{ id: 'C1', indicator: 'carbon_intensity', op: '<=', value: limit }],
});

async function check(path: string, limit = 26) {
  const imported = await importWorkbook(path);
  const run = checkImported(imported, conditions(limit), 'c.json');
  return { imported, finding: run.result.findings[0], result: run.result };
}

/** Layout A: a key/value list with a unit column, areas in 万㎡ and the total in 万tCO₂/a. */
function listLayout(total: number, totalUnit: string, declared: number | null, label = '运行阶段碳排放量') {
  return xlsx(`list-${total}-${totalUnit.replace(/\W/g, '')}-${declared}-${label.length}.xlsx`, (wb) => {
    const data: unknown[][] = [['指标', '数值', '单位'], ['建筑面积', 8.6, '万㎡'], [label, total, totalUnit]];
    if (declared !== null) data.push(['单位建筑面积年碳排放量', declared, 'kgCO₂/(m²·a)']);
    rows(wb.addWorksheet('碳排放计算'), data);
  });
}

/** Layout B: a titled 计算书 table (序号 | 项目 | 设计值 | 备注) on a second sheet, units in the labels, m² and tCO₂/a. */
function bookLayout(total: number, declared: number) {
  return xlsx(`book-${total}-${declared}.xlsx`, (wb) => {
    rows(wb.addWorksheet('封面'), [[], ['某地块项目'], ['建筑碳排放计算书']]);
    rows(wb.addWorksheet('运行碳排放'), [
      ['建筑运行阶段碳排放计算（GB/T 51366-2019）'],
      ['序号', '项目', '设计值', '备注'],
      [1, '总建筑面积（㎡）', 52000, '计算建筑面积'],
      [2, '建筑年碳排放总量（tCO₂/a）', total, '电力、天然气折算'],
      [3, '单位建筑面积年碳排放量（kgCO₂/(m²·a)）', declared, null],
    ]);
  });
}

describe('碳排放强度 from the annual total and the area', () => {
  it('a total that gives more than the declared intensity refutes a declared pass (list layout, 万 units) → review', async () => {
    // 0.26 万tCO₂/a = 2600 t; 2600 × 1000 ÷ 86000 m² = 30.23 > 26, declared 24.0
    const { finding, result } = await check(await listLayout(0.26, '万tCO₂/a', 24));
    expect(finding.computed).toBe(30.23);
    expect(finding.verdict).toBe('review');
    expect(finding.basis).toBe('disagree-recomputed-fails-unconfirmed');
    expect(result.coverage?.usedShare).toBe(1);
  });

  it('the same refutation in a titled calculation book with units in the labels → review', async () => {
    // 1560 t/a × 1000 ÷ 52000 = 30.0 > 26, declared 22.0
    const { finding } = await check(await bookLayout(1560, 22));
    expect(finding.computed).toBe(30);
    expect(finding.verdict).toBe('review');
  });

  it('twins: totals that give the declared intensity pass in both layouts', async () => {
    // 0.2064 万t = 2064 t over 86000 m² = 24.0; 1144 t over 52000 m² = 22.0
    const a = await check(await listLayout(0.2064, '万tCO₂/a', 24));
    expect([a.finding.verdict, a.finding.basis, a.finding.computed]).toEqual(['pass', 'agree-pass', 24]);
    const b = await check(await bookLayout(1144, 22));
    expect([b.finding.verdict, b.finding.basis, b.finding.computed]).toEqual(['pass', 'agree-pass', 22]);
  });

  it('a declared intensity that fails stays a fail when the total agrees', async () => {
    const { finding } = await check(await bookLayout(1560, 30));
    expect([finding.verdict, finding.basis]).toEqual(['fail', 'agree-fail']);
  });

  it('a total not said to be annual (life-cycle tCO₂) cannot confirm the declared value → review naming it', async () => {
    const { finding } = await check(await listLayout(12.9, '万tCO₂', 24, '运行阶段碳排放量（50年）'));
    expect(finding.verdict).toBe('review');
    expect(finding.basis).toBe('input-undetermined');
    expect(finding.message).toContain('未说明是每年的数值');
    expect(finding.message).toContain('碳排放计算!B3');
  });

  it('the recomputation alone never passes (the stated total may be before deducting 碳汇)', async () => {
    const { finding } = await check(await listLayout(0.2064, '万tCO₂/a', null));
    expect([finding.verdict, finding.basis, finding.computed]).toEqual(['review', 'recomputed-unconfirmed', 24]);
  });

  it('a total without its area leaves the declared value unconfirmed → review', async () => {
    const path = await xlsx('no-area.xlsx', (wb) =>
      rows(wb.addWorksheet('碳排放'), [['指标', '数值', '单位'], ['年碳排放总量', 2600, 'tCO₂/a'], ['碳排放强度', 24, 'kgCO₂/(m²·a)']]),
    );
    const { finding } = await check(path);
    expect([finding.verdict, finding.basis]).toEqual(['review', 'input-undetermined']);
    expect(finding.message).toContain('未给出总建筑面积');
  });
});
