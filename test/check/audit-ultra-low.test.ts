// 超低能耗建筑面积占比 from per-building areas: a building listed without its area is left out of
// both sums, which raises the share unless the whole building is 超低能耗 for certain. A building
// that states only part of its area as 超低能耗, or whose 是 is only intended (“是（拟）”), must
// leave the denominator unknown (input-undetermined), not be dropped. Two layouts, with twins.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { firstFinding, oneCondition } from './helpers';
import { rows, tmp, xlsx } from '../import/helpers';

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const check = async (path: string, min: number) => (await firstFinding(path, oneCondition({ id: 'U1', indicator: 'ultra_low_energy_ratio', op: '>=', value: min }))).f;

let n = 0;
/** 1# 9000 m² all 超低能耗; 2# area `area2` of which 2000 m² 超低能耗 (its own column). */
const ownArea = (area2: unknown, sideways: boolean) =>
  xlsx(`ul-own-${n++}.xlsx`, (wb) => {
    const ws = wb.addWorksheet('单体');
    if (!sideways) rows(ws, [['楼号', '建筑面积(㎡)', '超低能耗建筑面积(㎡)'], ['1#', 9000, 9000], ['2#', area2, 2000], [], ['超低能耗建筑面积占比', '60%']]);
    else {
      rows(ws, [['楼号', '1#楼', '2#楼'], ['建筑面积(㎡)', 9000, area2], ['超低能耗建筑面积(㎡)', 9000, 2000]]);
      rows(wb.addWorksheet('指标'), [['项目', '设计值'], ['超低能耗建筑面积占比', '60%']]);
    }
  });

/** 1# 9000 m² 是; 2# area `area2`, 是（拟） — only intended. */
const intended = (area2: unknown, sideways: boolean) =>
  xlsx(`ul-int-${n++}.xlsx`, (wb) => {
    const ws = wb.addWorksheet('单体');
    if (!sideways) rows(ws, [['楼号', '建筑面积(㎡)', '是否超低能耗建筑'], ['1#', 9000, '是'], ['2#', area2, '是（拟）'], [], ['超低能耗建筑面积占比', '60%']]);
    else {
      rows(ws, [['楼号', '1#楼', '2#楼'], ['建筑面积(㎡)', 9000, area2], ['是否超低能耗建筑', '是', '是（拟）']]);
      rows(wb.addWorksheet('指标'), [['项目', '设计值'], ['超低能耗建筑面积占比', '60%']]);
    }
  });

describe('超低能耗 share: a building without its area whose 超低能耗 part is not the whole building', () => {
  it('own 超低能耗 area 2000 m², building area unreadable: the share is unknown, not 100 % of 1#', async () => {
    for (const sideways of [false, true]) {
      const f = await check(await ownArea('见总图', sideways), 55);
      expect([f.verdict, f.basis], `sideways ${sideways}`).toEqual(['review', 'input-undetermined']);
      expect(f.message).toContain('2#');
    }
  });

  it('twin: 2# of 12000 m² → (9000 + 2000) / 21000 = 52.38 % refutes the declared 60 %', async () => {
    for (const sideways of [false, true]) {
      const f = await check(await ownArea(12000, sideways), 55);
      expect([f.verdict, f.computed], `sideways ${sideways}`).toEqual(['review', 52.38]);
    }
  });

  it('twin: 2# of 4000 m² → 11000 / 13000 = 84.62 % bears out 60 % against ≥55', async () => {
    for (const sideways of [false, true]) {
      const f = await check(await ownArea(4000, sideways), 55);
      expect(f.verdict, `sideways ${sideways}`).toBe('pass');
    }
  });

  it('是（拟） without area: the building may not be 超低能耗, so the share is unknown', async () => {
    for (const sideways of [false, true]) {
      const f = await check(await intended('—', sideways), 55);
      expect([f.verdict, f.basis], `sideways ${sideways}`).toEqual(['review', 'input-undetermined']);
    }
  });
});
