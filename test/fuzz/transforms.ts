// The layout fuzzer's transformations. Each one takes a workbook model and the facts the original
// import found (value and label cells), and returns a variant that states THE SAME FACTS in another
// layout a design institute really uses — or, for the error kinds, a variant where some facts
// become untrustworthy and the affected findings must be `review` (never `pass`).
// A transformation returns null when the workbook has nothing it applies to.
// The transformations live in same-facts-*.ts and error-transforms.ts; the context and helpers in
// fuzz-context.ts and fuzz-helpers.ts.
import { coverToc, staleCopy, transposeSheet, twoHeaderRows, requirementColumn, maxScoreSwap, notesColumn } from './same-facts-tables';
import { areasInWan, fullWidth, approxPrefix, boundPrefix, bracketNotes, percentAsText, percentAsFormat } from './same-facts-values';
import { mergedLabels, synonyms, shuffleRows, blankOffset, blankSpacers, numberingPrefix, unitColumn, buildingRespell, flattenFormulas, sheetRename, labelSpacing, bilingualLabels } from './same-facts-labels';
import { visibleDuplicate, errorCell, unreadableScoreTable } from './error-transforms';
import type { Transform } from './fuzz-context';

export * from './fuzz-context';
export { bareLabel, requirementText } from './fuzz-helpers';

export const SAME_FACTS: readonly Transform[] = [
  coverToc,
  staleCopy('hidden-stale-copy', 'hidden'),
  staleCopy('very-hidden-stale-copy', 'veryHidden'),
  transposeSheet,
  twoHeaderRows,
  requirementColumn,
  maxScoreSwap,
  notesColumn('notes-column', false),
  notesColumn('notes-numeric', true),
  areasInWan,
  fullWidth,
  approxPrefix,
  boundPrefix,
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
  flattenFormulas,
  sheetRename,
  labelSpacing,
  bilingualLabels,
];

export const ERRORS: readonly Transform[] = [visibleDuplicate, errorCell('error-div0', '#DIV/0!'), errorCell('error-ref', '#REF!'), unreadableScoreTable];

export const ALL: readonly Transform[] = [...SAME_FACTS, ...ERRORS];
