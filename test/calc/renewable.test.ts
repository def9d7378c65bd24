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

  it('prefers the declared total and notes a mismatch with the parts', () => {
    // R = 160000 / 1000000 = 16 %; parts sum 150000 ≠ 160000
    const c = recompute('renewable_substitution', ctx({ re_total: 160000, re_pv_generation: 120000, re_solar_thermal: 30000, energy_total: 1_000_000 }))!;
    expect(c.value).toBe(16);
    expect(c.notes.join()).toContain('不一致');
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
