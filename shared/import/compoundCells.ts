// One row that states two quantities of a building together (docs/reading-sheets.md §5, data
// import-notations.json `compoundCells`): a label naming both ("最高建筑层数/高度", "建筑层数及高度")
// and a cell giving each with its unit ("地上27层/82.4米", "27F/82.4m", "82.4m（27层）",
// "地上27层，地下2层"). Each indicator takes the part written in its own unit; the cell is read once
// per indicator, each reading naming the cell and the part it took.
import notations from '../data/import-notations.json';
import { fold, memo } from './text';

const DATA = notations.compoundCells;
const PARTS = new Map(Object.entries(DATA.parts).map(([id, p]) => [id, new RegExp(p)]));
const SKIP = new RegExp(DATA.skip);
const VALUE_SEP = new RegExp(DATA.valueSeparators, 'g');
const LABEL_SEP = new RegExp(DATA.labelSeparators);

/** The indicators a cell states parts of, and for each the part (as written, folded); null when the cell is not such a cell. */
const split = memo((text: string): Map<string, string> | null => {
  // "82.4m（27层）": the bracket is another part, not a note
  const f = fold(text).replace(/\(([^()]*)\)$/, '/$1');
  const segs = f.split(VALUE_SEP).filter(Boolean);
  if (segs.length < 2 || segs.length > 4) return null;
  const out = new Map<string, string>();
  for (const s of segs) {
    if (SKIP.test(s)) continue;
    const id = [...PARTS].find(([, re]) => re.test(s))?.[0];
    // a part of no listed kind, or two parts of one kind: not a cell of parts
    if (!id || out.has(id)) return null;
    out.set(id, s.replace(/^[^0-9]+/, '')); // "地上27层" → "27层": the words before the figure are the part's name
  }
  return out.size ? out : null;
});

/**
 * The part of a compound cell for one indicator: `{ part }` ("82.4m"), `{ part: null }` when the
 * cell states parts but none in this indicator's unit ("地上27层，地下2层" for the height), or null
 * when the cell is not a compound cell.
 */
export function compoundPart(text: string, indicator: string): { part: string | null; others: string[] } | null {
  if (!PARTS.has(indicator) || text.length > 40) return null;
  const parts = split(text);
  if (!parts) return null;
  const others = [...parts].filter(([id]) => id !== indicator).map(([, s]) => s);
  return { part: parts.get(indicator) ?? null, others };
}

/**
 * A label that names two quantities of a pair ("最高建筑层数/高度" → floors, building_height): the
 * second name may leave out what the first one said ("高度" after "最高建筑层数" is 最高建筑高度).
 * `resolve` is the plain label matcher; the ids in label order, or null.
 */
export function compoundLabel(key: string, resolve: (text: string) => string[] | null): string[] | null {
  const pieces = key.split(LABEL_SEP);
  if (pieces.length !== 2 || !pieces[0] || !pieces[1]) return null;
  const first = resolve(pieces[0]);
  if (!first || first.length !== 1) return null;
  let second: string[] | null = null;
  for (let k = pieces[0].length - 1; k >= 0 && !second; k--) {
    const r = resolve(pieces[0].slice(0, k) + pieces[1]);
    if (r && r.length === 1 && r[0] !== first[0]) second = r;
  }
  if (!second) return null;
  const ids = [first[0], second[0]];
  return DATA.labelPairs.some((p) => p.every((id) => ids.includes(id))) ? ids : null;
}
