// The clause vocabulary of shared/data/clause-words.json, typed, with the lookups the parser needs.
import data from '../data/clause-words.json';
import type { BuildingUse, Op } from '../model/types';

export type PlainUse = Exclude<BuildingUse, 'other'>;

export interface PostfixWord {
  word: string;
  op: Op;
  /** 'statutory': bare 以上/以下, inclusive only by 民法典 第一千二百五十九条 (note it). */
  inclusive: 'explicit' | 'statutory';
}

export interface UnitWord {
  word: string;
  factor: number;
  /** The indicator unit this word belongs to ('%', 'm²', …), or '?' for a foreign unit. */
  unit: string;
}

export interface Category {
  word: string;
  use: PlainUse[];
  minFloorArea?: number;
  note?: string;
}

const byLengthDesc = <T extends { word: string }>(a: T, b: T) => b.word.length - a.word.length;

export const PREFIX_COMPARATORS: ReadonlyArray<{ word: string; op: Op }> = data.comparators.prefix
  .flatMap((e) => e.words.map((word) => ({ word, op: e.op as Op })))
  .sort(byLengthDesc);

export const POSTFIX_COMPARATORS: readonly PostfixWord[] = data.comparators.postfix
  .flatMap((e) => e.words.map((word) => ({ word, op: e.op as Op, inclusive: e.inclusive as PostfixWord['inclusive'] })))
  .sort(byLengthDesc);

export const STATUTORY_NOTE: string = data.comparators.statutoryNote;
export const FRACTION_NOTE: string = data.fractionNote;

export const ANY_OF_WORDS: readonly string[] = data.combinators.anyOf;
export const ALL_OF_WORDS: readonly string[] = data.combinators.allOf;
export const NEGATIONS: readonly string[] = [...data.negations.words].sort((a, b) => b.length - a.length);
export const ADVISORY: readonly string[] = data.advisory.words;

export const USE_WORDS: ReadonlyArray<{ word: string; use: PlainUse[] }> = data.uses.entries
  .flatMap((e) => e.words.map((word) => ({ word, use: e.use as PlainUse[] })))
  .sort(byLengthDesc);

export const CATEGORIES: readonly Category[] = data.categories
  .flatMap((c) => c.words.map((word) => ({ word, use: c.use as PlainUse[], minFloorArea: c.minFloorArea, note: c.note })))
  .sort(byLengthDesc);

export const UNSUPPORTED_FILTERS: readonly string[] = [...data.unsupportedFilters.words].sort((a, b) => b.length - a.length);
export const BUILDING_SCOPE_WORDS: readonly string[] = data.buildingScopeWords.words;

const unitTable = data.units as unknown as Record<string, unknown>;
export const UNIT_WORDS: readonly UnitWord[] = [
  ...Object.entries(unitTable)
    .filter(([k, v]) => k !== 'source' && k !== 'foreign' && Array.isArray(v))
    .flatMap(([unit, list]) => (list as Array<{ w: string; factor: number }>).map((u) => ({ word: u.w, factor: u.factor, unit }))),
  ...data.units.foreign.map((word) => ({ word, factor: 1, unit: '?' })),
].sort(byLengthDesc);

export const STAR_WORDS: ReadonlyArray<{ word: string; value: number }> = data.stars.entries
  .flatMap((e) => e.words.map((word) => ({ word, value: e.value })))
  .sort(byLengthDesc);
export const STAR_PREFIXES: readonly string[] = data.stars.prefixes;

export const BOOLEAN_PATTERNS: ReadonlyArray<{ indicator: string; pattern: RegExp }> = data.booleanPatterns.entries.map((e) => ({
  indicator: e.indicator,
  pattern: new RegExp(e.pattern, 'g'),
}));

const prefixTable = data.idPrefixes as unknown as Record<string, string[] | string>;
/** Condition id prefix by indicator family (G green star, A assembly, …; X other). */
export function idPrefix(indicatorId: string): string {
  for (const [p, ids] of Object.entries(prefixTable)) if (Array.isArray(ids) && ids.includes(indicatorId)) return p;
  return 'X';
}
