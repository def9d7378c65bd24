// The clause vocabulary of shared/data/clause-words.json, typed, with the lookups the parser needs
// (docs/contract-text.md).
import data from '../data/clause-words.json';
import type { Aggregate, BuildingUse, Op } from '../model/types';

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
const longestFirst = (list: readonly string[]) => [...list].sort((a, b) => b.length - a.length);

export const PREFIX_COMPARATORS: ReadonlyArray<{ word: string; op: Op }> = data.comparators.prefix
  .flatMap((e) => e.words.map((word) => ({ word, op: e.op as Op })))
  .sort(byLengthDesc);

export const POSTFIX_COMPARATORS: readonly PostfixWord[] = data.comparators.postfix
  .flatMap((e) => e.words.map((word) => ({ word, op: e.op as Op, inclusive: e.inclusive as PostfixWord['inclusive'] })))
  .sort(byLengthDesc);

export const STATUTORY_NOTE: string = data.comparators.statutoryNote;
export const FRACTION_NOTE: string = data.fractionNote;

export const ANY_OF_WORDS: readonly string[] = longestFirst(data.combinators.anyOf);
export const ALL_OF_WORDS: readonly string[] = longestFirst(data.combinators.allOf);
export const LIST_WORDS: readonly string[] = longestFirst(data.combinators.list);
export const NEGATIONS: readonly string[] = longestFirst(data.negations.words);
export const ADVISORY: readonly string[] = longestFirst(data.advisory.words);
export const CONTINUATION_STARTS: readonly string[] = longestFirst(data.continuation.starts);
export const RELATIVE_SCOPE: readonly string[] = longestFirst(data.continuation.anywhere);
export const SUBSET_WORDS: readonly string[] = data.subset.words;
export const SPLIT_WORDS: readonly string[] = data.split.words;
export const COMPANION_WORDS: readonly string[] = longestFirst(data.companion.words);
export const POLICY_WORDS: readonly string[] = longestFirst(data.policyTargets.words);
export const POLICY_PATTERNS: readonly RegExp[] = data.policyTargets.patterns.map((p) => new RegExp(p, 'g'));
export const TOPICS: ReadonlyArray<{ word: string; indicators: string[] }> = [...data.topics.entries].sort(byLengthDesc);
export const IMPLIED_AT_LEAST: readonly string[] = longestFirst(data.impliedAtLeast.words);
export const FILLER: readonly string[] = longestFirst(data.filler.words);
export const BOILERPLATE: readonly string[] = longestFirst(data.boilerplate.words);
export const WHOLE_AREA: readonly string[] = longestFirst(data.wholeArea.words);

/** Descriptive facts about the plot (项目位于…, 用地面积为…, 用地性质为…): whole segments, never qualifiers. */
export const DESCRIPTIONS = {
  patterns: data.descriptions.patterns.map((p) => new RegExp(`^(?:${p})$`)),
  labels: data.descriptions.labels,
  guard: data.descriptions.guard,
};

export const DATE_WORDS = {
  inclusive: longestFirst(data.dates.inclusive),
  unsure: longestFirst(data.dates.unsure),
  contract: longestFirst(data.dates.contractWords),
  unsureNote: data.dates.unsureNote,
  notContractNote: data.dates.notContractNote,
};

export const DISTINCT_NAMES: ReadonlyArray<{ word: string; reason: string }> = [...data.distinctNames.entries].sort(byLengthDesc);
export const INDICATOR_CONFIRM: Readonly<Record<string, string>> = data.indicatorConfirm.entries;
export const SITE_INDICATORS: readonly string[] = data.siteIndicators.ids;
export const HEADING_WORDS: readonly string[] = longestFirst(data.headings.words);

export const TABLE_ROW_OPS: Readonly<Record<string, Op>> = data.tableRows.ops as Record<string, Op>;
export const TABLE_ROW_CONFIRM: string = data.tableRows.confirm;

export interface IndicatorPattern {
  indicator: string;
  pattern: RegExp;
  impliedOp?: Op;
  confirm?: string;
}
export const INDICATOR_PATTERNS: readonly IndicatorPattern[] = data.indicatorPatterns.entries.map((e) => ({
  indicator: e.indicator,
  pattern: new RegExp(e.pattern, 'g'),
  ...('impliedOp' in e ? { impliedOp: e.impliedOp as Op } : {}),
  ...('confirm' in e ? { confirm: e.confirm as string } : {}),
}));

export const OF_TOTAL = { pattern: new RegExp(data.ofTotal.pattern, 'g'), indicators: data.ofTotal.indicators };

export const USE_WORDS: ReadonlyArray<{ word: string; use: PlainUse[] }> = data.uses.entries
  .flatMap((e) => e.words.map((word) => ({ word, use: e.use as PlainUse[] })))
  .sort(byLengthDesc);

export const CATEGORIES: readonly Category[] = data.categories
  .flatMap((c) => c.words.map((word) => ({ word, use: c.use as PlainUse[], minFloorArea: c.minFloorArea, note: c.note })))
  .sort(byLengthDesc);

export const UNSUPPORTED_FILTERS: readonly string[] = longestFirst(data.unsupportedFilters.words);
export const BUILDING_SCOPE_WORDS: readonly string[] = data.buildingScopeWords.words;

export const SCOPE_WORDS: ReadonlyArray<{ word: string; aggregate: Aggregate }> = (['eachOrAverage', 'average', 'each'] as const)
  .flatMap((a) => data.scopeWords[a].map((word) => ({ word, aggregate: a as Aggregate })))
  .sort(byLengthDesc);

const unitTable = data.units as unknown as Record<string, unknown>;
export const UNIT_WORDS: readonly UnitWord[] = [
  ...Object.entries(unitTable)
    .filter(([k, v]) => k !== 'source' && k !== 'foreign' && Array.isArray(v))
    .flatMap(([unit, list]) => (list as Array<{ w: string; factor: number }>).map((u) => ({ word: u.w, factor: u.factor, unit }))),
  ...data.units.foreign.map((word) => ({ word, factor: 1, unit: '?' })),
].sort(byLengthDesc);

export const STAR_WORDS: ReadonlyArray<{ word: string; value: number; confirm?: string }> = data.stars.entries
  .flatMap((e) => e.words.map((word) => ({ word, value: e.value, ...('confirm' in e ? { confirm: e.confirm as string } : {}) })))
  .sort(byLengthDesc);
export const STAR_PREFIXES: readonly string[] = data.stars.prefixes;
export const STAR_SUFFIXES: readonly string[] = data.stars.suffixes;

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
