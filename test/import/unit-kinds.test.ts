// Intensity or total (shared/import/unitKinds.ts, units.json `kinds`): a figure written in a unit of
// the other kind than its indicator's is not that indicator — 碳排放强度 in tCO₂/a is a total —
// and is ambiguous (review) with a sentence naming both kinds, never read as the intensity.
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../shared/import/index';
import { checkImported } from '../../shared/check/run';
import { validateConditions } from '../../shared/conditions/index';
import { rows, xlsx } from './helpers';

const carbon = validateConditions(
  {
    format: 'landcheck.conditions/v1',
    contract: { city: '上海市', signedOn: '2025-03-01' },
    conditions: [{ id: 'C1', text: '单位建筑面积年碳排放量不高于30kgCO2/(m²·a)', indicator: 'carbon_intensity', op: '<=', value: 30 }],
  },
  'c.conditions.json',
);

describe('units of another kind (intensity vs total)', () => {
  it('unit column: 碳排放强度 25.6 tCO2/a is a total (review); in kgCO2/(m²·a) it passes', async () => {
    const bad = await importWorkbook(await xlsx('kind-col.xlsx', (wb) => rows(wb.addWorksheet('碳排放'), [['指标', '数值', '单位'], ['碳排放强度', 25.6, 'tCO2/a'], ['总建筑面积', 52000, '㎡']])));
    expect(bad.project.carbon_intensity).toMatchObject({ status: 'ambiguous', value: 25.6 });
    const f = checkImported(bad, carbon, 'c.conditions.json').result.findings[0];
    expect(f.verdict).toBe('review');
    expect(f.message).toContain('是碳排放总量的单位');
    const good = await importWorkbook(await xlsx('kind-col-ok.xlsx', (wb) => rows(wb.addWorksheet('碳排放'), [['指标', '数值', '单位'], ['碳排放强度', 25.6, 'kgCO2/(m²·a)']])));
    expect(checkImported(good, carbon, 'c.conditions.json').result.findings[0].verdict).toBe('pass');
  });

  it('unit in the label or the value: 建筑碳排放强度（万tCO₂/a）, and 建筑年总能耗 given per m²', async () => {
    const r = await importWorkbook(
      await xlsx('kind-label.xlsx', (wb) =>
        rows(wb.addWorksheet('指标'), [
          ['项目名称', '某住宅项目'],
          ['建筑碳排放强度（万tCO₂/a）', 0.13],
          ['建筑年总能耗（kWh/m²·a）', 85],
        ]),
      ),
    );
    expect(r.project.carbon_intensity?.status).toBe('ambiguous');
    expect(r.project.energy_total?.status).toBe('ambiguous');
    expect(r.project.energy_total?.interpretation).toContain('单位建筑面积能耗强度');
    expect(r.issues.some((i) => i.message.includes('不是建筑年总能耗'))).toBe(true);
  });
});
