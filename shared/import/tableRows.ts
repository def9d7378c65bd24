// Rows of a table (docs/reading-sheets.md §2.3): where the data rows start and end, a row's label,
// empty and note rows, a units row under the header, claiming cells, and the title above a table.
import { cellAt, covering, type GCell } from './grid';
import { fold, isLabelOf, matchLabel, type LabelMatch } from './labels';
import { contextOf, exactRole, headerCore, headerRole, keyHeader, type RoleHit } from './roles';
import { key, textOf, markUsed, type Sheet } from './sheet';
import { isUnitText } from './units';
import { parseNumberText } from './values';
import { BUILDING_NAME, type Col, type Header, ST_TYPE, joined } from './tableHeader';

/** Extends a header leftwards to column `c` (a corner left empty: the row labels' column). */
export function widen(h: Header, c: number): void {
  if (c >= h.left) return;
  const extra: Col[] = [];
  for (let x = c; x < h.left; x++) extra.push({ c: x, parts: [] });
  h.cols.unshift(...extra);
  h.left = c;
}

/** The first column of the rows under the header, when it lies left of the header's first cell. */
export function rowKeyColumn(s: Sheet, h: Header): number | null {
  const first = firstDataRow(s, h);
  if (!first) return null;
  const line = s.g.rows[first]!;
  for (const c of line) if (c && c.c >= h.minCol && c.c <= h.right) return c.c;
  return null;
}

/** A cheap test before the full header analysis: a header row starts with header words. */
export function mayBeHeader(c: GCell | undefined): boolean {
  if (!c || c.kind !== 'string') return !c;
  const t = c.str!;
  return !!(exactRole(t) || keyHeader(t) || headerRole(t) || isLabelOf(t, BUILDING_NAME) || ST_TYPE.has(headerCore(t).core));
}

export function firstCell(s: Sheet, r: number): GCell | undefined {
  const line = s.g.rows[r];
  if (line) for (const c of line) if (c) return c;
  return undefined;
}

/** True when most of the first rows under the header hold numbers in column c. */
export function mostlyNumeric(s: Sheet, h: Header, c: number): boolean {
  let n = 0;
  let num = 0;
  for (let r = h.bottom + 1; r <= Math.min(s.g.maxRow, h.bottom + 6); r++) {
    const x = cellAt(s.g, r, c);
    if (!x) continue;
    n++;
    if (x.kind === 'number') num++;
    else if (x.kind === 'string') {
      const n = parseNumberText(fold(x.str!));
      if (n && (!n.unitText || isUnitText(n.unitText))) num++;
    }
  }
  return n > 0 && num * 2 > n;
}

export function firstDataRow(s: Sheet, h: Header): number | null {
  for (let r = h.bottom + 1; r <= Math.min(s.g.maxRow, h.bottom + 3); r++) {
    const line = s.g.rows[r];
    if (!line) continue;
    // a units row ("㎡ | % | %") is not data
    if (line.every((c) => !c || (c.kind === 'string' && isUnitText(c.str!)))) continue;
    return r;
  }
  return null;
}

/** True when some row below the header has an indicator label in the label columns. */
export function labelsBelow(s: Sheet, h: Header, cols: number[], rows: number): boolean {
  for (let r = h.bottom + 1; r <= Math.min(s.g.maxRow, h.bottom + rows); r++) {
    if (!s.g.rows[r]) continue;
    if (rowLabel(s, r, cols, h.context)) return true;
  }
  return false;
}

export interface RowLabel {
  cell: GCell;
  match: LabelMatch;
  text: string;
  /**
   * A sub-label that names a column role instead of a part (预制率 merged over 控制指标 / 计算值, a
   * sideways table's second header column): the role of this row's value cells, and its cell.
   */
  role?: RoleHit & { cell: GCell };
}

/** Roles a row's sub-label can give its value cells (what it holds, not how it is laid out). */
const ROW_ROLES: ReadonlySet<string> = new Set(['declared', 'requirement', 'maxScore', 'claimedScore', 'before', 'delta', 'judgement', 'note']);

