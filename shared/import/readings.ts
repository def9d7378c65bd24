// What a stored reading is worth when readings of one indicator meet (collect.ts): usable or not,
// equal within the indicator's tolerance, summed as line items.
import type { ImportedLineItem, ImportedValue, IndicatorDef } from '../model/types';

/** A reading with a value the engine could use or must weigh (not a placeholder, not an unreadable cell). */
export function usable(iv: ImportedValue): boolean {
  return iv.value !== null && (iv.status === 'ok' || iv.status === 'ambiguous' || iv.status === 'invalid');
}

/** Line items: the items of every value that sums several rows of one kind (ImportedValue.parts). */
export function lineItemsOf(store: Record<string, ImportedValue>): ImportedLineItem[] {
  const out: ImportedLineItem[] = [];
  for (const id in store) {
    const v = store[id];
    for (const p of v.parts ?? []) out.push({ indicator: id, name: p.label, value: p.value, source: p.source, ...(p.heatOutput ? { heatOutput: p.heatOutput } : {}) });
  }
  return out;
}

export function isOkNumber(iv: ImportedValue): boolean {
  return iv.status === 'ok' && typeof iv.value === 'number';
}

/** Equal within the indicator's rounding tolerance (a typed 11.67% next to its formula's 11.6667%). */
export function sameValue(def: IndicatorDef | undefined, a: ImportedValue['value'], b: ImportedValue['value']): boolean {
  if (a === b) return true;
  if (typeof a !== 'number' || typeof b !== 'number') return false;
  const tol = Math.max(def?.tolerance ?? 0, 1e-9 * Math.max(1, Math.abs(a)));
  return Math.abs(a - b) <= tol;
}

export function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(10)));
}
