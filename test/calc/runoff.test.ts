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
    expect(c.notes.join()).toContain('对照表尚未核实');
    // stated 需调蓄容积 100 vs 10·H·φ·F = 109.2 → > 1 % → a contradiction naming the cell
    expect(c.contradictions).toEqual([{ label: '需调蓄容积', stated: 100, computed: 109.2, source: '指标!C5' }]);
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

  it("checks the storage against the contract's own 设计降雨量 (companion) rather than the sheet's", () => {
    // The sheet states H 18 mm and 需调蓄容积 98.28 m³ (= 10 × 18 × 0.546 × 1 hm², consistent with itself);
    // the contract states 22.2 mm: V_req = 22.2 × 0.546 × 10000 / 1000 = 121.21 m³ > 110 provided.
    const given = { runoff_capture: 75, design_rainfall: 18, storage_provided: 110, storage_required: 98.28 };
    const alone = recompute('runoff_capture', ctx(given, { surfaces, city: '上海市' }))!;
    expect(alone.supportsDeclared).toBe(true);
    const c = recompute('runoff_capture', ctx(given, { surfaces, city: '上海市', companion: { design_rainfall: 22.2 } }))!;
    expect(c.details!.H).toBe(22.2);
    expect(c.details!.V_required).toBe(121.21);
    expect(c.supportsDeclared).toBe(false);
    expect(c.contradictions ?? []).toEqual([]);
    expect(c.notes.join()).toContain('与合同所列设计降雨量 22.2 mm 不同');
    expect(c.notes[0]).toContain('小于设计降雨量 22.2 mm 所需的 121.2 m³');
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
  it('a design rainfall that differs from a confirmed city table is a contradiction; from an unconfirmed one a note', () => {
    // table: 75 % → 19 mm; sheet says 20 mm
    const c = recompute('runoff_capture', ctx({ runoff_capture: 75, design_rainfall: 20, storage_provided: 120 }, { surfaces, options: { rainfallTable: table } }))!;
    expect(c.contradictions).toEqual([{ label: '设计降雨量', stated: 20, computed: 19, source: '指标!C3' }]);
    expect(c.notes.join()).toContain('测试市降雨量表中 75% 对应的 19 不一致');
    const partial: RainfallTable = { ...table, points: table.points.map((p) => ({ ...p, status: 'PARTIAL' })) };
    const n = recompute('runoff_capture', ctx({ runoff_capture: 75, design_rainfall: 20, storage_provided: 120 }, { surfaces, options: { rainfallTable: partial } }))!;
    expect(n.contradictions).toBeUndefined();
    expect(n.notes.join()).toContain('对应的 19 mm 不一致');
  });
});