/**
 * The label of a table row: the right-most label cell of the label columns; a label merged over
 * several rows (建筑面积 over 地上 / 地下, 超低能耗建筑 over 面积占比) is joined with its sub-label.
 * A sub-label that is not understood hides its parent (never read 建筑面积 for "其中：人防").
 */
export function rowLabel(s: Sheet, r: number, cols: number[], context?: string): RowLabel | null {
  const { g } = s;
  const parts: GCell[] = [];
  for (const c of cols) {
    const at = cellAt(g, r, c) ?? covering(g, r, c);
    if (at && !parts.includes(at) && at.kind === 'string') parts.push(at);
  }
  if (!parts.length) return null;
  const child = parts[parts.length - 1];
  const parent = parts.length > 1 ? parts[parts.length - 2] : undefined;
  const ct = child.str!.trim();
  if (parent) {
    const j = joined(parent.str!.trim(), ct.replace(/^(其中|含)[:：]?/, ''), context);
    if (j) return { cell: child, match: j.match, text: j.text };
    // "预制率（%）" over "控制指标" / "计算值": the parent is the label, the sub-label the row's role
    const role = exactRole(ct);
    const pm = role && ROW_ROLES.has(role.role) ? matchLabel(parent.str!.trim(), context) : null;
    if (pm) return { cell: parent, match: pm, text: parent.str!.trim(), role: { ...role!, cell: child } };
  }
  const m = matchLabel(ct, context);
  if (m) return { cell: child, match: m, text: ct };
  return null;
}

export function isRowEmpty(s: Sheet, r: number, left: number, right: number): boolean {
  const line = s.g.rows[r];
  if (!line) return true;
  for (let c = left; c <= Math.min(right, line.length - 1); c++) if (line[c]) return false;
  return true;
}

export function isNoteRow(s: Sheet, r: number): boolean {
  const line = s.g.rows[r];
  if (!line) return false;
  for (const c of line) {
    if (!c) continue;
    const t = textOf(c);
    return !!t && /^\s*(注|备注|说明)\s*[:：0-9一]/.test(t);
  }
  return false;
}

export function claimRow(s: Sheet, r: number, left: number, right: number): void {
  const line = s.g.rows[r];
  if (!line) return;
  let all = true;
  for (let c = 1; c < line.length; c++) {
    if (!line[c]) continue;
    if (c >= left && c <= right) s.claimed.add(key(r, c));
    else all = false;
  }
  if (all) s.done[r] = 1;
}

export function claimHeader(s: Sheet, h: Header): void {
  for (let r = h.top; r <= h.bottom; r++) {
    const line = s.g.rows[r];
    if (!line) continue;
    for (let c = h.left; c <= Math.min(h.right, line.length - 1); c++) if (line[c]) markUsed(s, line[c]);
  }
  s.tables++;
}

/** A row of unit texts under the header ("㎡ | % | %"): gives the columns their units. */
export function unitsRow(s: Sheet, r: number, cols: Col[], skip: number): boolean {
  const line = s.g.rows[r];
  if (!line || line[skip] || !unitCells(line)) return false;
  for (const col of cols) {
    const u = line[col.c];
    if (u) col.unitRaw = u.str!.trim();
  }
  for (const c of line) if (c) markUsed(s, c);
  return true;
}

/** How many cells of a row are units (㎡, %, m); 0 when any cell of it is something else. */
export function unitCells(line: ReadonlyArray<GCell | undefined>): number {
  let units = 0;
  for (const c of line) {
    if (!c) continue;
    if (c.kind !== 'string' || !isUnitText(c.str!)) return 0;
    units++;
  }
  return units;
}

/** The context a title just above row r gives a table on a sheet whose name says nothing. */
export function titleContext(s: Sheet, r: number): string | undefined {
  const t = titleAbove(s, r);
  return t ? contextOf(t) : undefined;
}

/** The text of a title cell just above a table (one or two rows up), if any. */
export function titleAbove(s: Sheet, top: number): string | undefined {
  for (let r = top - 1; r >= Math.max(1, top - 2); r--) {
    const line = s.g.rows[r];
    if (!line) continue;
    const cells = line.filter((c): c is GCell => !!c);
    if (cells.length <= 2 && cells[0]?.kind === 'string') return cells[0].str!.trim();
  }
  return undefined;
}
