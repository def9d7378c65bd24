import { describe, expect, it } from 'vitest';
import { recompute } from '../../shared/calc/index';
import type { ImportedBuilding } from '../../shared/model/types';
import { ctx, values } from './helpers';

function b(name: string, area: number | null, specs: Parameters<typeof values>[0], row: number): ImportedBuilding {
  return { name, nameSource: `单体!A${row}`, use: 'residential', floorArea: area, values: values(specs, `单体${row}`) };
}

describe('超低能耗建筑面积占比 from per-building areas', () => {
  it('Σ area of the 超低能耗 buildings / Σ area of the buildings listed (always unconfirmed)', () => {
    // 1#, 2# 超低能耗 (12000 + 10000), 3# not (8000): 22000 / 30000 = 73.33 %
    const buildings = [
      b('1#楼', 12000, { ultra_low_energy_building: true }, 3),
      b('2#楼', 10000, { ultra_low_energy_building: '是' }, 4),
      b('3#楼', 8000, { ultra_low_energy_building: false }, 5),
    ];
    const c = recompute('ultra_low_energy_ratio', { ...ctx({}), buildings })!;
    expect(c.value).toBe(73.33);
    expect(c.bound).toBeUndefined();
    expect(c.confidence).toBe('unconfirmed');
    expect(c.steps.join('\n')).toContain('22000 ÷ 30000');
  });

  it('a building stating its own 超低能耗建筑面积 counts that area; unknown buildings make an upper bound', () => {
    const buildings = [
      b('1#楼', 12000, { ultra_low_energy_area: 6000 }, 3),
      b('2#楼', 10000, {}, 4),
      b('3#楼', 8000, { ultra_low_energy_building: false }, 5),
    ];
    const c = recompute('ultra_low_energy_ratio', { ...ctx({}), buildings })!;
    // (6000 + 10000 unknown) / 30000 = 53.33 % at most
    expect(c.value).toBe(53.33);
    expect(c.bound).toBe('upper');
    expect(c.notes.join()).toContain('2#楼');
  });

  it('a stated project 超低能耗建筑面积 that disagrees with the buildings is a contradiction', () => {
    const buildings = [b('1#楼', 12000, { ultra_low_energy_building: true }, 3), b('2#楼', 8000, { ultra_low_energy_building: false }, 4)];
    const c = recompute('ultra_low_energy_ratio', { ...ctx({ ultra_low_energy_area: 15000 }), buildings })!;
    expect(c.contradictions).toEqual([{ label: '超低能耗建筑面积', stated: 15000, computed: 12000, source: '指标!C2' }]);
    expect(recompute('ultra_low_energy_ratio', { ...ctx({ ultra_low_energy_area: 12000 }), buildings })!.contradictions).toBeUndefined();
  });

  it('project level only: stated area over 总建筑面积; nothing to go on → null', () => {
    const c = recompute('ultra_low_energy_ratio', ctx({ ultra_low_energy_area: 40000, gross_floor_area: 80000 }))!;
    expect(c.value).toBe(50);
    expect(recompute('ultra_low_energy_ratio', ctx({ gross_floor_area: 80000 }))).toBeNull();
    expect(recompute('ultra_low_energy_ratio', { ...ctx({}), buildings: [b('1#楼', 1000, {}, 3)] })).toBeNull();
  });
});
