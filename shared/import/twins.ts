// Two labels of one kind of quantity on one sheet (shared/data/label-twins.json): where the sheet
// names the needed volume with a word of need (需调蓄容积, 所需调蓄容积, 应设调蓄容积), the 设计调蓄容积 beside
// it is what the design provides, not a second statement of the need. Alone, 设计调蓄容积 keeps the
// meaning the 容积法 gives it (V = 10·H·φ·F, docs/domain/runoff.md §3).
import data from '../data/label-twins.json';
import { indicator } from '../model/indicators';
import type { ValueCand } from './collect';
import { sheetOf } from './grid';
import { normaliseLabel } from './labels';
import { blocksAffix } from './roles';

interface Twin {
  indicator: string;
  needed: ReadonlySet<string>;
  designed: ReadonlySet<string>;
  designedIs: string;
}

const keyOf = (label: string) => normaliseLabel(label).key;

export const TWINS: readonly Twin[] = data.twins.map((t) => ({
  indicator: t.indicator,
  needed: new Set(t.needed.map(keyOf)),
  designed: new Set(t.designed.map(keyOf)),
  designedIs: t.designedIs,
}));


/** True when the label names the twin's quantity with one of `words` (exactly, or after a prefix: "1#分区需调蓄容积"). */
function names(label: string, words: ReadonlySet<string>): boolean {
  const key = keyOf(label);
  if (words.has(key)) return true;
  for (const w of words) if (key.endsWith(w) && !blocksAffix(key.slice(0, key.length - w.length))) return true;
  return false;
}

/**
 * Of two headers naming one quantity (需调蓄容积 | 设计调蓄容积), the one that is the designed twin
 * and the indicator it is then (storage_provided).
 */
export function designedTwin(labels: readonly string[]): { label: string; indicator: string } | null {
  for (const t of TWINS) {
    const designed = labels.find((l) => names(l, t.designed));
    if (designed && labels.some((l) => l !== designed && names(l, t.needed))) return { label: designed, indicator: t.designedIs };
  }
  return null;
}

/**
 * Re-reads, in place, each 设计 twin as the provided quantity where a needed twin was read on the
 * same sheet. The interpretation says why, so the reader can follow the decision.
 */
export function readTwins(cands: ReadonlyArray<{ kind: string }>): void {
  for (const t of TWINS) {
    const values = cands.filter((c): c is ValueCand => c.kind === 'value' && (c as ValueCand).iv.indicator === t.indicator);
    const neededOn = new Map<string, ValueCand>();
    for (const c of values) if (names(c.iv.label, t.needed) && !neededOn.has(sheetOf(c.iv.source))) neededOn.set(sheetOf(c.iv.source), c);
    if (!neededOn.size) continue;
    const other = indicator(t.designedIs);
    for (const c of values) {
      const need = neededOn.get(sheetOf(c.iv.source));
      if (!need || !names(c.iv.label, t.designed) || names(c.iv.label, t.needed)) continue;
      c.iv.indicator = t.designedIs;
      c.iv.interpretation += `；同一工作表 ${need.iv.source} 另列“${need.iv.label}”（所需的量），故“${c.iv.label}”读作${other?.name ?? t.designedIs}（设计提供的量）`;
    }
  }
}
