// Units as written in sheets → conversion into an indicator's unit (data: shared/data/units.json).
import data from '../data/units.json';
import { memoKey } from '../model/memo';

export interface UnitDef {
  unit: string;
  dimension: string;
  factor: number;
}

const byAlias = new Map<string, UnitDef>();

function foldUnit(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '').toLowerCase().replace(/^单位[:：]?/, '');
}

for (const u of data.units) {
  const def: UnitDef = { unit: u.unit, dimension: u.dimension, factor: u.factor };
  for (const a of [u.unit, ...u.aliases]) {
    const k = foldUnit(a);
    if (k && !byAlias.has(k)) byAlias.set(k, def);
  }
}
const NONE: UnitDef = byAlias.get('—') ?? { unit: '', dimension: 'none', factor: 1 };

/** The unit a text names ("㎡", "万m²", "公顷", "kWh/a", "(%)"), or null. */
const parsed = new Map<string, UnitDef | null>();
export function parseUnit(text: string): UnitDef | null {
  let r = parsed.get(text);
  if (r === undefined) {
    r = computeUnit(text);
    if (parsed.size > 10000) parsed.clear();
    parsed.set(text, r);
  }
  return r;
}

function computeUnit(text: string): UnitDef | null {
  let k = foldUnit(text);
  if (k.length > 24) return null;
  if (k.startsWith('(') && k.endsWith(')')) k = k.slice(1, -1);
  if (!k) return null;
  const d = byAlias.get(k);
  if (d) return d;
  // Per-year forms: "kWh/a", "万kWh/年", "GJ/a" are the same unit per year.
  const y = /\/(a|年)$/.exec(k);
  if (y) return byAlias.get(k.slice(0, y.index)) ?? null;
  return null;
}

/** The unit definition of an indicator's own unit ('m²', '%', 'kWh/a', ''). */
const own = new Map<string, UnitDef>();
export function indicatorUnit(unit: string): UnitDef {
  if (!unit) return NONE;
  const p = parseUnit(unit);
  if (p) return p;
  let d = own.get(unit);
  if (!d) own.set(unit, (d = { unit, dimension: `own:${unit}`, factor: 1 }));
  return d;
}

/**
 * Factor that converts a number written in `from` into `to`, or null when the dimensions
 * differ (e.g. "%" for 容积率, "m" for an area).
 */
export function conversionFactor(from: UnitDef, to: UnitDef): number | null {
  if (from.dimension !== to.dimension) return null;
  return from.factor / to.factor;
}

/** Cheap test used by layout detection: is this cell text only a unit? */
export function isUnitText(text: string): boolean {
  if (text.length > 24) return false;
  const u = parseUnit(text);
  return u !== null && u.dimension !== 'none';
}

const PER_YEAR = data.periods.perYear.map(foldUnit);
const OTHER_PERIODS = data.periods.other.map(foldUnit);

/**
 * The period a written unit counts per ("月" in "kgCO2/(m²·月)") when the indicator's own unit is
 * per year and the written one per another period: the figure cannot be read as annual.
 */
export const otherPeriod = memoKey((unitRaw: string, indicatorUnitText: string): string | null => periodOf(unitRaw, indicatorUnitText));

/** otherPeriod, worked out (asked for every number cell of a column under the same unit). */
function periodOf(unitRaw: string, indicatorUnitText: string): string | null {
  const own = foldUnit(indicatorUnitText);
  if (!own || !PER_YEAR.some((p) => own.endsWith(p) || own.includes(p))) return null;
  const k = foldUnit(unitRaw);
  if (PER_YEAR.some((p) => k.endsWith(p))) return null;
  for (const p of OTHER_PERIODS) if (k.includes(p)) return p.replace(/[/·()]/g, '');
  return null;
}
