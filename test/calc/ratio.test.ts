import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { COMPUTABLE_INDICATORS, recompute, RULE_VERSIONS } from '../../shared/calc/index';
import { sha256Hex } from '../../shared/calc/sha256';
import { ctx } from './helpers';

describe('planning ratios', () => {
  it('computes 容积率, 建筑密度, 绿地率 and 屋顶光伏覆盖率', () => {
    const c = ctx({ site_area: 12000, far_area: 36000, footprint_area: 3000, green_area: 4200, roof_area: 2500, pv_area: 1300 }, { city: '上海市' });
    expect(recompute('far', c)!.value).toBe(3); // 36000 / 12000
    expect(recompute('building_density', c)!.value).toBe(25); // 3000 / 12000 × 100
    expect(recompute('green_ratio', c)!.value).toBe(35); // 4200 / 12000 × 100
    const pv = recompute('pv_roof_coverage', c)!;
    expect(pv.value).toBe(52); // 1300 / 2500 × 100
    expect(pv.confidence).toBe('confirmed');
    expect(pv.method).toBe('ratio:pv_roof_coverage');
    expect(pv.inputs.map((i) => i.source)).toEqual(['指标!C7', '指标!C6']);
  });

  it('屋顶光伏覆盖率 is Shanghai’s measure: under another city’s contract (or none) it is unconfirmed and says so', () => {
    for (const city of ['长沙市', undefined]) {
      const pv = recompute('pv_roof_coverage', ctx({ roof_area: 8400, pv_area: 2300 }, { city }))!;
      expect(pv.value).toBe(27.38);
      expect(pv.confidence).toBe('unconfirmed');
      expect(pv.clause).toContain('上海市口径');
    }
    expect(recompute('green_ratio', ctx({ site_area: 12000, green_area: 4200 }, { city: '长沙市' }))!.confidence).toBe('confirmed');
  });

  it('rounds 容积率 to 3 decimals and percentages to 2', () => {
    const c = ctx({ site_area: 30000, far_area: 80000, green_area: 10000 });
    expect(recompute('far', c)!.value).toBe(2.667);
    expect(recompute('green_ratio', c)!.value).toBe(33.33);
  });

  it('returns null when an input is absent, and value null naming the cell when ambiguous', () => {
    expect(recompute('green_ratio', ctx({ site_area: 12000 }))).toBeNull();
    const c = recompute('green_ratio', ctx({ site_area: 12000, green_area: { value: 0.35, raw: '0.35', status: 'ambiguous' } }))!;
    expect(c.value).toBeNull();
    expect(c.notes.join()).toContain('指标!C3');
    expect(recompute('green_ratio', ctx({ site_area: 0, green_area: 10 }))!.value).toBeNull();
  });
});

describe('单位建筑面积年碳排放量 (GB/T 51366-2019 operation stage, unconfirmed)', () => {
  it('annual total × 1000 ÷ area; annual by unit or label only', () => {
    const c = recompute('carbon_intensity', ctx({ gross_floor_area: 86000, carbon_emission_annual: { value: 2600, unitRaw: '万tCO₂/a', label: '运行阶段碳排放量' } }))!;
    expect([c.value, c.confidence]).toEqual([30.23, 'unconfirmed']);
    expect(recompute('carbon_intensity', ctx({ gross_floor_area: 86000, carbon_emission_annual: { value: 2600, label: '年碳排放总量' } }))!.value).toBe(30.23);
    // a total over the service life, or with no sign of a year: not usable, recorded as undetermined
    for (const spec of [{ label: '运行阶段碳排放量（50年）', unitRaw: 'tCO₂/a' }, { label: '运行阶段碳排放量', unitRaw: 'tCO₂' }]) {
      const d = recompute('carbon_intensity', ctx({ gross_floor_area: 86000, carbon_emission_annual: { value: 2600, ...spec } }))!;
      expect(d.value).toBeNull();
      expect(d.undetermined?.[0].kind).toBe('unreadable');
    }
    // a total without its area: undetermined; an area alone: nothing to recompute
    expect(recompute('carbon_intensity', ctx({ carbon_emission_annual: { value: 2600, label: '年碳排放量' } }))!.undetermined).toHaveLength(1);
    expect(recompute('carbon_intensity', ctx({ gross_floor_area: 86000 }))).toBeNull();
  });
});

describe('dispatch and rule versions', () => {
  it('dispatches every computedBy indicator', () => {
    expect([...COMPUTABLE_INDICATORS].sort()).toEqual(
      ['assembly_ratio', 'prefab_ratio', 'building_density', 'carbon_intensity', 'far', 'green_building_star', 'green_ratio', 'pv_roof_coverage', 'renewable_substitution', 'runoff_capture', 'ultra_low_energy_ratio'].sort(),
    );
    expect(recompute('site_area', ctx({ site_area: 1 }))).toBeNull();
  });

  it('fingerprints every rule-data file', () => {
    expect(RULE_VERSIONS.gbt50378).toMatch(/^2019\+[0-9a-f]{8}$/);
    expect(RULE_VERSIONS.gbt51129).toMatch(/^2017\+[0-9a-f]{8}$/);
    expect(RULE_VERSIONS.rainfall).toMatch(/^[0-9a-f]{8}$/);
    expect(RULE_VERSIONS.runoffCoefficients).toMatch(/^[0-9a-f]{8}$/);
  });

  it('sha256 matches node:crypto', () => {
    for (const s of ['', 'abc', '年径流总量控制率'.repeat(40), 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(64)]) {
      expect(sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
    }
  });
});
