// Chinese words for verdicts and overall conclusions (docs/formats.md §3).
import type { Overall, Verdict } from './types';

export const VERDICT_LABEL: Record<Verdict, string> = {
  pass: '符合',
  fail: '不符合',
  missing: '缺项',
  review: '需复核',
  not_applicable: '不适用',
};

export const OVERALL_LABEL: Record<Overall, string> = {
  pass: '符合',
  fail: '不符合',
  incomplete: '需补充材料',
};

/** Exit status of `npm run check` (docs/formats.md §4). */
export const OVERALL_EXIT: Record<Overall, number> = { pass: 0, fail: 1, incomplete: 2 };
