// What the sheet's own data say against a figure that meets the contract (docs/evidence-policy.md):
// the GB/T 51129-2017 §3.0.3 minimums a 装配率 recomputation misses (basis not-assembled), and a
// level the sheet requires itself of the same scope below the declared one (basis target-below).
import type { ImportedValue, LeafRule } from '../model/types';
import { minimums } from '../data/standards/gbt51129-2017.json';
import { indicator } from '../model/indicators';
import { parseStar } from '../import/values';
import { fold } from '../import/text';
import { holds } from './compare';

const fmtNum = (n: number) => (Number.isInteger(n) ? String(n) : String(Math.round(n * 1000) / 1000));

/** The §3.0.3 minimums (主体结构 ≥ 20, 围护墙和内隔墙 ≥ 10, 全装修) a 装配率 recomputation's details miss, in words. */
export function unmetMinimums(d: Record<string, unknown> = {}): string {
  const out: string[] = [];
  if (typeof d.Q1 === 'number' && d.Q1 < minimums.q1) out.push(`主体结构得分 ${fmtNum(d.Q1)} 分低于 ${minimums.q1} 分`);
  if (typeof d.Q2 === 'number' && d.Q2 < minimums.q2) out.push(`围护墙和内隔墙得分 ${fmtNum(d.Q2)} 分低于 ${minimums.q2} 分`);
  if (d.fullFitout === false) out.push('未采用全装修');
  return out.join('，') || '最低要求未全部满足';
}

/**
 * A level the sheet requires itself of the same scope (星级要求 “一星级” beside, or in another table
 * than, a declared 二星级) below the declared level and below the contract's: the project's own
 * documents point two ways. A bound (“一星级及以上”) is no required level. Null when there is none.
 */
export function targetBelow(declared: ImportedValue | undefined, rule: LeafRule): number | null {
  const r = declared?.requirement;
  if (!r || indicator(rule.indicator)?.type !== 'star' || declared?.status !== 'ok' || typeof declared.value !== 'number') return null;
  const text = fold(r.text);
  if (/以上|不低于|至少|[≥>]/.test(text)) return null;
  const level = parseStar(text);
  return level !== null && level < declared.value && !holds(level, rule.op, rule.value) ? level : null;
}
