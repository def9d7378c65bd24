// A workbook of two parcels checked on the contract's parcel: a figure the parcel does not state
// itself is the whole site's (绿地率 36% over: A-1 40 % and A-2 30 % average so), and a
// 绿地率 ≥ 35% for A-2 passed on it. It is now review ('site-for-parcel'); the parcel's own figures
// still pass, and a figure the parcel states itself decides. Two layouts, with twins.
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../shared/import/index';
import { checkImported } from '../../shared/check/run';
import type { ConditionsDoc } from '../../shared/model/types';
import { rows, xlsx } from '../import/helpers';

const doc: ConditionsDoc = {
  format: 'landcheck.conditions/v1',
  contract: { city: '上海市', parcel: 'A-2' },
  conditions: [
    { id: 'G', indicator: 'green_ratio', op: '>=', value: 35 },
    { id: 'F', indicator: 'far', op: '<=', value: 2.6 },
  ],
};

let n = 0;
async function check(data: unknown[][]) {
  const imported = await importWorkbook(await xlsx(`site-parcel-${n++}.xlsx`, (wb) => rows(wb.addWorksheet('指标'), data)));
  return checkImported(imported, doc, 'c.json').result.findings;
}

const totalColumn = (a2green?: string) => [
  ['指标', 'A-1地块', 'A-2地块', '合计'],
  ['容积率', 2.0, 2.5, 2.3],
  ['绿地率', undefined, a2green, '36%'],
];
const above = (a2green?: string) => [
  ['项目总体'],
  ['绿地率', '36%'],
  [],
  ['指标', 'A-1地块', 'A-2地块'],
  ['容积率', 2.0, 2.5],
  ['建筑密度', '25%', '28%'],
  ...(a2green ? [['绿地率', '40%', a2green]] : []),
];

describe('a whole-site figure under a parcel condition', () => {
  for (const [name, layout] of [['合计 column', totalColumn], ['site figure above the parcel table', above]] as const) {
    it(`${name}: 绿地率 only for the site → review (site-for-parcel); A-2's own 容积率 passes`, async () => {
      const [g, f] = await check(layout());
      expect([g.verdict, g.basis]).toEqual(['review', 'site-for-parcel']);
      expect(g.message).toContain('A-2');
      expect([f.verdict, f.basis]).toEqual(['pass', 'declared-pass']);
    });
    it(`${name} twin: A-2 states 30% → fail; 38% → pass`, async () => {
      expect((await check(layout('30%')))[0].verdict).toBe('fail');
      expect((await check(layout('38%')))[0].verdict).toBe('pass');
    });
  }
});
