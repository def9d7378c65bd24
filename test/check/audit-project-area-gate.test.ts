// A condition for projects of 总建筑面积 ≥ 20000 m² (appliesTo.projectFloorArea) was not applicable
// on any figure below it — also on a phase's area (“总建筑面积（一期）”), an area that leaves a part
// out (“15000（不含地下室）”) or an approximation (“约1.98万㎡”): the requirement then went
// unchecked. Those now leave the gate open (review); a plain figure, or a one-sided one that settles
// it (“≤19000”), still makes it not applicable. Two layouts, with twins.
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../shared/import/index';
import { checkImported } from '../../shared/check/run';
import type { ConditionsDoc } from '../../shared/model/types';
import { rows, xlsx } from '../import/helpers';

const doc: ConditionsDoc = {
  format: 'landcheck.conditions/v1',
  contract: { city: '上海市' },
  conditions: [{ id: 'A', indicator: 'green_ratio', op: '>=', value: 35, appliesTo: { projectFloorArea: { gte: 20000 } } }],
};

let n = 0;
async function check(label: string, area: unknown, sideways: boolean) {
  const path = await xlsx(`pa-gate-${n++}.xlsx`, (wb) => {
    if (!sideways) rows(wb.addWorksheet('指标'), [['项目', '数值'], [label, area], ['绿地率', '36%']]);
    else rows(wb.addWorksheet('经济技术指标'), [[], ['序号', '名称', '单位', '指标'], [1, label, '㎡', area], [2, '绿地率', '%', '36%']]);
  });
  return checkImported(await importWorkbook(path), doc, 'c.json').result.findings[0];
}

describe('project floor area gate on a figure that does not settle it', () => {
  for (const sideways of [false, true]) {
    const layout = sideways ? 'numbered table' : 'two columns';
    for (const [label, area] of [
      ['总建筑面积（一期）', 15000],
      ['总建筑面积', '15000（不含地下室）'],
      ['总建筑面积', '约1.98万㎡'],
    ] as const) {
      it(`${layout}: ${label} “${area}” → review, not 不适用`, async () => {
        const f = await check(label, area, sideways);
        expect([f.verdict, f.basis]).toEqual(['review', 'applicability-unknown']);
      });
    }
    it(`${layout} twin: 总建筑面积 15000 → not applicable`, async () => {
      const f = await check('总建筑面积', 15000, sideways);
      expect(f.verdict).toBe('not_applicable');
    });
    it(`${layout} twin: 总建筑面积 “≤19000” settles it → not applicable`, async () => {
      const f = await check('总建筑面积', '≤19000', sideways);
      expect(f.verdict).toBe('not_applicable');
    });
    it(`${layout} twin: 总建筑面积 25000 → applies, 36 % passes`, async () => {
      const f = await check('总建筑面积', 25000, sideways);
      expect(f.verdict).toBe('pass');
    });
  }
});

// The same for a building's own figure under appliesTo.height (建筑高度 ≥ 50 m): “约48m” or
// “48（不含屋顶构架）” left the building out silently.
describe('building bound gate on a figure that does not settle it', () => {
  const hdoc: ConditionsDoc = {
    format: 'landcheck.conditions/v1',
    contract: { city: '上海市' },
    conditions: [{ id: 'H', indicator: 'prefab_ratio', op: '>=', value: 40, scope: 'building', appliesTo: { height: { gte: 50 } } }],
  };
  async function hcheck(height: unknown, sideways: boolean) {
    const path = await xlsx(`h-gate-${n++}.xlsx`, (wb) => {
      if (!sideways) rows(wb.addWorksheet('单体'), [['楼号', '建筑高度(m)', '预制率'], ['1#楼', height, '30%']]);
      else rows(wb.addWorksheet('单体'), [['楼号', '1#楼'], ['建筑高度(m)', height], ['单体预制率', '30%']]);
    });
    return checkImported(await importWorkbook(path), hdoc, 'c.json').result.findings;
  }
  for (const sideways of [false, true]) {
    const layout = sideways ? 'buildings as columns' : 'buildings as rows';
    for (const h of ['约48', '48（不含屋顶构架）']) {
      it(`${layout}: 建筑高度 “${h}” → review, not 不适用`, async () => {
        const [f] = await hcheck(h, sideways);
        expect([f.verdict, f.basis]).toEqual(['review', 'applicability-unknown']);
      });
    }
    it(`${layout} twin: 建筑高度 48 → not applicable; 54 → applies and 30 % fails`, async () => {
      expect((await hcheck(48, sideways))[0].verdict).toBe('not_applicable');
      expect((await hcheck(54, sideways))[0].verdict).toBe('fail');
    });
  }
});
