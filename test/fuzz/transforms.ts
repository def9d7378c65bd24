// The layout fuzzer's transformations. Each one takes a workbook model and the facts the original
// import found (value and label cells), and returns a variant that states THE SAME FACTS in another
// layout a design institute really uses — or, for the error kinds, a variant where some facts
// become untrustworthy and the affected findings must be `review` (never `pass`).
// A transformation returns null when the workbook has nothing it applies to.
// The transformations live in transform-tables.ts, transform-labels.ts, transform-calc.ts,
// transform-sums.ts, transform-merges.ts and transform-errors.ts;
// this module holds the context they share and the lists the fuzzer runs.
import type { BuildingUse, ConditionsDoc, ImportedScalar, ImportResult, Verdict } from '../../shared/model/types';
import { type ExpectedDoc } from '../seeds/expectations';
import { parseRef, WorkbookM } from './workbook-model';
import { areasInWan, bracketNotes, coverToc, earlierStageColumns, fullWidth, maxScoreSwap, noteRowInside, notesColumn, percentAsFormat, percentAsText, requirementColumn, limitNamedRows, sideBySide, staleCopy, staleRows, transposeSheet, twoHeaderRows } from './transform-tables';
import { bilingualLabels, blankOffset, blankSpacers, buildingRespell, buildingUseInName, flattenFormulas, labelSpacing, mergedLabels, numberingPrefix, sheetRename, shuffleRows, synonyms, unitColumn } from './transform-labels';
import { heatPumpAsOutput, prefabBelowGradeRow, prefabFlagLayout, prefabRefuted } from './transform-calc';
import { approxPrefix, boundPrefix, errorCell, intentNote, limitingNote, partialScopeNote, unreadableScoreTable, visibleDuplicate } from './transform-errors';
import { partsAddUp, partsDontAdd, siteAreaSplit, staleFormula } from './transform-sums';
import { mergedDownFigures, mergedDownUses, valuesMergedAcross } from './transform-merges';
import { proseConflict, proseRestated, storageTwinLabels } from './transform-prose';
import { partColumns } from './transform-parts';
import { fitoutInWords } from './transform-words';

// ---------------------------------------------------------------- context

export interface Fact {
  indicator: string;
  /** null = project scope. */
  building: string | null;
  sheet: string;
  row: number;
  col: number;
  label?: { sheet: string; row: number; col: number };
  value: ImportedScalar | null;
  ok: boolean;
}

export interface BuildingRef {
  name: string;
  sheet: string;
  row: number;
  col: number;
  /** The building's use as read (class and text) and the cell it was read from, when it has one. */
  use?: { class: BuildingUse | null; raw: string; sheet: string; row: number; col: number };
}

export interface Rng {
  next(): number;
  int(n: number): number;
  pick<T>(xs: readonly T[]): T;
  shuffle<T>(xs: T[]): T[];
}

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    pick: (xs) => xs[int(xs.length)],
    shuffle: (xs) => {
      for (let i = xs.length - 1; i > 0; i--) {
        const j = int(i + 1);
        [xs[i], xs[j]] = [xs[j], xs[i]];
      }
      return xs;
    },
  };
}

export function hashSeed(...parts: (string | number)[]): number {
  let h = 2166136261;
  for (const ch of parts.join('|')) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h;
}

export interface FuzzContext {
  name: string;
  facts: Fact[];
  buildings: BuildingRef[];
  conditions: ConditionsDoc;
  expected: ExpectedDoc;
  rng: Rng;
}

export interface Variant {
  wb: WorkbookM;
  /** Findings whose verdict must be one of these instead of the expected one. */
  override: Map<string, Verdict[]>;
  /** What was done (Chinese), for failure messages. */
  what: string;
  /**
   * What the import of the variant must still read of the facts the transformation restated
   * (the restated facts themselves, not only the verdicts they decide): problems, in Chinese.
   */
  verify?: (imported: ImportResult) => string[];
}

export interface Transform {
  kind: string;
  /** Error/conflict kinds: affected findings must be review. */
  error?: boolean;
  apply(wb: WorkbookM, ctx: FuzzContext): Variant | null;
}


/** The value and label cells the original import used. */
export function factsOf(imported: ImportResult): { facts: Fact[]; buildings: BuildingRef[] } {
  const facts: Fact[] = [];
  const add = (building: string | null, values: ImportResult['project']) => {
    for (const v of Object.values(values)) {
      const at = parseRef(v.source);
      if (!at) continue;
      const label = v.labelSource ? parseRef(v.labelSource) : null;
      facts.push({ indicator: v.indicator, building, ...at, ...(label ? { label } : {}), value: v.value, ok: v.status === 'ok' });
    }
  };
  add(null, imported.project);
  for (const b of imported.buildings) add(b.name, b.values);
  const buildings: BuildingRef[] = [];
  for (const b of imported.buildings) {
    const at = parseRef(b.nameSource);
    const u = b.useSource ? parseRef(b.useSource) : null;
    if (at) buildings.push({ name: b.name, ...at, ...(u ? { use: { class: b.use, raw: b.useRaw ?? '', ...u } } : {}) });
  }
  return { facts, buildings };
}


export const SAME_FACTS: readonly Transform[] = [
  coverToc,
  staleCopy('hidden-stale-copy', 'hidden'),
  staleCopy('very-hidden-stale-copy', 'veryHidden'),
  staleRows('hidden-stale-rows', 'hidden'),
  staleRows('white-stale-rows', 'white'),
  sideBySide,
  transposeSheet,
  twoHeaderRows,
  requirementColumn,
  limitNamedRows,
  maxScoreSwap,
  notesColumn('notes-column', false),
  notesColumn('notes-numeric', true),
  areasInWan,
  fullWidth,
  bracketNotes,
  percentAsText,
  percentAsFormat,
  mergedLabels,
  synonyms,
  shuffleRows,
  blankOffset,
  blankSpacers,
  numberingPrefix,
  unitColumn,
  buildingRespell,
  buildingUseInName,
  flattenFormulas,
  sheetRename,
  labelSpacing,
  bilingualLabels,
  noteRowInside,
  earlierStageColumns,
  prefabFlagLayout,
  prefabBelowGradeRow,
  heatPumpAsOutput,
  partsAddUp,
  siteAreaSplit,
  mergedDownUses,
  valuesMergedAcross,
  proseRestated,
  storageTwinLabels,
  partColumns,
  fitoutInWords,
];

export const ERRORS: readonly Transform[] = [visibleDuplicate, errorCell('error-div0', '#DIV/0!'), errorCell('error-ref', '#REF!'), unreadableScoreTable, boundPrefix, approxPrefix, limitingNote, prefabRefuted, intentNote, partialScopeNote, staleFormula, partsDontAdd, mergedDownFigures, proseConflict];

export const ALL: readonly Transform[] = [...SAME_FACTS, ...ERRORS];
