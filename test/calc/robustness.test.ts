import { describe, expect, it } from 'vitest';
import { COMPUTABLE_INDICATORS, recompute } from '../../shared/calc/index';
import { INDICATORS } from '../../shared/model/indicators';
import type { ImportedValue } from '../../shared/model/types';

function all(value: ImportedValue['value'], status: ImportedValue['status'] = 'ok'): Record<string, ImportedValue> {
  return Object.fromEntries(
    INDICATORS.map((d, i) => [
      d.id,
      { indicator: d.id, value, raw: String(value), source: `表!B${i + 2}`, label: d.name, interpretation: '', status },
    ]),
  );
}

describe('calculators never throw on odd data', () => {
  const cases: [string, Record<string, ImportedValue>][] = [
    ['text everywhere', all('详见计算书')],
    ['NaN', all(Number.NaN)],
    ['negative', all(-5)],
    ['zero', all(0)],
    ['huge', all(1e300)],
    ['booleans', all(true)],
    ['invalid', all('x', 'invalid')],
    ['placeholders', all(null, 'placeholder')],
  ];
  for (const [name, values] of cases) {
    it(name, () => {
      for (const id of COMPUTABLE_INDICATORS) {
        const c = recompute(id, {
          values,
          surfaces: [{ name: '??', area: Number.NaN, coefficient: 7, source: '表!Z1' }],
          city: '上海市',
          scopeLabel: '项目',
        });
        if (c) {
          expect(c.notes.join()).not.toContain('内部错误');
          expect(c.value === null || typeof c.value === 'boolean' || Number.isFinite(c.value)).toBe(true);
        }
      }
    });
  }
});
