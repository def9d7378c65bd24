// Which calculation method a contract prescribes for an indicator (shared/data/prescribed-methods.json),
// and whether a calculator's method is that one. A recomputation by another method is
// `methodMismatch`: it can neither confirm nor refute the declared value (docs/evidence-policy.md).
import data from '../data/prescribed-methods.json';
import type { CalcContext } from './context';
import { memoKey, memoText } from '../model/memo';

interface MethodDef {
  id: string;
  name: string;
  names: string[];
  calculator: string | null;
  /** Further calculators that follow this method (the Shanghai 细则's 混凝土体积法 for 预制率). */
  calculators?: string[];
  status: string;
  source: string;
}

interface JurisdictionRule {
  indicators: string[];
  method: string;
  from?: string;
  until?: string;
  status: string;
  source: string;
}

interface Jurisdiction {
  name: string;
  match: string[];
  rules: JurisdictionRule[];
  dateNote?: string;
}

const METHODS = data.methods as MethodDef[];
const JURISDICTIONS = data.jurisdictions as Jurisdiction[];

export interface Prescribed {
  method: MethodDef;
  /** Why this method: the condition names it, or the jurisdiction prescribes it. */
  why: string;
}

const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').replace(/[〔［[]/g, '〔').replace(/[〕］\]]/g, '〕').toUpperCase();

/** The method a condition's `method` text names, if it is one we know. */
export function namedMethod(text: string | undefined): MethodDef | undefined {
  return text && text.trim() ? methodIn(text) : undefined;
}

const methodIn = memoText((text): MethodDef | undefined => {
  const t = squash(text);
  let best: { m: MethodDef; len: number } | undefined;
  for (const m of METHODS) {
    for (const n of m.names) {
      const k = squash(n);
      if (t.includes(k) && (!best || k.length > best.len)) best = { m, len: k.length };
    }
  }
  return best?.m;
});

/** A method the condition's text names that is none of ours: known only by its name, with no calculator. */
function contractMethod(text: string): MethodDef {
  return { id: `contract:${squash(text)}`, name: text, names: [text], calculator: null, status: 'CONTRACT', source: '合同条款' };
}

/** The method the condition names, else the one the contract's jurisdiction prescribes (by date). */
export function prescribedMethod(indicator: string, ctx: Pick<CalcContext, 'city' | 'signedOn' | 'method'>): Prescribed | undefined {
  return prescribed(indicator, ctx.city, ctx.signedOn, ctx.method);
}

// asked by every leaf of a check: memoised on what decides it
const prescribed = memoKey((indicator: string, city: string | undefined, signedOn: string | undefined, method: string | undefined): Prescribed | undefined => {
  const named = namedMethod(method);
  if (named) return { method: named, why: `合同条款指定按${named.name}计算` };
  // a method the contract names that our data do not know (a provincial standard, DBJ43/T 332-2018)
  // is still the prescribed one: a figure the sheet says is by another method, and every
  // recomputation of ours, is then not by it
  if (method?.trim()) return { method: contractMethod(method.trim()), why: `合同条款指定按${method.trim()}计算` };
  if (!city) return undefined;
  const j = JURISDICTIONS.find((x) => x.match.some((m) => city.includes(m)));
  if (!j) return undefined;
  const rules = j.rules.filter((r) => r.indicators.includes(indicator));
  if (rules.length === 0) return undefined;
  const date = signedOn && /^\d{4}-\d{2}-\d{2}/.test(signedOn) ? signedOn.slice(0, 10) : undefined;
  const inForce = date ? rules.find((r) => (!r.from || r.from <= date) && (!r.until || date <= r.until)) : undefined;
  // Without a date the latest rule is named; every rule of the list is a local method anyway.
  const rule = inForce ?? rules[rules.length - 1];
  const def = METHODS.find((m) => m.id === rule.method);
  if (!def) return undefined;
  const note = j.dateNote ? `（${j.dateNote}）` : '';
  return { method: def, why: `${j.name}规定按${def.name}计算${note}` };
});

/**
 * The mismatch sentence when `calculator` (a Calculation.method such as 'assembly') is not the
 * prescribed method for `indicator`; undefined when it is, or when nothing is prescribed.
 */
export function methodMismatch(calculator: string, indicator: string, ctx: Pick<CalcContext, 'city' | 'signedOn' | 'method'>): string | undefined {
  const p = prescribedMethod(indicator, ctx);
  if (!p || p.method.calculator === calculator || p.method.calculators?.includes(calculator)) return undefined;
  const own = METHODS.find((m) => m.calculator === calculator);
  return `${p.why}；本复核按${own ? own.name : '其他方法'}计算，结果仅供参考，不能据以确认或否定申报值`;
}
