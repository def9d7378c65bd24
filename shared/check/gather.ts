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

/** Calculator inputs the recomputation used (same cell) that carry conflicts. */
export function conflictingInputs(values: Record<string, ImportedValue>, indicator: string, calc: Calculation | null): ImportedValue[] {
  if (!calc) return [];
  const used = usedSources(calc);
  const out: ImportedValue[] = [];
  for (const id of CALCULATOR_INPUTS[indicator] ?? []) {
    if (id === indicator) continue;
    const v = values[id];
    if (v?.conflicts?.length && used.has(v.source)) out.push(v);
  }
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
