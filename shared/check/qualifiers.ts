// What is written with a declared value that keeps it from establishing compliance on its own
// (docs/evidence-policy.md §2, the rules declared-bound, declared-remark and input-undetermined):
// - a range or approximation instead of a design figure ("≥35%", "40%以下", "约2.0");
// - a note in brackets that limits or qualifies the figure ("暂定", "仅住宅部分", "扣除代征绿地后为33%");
// - an input of the recomputation that the sheet states but the engine could not use (控制项
//   "第4.1.2条不满足，待整改"), or left undetermined ("待定") where the recomputation could then only
//   give an upper bound.
import type { Calculation, ImportedValue, Op } from '../model/types';
import { indicator as indicatorDef } from '../model/indicators';
import remarks from '../data/value-remarks.json';
import { holds } from './compare';
import { foldStatement, intentWord, partialScopeWords } from '../model/statements';
import { memoText } from '../model/memo';
import { neutralBasisRemark, type BasisTexts } from '../model/remarkBasis';
import { definitionalNote } from '../model/indicatorBases';

export type { BasisTexts } from '../model/remarkBasis';

const NEUTRAL: readonly RegExp[] = remarks.neutral.map((p) => new RegExp(p));

/**
 * The value's note (in brackets or its 备注) when it qualifies the value: not every part of it is a
 * neutral stage or reference note, nor only the basis the contract uses for the quantity
 * (`texts`: the condition's and the contract's words, shared/model/remarkBasis.ts).
 */
export function qualifyingRemark(v: ImportedValue | undefined, texts?: BasisTexts): string | null {
  const r = v?.remark?.trim();
  if (!r) return null;
  // neutral parts: a stage or reference note, the contract's own basis, or the indicator's own
  // definition restated (预制率（±0.000以上）, shared/model/indicatorBases.ts)
  const parts = r.split('；').map(normalisePart).filter(Boolean);
  return parts.every((p) => neutralPart(p) || neutralBasisRemark(p, v!.indicator, texts) || definitionalNote(v!.indicator, p)) ? null : r;
}

const normalisePart = (p: string) => p.normalize('NFKC').replace(/\s+/g, '');

/** A part of a remark is a neutral note (value-remarks.json `neutral`). */
const neutralPart = memoText((p) => NEUTRAL.some((n) => n.test(p)));

/** The intent word of the declared value's note ("★★（拟申报）" → "拟申报"), or null (docs/evidence-policy.md, declared-intent). */
export function remarkIntent(v: ImportedValue | undefined): string | null {
  return v?.status === 'ok' && v.remark ? intentWord(v.remark) : null;
}

/**
 * The words of a value's label or note that limit it to part of the project ("绿地率（一期）",
 * "建筑年总能耗（仅住宅部分，不含商业）"), unless they are in the project's own name ("…项目（一期）"):
 * `{ words, in: 'label' | 'remark' }` or null (docs/evidence-policy.md, partial-scope).
 */
export function scopeQualifier(v: ImportedValue, projectName: string): { words: string; in: 'label' | 'remark' } | null {
  const name = foldStatement(projectName);
  const part = (text: string | undefined) => {
    const w = text ? partialScopeWords(text, v.indicator) : null;
    return w && !(name && name.includes(w)) ? w : null;
  };
  const inLabel = part(v.label);
  if (inLabel) return { words: inLabel, in: 'label' };
  const inRemark = part(v.remark);
  return inRemark ? { words: inRemark, in: 'remark' } : null;
}

/**
 * Whether a value written as a bound or an approximation fails the requirement whatever the figure
 * really is ("40%以下" against 不低于35%: no; "30%以下" against 不低于35%: yes).
 */
export function boundRefutes(v: ImportedValue, op: Op, required: number | boolean): boolean {
  if (typeof v.value !== 'number' || typeof required !== 'number') return false;
  const x = v.value;
  const lowerReq = op === '>=' || op === '>';
  const upperReq = op === '<=' || op === '<';
  if (v.bound === 'atLeast') return upperReq && !holds(x, op, required);
  if (v.bound === 'atMost') return lowerReq && !holds(x, op, required);
  // a range fails when all of it does: its lower end misses an upper limit, its upper end a lower one
  if (v.bound === 'range' && typeof v.low === 'number') return (upperReq && !holds(v.low, op, required)) || (lowerReq && !holds(x, op, required));
  if (v.bound === 'about') {
    const tol = indicatorDef(v.indicator)?.tolerance ?? 0;
    return (lowerReq || upperReq) && !holds(x - tol, op, required) && !holds(x + tol, op, required);
  }
  return false;
}

/** "≥35%" / "40%以下" / "约2.0": the words for the kind of bound. */
export function boundWords(v: ImportedValue): string {
  return v.bound === 'atLeast' ? '只写了下限' : v.bound === 'atMost' ? '只写了上限' : v.bound === 'range' ? '是数值范围' : '是约数';
}

/** A range ("49.8~53.9m") every figure of which meets the requirement: a pass on the whole span. */
export function rangeHolds(v: ImportedValue, op: Op, required: number | boolean): boolean {
  return v.bound === 'range' && typeof v.low === 'number' && typeof v.value === 'number' && holds(v.low, op, required) && holds(v.value, op, required);
}

/**
 * Inputs the sheet states that the recomputation could not use and on which the result depends:
 * unreadable ones always; undetermined ("待定", "/") ones where they made the result only an upper bound.
 */
export function undeterminedInputs(calc: Calculation | null): NonNullable<Calculation['undetermined']> {
  const u = calc?.undetermined ?? [];
  return u.filter((x) => x.kind === 'unreadable' || calc!.bound === 'upper');
}
