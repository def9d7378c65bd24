import { describe, expect, it } from 'vitest';
import { recompute } from '../../shared/calc/index';
import { ctx } from './helpers';

describe('renewable (R = E_re / E_total × 100 %)', () => {
  it('sums the parts present and notes the absent ones', () => {
    // E_re = 120000 + 30000 = 150000 kWh/a; R = 150000 / 1000000 × 100 % = 15 %
    const c = recompute('renewable_substitution', ctx({ re_pv_generation: 120000, re_solar_thermal: 30000, energy_total: 1_000_000 }))!;
    expect(c.value).toBe(15);
    expect(c.confidence).toBe('unconfirmed');
    expect(c.notes.join()).toContain('热泵可再生能源利用量');
    expect(c.inputs.every((i) => i.unit === 'kWh/a')).toBe(true);
    expect(c.steps.join('\n')).toContain('R = 150000 / 1000000 × 100% = 15%');
  });

  it('a stated 合计 that disagrees with its items is a contradiction; one that agrees is used', () => {
    // R = 160000 / 1000000 = 16 %; parts sum 150000 ≠ 160000
    const c = recompute('renewable_substitution', ctx({ re_total: 160000, re_pv_generation: 120000, re_solar_thermal: 30000, energy_total: 1_000_000 }))!;
    expect(c.value).toBe(16);
    expect(c.contradictions).toEqual([{ label: '可再生能源年利用总量', stated: 160000, computed: 150000, source: '指标!C2' }]);
    const ok = recompute('renewable_substitution', ctx({ re_total: 150000, re_pv_generation: 120000, re_solar_thermal: 30000, energy_total: 1_000_000 }))!;
    expect(ok.contradictions).toBeUndefined();
    expect(ok.value).toBe(15);
  });

  it('sums every line item, several rows of one kind included (ImportedLineItem)', () => {
    // 屋顶光伏 90000 + 车棚光伏 30000 + 空气源热泵热水 50000 + 地源热泵 40000 = 210000; R = 21 %
    const lineItems = [
      { indicator: 're_pv_generation', name: '屋顶光伏', value: 90000, source: '可再生!C3' },
      { indicator: 're_pv_generation', name: '车棚光伏', value: 30000, source: '可再生!C4' },
      { indicator: 're_heat_pump', name: '空气源热泵热水', value: 50000, source: '可再生!C5' },
      { indicator: 're_heat_pump', name: '地源热泵', value: 40000, source: '可再生!C6' },
    ];
    // the single value under re_pv_generation (the first row only) is not used for that kind
    const c = recompute('renewable_substitution', { ...ctx({ re_pv_generation: 90000, energy_total: 1_000_000 }), lineItems })!;
    expect(c.value).toBe(21);
    expect(c.details!.E_re).toBe(210000);
    expect(c.inputs.map((i) => i.source)).toEqual(expect.arrayContaining(['可再生!C3', '可再生!C4', '可再生!C5', '可再生!C6']));
    // a 合计 of 210000 agrees; one of 180000 (a row missed) contradicts
    const total = recompute('renewable_substitution', { ...ctx({ re_total: 180000, energy_total: 1_000_000 }), lineItems })!;
    expect(total.contradictions).toEqual([{ label: '可再生能源年利用总量', stated: 180000, computed: 210000, source: '指标!C2' }]);
    expect(recompute('renewable_substitution', { ...ctx({ re_total: 210000, energy_total: 1_000_000 }), lineItems })!.contradictions).toBeUndefined();
  });

  it('flags a coal-equivalent unit basis', () => {
    const c = recompute('renewable_substitution', ctx({ re_total: { value: 50, unitRaw: 'tce/a' }, energy_total: { value: 400, unitRaw: 'tce/a' } }))!;
    expect(c.value).toBe(12.5);
    expect(c.notes.join()).toContain('标准煤');
  });

  it('returns null without energy data and value null for a zero total', () => {
    expect(recompute('renewable_substitution', ctx({ re_pv_generation: 1000 }))).toBeNull();
    const c = recompute('renewable_substitution', ctx({ re_pv_generation: 1000, energy_total: 0 }))!;
    expect(c.value).toBeNull();
  });
});
