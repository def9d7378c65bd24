// Chinese words and colours of verdicts and the overall conclusion.
import type { Overall, Verdict, Op } from '../model/types';

export const VERDICT_WORD: Record<Verdict, string> = {
  pass: '符合',
  fail: '不符合',
  missing: '缺项',
  review: '需复核',
  not_applicable: '不适用',
};

export const OVERALL_WORD: Record<Overall, string> = {
  pass: '符合',
  fail: '不符合',
  incomplete: '需补充材料',
};

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
