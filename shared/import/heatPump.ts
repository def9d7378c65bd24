// Heat pumps in a 可再生能源 table (docs/domain/renewable.md §1): a figure under a header or label
// that says heat output (年供热量, 制热量) is not renewable use — only Q × (1 − 1/COP) of it is
// (shared/data/heat-pump.json). This pass marks such figures (ImportedValue.heatOutput, and each
// line item's) with the COP the sheet states for them: in the row ("COP=3.0，按总供热量计"), else
// the one COP a note or a COP row of the sheet gives. The calculator (shared/calc/renewable.ts)
// credits only the renewable share, or leaves the figure undetermined when no COP is stated.
import data from '../data/heat-pump.json';
import type { CellRef, HeatOutput, ImportedValue } from '../model/types';
import { cellAt, type GCell, type Grid } from './grid';
import { fold } from './labels';

const HP = data.heatPumpWords.map(fold);
const OUTPUT = data.outputWords.map(fold);
const USE = data.useWords.map(fold);
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const COP_LABELS = data.copLabels.map(fold).sort((a, b) => b.length - a.length);
const COP_RE = new RegExp(`(?:${COP_LABELS.map(esc).join('|')})[^0-9]{0,4}?(\\d+(?:\\.\\d+)?)`);
const [COP_MIN, COP_MAX] = data.copRange;

/** "Sheet!C4" → the sheet's grid and the cell's row and column. */
function locate(grids: Map<string, Grid>, ref: CellRef): { g: Grid; r: number; c: number } | null {
  const m = /^(.*)!([A-Z]{1,3})(\d+)$/.exec(ref);
  if (!m) return null;
  const g = grids.get(m[1]);
  if (!g) return null;
  let c = 0;
  for (const ch of m[2]) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { g, r: Number(m[3]), c };
}

const text = (c: GCell | undefined) => (c && c.kind === 'string' ? c.str! : '');

function says(words: string[], t: string): boolean {
  const f = fold(t);
  return words.some((w) => f.includes(w));
}

/** The COP a text states ("COP=3.0", "SPF 3.2"), within the plausible range. */
function copIn(t: string): number | null {
  const m = COP_RE.exec(fold(t));
  if (!m) return null;
  const v = Number(m[1]);
  return v >= COP_MIN && v <= COP_MAX ? v : null;
}

function refOf(g: Grid, c: GCell): CellRef {
  return `${g.name}!${c.addr}`;
}

/** The COP stated in row r, or the single COP the sheet states elsewhere. */
function copFor(g: Grid, r: number): HeatOutput['cop'] | undefined {
  for (const c of g.rows[r] ?? []) {
    const v = c ? copIn(text(c)) : null;
    if (v !== null) return { value: v, raw: text(c).trim(), source: refOf(g, c!) };
  }
  const found = new Map<number, NonNullable<HeatOutput['cop']>>();
  for (let rr = 1; rr <= g.maxRow; rr++) {
    const line = g.rows[rr];
    if (!line) continue;
    for (const c of line) {
      if (!c || c.kind !== 'string') continue;
      const v = copIn(c.str!);
      if (v !== null && !found.has(v)) found.set(v, { value: v, raw: c.str!.trim(), source: refOf(g, c) });
      // a COP row: "热泵COP | 3.0"
      const f = fold(c.str!);
      if (v === null && f.length <= 24 && COP_LABELS.some((l) => f.includes(l))) {
        const n = cellAt(g, rr, c.c + 1);
        if (n?.kind === 'number' && n.num! >= COP_MIN && n.num! <= COP_MAX && !found.has(n.num!)) found.set(n.num!, { value: n.num!, raw: `${c.str!.trim()} ${n.raw}`, source: refOf(g, n) });
      }
    }
  }
  return found.size === 1 ? [...found.values()][0] : undefined;
}

/** Heat output when the label or the column's header says output (and not renewable use). */
function outputOf(grids: Map<string, Grid>, label: string, labelRef: CellRef | undefined, headerRef: CellRef | undefined, valueRef: CellRef): HeatOutput | undefined {
  // the label's own words (空气源热泵（可再生能源部分）) say what the figure is, whatever the column's header
  if (!says(HP, label) || says(USE, label)) return undefined;
  const at = locate(grids, valueRef);
  if (!at) return undefined;
  const h = headerRef ? locate(grids, headerRef) : null;
  let head: GCell | undefined = h ? cellAt(h.g, h.r, h.c) : undefined;
  // no header gave the column its role: the first text above the value in its column
  for (let r = at.r - 1; !head && r >= Math.max(1, at.r - 30); r--) {
    const c = cellAt(at.g, r, at.c);
    if (c && c.kind === 'string') head = c;
  }
  const candidates: Array<[string, CellRef | undefined]> = [
    [text(head), head ? refOf(at.g, head) : undefined],
    [label, labelRef],
  ];
  for (const [t, ref] of candidates) {
    if (!t || says(USE, t) || !says(OUTPUT, t)) continue;
    const cop = copFor(at.g, at.r);
    return { text: t.trim(), source: ref ?? valueRef, ...(cop ? { cop } : {}) };
  }
  return undefined;
}

/** Marks the heat-pump figures of each store that the sheet gives as heat output. */
export function markHeatOutput(grids: readonly Grid[], stores: Array<Record<string, ImportedValue>>): void {
  const byName = new Map(grids.map((g) => [g.name, g]));
  for (const store of stores) {
    for (const id in store) {
      const iv = store[id];
      if (!id.startsWith('re_') || iv.status !== 'ok') continue;
      if (iv.parts?.length) {
        for (const p of iv.parts) {
          const o = outputOf(byName, p.label, undefined, iv.roleSource, p.source);
          if (o) p.heatOutput = o;
        }
        continue;
      }
      const o = outputOf(byName, iv.label, iv.labelSource, iv.roleSource, iv.source);
      if (o) iv.heatOutput = o;
    }
  }
}
