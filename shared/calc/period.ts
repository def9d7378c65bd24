// Whether a stated total is a figure per year: its unit ("tCO₂/a", "万kWh/年") or its label
// ("年碳排放总量") says so. Period forms: shared/data/units.json `periods` (docs/domain/energy-carbon.md §2).
import units from '../data/units.json';
import type { ImportedValue } from '../model/types';

const fold = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
const PER_YEAR = units.periods.perYear.map(fold);
/** A figure over the whole service life or a stated number of years is not annual. */
const LIFE = /全寿命|全生命|生命周期|寿命期|使用年限|设计年限|[0-9０-９]+\s*年/;
/** 年 as "per year" (年碳排放量, 年度, 每年), not as part of 年限. */
const ANNUAL = /年(?!限)/;

/** True when the value's unit or label says it counts per year. */
export function statedPerYear(iv: Pick<ImportedValue, 'label' | 'unitRaw'>): boolean {
  const label = iv.label ?? '';
  if (LIFE.test(label)) return false;
  const u = fold(iv.unitRaw ?? '');
  if (u && PER_YEAR.some((p) => u.endsWith(p))) return true;
  return ANNUAL.test(label);
}
