import { describe, expect, it } from 'vitest';
import { recompute } from '../../shared/calc/index';
import { ctx, placeholder } from './helpers';

describe('assembly (GB/T 51129-2017 §4.0.1, §3.0.3, §5)', () => {
  it('computes P from the declared scores', () => {
    // P = (25 + 12 + 18) / (100 − 0) × 100% = 55.0 % → 装配式建筑 (Q1 ≥ 20, Q2 ≥ 10, 全装修, P ≥ 50), no grade (< 60).
    const c = recompute('assembly_ratio', ctx({ asm_q1: 25, asm_q2: 12, asm_q3: 18, full_fitout: true, asm_vertical_ratio: 40 }))!;
    expect(c.value).toBe(55);
    expect(c.details!.mode).toBe('scores');
    expect(c.details!.isAssembled).toBe(true);
    expect(c.details!.grade).toBeNull();
    expect(c.steps).toContain('P = (25 + 12 + 18) / (100 − 0) × 100% = 55.0%');
    expect(c.confidence).toBe('unconfirmed'); // the 4.0.1 formula is PARTIAL in docs/domain/prefabrication.md
    expect(c.notes.join()).toContain('Q4，按 0 计');
  });

  it('removes missing items from the denominator (Q4)', () => {
    // P = (30 + 15 + 12) / (100 − 6) × 100% = 57 / 94 = 60.638 % → 60.6 % → A级 (竖向 50 % ≥ 35 %)
    const c = recompute('assembly_ratio', ctx({ asm_q1: 30, asm_q2: 15, asm_q3: 12, asm_q4: 6, full_fitout: true, asm_vertical_ratio: 50 }))!;
    expect(c.value).toBe(60.6);
    expect(c.details!.grade).toBe('A');
  });

  it('scores item proportions with Table 4.0.1 and interpolation', () => {
    // Q1: 竖向 57.5 % → 20 + (57.5 − 35)/(80 − 35) × 10 = 25.0; 水平 75 % → 10 + (75 − 70)/(80 − 70) × 10 = 15.0 → Q1 = 40
    // Q2: 围护墙非砌筑 85 % ≥ 80 → 5; 围护墙一体化 65 % → 2 + 15/30 × 3 = 3.5; 内隔墙非砌筑 60 % ≥ 50 → 5;
    //     内隔墙一体化 40 % < 50 → 0 → Q2 = 13.5
    // Q3: 全装修 → 6; 干式工法 80 % ≥ 70 → 6; 集成厨房 "/" → missing item, Q4 = 6;
    //     集成卫生间 80 % → 3 + 10/20 × 3 = 4.5; 管线分离 absent → 0 → Q3 = 16.5
    // P = (40 + 13.5 + 16.5) / (100 − 6) = 70 / 94 = 74.47 % → 74.5 % → A级
    const c = recompute(
      'assembly_ratio',
      ctx({
        asm_vertical_ratio: 57.5,
        asm_horizontal_ratio: 75,
        asm_ext_wall_nonmasonry: 85,
        asm_ext_wall_integrated: 65,
        asm_int_wall_nonmasonry: 60,
        asm_int_wall_integrated: 40,
        full_fitout: true,
        asm_dry_floor: 80,
        asm_kitchen: placeholder('不适用'),
        asm_bathroom: 80,
      }),
    )!;
    expect(c.details!.mode).toBe('proportions');
    expect(c.details!.Q1).toBe(40);
    expect(c.details!.Q2).toBe(13.5);
    expect(c.details!.Q3).toBe(16.5);
    expect(c.details!.Q4).toBe(6);
    expect(c.value).toBe(74.5);
    expect(c.details!.grade).toBe('A');
    expect(c.steps.some((s) => s.includes('20 + (57.5 − 35) / (80 − 35) × (30 − 20) = 25 分'))).toBe(true);
    expect(c.notes.join()).toContain('管线分离');
    expect(c.inputs.find((i) => i.label === '竖向构件预制部品部件应用比例')?.source).toBe('指标!C2');
  });

  it('fails §3.0.3 when Q2 < 10 and gives no grade', () => {
    const c = recompute('assembly_ratio', ctx({ asm_q1: 40, asm_q2: 8, asm_q3: 20, full_fitout: true, asm_vertical_ratio: 60 }))!;
    expect(c.value).toBe(68);
    expect(c.details!.isAssembled).toBe(false);
    expect(c.details!.grade).toBeNull();
  });

  it('withholds the grade when vertical members are below 35 %', () => {
    // P = (50 + 20 + 25) / 100 = 95 % would be AAA
    const c = recompute('assembly_ratio', ctx({ asm_q1: 50, asm_q2: 20, asm_q3: 25, full_fitout: true, asm_vertical_ratio: 30 }))!;
    expect(c.value).toBe(95);
    expect(c.details!.isAssembled).toBe(true);
    expect(c.details!.grade).toBeNull();
    const ok = recompute('assembly_ratio', ctx({ asm_q1: 50, asm_q2: 20, asm_q3: 25, full_fitout: true, asm_vertical_ratio: 36 }))!;
    expect(ok.details!.grade).toBe('AAA');
  });

  it('warns for P between 75 and 76 %', () => {
    // P = (40 + 15 + 20.5) / 100 = 75.5 %
    const c = recompute('assembly_ratio', ctx({ asm_q1: 40, asm_q2: 15, asm_q3: 20.5, full_fitout: true, asm_vertical_ratio: 50 }))!;
    expect(c.value).toBe(75.5);
    expect(c.details!.grade).toBe('A');
    expect(c.notes.join()).toContain('75%–76%');
    const aa = recompute('assembly_ratio', ctx({ asm_q1: 45, asm_q2: 15, asm_q3: 20, full_fitout: true, asm_vertical_ratio: 50 }))!;
    expect(aa.details!.grade).toBe('AA');
  });

  it('leaves 装配式 recognition open when 全装修 is unknown', () => {
    const c = recompute('assembly_ratio', ctx({ asm_q1: 30, asm_q2: 15, asm_q3: 20 }))!;
    expect(c.value).toBe(65);
    expect(c.details!.isAssembled).toBeNull();
  });

  it('flags a method mismatch for a Shanghai contract (the 沪建建材 计算细则 in force at the signing date)', () => {
    const base = { asm_q1: 30, asm_q2: 15, asm_q3: 20, full_fitout: true };
    const c = recompute('assembly_ratio', { ...ctx(base, { city: '上海市' }), signedOn: '2024-05-10' })!;
    expect(c.value).toBe(65); // still computed, for reference
    expect(c.methodMismatch).toContain('沪建建材〔2019〕765号');
    expect(c.methodMismatch).toContain('GB/T 51129-2017');
    expect(c.confidence).toBe('unconfirmed');
    const late = recompute('assembly_ratio', { ...ctx(base, { city: '上海市' }), signedOn: '2025-10-01' })!;
    expect(late.methodMismatch).toContain('沪建建材〔2025〕250号');
    const early = recompute('assembly_ratio', { ...ctx(base, { city: '上海市' }), signedOn: '2019-03-01' })!;
    expect(early.methodMismatch).toContain('601号');
    // a contract elsewhere, or a Shanghai condition that names the national standard itself: no mismatch
    expect(recompute('assembly_ratio', ctx(base, { city: '北京市' }))!.methodMismatch).toBeUndefined();
    expect(recompute('assembly_ratio', { ...ctx(base, { city: '上海市' }), method: 'GB/T 51129-2017' })!.methodMismatch).toBeUndefined();
    // a condition naming the Shanghai 细则 outside Shanghai: mismatch
    expect(recompute('assembly_ratio', { ...ctx(base, { city: '杭州市' }), method: '沪建建材〔2019〕765号' })!.methodMismatch).toContain('765号');
  });

  it('cross-checks declared scores against the item proportions', () => {
    const c = recompute('assembly_ratio', ctx({ asm_q1: 45, asm_q2: 15, asm_q3: 20, full_fitout: true, asm_vertical_ratio: 57.5, asm_horizontal_ratio: 75 }))!;
    expect(c.value).toBe(80);
    expect(c.notes.join()).toContain('按各评价项比例');
  });

  it('a 装配率 stated beside Q1–Q4 that the formula does not give is a contradiction (scores only)', () => {
    // P = (33.1 + 10 + 6) / (100 − 6) = 52.2 %; the sheet says 65 %
    const c = recompute('assembly_ratio', ctx({ assembly_ratio: 65, asm_q1: 33.1, asm_q2: 10, asm_q3: 6, asm_q4: 6, full_fitout: true }))!;
    expect(c.value).toBe(52.2);
    expect(c.contradictions).toEqual([{ label: '装配率', stated: 65, computed: 52.2, source: '指标!C2' }]);
    // within the indicator's tolerance (0.5): consistent
    expect(recompute('assembly_ratio', ctx({ assembly_ratio: 52.5, asm_q1: 33.1, asm_q2: 10, asm_q3: 6, asm_q4: 6 }))!.contradictions).toBeUndefined();
    // scored from proportions with our (unconfirmed) table: a disagreement, not the sheet contradicting itself
    const p = recompute('assembly_ratio', ctx({ assembly_ratio: 65, asm_vertical_ratio: 57.5, asm_horizontal_ratio: 75, full_fitout: true }))!;
    expect(p.details!.mode).toBe('proportions');
    expect(p.contradictions).toBeUndefined();
  });

  it('returns null without any assembly data', () => {
    expect(recompute('assembly_ratio', ctx({ full_fitout: true }))).toBeNull();
  });
});
