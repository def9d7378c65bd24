// Colours of verdicts and the overall conclusion (their words are in shared/model/verdicts.ts).
import type { Overall, Verdict, Op } from '../model/types';
import { VERDICT_LABEL as VERDICT_WORD, OVERALL_LABEL as OVERALL_WORD } from '../model/verdicts';

export { VERDICT_LABEL as VERDICT_WORD, OVERALL_LABEL as OVERALL_WORD } from '../model/verdicts';

export const VERDICT_COLOR: Record<Verdict, string> = {
  pass: '#1B7F3B',
  fail: '#C62828',
  missing: '#B25E00',
  review: '#8D6E00',
  not_applicable: '#757575',
};

export const VERDICT_FILL: Record<Verdict, string> = {
  pass: '#E3F2E6',
  fail: '#FDE3E3',
  missing: '#FFF0DC',
  review: '#FFF6CC',
  not_applicable: '#EEEEEE',
};

export const OVERALL_COLOR: Record<Overall, string> = {
  pass: '#1B7F3B',
  fail: '#C62828',
  incomplete: '#B25E00',
};

export const VERDICT_ORDER: Verdict[] = ['pass', 'fail', 'missing', 'review', 'not_applicable'];

export const OP_WORD: Record<Op, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '==': '=' };

export function verdictWord(v: string): string {
  return (VERDICT_WORD as Record<string, string>)[v] ?? v;
}

export function overallWord(v: string): string {
  return (OVERALL_WORD as Record<string, string>)[v] ?? v;
}

/** '>= 60' → '≥ 60' for display of an engine's `required` string. */
export function prettyOps(s: string): string {
  return s.replace(/>=/g, '≥').replace(/<=/g, '≤').replace(/==/g, '=');
}