describe('runoff zone by zone (汇水分区: storage is not pooled across zones)', () => {
  // Zone A: 屋面 4000 × 0.85 + 绿地 2000 × 0.15 → φ_A = (3400 + 300) / 6000 = 0.617, F_A = 6000
  //   V_A = 26.7 × 0.617 × 6000 / 1000 = 98.84 m³
  // Zone B: 道路 3000 × 0.85 + 绿地 1000 × 0.15 → φ_B = (2550 + 150) / 4000 = 0.675, F_B = 4000
  //   V_B = 26.7 × 0.675 × 4000 / 1000 = 72.09 m³
  // Site: V = 170.9 m³ (φ = 0.64 → 26.7 × 0.64 × 10000 / 1000 = 170.88)
  const zoned: ImportedSurface[] = [
    { name: '屋面', area: 4000, coefficient: 0.85, source: '海绵!B3', zone: 'A区' },
    { name: '绿地', area: 2000, coefficient: 0.15, source: '海绵!B4', zone: 'A区' },
    { name: '道路', area: 3000, coefficient: 0.85, source: '海绵!B5', zone: 'B区' },
    { name: '绿地', area: 1000, coefficient: 0.15, source: '海绵!B6', zone: 'B区' },
  ];
  const vals = { runoff_capture: 80, design_rainfall: 26.7 };

  it('a zone short of its own V fails the check although the pooled total suffices', () => {
    const facilities = [
      { name: '雨水调蓄池', volume: 150, source: '海绵!B20', zone: 'A区' },
      { name: '下凹绿地', volume: 40, source: '海绵!B21', zone: 'B区' },
    ];
    const c = recompute('runoff_capture', { ...ctx(vals, { surfaces: zoned, city: '上海市' }), facilities })!;
    expect(c.details!.V_provided).toBe(190); // pooled 190 ≥ 170.9 — would have passed
    expect(c.details!.V_required).toBeCloseTo(170.88, 2);
    const zones = c.details!.zones as { zone: string; V_required: number; V_provided: number; short: boolean }[];
    expect(zones.map((z) => [z.zone, z.V_required, z.V_provided, z.short])).toEqual([
      ['A区', 98.84, 150, false],
      ['B区', 72.09, 40, true],
    ]);
    expect(c.supportsDeclared).toBe(false);
    expect(c.value).toBeNull();
    expect(c.notes[0]).toContain('汇水分区“B区”的调蓄容积 40 m³ 小于该分区设计降雨量 26.7 mm 所需的 72.1 m³');
    expect(c.inputs.map((i) => i.source)).toEqual(expect.arrayContaining(['海绵!B20', '海绵!B21']));
  });

  it('every zone covered → the data support the declared rate; α_eff is the smallest zone rate (unconfirmed)', () => {
    const facilities = [
      { name: '雨水调蓄池', volume: 100, source: '海绵!B20', zone: 'A区' },
      { name: '下凹绿地', volume: 80, source: '海绵!B21', zone: ' B区 ' },
    ];
    const c = recompute('runoff_capture', { ...ctx(vals, { surfaces: zoned, city: '上海市' }), facilities })!;
    expect(c.supportsDeclared).toBe(true);
    expect(c.value).toBeNull(); // the Shanghai table is empty
    // with the test table (80 % → 24 mm, 85 % → 30 mm):
    // H_eff,A = 100 × 1000 / (0.617 × 6000) = 27.01 mm → 80 + 3.01 / 6 × 5 = 82.5 %;
    // H_eff,B = 80 × 1000 / (0.675 × 4000) = 29.63 mm → 80 + 5.63 / 6 × 5 = 84.69 → 84.6 %; min = 82.5 %
    const t = recompute('runoff_capture', { ...ctx(vals, { surfaces: zoned, options: { rainfallTable: table } }), facilities })!;
    expect(t.details!.zones).toHaveLength(2);
    expect(t.value).toBe(82.5);
    expect((t.details!.zones as { alpha_eff: number }[]).map((z) => z.alpha_eff)).toEqual([82.5, 84.6]);
    expect(t.confidence).toBe('unconfirmed');
  });

  it('facilities without a zone (or no facility table) cannot be checked zone by zone: the pooled total can only refute', () => {
    const unzoned = [{ name: '雨水调蓄池', volume: 190, source: '海绵!B20' }];
    const c = recompute('runoff_capture', { ...ctx(vals, { surfaces: zoned, city: '上海市' }), facilities: unzoned })!;
    expect(c.supportsDeclared).toBeUndefined();
    expect(c.notes.join()).toContain('未标明所属汇水分区');
    const short = recompute('runoff_capture', { ...ctx({ ...vals, storage_provided: 100 }, { surfaces: zoned, city: '上海市' }) })!;
    expect(short.supportsDeclared).toBe(false);
    expect(short.notes.join()).toContain('未按分区列出调蓄设施');
  });

  it('stated totals that disagree with their parts are contradictions (storage, area, φ)', () => {
    const surfaces: ImportedSurface[] = zoned.map(({ zone: _z, ...s }) => s);
    const facilities = [
      { name: '雨水调蓄池', volume: 150, source: '海绵!B20' },
      { name: '下凹绿地', volume: 40, source: '海绵!B21' },
    ];
    const c = recompute(
      'runoff_capture',
      { ...ctx({ ...vals, storage_provided: 250, catchment_area: 12000, runoff_coefficient: 0.5 }, { surfaces, city: '上海市' }), facilities },
    )!;
    expect(c.contradictions!.map((x) => [x.label, x.stated, x.computed])).toEqual([
      ['综合雨量径流系数', 0.5, 0.64],
      ['汇水面积', 12000, 10000],
      ['实际调蓄容积', 250, 190],
    ]);
    // the same totals stated consistently: none
    const ok = recompute(
      'runoff_capture',
      { ...ctx({ ...vals, storage_provided: 190, catchment_area: 10000, runoff_coefficient: 0.64 }, { surfaces, city: '上海市' }), facilities },
    )!;
    expect(ok.contradictions).toBeUndefined();
    expect(ok.supportsDeclared).toBe(true);
  });
});
