// What the engine gathers for one leaf before the evidence policy (shared/check/evidence.ts)
// decides: the unread tables that relate to the indicator, unread lists of buildings, and the
// calculator inputs that the sheet states twice.
import type { Calculation, ImportedValue, UnreadBlock } from '../model/types';
import { CALCULATOR_INPUTS } from '../calc/index';

// ---------------------------------------------------------------- unread tables

/** Unread blocks that relate to `indicator`: they name it, or an input of its calculator. */
export function relatedUnread(unread: readonly UnreadBlock[] | undefined, indicator: string): UnreadBlock[] {
  if (!unread || unread.length === 0) return [];
  const ids = new Set([indicator, ...(CALCULATOR_INPUTS[indicator] ?? [])]);
  return unread.filter((u) => u.indicators.some((i) => ids.has(i)));
}

/** Unread blocks that seem to list buildings (their indicators include 'building_name'). */
export function unreadBuildingLists(unread: readonly UnreadBlock[] | undefined): UnreadBlock[] {
  return (unread ?? []).filter((u) => u.indicators.includes('building_name'));
}

/** An input of the recomputation as the scope states it: its indicator id and its value. */
export interface UsedInput {
  id: string;
  v: ImportedValue;
}

const NO_INPUTS: readonly UsedInput[] = [];

/**
 * The calculator's inputs (other than the indicator itself) whose value in the scope the
 * recomputation used (same cell), in the calculator's order; looked up once per leaf for the
 * checks that ask (conflicts, stale formulas and parts, remarks on inputs).
 */
export function usedInputs(values: Record<string, ImportedValue>, indicator: string, calc: Calculation | null): readonly UsedInput[] {
  if (!calc) return NO_INPUTS;
  const ids = CALCULATOR_INPUTS[indicator];
  if (!ids) return NO_INPUTS;
  const used = usedSources(calc);
  let out: UsedInput[] | null = null;
  for (const id of ids) {
    if (id === indicator) continue;
    const v = values[id];
    if (v && used.has(v.source)) (out ??= []).push({ id, v });
  }
  return out ?? NO_INPUTS;
}

/** Calculator inputs the recomputation used (same cell) that carry conflicts. */
export function conflictingInputs(inputs: readonly UsedInput[]): ImportedValue[] {
  const out: ImportedValue[] = [];
  for (const { v } of inputs) if (v.conflicts?.length) out.push(v);
  return out;
}

/**
 * The cells a recomputation read (its inputs' sources), once per recomputation: 500 buildings that
 * share the project's recomputation ask it 500 times.
 */
const sourcesOf = new WeakMap<Calculation, ReadonlySet<string>>();
export function usedSources(calc: Calculation): ReadonlySet<string> {
  let used = sourcesOf.get(calc);
  if (!used) {
    const set = new Set<string>();
    for (const i of calc.inputs) if (i.source) set.add(i.source);
    sourcesOf.set(calc, (used = set));
  }
  return used;
}
