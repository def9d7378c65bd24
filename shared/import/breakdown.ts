// The parts a sheet states under an area total (ImportedValue.breakdown): "其中：住宅 70000",
// "其中：商业 12000" in the rows below 计容建筑面积 78000, or 其中 columns beside a header. Only what
// is written is read here; whether the parts claim to be the whole is the check's judgement
// (shared/check/areaSums.ts, shared/data/area-sums.json).
import type { ImportedValue } from '../model/types';
import sums from '../data/area-sums.json';
import { fold } from './text';
import { parseRef } from './formulas';
import { cellAt, covering, type GCell, type Grid } from './grid';
import { matchLabel, normaliseLabel } from './labels';
import { parseUnit } from './units';

const TOTALS: ReadonlySet<string> = new Set(sums.totals);
const MARKER = new RegExp(`^(?:${sums.partMarkers.join('|')})(?:[:：、,，\\s]+|(?=\\S))`);
/** Most parts looked for under one total. */
const MAX_PARTS = 12;

/** Reads the 其中 parts of every area total in `values` that has a label cell. */
export function readBreakdowns(values: Iterable<ImportedValue>, grids: readonly Grid[]): void {
  for (const iv of values) {
    if (!TOTALS.has(iv.indicator) || iv.status !== 'ok' || typeof iv.value !== 'number' || !iv.labelSource) continue;
    const v = parseRef(iv.source);
    const l = parseRef(iv.labelSource);
    if (!v || !l || v.sheet !== l.sheet) continue;
    const g = grids.find((x) => x.name === v.sheet);
    const cell = g ? cellAt(g, v.r, v.c) : undefined;
    if (!g || !cell || cell.kind !== 'number' || !cell.num) continue;
    // the value's unit (万㎡ …) applies to the parts written in the same column or row
    const scale = iv.value / cell.num;
    const parts = l.r === v.r && l.c < v.c ? rowParts(g, l.r, l.c, v.c, scale) : l.c === v.c && l.r < v.r ? columnParts(g, l.r, l.c, v.r, scale) : [];
    if (parts.length) iv.breakdown = parts;
  }
}

type Part = NonNullable<ImportedValue['breakdown']>[number];

/**
 * Label in column `lc` (or up to the value column), value in column `vc`: parts are the rows that
 * follow, the first starting with 其中 (in its own cell or merged over the parts), the others
 * unnumbered rows right below it.
 */
function rowParts(g: Grid, lr: number, lc: number, vc: number, scale: number): Part[] {
  const labelCell = cellAt(g, lr, lc);
  const out: Part[] = [];
  let marked = false;
  for (let r = (labelCell?.mergeBottom ?? lr) + 1; r <= g.maxRow && out.length < MAX_PARTS; r++) {
    const label = labelBetween(g, r, lc, vc);
    if (!label || numberedLeft(g, r, lc)) break;
    const part = partLabel(label.text, marked || label.markedByMerge);
    if (part === null) break;
    marked = true;
    const value = partValue(g.rows[r]?.[vc], unitScale(label.text, rowUnit(g, r, vc)) ?? scale);
    if (value === null) return [];
    out.push({ label: part, value, raw: g.rows[r]![vc]!.raw, source: `${g.name}!${g.rows[r]![vc]!.addr}` });
  }
  return out;
}

/** Header in row `lr` over the value in row `vr`: parts are the 其中 columns that follow. */
function columnParts(g: Grid, lr: number, lc: number, vr: number, scale: number): Part[] {
  const labelCell = cellAt(g, lr, lc);
  const out: Part[] = [];
  let marked = false;
  for (let c = (labelCell?.mergeRight ?? lc) + 1; c <= g.maxCol && out.length < MAX_PARTS; c++) {
    const head = cellAt(g, lr, c) ?? covering(g, lr, c);
    const text = head?.kind === 'string' ? head.str!.trim() : '';
    // a group header "其中" merged over the part columns, with the parts' names in the row below
    const sub = cellAt(g, lr + 1, c);
    const label = head && head.c < c && MARKER.test(fold(text)) && sub?.kind === 'string' ? `其中${sub.str!}` : text;
    if (!label) break;
    const part = partLabel(label, marked);
    if (part === null) break;
    marked = true;
    const cell = cellAt(g, vr, c);
    const value = partValue(cell, unitScale(label, null) ?? scale);
    if (value === null) return [];
    out.push({ label: part, value, raw: cell!.raw, source: `${g.name}!${cell!.addr}` });
  }
  return out;
}

/** The row's label text between the label column and the value column (a merged 其中 cell counts as a marker). */
function labelBetween(g: Grid, r: number, lc: number, vc: number): { text: string; markedByMerge: boolean } | null {
  const texts: string[] = [];
  let markedByMerge = false;
  for (let c = lc; c < vc; c++) {
    const own = cellAt(g, r, c);
    // a unit column between label and value ("㎡") is not part of the label
    if (own?.kind === 'string' && !parseUnit(own.str!.trim())) texts.push(own.str!.trim());
    else if (!own) {
      const m = covering(g, r, c);
      if (m && m.r < r && m.kind === 'string' && MARKER.test(fold(m.str!.trim()))) markedByMerge = true;
    }
  }
  const text = texts.join('');
  return text ? { text, markedByMerge } : null;
}

/** The area unit a row states in a cell of its own ("㎡", "万㎡"), other than the value's. */
function rowUnit(g: Grid, r: number, vc: number): string | null {
  for (const x of g.rows[r] ?? []) {
    if (x && x.c !== vc && x.kind === 'string' && parseUnit(x.str!.trim())?.dimension === 'area') return x.str!.trim();
  }
  return null;
}

/** m² per unit of a part: its own unit cell, else the unit in its label ("地上(万㎡)"), else null (the total's). */
function unitScale(label: string, unitCell: string | null): number | null {
  const u = parseUnit(unitCell ?? normaliseLabel(label).unitRaw ?? '');
  return u?.dimension === 'area' ? u.factor : null;
}

/** A number left of the label column (序号 "4"): a new item of the list, not a part. */
function numberedLeft(g: Grid, r: number, lc: number): boolean {
  for (let c = 1; c < lc; c++) {
    const x = g.rows[r]?.[c];
    if (x && (x.kind === 'number' || (x.kind === 'string' && /^\s*[0-9一二三四五六七八九十]{1,3}\s*[、.]?\s*$/.test(x.str!)))) return true;
  }
  return false;
}

/** "其中：住宅" → "住宅"; a further row after a marked one keeps its text; an unmarked first row is no part. */
function partLabel(text: string, afterMarker: boolean): string | null {
  const t = fold(text);
  const m = MARKER.exec(t);
  if (m) return partName(t.slice(m[0].length));
  if (!afterMarker || /^(?:合计|小计|总计)/.test(t)) return null;
  // an unmarked row that names an indicator of its own (不计容建筑面积, 容积率) ends the parts
  return matchLabel(text)?.ids.length ? null : partName(t);
}

/** The part's name without its unit ("地上(㎡)" → "地上"). */
function partName(t: string): string | null {
  if (!t) return null;
  return normaliseLabel(t).key || t;
}

function partValue(cell: GCell | undefined, scale: number): number | null {
  if (!cell || cell.kind !== 'number' || typeof cell.num !== 'number' || !Number.isFinite(cell.num)) return null;
  return cell.num * scale;
}
