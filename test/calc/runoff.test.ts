import { describe, expect, it } from 'vitest';
import { alphaForDepth, depthForAlpha, recompute, type RainfallTable } from '../../shared/calc/index';
import type { ImportedSurface } from '../../shared/model/types';
import { ctx } from './helpers';

// Test table (made up, not a real city): α → H
const table: RainfallTable = {
  city: '测试市',
  source: 'test',
  points: [
    { alpha: 70, H: 15, status: 'CONFIRMED', source: 'test' },
    { alpha: 75, H: 19, status: 'CONFIRMED', source: 'test' },
    { alpha: 80, H: 24, status: 'CONFIRMED', source: 'test' },
    { alpha: 85, H: 30, status: 'CONFIRMED', source: 'test' },
  ],
};

// φ = (0.9×3000 + 0.15×4000 + 0.9×2000 + 0.36×1000) / 10000 = (2700 + 600 + 1800 + 360) / 10000 = 0.546
// (绿地 0.15 from the table; 道路 → 混凝土和沥青路面 0.8–0.9 → upper 0.9; 透水铺装 0.29–0.36 → 0.36, UNCONFIRMED)
const surfaces: ImportedSurface[] = [
  { name: '屋面', area: 3000, coefficient: 0.9, source: '海绵!B3' },
  { name: '绿地', area: 4000, coefficient: null, source: '海绵!B4' },
  { name: '道路', area: 2000, coefficient: null, source: '海绵!B5' },
  { name: '透水铺装', area: 1000, coefficient: null, source: '海绵!B6' },
];

describe('runoff (容积法 V = 10·H·φ·F)', () => {
  it('computes φ from surfaces, V_required and α_eff on a city table', () => {
    // V_req = 20 × 0.546 × 10000 / 1000 = 109.2 m³
    // H_eff = 120 × 1000 / (0.546 × 10000) = 21.98 mm
    // α_eff = 75 + (21.98 − 19) / (24 − 19) × (80 − 75) = 77.98 → rounded down 77.9 %
    const c = recompute('runoff_capture', ctx({ runoff_capture: 75, design_rainfall: 20, storage_provided: 120 }, { surfaces, options: { rainfallTable: table } }))!;
    expect(c.details!.phi).toBe(0.546);
    expect(c.details!.F).toBe(10000);
    expect(c.details!.V_required).toBe(109.2);
    expect(c.details!.H_eff).toBe(21.98);
    expect(c.value).toBe(77.9);
    expect(c.supportsDeclared).toBeUndefined();
    expect(c.notes.join()).toContain('取上限');
    expect(c.confidence).toBe('unconfirmed'); // 透水铺装 coefficient is UNCONFIRMED
    expect(c.inputs.map((i) => i.source)).toEqual(expect.arrayContaining(['海绵!B3', '海绵!B6']));
  });

  it('is confirmed when every coefficient is given and the table points are confirmed', () => {
    const given = surfaces.map((s) => ({ ...s, coefficient: s.coefficient ?? 0.5 }));
    const c = recompute('runoff_capture', ctx({ design_rainfall: 20, storage_provided: 120 }, { surfaces: given, options: { rainfallTable: table } }))!;
    expect(c.confidence).toBe('confirmed');
  });

  it('says the storage does not support the declared rate when the city table is empty', () => {
    // Shanghai table ships empty: V_provided 100 < V_req 109.2 → supportsDeclared false, value null
    const c = recompute(
      'runoff_capture',
      ctx({ runoff_capture: 75, design_rainfall: 20, storage_provided: 100, storage_required: 100 }, { surfaces, city: '上海市' }),
    )!;
    expect(c.value).toBeNull();
    expect(c.supportsDeclared).toBe(false);
    expect(c.details!.V_provided).toBe(100);
    expect(c.notes[0]).toContain('小于设计降雨量 20 mm 所需的 109.2 m³');
    expect(c.notes.join()).toContain('待核实');
    // declared 需调蓄容积 100 vs recomputed 109.2 → > 1 % → note
    expect(c.notes.join()).toContain('相差超过 1%');
  });

  it('takes H from the Beijing table (85 % → 33.6 mm, PARTIAL) when no design rainfall is given', () => {
    // φ = 0.5 (declared), F = 10000 m²: V_req = 33.6 × 0.5 × 10000 / 1000 = 168 m³ ≤ 200 → supports
    // H_eff = 200 × 1000 / (0.5 × 10000) = 40 mm > 33.6 (last point) → α ≥ 85 %, value null
    const c = recompute('runoff_capture', ctx({ runoff_capture: 85, runoff_coefficient: 0.5, catchment_area: 10000, storage_provided: 200 }, { city: '北京市' }))!;
    expect(c.details!.H).toBe(33.6);
    expect(c.details!.V_required).toBe(168);
    expect(c.value).toBeNull();
    expect(c.supportsDeclared).toBe(true);
    expect(c.details!.alphaAtLeast).toBe(85);
    expect(c.confidence).toBe('unconfirmed');
  });

  it('interpolates the table both ways', () => {
    expect(alphaForDepth(table, 27)!.alpha).toBeCloseTo(82.5, 9); // 80 + 3/6 × 5
    expect(alphaForDepth(table, 15)!.alpha).toBe(70);
    expect(alphaForDepth(table, 14)).toBeNull();
    expect(alphaForDepth(table, 31)).toBeNull();
    expect(depthForAlpha(table, 77.5)!.H).toBeCloseTo(21.5, 9); // 19 + 2.5/5 × 5
  });

  it('returns null without runoff data and notes an unknown surface', () => {
    expect(recompute('runoff_capture', ctx({ runoff_capture: 75 }))).toBeNull();
    const c = recompute(
      'runoff_capture',
      ctx({ design_rainfall: 20, storage_provided: 100 }, { surfaces: [{ name: '神秘地面', area: 100, coefficient: null, source: '海绵!B9' }] }),
    )!;
    expect(c.value).toBeNull();
    expect(c.notes.join()).toContain('神秘地面');
  });
});

describe('runoff cross-checks', () => {
  it('notes a design rainfall that differs from the city table for the declared rate', () => {
    // table: 75 % → 19 mm; sheet says 20 mm
    const c = recompute('runoff_capture', ctx({ runoff_capture: 75, design_rainfall: 20, storage_provided: 120 }, { surfaces, options: { rainfallTable: table } }))!;
    expect(c.notes.join()).toContain('对应的 19 mm 不一致');
  });
});
