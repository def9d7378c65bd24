// One decision of the evidence policy (shared/check/evidence.ts), as the rules, the sheet's checks
// (consistency.ts, statements.ts) and the engine pass it on.
import type { Verdict } from '../model/types';
import type { Decision } from './evidence';

/**
 * A decision with every field, always in this order: the engine makes thousands of them (500
 * buildings), and objects of one shape made by one literal keep V8's optimised code valid across
 * garbage collections (a shape reached by adding fields later or by a spread is dropped with the
 * last object that has it, and the code that relied on it is thrown away with it).
 */
export function decision(verdict: Verdict, basis: string, message: string, remarks: string[] | undefined, source: string | null | undefined): Decision {
  return { verdict, basis, message, remarks, source };
}

/** A rule's decision (evidence.ts) with the rule's basis id. */
export function withBasis(d: Omit<Decision, 'basis'>, basis: string): Decision {
  return decision(d.verdict, basis, d.message, d.remarks, d.source);
}
