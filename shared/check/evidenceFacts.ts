// The facts the evidence policy reads for one leaf (docs/evidence-policy.md), derived once from the
// evidence: the declared value and whether it is usable and passes, the recomputation and whether
// it is exact, confirmed and agrees. The rules themselves are in evidence.ts.
import type { Calculation, ImportedValue } from '../model/types';
import { formatValue, indicator as indicatorDef, indicatorName } from '../model/indicators';
import { holds, missWord, requirementWords, valuesAgree } from './compare';
import type { LeafEvidence } from './evidence';

/** Facts derived once from the evidence; the rules read only these. */
export interface Facts {
  e: LeafEvidence;
  id: string;
  name: string;
  /** "不低于二星级". */
  req: string;
  /** "低于" / "高于" / "不符合". */
  miss: string;
  declared: ImportedValue | undefined;
  /** A declared value of the right type and within the plausible range. */
  usable: boolean;
  /** Why a declared status-ok value is not usable (wrong type / out of range), or null. */
  invalid: 'type' | 'range' | null;
  dv: number | boolean | null;
  declaredPasses: boolean;
  /** "绿地率为36%（单体未单列，采用项目整体数值）". */
  declaredText: string;
  calc: Calculation | null;
  computed: number | boolean | null;
  computedPasses: boolean;
  confirmed: boolean;
  upper: boolean;
  /** Declared and recomputed agree within tolerance (upper bound: declared ≤ bound). */
  agree: boolean;
  /** "（GB/T 50378-2019 §3.2.5–3.2.8）". */
  calcWhy: string;
  fv: (v: unknown) => string;
}

export function factsOf(e: LeafEvidence): Facts {
  const id = e.rule.indicator;
  const def = indicatorDef(id);
  const fv = (v: unknown) => formatValue(id, v);
  const declared = e.declared;
  const calc = e.calc;
  const computed = calc && calc.value !== null ? calc.value : null;
  let invalid: Facts['invalid'] = null;
  let dv: number | boolean | null = null;
  if (declared && declared.status === 'ok') {
    const wantBool = def?.type === 'boolean';
    const v = declared.value;
    if ((wantBool && typeof v !== 'boolean') || (!wantBool && (typeof v !== 'number' || !Number.isFinite(v)))) invalid = 'type';
    else {
      dv = v as number | boolean;
      if (typeof dv === 'number' && def?.range && (dv < def.range[0] || dv > def.range[1])) invalid = 'range';
    }
  }
  const usable = !!declared && declared.status === 'ok' && invalid === null;
  const upper = calc?.bound === 'upper';
  const borrowed =
    e.borrowed?.from === 'project'
      ? '（单体未单列，采用项目整体数值）'
      : e.borrowed?.from === 'soleBuilding'
        ? `（项目未单列，采用单体“${e.borrowed.name}”的数值）`
        : '';
  return {
    e,
    id,
    name: indicatorName(id),
    req: requirementWords(id, e.rule.op, e.rule.value),
    miss: missWord(e.rule.op),
    declared,
    usable,
    invalid,
    dv,
    declaredPasses: usable && holds(dv as number | boolean, e.rule.op, e.rule.value),
    declaredText: usable ? `${indicatorName(id)}为${declared!.bound === 'range' && typeof declared!.low === 'number' ? `${fv(declared!.low)}～` : ''}${fv(dv)}${borrowed}` : '',
    calc,
    computed,
    computedPasses: computed !== null && holds(computed, e.rule.op, e.rule.value),
    confirmed: calc?.confidence === 'confirmed',
    upper,
    agree: usable && computed !== null && valuesAgree(dv as number | boolean, computed, def?.tolerance ?? 0, upper),
    calcWhy: calc?.clause ? `（${calc.clause}）` : '',
    fv,
  };
}
