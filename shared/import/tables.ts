// The table model between the grid and the indicators (phase 1). A table is found by its header
// (one or two rows; merged group cells give every column all the header text above it). Every
// column gets a role from its header text (shared/data/column-roles.json): label, declared value,
// requirement, maximum score, claimed score, earlier state, the designer's judgement, note, unit,
// or a key (building, parcel, 汇水分区, facility, 下垫面), or a name (a building / parcel / zone the
// column belongs to). Values are taken only from the column (or row) whose role means "what this
// project declares" — never from 规划条件, 满分, 备注, 修改前 or 是否满足.
//
// Kinds of table:
// - list table: labels down one column, value columns beside it ("指标名称 | 设计值 | 规划条件 |
//   备注", "评价项 | 评价要求 | 比例 | 评价分值 | 得分", sideways per-building tables "指标 | 1#楼 |
//   2#楼" whatever the corner says, and a column group per building under a two-row header);
// - record table: one row per building / parcel / 汇水分区 with indicators as columns, or one row
//   per role (GB/T 50378 Table 3.2.4: categories as columns, 预评价满分 / 自评得分 as rows);
// - 下垫面 tables (surfaces) and 调蓄设施 tables (facilities), with 合计 rows.
// Rows are read in phase 2 (blocks.ts) so that they take the scope of the block they sit in.
import notations from '../data/import-notations.json';
import { indicator, mustIndicator } from '../model/indicators';
import type { ImportedValue, IndicatorDef } from '../model/types';
import { CALCULATOR_INPUTS } from '../calc/index';
import { sameValue, type Scope, type ValueCand } from './collect';
import { cellAt, covering, formulaText, type GCell } from './grid';
import { fold, isLabelOf, matchLabel, type LabelMatch } from './labels';
import { memo } from './text';
import { looksLikeBuilding, parcelIn, parcelKeyOf, zoneIn, zoneKeyOf } from './names';
import { contextOf, exactRole, facilityMeasure, headerCore, headerRole, isRequirementText, keyHeader, NOT_A_VALUE, type Role, type RoleHit } from './roles';
import { readsAsRequirement, REQUIREMENT_ROLE } from './requirements';
import { isWholeSiteRatio, WHOLE_SITE_RANK } from './whole-site';
import { facilityWithdrawal, withdrawnValue } from './withdrawn';
import { addJob, addr as addrOf, key, labelNotes, makeValue, range, src, textOf, unusedLabel, use, type BlockScope, type Env, type Sheet } from './sheet';
import { isUnitText, parseUnit } from './units';
import { parseNumberText, readCell } from './values';

const TOTAL_WORDS = notations.totalRows.words.map(fold);
const ST = notations.surfaceTable;
const ST_TYPE = new Set(ST.typeHeaders.map(fold));
const BUILDING_NAME = 'building_name';
const BUILDING_USE = 'building_use';
/** Widest table read (columns). */
const MAX_TABLE_COLS = 256;
/** Units whose 合计 is a meaningful total (areas, volumes, energy, counts). */
const ADDITIVE_UNITS = new Set(['m²', 'm³', 'kWh/a']);

export const isTotal = memo((text: string): boolean => {
  const f = fold(text).replace(/^[0-9.、)(]+/, '');
  for (const w of TOTAL_WORDS) if (f.startsWith(w)) return true;
  return false;
});

function isScore(def: IndicatorDef): boolean {
  return def.unit === '分';
}

/** Roles that may carry the value of `def`, most preferred first. */
function preferred(def: IndicatorDef): Role[] {
  return isScore(def) ? ['claimedScore', 'declared'] : ['declared'];
}

// ------------------------------------------------------------------ header cells

type KeyKind = 'building' | 'use' | 'parcel' | 'zone' | 'facility' | 'surface';
type NameKind = 'building' | 'parcel' | 'zone';

interface HCell {
  cell: GCell;
  kind: 'role' | 'indicator' | 'key' | 'name' | 'total' | 'unknown' | 'value';
  role?: RoleHit;
  match?: LabelMatch;
  key?: KeyKind;
  name?: NameKind;
}

function classify(c: GCell, env: Env, context?: string): HCell {
  const t = textOf(c);
  if (t === null) return { cell: c, kind: 'value' };
  const s = t.trim();
  if (!s) return { cell: c, kind: 'unknown' };
  if (s.length > 40) return { cell: c, kind: 'unknown' };
  if (isTotal(s)) return { cell: c, kind: 'total' };
  const er = exactRole(s);
  if (er) return { cell: c, kind: 'role', role: er };
  const m = matchLabel(s, context);
  if (m && m.ids.length === 1 && m.ids[0] === BUILDING_NAME) {
    if (m.how === 'exact') return { cell: c, kind: 'key', key: 'building' };
  }
  const kh = keyHeader(s);
  if (kh) return { cell: c, kind: 'key', key: kh };
  if (ST_TYPE.has(headerCore(s).core)) return { cell: c, kind: 'key', key: 'surface' };
  if (m && m.ids[0] === BUILDING_USE) return { cell: c, kind: 'key', key: 'use', match: m };
  if (m && m.ids[0] !== BUILDING_NAME) return { cell: c, kind: 'indicator', match: m, ...(m.role ? { role: m.role } : {}) };
  const hr = headerRole(s);
  if (hr) return { cell: c, kind: 'role', role: hr };
  if (looksLikeBuilding(s) || env.knownNames.has(s)) return { cell: c, kind: 'name', name: 'building' };
  // a parcel / zone name as a column header is the name itself, not a sentence that mentions one
  const p = parcelIn(s);
  if (p && p.name.length * 5 >= fold(s).length * 3) return { cell: c, kind: 'name', name: 'parcel' };
  const z = zoneIn(s);
  if (z && z.name.length * 5 >= fold(s).length * 3) return { cell: c, kind: 'name', name: 'zone' };
  const n = parseNumberText(fold(s));
  if (n && (!n.unitText || isUnitText(n.unitText))) return { cell: c, kind: 'value' };
  return { cell: c, kind: 'unknown' };
}

// ------------------------------------------------------------------ header model

interface Col {
  c: number;
  /** Header cells above the data, top first (a merged group cell, then the sub-header). */
  parts: HCell[];
  role?: RoleHit;
  /** The header cell that gave the role. */
  roleCell?: GCell;
  ind?: { def: IndicatorDef; match: LabelMatch; cell: GCell; text: string };
  key?: KeyKind;
  keyCell?: GCell;
  name?: { kind: NameKind; text: string; cell: GCell };
  total?: GCell;
  unitRaw?: string;
  measure?: 'volume' | 'area' | 'depth';
}

interface Header {
  top: number;
  bottom: number;
  left: number;
  right: number;
  cols: Col[];
  /** First column the table may extend to on the left (a table beside another starts after it). */
  minCol: number;
  /** Context of the table (its sheet's, else its title's): 'renewable' admits line-item labels. */
  context?: string;
}

function unclaimedLine(s: Sheet, r: number): GCell[] {
  const line = s.g.rows[r];
  const out: GCell[] = [];
  if (!line) return out;
  for (const c of line) if (c && !s.claimed.has(key(r, c.c))) out.push(c);
  return out;
}

/** Joins a parent label and a sub-label when together they name an indicator (建筑面积 + 地上). */
export function joined(parent: string, child: string, context?: string): { match: LabelMatch; text: string } | null {
  for (const t of [child + parent, parent + child]) {
    const m = matchLabel(t, context);
    if (m && m.how !== 'affix') return { match: m, text: t };
  }
  return null;
}

/** The header of a table starting at row r, or null when row r is not a header row. */
/** Columns of a row split where more than `gap` empty columns separate tables standing side by side. */
function segments(cells: GCell[], gap = 2): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = 0;
  let to = -1;
  for (const c of cells) {
    if (to >= 0 && c.c - to > gap) {
      out.push([from, to]);
      from = c.c;
    } else if (to < 0) from = c.c;
    to = Math.max(to, c.mergeRight ?? c.c);
  }
  if (to >= 0) out.push([from, to]);
  return out;
}

function header(s: Sheet, r: number, env: Env, context?: string, span?: [number, number]): Header | null {
  const inSpan = (c: GCell) => !span || (c.c >= span[0] && c.c <= span[1]);
  const cells = unclaimedLine(s, r).filter(inSpan);
  if (cells.length < 2) return null;
  const hc = cells.map((c) => classify(c, env, context));
  if (hc.some((h) => h.kind === 'value')) return null;
  const informative = hc.filter((h) => h.kind !== 'unknown').length;
  // one informative cell is enough for a 调蓄设施 key or a label column ("指标 | 2024版 | 2025版")
  if (informative < 2 && !(informative === 1 && hc.some((h) => (h.kind === 'key' && h.key === 'facility') || (h.kind === 'role' && h.role!.role === 'label')))) return null;
  const { g } = s;
  // Two header rows: a group cell merged across (or down) with sub-headers below it, or a row of
  // role words under names / indicators.
  const below = unclaimedLine(s, r + 1).filter(inSpan);
  let twoRow = false;
  let groupsByGap = false;
  if (below.length) {
    const bc = below.map((c) => classify(c, env, context));
    if (!bc.some((h) => h.kind === 'value')) {
      const mergedAcross = cells.some((c) => (c.mergeRight ?? c.c) > c.c && below.some((b) => b.c >= c.c && b.c <= c.mergeRight!));
      const mergedDown = cells.some((c) => (c.mergeBottom ?? c.r) > r) && below.length > 0;
      const rolesOnly = bc.length >= 2 && bc.every((h) => h.kind === 'role' && h.role!.role !== 'label' && h.role!.role !== 'index');
      if (mergedAcross || (mergedDown && bc.some((h) => h.kind !== 'unknown'))) twoRow = true;
      else if (rolesOnly && hc.some((h) => h.kind === 'name' || h.kind === 'indicator')) {
        twoRow = true;
        groupsByGap = true;
      }
    }
  }
  let left = Infinity;
  let right = 0;
  for (const c of cells) {
    left = Math.min(left, c.c);
    right = Math.max(right, c.mergeRight ?? c.c);
  }
  if (twoRow) for (const c of below) {
    left = Math.min(left, c.c);
    right = Math.max(right, c.mergeRight ?? c.c);
  }
  // No real table is wider than this; a merge across the whole sheet must not cost per column.
  right = Math.min(right, left + MAX_TABLE_COLS);
  const cols: Col[] = [];
  const hcOf = new Map<GCell, HCell>();
  const cls = (c: GCell) => {
    let h = hcOf.get(c);
    if (!h) hcOf.set(c, (h = classify(c, env, context)));
    return h;
  };
  let lastTop: GCell | undefined;
  for (let c = left; c <= right; c++) {
    let top = cellAt(g, r, c);
    if (!top) {
      const cov = covering(g, r, c);
      if (cov && cov.r === r) top = cov;
      else if (groupsByGap && lastTop && lastTop.c < c) top = lastTop;
    }
    if (top && top.r === r && top.c === c) lastTop = top;
    let sub: GCell | undefined;
    if (twoRow) {
      sub = cellAt(g, r + 1, c);
      if (!sub) {
        const cov = covering(g, r + 1, c);
        if (cov && cov.r === r + 1) sub = cov;
      }
    }
    if (top && s.claimed.has(key(top.r, top.c))) top = undefined;
    if (sub && s.claimed.has(key(sub.r, sub.c))) sub = undefined;
    const parts: HCell[] = [];
    if (top) parts.push(cls(top));
    if (sub && sub !== top) parts.push(cls(sub));
    const col: Col = { c, parts };
    for (const p of parts) {
      if (p.kind === 'total') col.total = p.cell;
      if (p.kind === 'key') {
        col.key = p.key;
        col.keyCell = p.cell;
      }
      if (p.kind === 'name') col.name = { kind: p.name!, text: textOf(p.cell)!.trim(), cell: p.cell };
      // the lower (more specific) header wins; a group title ("技术指标" over 一星级 | 二星级 | 本项目)
      // is no label column for the columns under it
      if (p.role && !(parts.length === 2 && p === parts[0] && (p.role.role === 'label' || p.role.role === 'index'))) {
        col.role = p.role;
        col.roleCell = p.cell;
      }
      const m = facilityMeasure(textOf(p.cell) ?? '');
      if (m) col.measure = m;
    }
    // Indicator: a parent and a sub-label that together name one (建筑面积 / 地上), else the lowest.
    const texts = parts.map((p) => textOf(p.cell)?.trim() ?? '');
    if (parts.length === 2 && texts[0] && texts[1]) {
      const j = joined(texts[0], texts[1], context);
      if (j && j.match.ids[0] !== BUILDING_NAME) col.ind = { def: mustIndicator(j.match.ids[0]), match: j.match, cell: parts[1].cell, text: j.text };
    }
    if (!col.ind) {
      for (let i = parts.length - 1; i >= 0; i--) {
        const p = parts[i];
        if (p.kind === 'indicator' || (p.kind === 'key' && p.key === 'use')) {
          col.ind = { def: mustIndicator(p.match!.ids[0]), match: p.match!, cell: p.cell, text: texts[i] };
          break;
        }
      }
    }
    // a group header over indicator columns ("技术指标" over 建筑功能 | 建筑面积) labels the group, not its values
    if (col.ind && col.role && (col.role.role === 'label' || col.role.role === 'index') && col.roleCell !== col.ind.cell) {
      col.role = undefined;
      col.roleCell = undefined;
    }
    if (col.ind) {
      col.unitRaw = col.ind.match.unitRaw;
      if (col.ind.match.role && (!col.role || col.roleCell === col.ind.cell)) {
        col.role = col.ind.match.role;
        col.roleCell = col.ind.cell;
      }
    }
    if (!col.unitRaw) for (const p of parts) {
      const g2 = headerCore(textOf(p.cell) ?? '').groups;
      for (const x of g2) if (parseUnit(x)) col.unitRaw = x;
    }
    cols.push(col);
  }
  return { top: r, bottom: twoRow ? r + 1 : r, left, right, cols, minCol: span ? span[0] : 1, ...(context ? { context } : {}) };
}

// ------------------------------------------------------------------ phase 1: find tables

/** Finds the tables of one sheet; their rows become jobs for phase 2. */
export function findTables(s: Sheet, env: Env): void {
  const { g } = s;
  for (let r = 1; r <= g.maxRow; r++) {
    if (!g.rows[r] || s.done[r]) continue;
    const cells = unclaimedLine(s, r);
    if (cells.length < 2) continue;
    const ctx = s.context ?? titleContext(s, r);
    // tables side by side (a transposed summary beside a building table): each on its own; a
    // row that is no table as a whole is tried again split at single empty columns
    let floor = 1;
    for (const seg of segments(cells, 2)) {
      // a table may reach left to the column after the previous one
      const span: [number, number] = [floor, seg[1]];
      floor = seg[1] + 1;
      // parts separated by single empty columns that are each a table's header are read apart
      // (a key/value block, a role table and another block side by side); else the span is one
      // a title or note cell standing in the row (merged down, or a sentence) is a part of its own
      const isSeparator = (c: GCell) => c.kind === 'string' && ((c.mergeBottom ?? c.r) > c.r + 1 || c.str!.trim().length > 16) && !matchLabel(c.str!, ctx) && !exactRole(c.str!);
      const inner: Array<[number, number]> = [];
      for (const p of segments(cells.filter((c) => c.c >= seg[0] && c.c <= seg[1]), 1)) {
        let from = p[0];
        for (const c of cells) {
          if (c.c < p[0] || c.c > p[1] || !isSeparator(c)) continue;
          if (c.c > from) inner.push([from, c.c - 1]);
          inner.push([c.c, c.mergeRight ?? c.c]);
          from = (c.mergeRight ?? c.c) + 1;
        }
        if (from <= p[1]) inner.push([from, p[1]]);
      }
      if (inner.length >= 2) {
        // A part starts a table when its first header cell is a label, key, role or indicator (not a
        // name: an empty column inside "1#楼 | | 2#楼" does not split a building table) and its
        // first column holds row labels below, not numbers or units (an empty column inside one
        // table has values right of it). A part that does not belongs to the part on its left.
        const startsTable = (p: [number, number]) => {
          const first = cells.find((c) => c.c === p[0]);
          const k = first ? classify(first, env, ctx).kind : 'unknown';
          if (k !== 'role' && k !== 'key' && k !== 'indicator') return false;
          let below: GCell | undefined;
          for (let rr = r + 1; rr <= Math.min(g.maxRow, r + 3) && !below; rr++) below = cellAt(g, rr, p[0]);
          if (!below || below.kind !== 'string' || isUnitText(below.str!)) return false;
          const n = parseNumberText(fold(below.str!));
          return !(n && (!n.unitText || isUnitText(n.unitText)));
        };
        const separator = (p: [number, number]) => {
          const first = cells.find((c) => c.c === p[0]);
          return !!first && (first.mergeRight ?? first.c) >= p[1] && isSeparator(first);
        };
        const merged: Array<[number, number]> = [];
        let cut = true;
        for (const p of inner) {
          if (separator(p)) {
            cut = true;
            continue;
          }
          if (merged.length && !cut && !startsTable(p)) merged[merged.length - 1] = [merged[merged.length - 1][0], p[1]];
          else merged.push([p[0], p[1]]);
          cut = false;
        }
        if (merged.length >= 2 && startsTable(merged[0])) {
          let f2 = span[0];
          const subs = merged.map((p) => {
            const sub: [number, number] = [f2, p[1]];
            f2 = p[1] + 1;
            return sub;
          });
          if (subs.filter((sub) => header(s, r, env, ctx, sub)).length >= 2) {
            for (const sub of subs) {
              const h2 = header(s, r, env, ctx, sub);
              if (h2) readTable(s, h2, env);
            }
            continue;
          }
        }
      }
      const h = header(s, r, env, ctx, span);
      if (h) readTable(s, h, env);
    }
  }
}

function readTable(s: Sheet, h: Header, env: Env): number {
  const keyCols = h.cols.filter((c) => c.key && c.key !== 'use');
  const surfaceKey = keyCols.find((c) => c.key === 'surface');
  if (surfaceKey) {
    const area = h.cols.find((c) => c !== surfaceKey && /面积/.test(headerCore(textOf(c.parts.at(-1)?.cell) ?? '').core) && !/系数/.test(headerCore(textOf(c.parts.at(-1)?.cell) ?? '').core));
    const coef = h.cols.find((c) => {
      const t = headerCore(textOf(c.parts.at(-1)?.cell) ?? '').core;
      return t.includes('径流系数') && !/面积|[×*]/.test(t);
    });
    if (area && coef) return surfaceTable(s, h, surfaceKey, area, coef, env);
  }
  const facilityKey = keyCols.find((c) => c.key === 'facility');
  if (facilityKey) return facilityTable(s, h, facilityKey, env);
  const names = h.cols.filter((c) => c.name);
  const inds = h.cols.filter((c) => c.ind && c.ind.def.id !== BUILDING_NAME);
  const keyed = keyCols.find((c) => c.key === 'building' || c.key === 'parcel' || c.key === 'zone');
  // Sideways: buildings (parcels, zones) as columns, labels down the first column.
  if (names.length >= 2 || (names.length >= 1 && keyed && keyed.c < names[0].c)) {
    const kc = rowKeyColumn(s, h);
    if (kc !== null && kc < h.left) widen(h, kc);
    const labelCols = h.cols.filter((c) => c.c < names[0].c && !c.name && !(c.role && (c.role.role === 'index' || c.role.role === 'unit' || c.role.role === 'note')));
    if (labelCols.length && labelsBelow(s, h, labelCols.map((c) => c.c), 4)) return listTable(s, h, labelCols, env);
  }
  if (keyed && names.length === 0 && inds.length >= 1) {
    const first = firstDataRow(s, h);
    const kc = first ? covering(s.g, first, keyed.c) : undefined;
    if (kc && !(kc.kind === 'string' && matchLabel(kc.str!) && !isTotal(kc.str!))) return recordTable(s, h, keyed, keyed.key as 'building' | 'parcel' | 'zone', env);
    return 0;
  }
  if (!keyed && names.length === 0 && inds.length >= 2) {
    // Categories as columns with role rows (GB/T 50378 Table 3.2.4), or buildings as rows without a 楼号 header.
    const kcol = rowKeyColumn(s, h);
    if (kcol !== null && kcol < h.left) widen(h, kcol);
    const first = firstDataRow(s, h);
    const lc = h.cols[0];
    if (first && !lc.ind) {
      const kc = covering(s.g, first, lc.c);
      const t = textOf(kc);
      // role rows: a role word in the first column within the first rows (一星级 | 二星级 | 本项目 …)
      let roles = false;
      for (let rr = first; rr <= Math.min(s.g.maxRow, first + 5) && !roles; rr++) {
        const x = cellAt(s.g, rr, lc.c);
        const xr = x?.kind === 'string' ? headerRole(x.str!) : null;
        roles = !!xr && (xr.role === 'declared' || xr.role === 'claimedScore');
      }
      if (t && (headerRole(t) || roles)) return recordTable(s, h, lc, 'roles', env);
      if (t && (looksLikeBuilding(t.trim()) || env.knownNames.has(t.trim()))) return recordTable(s, h, lc, 'building', env);
    }
    return 0;
  }
  // List table: a label column and value columns with roles.
  let labelCol = h.cols.find((c) => c.role?.role === 'label');
  if (!labelCol && h.cols[0].role && h.cols[0].role.role !== 'index') {
    // No header over the labels (" | 规划指标 | 设计指标"): the rows' first column is the label column.
    const kc = rowKeyColumn(s, h);
    if (kc !== null && kc < h.left) {
      widen(h, kc);
      labelCol = h.cols[0];
    }
  }
  const roleCells = h.cols.filter((c) => c.role && c.role.role !== 'unit' && c.role.role !== 'index').length;
  if (!labelCol && roleCells >= 2 && h.cols[0].parts.length && !(h.cols[0].role && ['index', 'unit', 'note'].includes(h.cols[0].role.role)) && labelsBelow(s, h, [h.cols[0].c], 4)) {
    // "技术要求 | 一星级 | 二星级 | 三星级 | 本项目" (GB/T 50378 Table 3.2.8): whatever its header
    // says, the first column holds the row labels.
    labelCol = h.cols[0];
    labelCol.role = { role: 'label', rank: 0 };
  }
  const slotRoles = h.cols.filter((c) => c.role && !['label', 'index', 'unit', 'note'].includes(c.role.role));
  const unknownSlots = labelCol ? h.cols.filter((c) => c.c > labelCol.c && !c.role && !c.ind && !c.key && !c.name && c.parts.length) : [];
  if (!slotRoles.length && !unknownSlots.length && !(labelCol && h.cols.some((c) => c.role?.role === 'unit'))) return 0;
  if (!labelCol && slotRoles.length < 2 && !h.cols.some((c) => c.role?.role === 'index')) return 0;
  const firstSlot = Math.min(...h.cols.filter((c) => c.c > (labelCol?.c ?? 0) && c.role?.role !== 'label' && (c.role || c.name || c.total || c.ind || (labelCol && c.parts.length))).map((c) => c.c), h.right + 1);
  let labelCols = h.cols.filter((c) => c.c >= (labelCol?.c ?? h.left) && c.c < firstSlot && !(c.role && (c.role.role === 'index' || c.role.role === 'unit' || c.role.role === 'note')));
  // "项目 | 指标 | 备注": a second label-like header over numbers is the value column.
  const numericCol = labelCols.findIndex((c, i) => i > 0 && c.parts[0] && c.parts[0].cell !== labelCols[0].parts[0]?.cell && mostlyNumeric(s, h, c.c));
  if (numericCol > 0) labelCols = labelCols.slice(0, numericCol);
  if (!labelCols.length) return 0;
  if (!labelsBelow(s, h, labelCols.map((c) => c.c), 6)) return 0;
  return listTable(s, h, labelCols, env);
}

/** Extends a header leftwards to column `c` (a corner left empty: the row labels' column). */
function widen(h: Header, c: number): void {
  if (c >= h.left) return;
  const extra: Col[] = [];
  for (let x = c; x < h.left; x++) extra.push({ c: x, parts: [] });
  h.cols.unshift(...extra);
  h.left = c;
}

/** The first column of the rows under the header, when it lies left of the header's first cell. */
function rowKeyColumn(s: Sheet, h: Header): number | null {
  const first = firstDataRow(s, h);
  if (!first) return null;
  const line = s.g.rows[first]!;
  for (const c of line) if (c && c.c >= h.minCol && c.c <= h.right) return c.c;
  return null;
}

/** A cheap test before the full header analysis: a header row starts with header words. */
function mayBeHeader(c: GCell | undefined): boolean {
  if (!c || c.kind !== 'string') return !c;
  const t = c.str!;
  return !!(exactRole(t) || keyHeader(t) || headerRole(t) || isLabelOf(t, BUILDING_NAME) || ST_TYPE.has(headerCore(t).core));
}

function firstCell(s: Sheet, r: number): GCell | undefined {
  const line = s.g.rows[r];
  if (line) for (const c of line) if (c) return c;
  return undefined;
}

/** True when most of the first rows under the header hold numbers in column c. */
function mostlyNumeric(s: Sheet, h: Header, c: number): boolean {
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

function firstDataRow(s: Sheet, h: Header): number | null {
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
function labelsBelow(s: Sheet, h: Header, cols: number[], rows: number): boolean {
  for (let r = h.bottom + 1; r <= Math.min(s.g.maxRow, h.bottom + rows); r++) {
    if (!s.g.rows[r]) continue;
    if (rowLabel(s, r, cols, h.context)) return true;
  }
  return false;
}

interface RowLabel {
  cell: GCell;
  match: LabelMatch;
  text: string;
}

/**
 * The label of a table row: the right-most label cell of the label columns; a label merged over
 * several rows (建筑面积 over 地上 / 地下, 超低能耗建筑 over 面积占比) is joined with its sub-label.
 * A sub-label that is not understood hides its parent (never read 建筑面积 for "其中：人防").
 */
function rowLabel(s: Sheet, r: number, cols: number[], context?: string): RowLabel | null {
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
  }
  const m = matchLabel(ct, context);
  if (m) return { cell: child, match: m, text: ct };
  return null;
}

function isRowEmpty(s: Sheet, r: number, left: number, right: number): boolean {
  const line = s.g.rows[r];
  if (!line) return true;
  for (let c = left; c <= Math.min(right, line.length - 1); c++) if (line[c]) return false;
  return true;
}

function isNoteRow(s: Sheet, r: number): boolean {
  const line = s.g.rows[r];
  if (!line) return false;
  for (const c of line) {
    if (!c) continue;
    const t = textOf(c);
    return !!t && /^\s*(注|备注|说明)\s*[:：0-9一]/.test(t);
  }
  return false;
}

function claimRow(s: Sheet, r: number, left: number, right: number): void {
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

function claimHeader(s: Sheet, h: Header): void {
  for (let r = h.top; r <= h.bottom; r++) {
    const line = s.g.rows[r];
    if (!line) continue;
    for (let c = h.left; c <= Math.min(h.right, line.length - 1); c++) if (line[c]) use(s, line[c]);
  }
  s.tables++;
}

/** A row of unit texts under the header ("㎡ | % | %"): gives the columns their units. */
function unitsRow(s: Sheet, r: number, cols: Col[], skip: number): boolean {
  const line = s.g.rows[r];
  if (!line || line[skip]) return false;
  let units = 0;
  let other = 0;
  for (const c of line) if (c) (c.kind === 'string' && isUnitText(c.str!) ? units++ : other++);
  if (!units || other) return false;
  for (const col of cols) {
    const u = line[col.c];
    if (u) col.unitRaw = u.str!.trim();
  }
  for (const c of line) if (c) use(s, c);
  return true;
}

// ------------------------------------------------------------------ list tables

interface Slot {
  c: number;
  role: Role | 'unknown';
  rank: number;
  head?: GCell;
  /** The building / parcel / zone the column belongs to (sideways and grouped tables). */
  owner?: { kind: NameKind; text: string; cell: GCell };
  total?: boolean;
  unitRaw?: string;
}

function listTable(s: Sheet, h: Header, labelCols: Col[], env: Env): number {
  const lcs = labelCols.map((c) => c.c);
  const lastLabel = Math.max(...lcs);
  const slots: Slot[] = [];
  let unitCol = 0;
  for (const col of h.cols) {
    if (col.c <= lastLabel) {
      if (col.role?.role === 'unit') unitCol = col.c;
      continue;
    }
    if (col.role?.role === 'unit') {
      unitCol = col.c;
      continue;
    }
    const slot: Slot = { c: col.c, role: 'unknown', rank: 1 };
    if (col.total) slot.total = true;
    if (col.name) {
      slot.owner = col.name;
      if (col.name.kind === 'building' && !env.knownNames.has(col.name.text)) env.knownNames.set(col.name.text, src(s, col.name.cell));
      slot.role = 'declared';
      slot.head = col.name.cell;
    }
    if (col.role && col.role.role !== 'label') {
      slot.role = col.role.role;
      slot.rank = col.role.rank;
      slot.head = col.roleCell;
    } else if (col.ind && !col.name) {
      // "年可再生能源利用量（kWh/a）" over the rows' amounts: the column is their value.
      slot.role = 'declared';
      slot.head = col.ind.cell;
    }
    if (col.unitRaw) slot.unitRaw = col.unitRaw;
    if (!col.parts.length && !slot.owner) {
      // A column without header under a group (a building's second column): same owner as the left one.
      const prev = slots[slots.length - 1];
      if (prev?.owner) slot.owner = prev.owner;
    }
    slots.push(slot);
  }
  // Among building columns ("1#楼 | 2#楼 | … | 地下车库"), an unknown header is another building's name.
  const buildingSlots = slots.filter((x) => x.owner?.kind === 'building').length;
  const cornerKey = labelCols.some((c) => c.key === 'building');
  if (buildingSlots >= 2 || (buildingSlots >= 1 && cornerKey)) {
    for (const sl of slots) {
      if (sl.role !== 'unknown' || sl.owner || sl.total) continue;
      const col = h.cols.find((c) => c.c === sl.c);
      const head = col?.parts.find((p) => p.kind === 'unknown');
      if (!head || !col || col.ind) continue;
      const text = textOf(head.cell)?.trim();
      if (!text) continue;
      sl.owner = { kind: 'building', text, cell: head.cell };
      sl.role = 'declared';
      sl.head = head.cell;
      if (!env.knownNames.has(text)) env.knownNames.set(text, src(s, head.cell));
    }
  }
  claimHeader(s, h);
  const right = h.right;
  let start = h.bottom + 1;
  if (unitsRow(s, start, [], lcs[0])) start++;
  let last = h.bottom;
  const id = `${s.g.name}#T${s.tables}`;
  const ambiguousRows: string[] = [];
  const rowIds: string[] = [];
  /** A labelled row whose indicator this table's columns can give a value: it belongs to the table. */
  const fits = (r: number): boolean => {
    const l = rowLabel(s, r, lcs, h.context);
    if (!l || isNoteRow(s, r) || (mayBeHeader(firstCell(s, r)) && header(s, r, env, h.context))) return false;
    const def = mustIndicator(l.match.ids[0]);
    return !!choose(def, slots.map((sl) => ({ sl, cell: cellAt(s.g, r, sl.c) })), s);
  };
  let sawTotal = false;
  for (let r = start; r <= s.g.maxRow; r++) {
    if (isRowEmpty(s, r, h.left, right)) {
      // blank rows inside a table: it goes on when the next row fits its columns (not after its 合计)
      if (sawTotal) break;
      let next = r + 1;
      while (next <= Math.min(s.g.maxRow, r + 2) && isRowEmpty(s, next, h.left, right)) next++;
      if (next > s.g.maxRow || isRowEmpty(s, next, h.left, right) || !fits(next)) break;
      r = next - 1;
      continue;
    }
    if (isNoteRow(s, r)) {
      // A note line inside the table (one cell, "说明：以下…") ends it unless the next row still fits
      // its columns; then the note is read past like a blank row (never after its 合计).
      let next = r + 1;
      while (next <= Math.min(s.g.maxRow, r + 2) && isRowEmpty(s, next, h.left, right)) next++;
      if (sawTotal || unclaimedLine(s, r).length !== 1 || next > s.g.maxRow || !fits(next)) break;
      claimRow(s, r, h.left, right);
      r = next - 1;
      continue;
    }
    if (r > start && mayBeHeader(firstCell(s, r)) && header(s, r, env, h.context)) break;
    const label = rowLabel(s, r, lcs, h.context);
    if (lcs.some((c) => { const x = cellAt(s.g, r, c); return !!x && x.kind === 'string' && isTotal(x.str!); })) sawTotal = true;
    if (!label) {
      // A row naming a building / zone / parcel alone is a section title: phase 2 reads it.
      const cells = unclaimedLine(s, r).filter((c) => c.c >= h.left && c.c <= right);
      if (cells.length === 1 && cells[0].kind === 'string') {
        last = r;
        continue;
      }
      // A row whose label is not an indicator ("其中：住宅", "地下车库及设备用房"): part of the
      // table, not read.
      claimRow(s, r, h.left, right);
      last = r;
      continue;
    }
    claimRow(s, r, h.left, right);
    last = r;
    const cells = slots.map((sl) => ({ sl, cell: cellAt(s.g, r, sl.c) }));
    const unitRaw = unitCol ? cellAt(s.g, r, unitCol)?.raw.trim() || undefined : undefined;
    if (unitCol) use(s, cellAt(s.g, r, unitCol));
    rowIds.push(label.match.ids[0]);
    // A summary row inside the table ("装配率P | 66.1"): its value sits in the label columns.
    let inline: GCell | undefined;
    for (let c = (label.cell.mergeRight ?? label.cell.c) + 1; c <= lastLabel && !inline; c++) {
      const x = cellAt(s.g, r, c);
      if (x && x.r === r && !(x.kind === 'string' && matchLabel(x.str!))) inline = x;
    }
    addJob(s, r, (scope) => {
      const amb = listRow(s, env, scope, id, r, label, cells, unitRaw, inline);
      if (amb) ambiguousRows.push(amb);
    });
  }
  // After phase 2 ran the jobs: a table whose value column could not be told → unread.
  addJob(s, last, () => {
    if (!ambiguousRows.length) return;
    const ids = [...new Set(rowIds)];
    const perBuilding = ids.some((i) => ['building_use', 'gross_floor_area', 'assembly_ratio', 'prefab_ratio', 'floors', 'building_height'].includes(i));
    env.unread.push({
      sheet: s.g.name,
      range: range(h.top, h.left, last, right),
      title: titleAbove(s, h.top) ?? h.cols.map((c) => c.parts.map((p) => p.cell.raw.trim()).join('/')).filter(Boolean).join(' | '),
      indicators: perBuilding && slots.filter((x) => x.role === 'unknown').length >= 2 ? ['building_name', ...ids] : ids,
      reason: `表中有多个数值列，但表头没有说明哪一列是设计值（或自评得分），无法确定采用哪一列（${ambiguousRows.slice(0, 3).join('、')}${ambiguousRows.length > 3 ? ' 等' : ''}）`,
    });
  });
  return last;
}

/** The context a title just above row r gives a table on a sheet whose name says nothing. */
function titleContext(s: Sheet, r: number): string | undefined {
  const t = titleAbove(s, r);
  return t ? contextOf(t) : undefined;
}

/** The text of a title cell just above a table (one or two rows up), if any. */
function titleAbove(s: Sheet, top: number): string | undefined {
  for (let r = top - 1; r >= Math.max(1, top - 2); r--) {
    const line = s.g.rows[r];
    if (!line) continue;
    const cells = line.filter((c): c is GCell => !!c);
    if (cells.length <= 2 && cells[0]?.kind === 'string') return cells[0].str!.trim();
  }
  return undefined;
}

interface Pick {
  cell: GCell;
  slot: Slot;
  ambiguous?: string;
}

/**
 * The cell holding what the project declares for `def` among the row's columns of one owner:
 * the preferred role, the highest rank; several different values with nothing to tell them apart
 * → the first, marked ambiguous.
 */
function choose(def: IndicatorDef, all: Array<{ sl: Slot; cell: GCell | undefined }>, s: Sheet): Pick | null {
  // A column whose unit cannot hold this indicator ("预制混凝土体积（m³）" for a percentage) is not a candidate.
  const cells = all.some((x) => x.sl.unitRaw) ? all.filter((x) => unitFits(x.sl.unitRaw, def)) : all;
  let cands: Array<{ sl: Slot; cell: GCell }> = [];
  for (const role of preferred(def)) {
    cands = cells.filter((x): x is { sl: Slot; cell: GCell } => !!x.cell && x.sl.role === role && x.cell.kind !== 'none');
    if (cands.length) break;
  }
  const hasDeclared = cells.some((x) => x.sl.role === 'declared' || x.sl.role === 'claimedScore');
  if (!cands.length && !hasDeclared) cands = cells.filter((x): x is { sl: Slot; cell: GCell } => !!x.cell && x.sl.role === 'unknown');
  if (!cands.length) return null;
  const top = Math.max(...cands.map((x) => x.sl.rank));
  cands = cands.filter((x) => x.sl.rank === top);
  if (cands.length === 1) return { cell: cands[0].cell, slot: cands[0].sl };
  // Several candidates: equal values are one figure; differing values cannot be told apart.
  const readings = cands.map((x) => ({ x, r: readCell(x.cell, def) }));
  const valued = readings.filter((y) => y.r.status === 'ok' || y.r.status === 'ambiguous');
  if (valued.length <= 1) {
    const y = valued[0] ?? readings[0];
    return { cell: y.x.cell, slot: y.x.sl };
  }
  const first = valued[0];
  if (valued.every((y) => sameValue(def, y.r.value, first.r.value))) return { cell: first.x.cell, slot: first.x.sl };
  const others = valued.map((y) => `${src(s, y.x.cell)}（${y.x.cell.raw.trim()}）`).join('、');
  return { cell: first.x.cell, slot: first.x.sl, ambiguous: others };
}

/** Reads one list-table row in its block's scope; returns a description when the value column was ambiguous. */
function listRow(s: Sheet, env: Env, scope: BlockScope, block: string, row: number, label: RowLabel, cells: Array<{ sl: Slot; cell: GCell | undefined }>, unitRaw: string | undefined, inline?: GCell): string | null {
  const m = label.match;
  const def = mustIndicator(m.ids[0]);
  if (m.ids.length > 1) ambiguousLabel(s, env, label.cell, m);
  use(s, label.cell);
  if (def.id === BUILDING_NAME) return null;
  // Owners: the building / parcel / zone each column belongs to (none = the block's scope).
  const groups = new Map<string, Array<{ sl: Slot; cell: GCell | undefined }>>();
  const shared: Array<{ sl: Slot; cell: GCell | undefined }> = [];
  for (const x of cells) {
    if (x.sl.owner) {
      const k = `${x.sl.owner.kind}:${x.sl.owner.text}`;
      const list = groups.get(k) ?? [];
      list.push(x);
      groups.set(k, list);
    } else if (!x.sl.total) shared.push(x);
  }
  // 合计 column of a site-level ratio (容积率 of 保留部分 | 新建部分 | 合计): the parcel's figure,
  // unless the columns belong to several parcels or buildings (then it spans them)
  if (!groups.size && isWholeSiteRatio(def)) for (const x of cells) if (x.sl.total) shared.push({ cell: x.cell, sl: { ...x.sl, role: 'declared', rank: WHOLE_SITE_RANK } });
  let ambiguous: string | null = null;
  const emitGroup = (list: Array<{ sl: Slot; cell: GCell | undefined }>, sc: Scope) => {
    const withShared = list === shared ? shared : [...list, ...shared.filter((x) => x.sl.role !== 'declared' && x.sl.role !== 'claimedScore' && x.sl.role !== 'unknown')];
    if (def.id === BUILDING_USE) {
      const p = choose(def, withShared, s);
      if (p && sc.building) {
        use(s, p.cell);
        env.out.use(sc, p.cell.raw.trim(), src(s, p.cell));
      } else if (p && !sc.building) {
        unusedLabel(s, label.cell, label.text, def.id, '建筑功能只对单体有意义，此处没有对应的单体');
      }
      return;
    }
    const req = withShared.find((x) => x.sl.role === 'requirement' && x.cell && !isPlaceholderText(x.cell));
    let p = choose(def, withShared, s);
    if (!p && inline && list === shared) p = { cell: inline, slot: { c: inline.c, role: 'declared', rank: 1 } };
    if (!p) {
      if (req?.cell) {
        use(s, req.cell);
        env.out.requirement(sc, def.id, req.cell.raw.trim(), src(s, req.cell));
      }
      // A building's own column left empty in this row: the building states nothing.
      const blank = list !== shared && sc.building ? list.find((x) => !x.cell && (x.sl.role === 'declared' || x.sl.role === 'claimedScore')) : undefined;
      if (blank) emitBlank(s, env, sc as BlockScope, block, label, def, row, blank.sl.c);
      const roles = [...new Set(withShared.filter((x) => x.cell).map((x) => x.sl.head?.raw.trim()).filter(Boolean))];
      unusedLabel(s, label.cell, label.text, def.id, roles.length ? `该行只有“${roles.join('”“')}”列有内容，没有设计值（或自评得分）列的数值` : '该行没有数值');
      return;
    }
    emitValue(s, env, sc, block, label, def, p.cell, {
      unitRaw: p.slot.unitRaw ?? unitRaw ?? m.unitRaw,
      roleSource: p.slot.head,
      rank: p.slot.rank,
      requirement: req?.cell,
      ambiguous: p.ambiguous,
    });
    if (p.ambiguous) ambiguous = `${label.text}：${p.ambiguous}`;
  };
  for (const [, list] of groups) {
    const o = list[0].sl.owner!;
    const sc: Scope = { ...scope };
    if (o.kind === 'building') {
      sc.building = { name: o.text, source: src(s, o.cell) };
      env.out.building(sc);
    } else if (o.kind === 'parcel') {
      const p = parcelKeyOf(o.text);
      if (p) sc.parcel = { ...p, source: src(s, o.cell) };
      delete sc.building;
    } else {
      const z = zoneKeyOf(o.text);
      if (z) sc.zone = { ...z, source: src(s, o.cell) };
    }
    emitGroup(list, sc);
  }
  if (!groups.size || shared.some((x) => x.sl.role === 'declared' || x.sl.role === 'claimedScore' || x.sl.role === 'unknown')) emitGroup(shared, scope);
  // A 合计 column: the project's total of an additive quantity.
  const tot = cells.find((x) => x.sl.total && x.cell);
  if (tot && ADDITIVE_UNITS.has(def.unit)) {
    const iv = makeValue(s, env, label.cell, m, def, tot.cell!, { unitRaw: tot.sl.unitRaw ?? unitRaw ?? m.unitRaw, roleSource: tot.sl.head }, label.text);
    use(s, tot.cell);
    env.out.value({ kind: 'value', scope: { parcel: scope.parcel }, iv, block, rank: 1, total: 'fallback' });
  }
  return ambiguous;
}

function unitFits(unitRaw: string | undefined, def: IndicatorDef): boolean {
  if (!unitRaw) return true;
  const u = parseUnit(unitRaw);
  if (!u || u.dimension === 'none') return true;
  const target = def.unit ? parseUnit(def.unit) : null;
  if (def.type === 'percent') return u.dimension === 'percent';
  if (!target) return u.dimension !== 'percent';
  return u.dimension === target.dimension;
}

function isPlaceholderText(c: GCell): boolean {
  return c.kind === 'string' && /^\s*([—\-－/／─]+|无|不适用|\/)?\s*$/.test(c.str!);
}

function ambiguousLabel(s: Sheet, env: Env, label: GCell, m: LabelMatch): void {
  const names = m.ids.map((i) => `${indicator(i)?.name ?? i}（${i}）`).join('、');
  env.out.warn(`${src(s, label)}：标签“${label.raw.trim()}”同时对应 ${names}，采用第一个 ${m.ids[0]}`, src(s, label), m.ids[0]);
}

const REF = /(?<![A-Za-z0-9_.])(?:(?:'((?:[^']|'')+)'|([A-Za-z0-9_.\u4e00-\u9fff-]+))!)?\$?([A-Z]{1,3})\$?([0-9]{1,7})(?![A-Za-z0-9_(])(?::\$?([A-Z]{1,3})\$?([0-9]{1,7}))?/g;

function colNum(a: string): number {
  let n = 0;
  for (const ch of a) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** The cells a formula reads (`Sheet!A1`), ranges expanded up to 400 cells; [] when it cannot tell. */
export function formulaRefs(s: Sheet, cell: GCell): string[] {
  const f = formulaText(cell);
  if (!f) return [];
  const out: string[] = [];
  for (const m of f.matchAll(REF)) {
    const sheet = m[1] ? m[1].replace(/''/g, "'") : m[2] ?? s.g.name;
    const c1 = colNum(m[3]);
    const r1 = Number(m[4]);
    const c2 = m[5] ? colNum(m[5]) : c1;
    const r2 = m[6] ? Number(m[6]) : r1;
    if ((Math.abs(c2 - c1) + 1) * (Math.abs(r2 - r1) + 1) > 400) return [];
    for (let r = Math.min(r1, r2); r <= Math.max(r1, r2); r++) for (let c = Math.min(c1, c2); c <= Math.max(c1, c2); c++) out.push(`${sheet}!${addrOf(r, c)}`);
  }
  return out;
}

export interface EmitOpts {
  unitRaw?: string;
  roleSource?: GCell;
  rank?: number;
  requirement?: GCell;
  ambiguous?: string;
  total?: 'fallback' | 'whole';
  /** A further row of one record (地下 under 地上): its quantity adds to the record's. */
  part?: boolean;
}

/** One value with its provenance and the label's role, into the collector. */
export function emitValue(s: Sheet, env: Env, scope: Scope, block: string, label: RowLabel, def: IndicatorDef, cell: GCell, o: EmitOpts = {}): ImportedValue | null {
  const m = label.match;
  // a table of requirements (规划设计条件, 出让合同约定): its value column states requirements
  const role = readsAsRequirement(scope as BlockScope, o.roleSource) ? REQUIREMENT_ROLE : m.role;
  if (role && NOT_A_VALUE.has(role.role)) {
    if (role.role === 'requirement') {
      use(s, cell);
      env.out.requirement(scope, def.id, cell.raw.trim(), src(s, cell));
      unusedLabel(s, label.cell, label.text, def.id, '标签表示规划要求或目标，不是设计值');
    } else {
      unusedLabel(s, label.cell, label.text, def.id, role.role === 'before' ? '标签表示修改前、现状或拆除部分，不是现行设计值' : '标签不表示设计值');
    }
    return null;
  }
  if ((scope as BlockScope).reference && CALCULATOR_INPUTS[def.id]) {
    // "装配率P" on a sheet titled "…（按GB/T 51129-2017，供参考）": the engine recomputes it from the
    // same table; it is not what the project declares.
    use(s, cell);
    unusedLabel(s, label.cell, label.text, def.id, '所在表格注明“供参考”，其计算结果不作为申报值（引擎按表中数据复核）');
    env.out.warn(`${src(s, cell)}：${def.name} ${cell.raw.trim()} 所在表格注明供参考，不作为申报值`, src(s, cell), def.id);
    return null;
  }
  const iv = makeValue(s, env, label.cell, m, def, cell, o, label.text);
  withdrawnValue(s, env, def, cell, iv);
  if ((scope as BlockScope).reference) iv.reference = true;
  labelNotes(iv, m, isRequirementText);
  if (o.requirement && !iv.requirement) {
    use(s, o.requirement);
    iv.requirement = { text: o.requirement.raw.trim(), source: src(s, o.requirement) };
  }
  if (o.ambiguous && iv.status !== 'invalid') {
    iv.status = 'ambiguous';
    iv.interpretation += `；同一行有多个数值（${o.ambiguous}），表头没有说明哪一个是设计值，暂列第一个，需复核`;
    env.out.warn(`${iv.source}：${def.name}同一行有多个数值（${o.ambiguous}），表头没有说明哪一个是设计值`, iv.source, def.id);
  }
  use(s, cell);
  const cand: ValueCand = {
    kind: 'value',
    scope,
    iv,
    block,
    rank: role?.role === 'declared' ? Math.max(role.rank, o.rank ?? 1) : o.rank ?? 1,
    total: o.total,
    ...(o.part ? { part: true } : {}),
    refs: cell.formula ? formulaRefs(s, cell) : undefined,
    calc: (scope as BlockScope).calc ? true : undefined,
  };
  env.out.value(cand);
  return iv;
}

// ------------------------------------------------------------------ record tables

interface AttrCol {
  col: Col;
  def: IndicatorDef;
  role: RoleHit;
}

type RecordMode = 'building' | 'parcel' | 'zone' | 'roles';

function recordTable(s: Sheet, h: Header, keyCol: Col, mode: RecordMode, env: Env): number {
  const attrs: AttrCol[] = [];
  for (const col of h.cols) {
    if (col === keyCol || !col.ind || col.ind.def.id === BUILDING_NAME) continue;
    attrs.push({ col, def: col.ind.def, role: col.role ?? { role: 'declared', rank: 1 } });
  }
  if (!attrs.length) return 0;
  claimHeader(s, h);
  let start = h.bottom + 1;
  if (unitsRow(s, start, attrs.map((a) => a.col), keyCol.c)) start++;
  if (mode === 'roles') {
    // a 单位 row among the role rows gives the columns their units
    for (let r = start; r <= Math.min(s.g.maxRow, start + 6); r++) {
      const kc = cellAt(s.g, r, keyCol.c);
      if (!kc || kc.kind !== 'string' || headerRole(kc.str!)?.role !== 'unit') continue;
      for (const a of attrs) {
        const u = cellAt(s.g, r, a.col.c);
        if (u && u.kind === 'string' && isUnitText(u.str!)) a.col.unitRaw = u.str!.trim();
      }
    }
  }
  const groups = groupAttrs(attrs);
  const id = `${s.g.name}#T${s.tables}`;
  let last = h.bottom;
  let read = 0;
  for (let r = start; r <= s.g.maxRow; r++) {
    if (!s.g.rows[r] || isRowEmpty(s, r, h.left, h.right)) {
      // blank rows inside a table: it goes on when the next row is another record
      let next = r + 1;
      while (next <= Math.min(s.g.maxRow, r + 2) && isRowEmpty(s, next, h.left, h.right)) next++;
      const nk = next <= s.g.maxRow ? cellAt(s.g, next, keyCol.c) : undefined;
      const nt = nk?.raw.trim() ?? '';
      const record = !!nk && nt !== '' && !isNoteRow(s, next) && !isTotal(nt) && !(nk.kind === 'string' && matchLabel(nt)) && (mode === 'roles' ? !!(nk.kind === 'string' && headerRole(nt)) : mode !== 'building' || looksLikeBuilding(nt) || env.knownNames.has(nt) || !mayBeHeader(nk));
      if (!record) break;
      r = next - 1;
      continue;
    }
    const kc = cellAt(s.g, r, keyCol.c) ?? covering(s.g, r, keyCol.c);
    if (!kc || kc.kind === 'none') break;
    const name = kc.raw.trim();
    if (!name) break;
    if (isNoteRow(s, r)) break;
    if (r > start && !isTotal(name) && mode !== 'roles' && mayBeHeader(kc) && header(s, r, env, h.context)) break;
    if (isTotal(name)) {
      claimRow(s, r, h.left, h.right);
      use(s, kc);
      last = r;
      addJob(s, r, (scope) => {
        for (const a of attrs) {
          const cell = cellAt(s.g, r, a.col.c);
          if (!cell || !ADDITIVE_UNITS.has(a.def.unit) || (a.role.role !== 'declared' && a.role.role !== 'claimedScore')) continue;
          const iv = makeValue(s, env, a.col.ind!.cell, a.col.ind!.match, a.def, cell, { unitRaw: a.col.unitRaw }, a.col.ind!.text);
          iv.interpretation = `取自表格合计行 ${src(s, kc)}：${iv.interpretation}`;
          use(s, cell);
          env.out.value({ kind: 'value', scope: { parcel: scope.parcel, zone: mode === 'zone' ? undefined : scope.zone }, iv, block: id, rank: 1, total: 'fallback' });
        }
      });
      continue;
    }
    let rowRole: RoleHit | null = null;
    if (mode === 'roles') {
      rowRole = kc.kind === 'string' ? headerRole(kc.str!) : null;
      // a row of no known role (一星级 in a transposed Table 3.2.8) is part of the table, not a value
      if (!rowRole) {
        if (kc.kind !== 'string' || matchLabel(name)) break;
        claimRow(s, r, h.left, h.right);
        last = r;
        continue;
      }
    } else if (kc.kind === 'string' && matchLabel(name) && !exactRole(name)) break;
    claimRow(s, r, h.left, h.right);
    use(s, kc);
    last = r;
    read++;
    if (mode === 'building' && !env.knownNames.has(name)) env.knownNames.set(name, src(s, kc));
    // A row under a name merged down over several rows is a further row of the same record (地上 |
    // 地下 of one building): its additive quantities are parts of the record's total.
    const part = kc.r !== r ? continuationPart(s, r, h, keyCol, attrs) : undefined;
    addJob(s, r, (scope) => recordRow(s, env, scope, id, r, kc, name, mode, rowRole, groups, part));
  }
  if (!read && mode !== 'roles') {
    env.unread.push({
      sheet: s.g.name,
      range: range(h.top, h.left, Math.max(last, h.bottom + 1), h.right),
      title: titleAbove(s, h.top) ?? textOf(keyCol.keyCell ?? keyCol.parts[0]?.cell) ?? '',
      indicators: [mode === 'building' ? 'building_name' : mode === 'zone' ? 'runoff_capture' : 'site_area', ...attrs.map((a) => a.def.id)],
      reason: '表头可以识别，但表中没有可读取的名称行',
    });
  }
  return last;
}

/** The attribute columns of a record table grouped by indicator (规划值 | 设计值 of one indicator). */
interface AttrGroup {
  def: IndicatorDef;
  attrs: AttrCol[];
  /** The column header without its own role (the row's role or the column choice decides). */
  match: LabelMatch;
  /** One declared column and nothing else: no choice to make. */
  single: AttrCol | null;
  label: RowLabel;
  opts: EmitOpts;
}

function groupAttrs(attrs: AttrCol[]): AttrGroup[] {
  const byDef = new Map<string, AttrCol[]>();
  for (const a of attrs) {
    const list = byDef.get(a.def.id);
    if (list) list.push(a);
    else byDef.set(a.def.id, [a]);
  }
  return [...byDef.values()].map((list) => ({
    def: list[0].def,
    attrs: list,
    match: { ...list[0].col.ind!.match, role: undefined },
    single: list.length === 1 && (list[0].role.role === 'declared' || (list[0].role.role === 'claimedScore' && isScore(list[0].def))) ? list[0] : null,
    label: { cell: list[0].col.ind!.cell, match: { ...list[0].col.ind!.match, role: undefined }, text: list[0].col.ind!.text },
    opts: { unitRaw: list[0].col.unitRaw, roleSource: list[0].col.roleCell, rank: list[0].role.rank },
  }));
}

/** What tells a continuation row of a merged record apart ("地下"): its first own text cell, else its row number. */
function continuationPart(s: Sheet, r: number, h: Header, keyCol: Col, attrs: AttrCol[]): string {
  const line = s.g.rows[r] ?? [];
  for (let c = h.left; c <= Math.min(h.right, line.length - 1); c++) {
    const x = line[c];
    if (x && c !== keyCol.c && x.kind === 'string' && !attrs.some((a) => a.col.c === c)) return x.raw.trim();
  }
  return `第${r}行`;
}

function recordRow(s: Sheet, env: Env, scope: BlockScope, block: string, r: number, kc: GCell, name: string, mode: RecordMode, rowRole: RoleHit | null, groups: AttrGroup[], part?: string): void {
  let sc: BlockScope;
  if (mode === 'building') {
    sc = { block: scope.block, parcel: scope.parcel, zone: scope.zone, building: { name, source: src(s, kc) }, reference: scope.reference, calc: scope.calc };
    env.out.building(sc);
  } else sc = { ...scope };
  if (mode === 'parcel') {
    const p = parcelKeyOf(name);
    if (p) sc.parcel = { ...p, name: name, source: src(s, kc) };
    delete sc.building;
  } else if (mode === 'zone') {
    const z = zoneKeyOf(name);
    if (z) sc.zone = { ...z, name, source: src(s, kc) };
    delete sc.building;
  }
  const line = s.g.rows[r]!;
  for (let gi = 0; gi < groups.length; gi++) {
    const grp = groups[gi];
    const def = grp.def;
    if (def.id === BUILDING_USE) {
      let cell: GCell | undefined;
      for (const a of grp.attrs) cell ??= line[a.col.c];
      if (cell && sc.building) {
        use(s, cell);
        env.out.use(sc, cell.raw.trim(), src(s, cell));
      }
      continue;
    }
    if (grp.single && !rowRole) {
      const a = grp.single;
      const cell = line[a.col.c];
      // a continuation row's part gets its own label, so that the record's parts add up (collect.ts)
      const adds = !!part && ADDITIVE_UNITS.has(def.unit);
      const label = adds ? { ...grp.label, text: `${grp.label.text.trim()}（${part}）` } : grp.label;
      if (cell) emitValue(s, env, sc, block, label, def, cell, adds ? { ...grp.opts, part: true } : grp.opts);
      else if (mode === 'building' && !part) emitBlank(s, env, sc, block, grp.label, def, r, a.col.c);
      continue;
    }
    // Several columns of one indicator (规划值 | 设计值, 修改前 | 修改后), or a row role: choose.
    const cells = grp.attrs.map((a) => {
      const role: RoleHit = rowRole ?? a.role;
      const slot: Slot = { c: a.col.c, role: role.role, rank: role.rank, head: rowRole ? kc : a.col.roleCell, unitRaw: a.col.unitRaw };
      return { sl: slot, cell: line[a.col.c] };
    });
    const req = cells.find((x) => x.sl.role === 'requirement' && x.cell && !isPlaceholderText(x.cell));
    const p = choose(def, cells, s);
    if (!p) {
      if (req?.cell) {
        use(s, req.cell);
        env.out.requirement(sc, def.id, req.cell.raw.trim(), src(s, req.cell));
      }
      continue;
    }
    const from = grp.attrs.find((x) => x.col.c === p.slot.c) ?? grp.attrs[0];
    // The column header's own role ("提高与创新加分项满分值") yields to the row's role (自评得分);
    // otherwise it already chose this column.
    emitValue(s, env, sc, block, { cell: from.col.ind!.cell, match: grp.match, text: from.col.ind!.text }, def, p.cell, {
      unitRaw: p.slot.unitRaw,
      roleSource: rowRole ? kc : p.slot.head,
      rank: p.slot.rank,
      requirement: req?.cell,
      ambiguous: p.ambiguous,
    });
  }
}

/**
 * A building's own cell of an indicator column left empty: the table lists the indicator for every
 * building and this one states nothing. Kept as a placeholder so that the project value does not
 * stand in for the building (docs/reading-sheets.md §2.3); a value read elsewhere replaces it.
 */
function emitBlank(s: Sheet, env: Env, scope: BlockScope, block: string, label: RowLabel, def: IndicatorDef, r: number, c: number): void {
  const iv: ImportedValue = {
    indicator: def.id,
    value: null,
    raw: '',
    source: `${s.g.name}!${addrOf(r, c)}`,
    label: label.text.trim(),
    labelSource: src(s, label.cell),
    interpretation: '单元格为空：本表为各单体列出了此指标，该单体未填写',
    status: 'placeholder',
  };
  env.out.value({ kind: 'value', scope, iv, block, rank: 1 });
}

// ------------------------------------------------------------------ 下垫面 and 调蓄设施 tables

function surfaceTable(s: Sheet, h: Header, type: Col, area: Col, coef: Col, env: Env): number {
  const areaDef = mustIndicator('catchment_area');
  const coefDef = mustIndicator('runoff_coefficient');
  const areaCell = area.parts.at(-1)!.cell;
  const coefCell = coef.parts.at(-1)!.cell;
  const areaUnit = area.unitRaw ?? headerCore(textOf(areaCell) ?? '').groups.find((x) => parseUnit(x));
  const areaMatch: LabelMatch = matchLabel(textOf(areaCell)!) ?? { key: '', ids: ['catchment_area'], how: 'exact' };
  const coefMatch: LabelMatch = { key: '', ids: ['runoff_coefficient'], how: 'exact' };
  const zoneCol = h.cols.find((c) => c.key === 'zone');
  claimHeader(s, h);
  const id = `${s.g.name}#T${s.tables}`;
  let last = h.bottom;
  for (let r = h.bottom + 1; r <= s.g.maxRow; r++) {
    if (!s.g.rows[r]) break;
    const nc = cellAt(s.g, r, type.c);
    if (!nc) break;
    if (r > h.bottom + 1 && !isTotal(nc.raw) && mayBeHeader(nc) && header(s, r, env, h.context)) break;
    const nm = nc.kind === 'string' ? matchLabel(nc.str!) : null;
    if (nm && nm.how === 'exact') break;
    const name = nc.raw.trim();
    const a = cellAt(s.g, r, area.c);
    const k = cellAt(s.g, r, coef.c);
    const zc = zoneCol ? cellAt(s.g, r, zoneCol.c) ?? covering(s.g, r, zoneCol.c) : undefined;
    claimRow(s, r, h.left, h.right);
    last = r;
    addJob(s, r, (scope) => {
      const sc: Scope = { ...scope };
      if (zc && zc.r <= r) {
        const z = zoneKeyOf(zc.raw);
        if (z) sc.zone = { ...z, source: src(s, zc) };
        use(s, zc);
      }
      use(s, nc);
      if (isTotal(name)) {
        const label = (c: GCell, m: LabelMatch): RowLabel => ({ cell: c, match: m, text: c.raw.trim() });
        if (a) emitValue(s, env, sc, id, label(areaCell, { ...areaMatch, ids: ['catchment_area'], role: undefined }), areaDef, a, { unitRaw: areaUnit, total: 'whole' })!.interpretation = `取自下垫面表合计行 ${src(s, nc)}`;
        if (k) {
          const iv = emitValue(s, env, sc, id, label(coefCell, coefMatch), coefDef, k, { total: 'whole' });
          if (iv) iv.interpretation = `取自下垫面表合计行 ${src(s, nc)}：${iv.interpretation}`;
        }
        return;
      }
      const av = a ? readCell(a, areaDef, { unitRaw: areaUnit }) : null;
      const kv = k ? readCell(k, coefDef) : null;
      if (av?.warning) env.out.warn(`${src(s, a!)}：下垫面“${name}”${av.warning}`, src(s, a!), 'catchment_area');
      if (kv?.warning) env.out.warn(`${src(s, k!)}：下垫面“${name}”${kv.warning}`, src(s, k!), 'runoff_coefficient');
      use(s, a);
      use(s, k);
      env.out.surface(sc, {
        name,
        area: av && av.status === 'ok' && typeof av.value === 'number' ? av.value : null,
        coefficient: kv && kv.status === 'ok' && typeof kv.value === 'number' ? kv.value : null,
        source: src(s, nc),
      });
    });
  }
  return last;
}

function facilityTable(s: Sheet, h: Header, nameCol: Col, env: Env): number {
  const volume = h.cols.find((c) => c.measure === 'volume');
  const areaCol = h.cols.find((c) => c.measure === 'area');
  const depthCol = h.cols.find((c) => c.measure === 'depth');
  const zoneCol = h.cols.find((c) => c.key === 'zone');
  // rows of the table: until an empty row
  let last = h.bottom;
  for (let r = h.bottom + 1; r <= s.g.maxRow && !isRowEmpty(s, r, h.left, h.right) && !isNoteRow(s, r); r++) last = r;
  if (last === h.bottom) return 0;
  claimHeader(s, h);
  for (let r = h.bottom + 1; r <= last; r++) claimRow(s, r, h.left, h.right);
  const title = titleAbove(s, h.top) ?? textOf(nameCol.keyCell) ?? '调蓄设施';
  if (!volume && !(areaCol && depthCol)) {
    env.unread.push({
      sheet: s.g.name,
      range: range(h.top, h.left, last, h.right),
      title,
      indicators: ['storage_provided', 'runoff_capture'],
      reason: '调蓄设施表中没有可识别的调蓄容积列（也没有面积和调蓄深度列），无法得到实际调蓄容积',
    });
    return last;
  }
  const volDef = mustIndicator('storage_provided');
  const volUnit = volume?.unitRaw ?? 'm³';
  const volLabel = volume ? volume.parts.at(-1)!.cell : nameCol.keyCell!;
  const depthUnit = depthCol?.unitRaw ?? 'm';
  const depthFactor = (() => {
    const u = parseUnit(depthUnit);
    return u && u.dimension === 'length' ? u.factor : 1;
  })();
  const areaUnit = areaCol?.unitRaw;
  const areaFactor = (() => {
    const u = areaUnit ? parseUnit(areaUnit) : null;
    return u && u.dimension === 'area' ? u.factor : 1;
  })();
  const id = `${s.g.name}#T${s.tables}`;
  const unreadable: string[] = [];
  for (let r = h.bottom + 1; r <= last; r++) {
    const nc = cellAt(s.g, r, nameCol.c) ?? covering(s.g, r, nameCol.c);
    const zc = zoneCol ? cellAt(s.g, r, zoneCol.c) ?? covering(s.g, r, zoneCol.c) : undefined;
    const row = r;
    addJob(s, r, (scope) => {
      const sc: Scope = { ...scope };
      if (zc) {
        const z = zoneKeyOf(zc.raw);
        if (z) sc.zone = { ...z, source: src(s, zc) };
        use(s, zc);
      }
      const name = nc?.raw.trim() ?? '';
      const vc = volume ? cellAt(s.g, row, volume.c) : undefined;
      if (nc && isTotal(name)) {
        use(s, nc);
        if (vc) {
          const iv = emitValue(s, env, sc, id, { cell: volLabel, match: { key: '', ids: ['storage_provided'], how: 'exact' }, text: textOf(volLabel)?.trim() ?? '调蓄容积' }, volDef, vc, { unitRaw: volUnit, total: 'whole' });
          if (iv) iv.interpretation = `取自调蓄设施表合计行 ${src(s, nc)}：${iv.interpretation}`;
        }
        return;
      }
      if (!nc || !name) return;
      use(s, nc);
      let volumeValue: number | null = null;
      let source = src(s, nc);
      if (vc) {
        const rd = readCell(vc, volDef, { unitRaw: volUnit });
        use(s, vc);
        if (rd.status === 'ok' && typeof rd.value === 'number') volumeValue = rd.value;
        else if (rd.status !== 'placeholder') unreadable.push(`${src(s, vc)}（${vc.raw}）`);
      } else if (areaCol && depthCol) {
        const ac = cellAt(s.g, row, areaCol.c);
        const dc = cellAt(s.g, row, depthCol.c);
        const an = ac?.kind === 'number' ? ac.num! : null;
        const dn = dc?.kind === 'number' ? dc.num! : null;
        use(s, ac);
        use(s, dc);
        if (an !== null && dn !== null) volumeValue = Number((an * areaFactor * dn * depthFactor).toPrecision(12));
        source = ac ? src(s, ac) : source;
      }
      const gone = facilityWithdrawal(s, nc, vc);
      if (gone) env.out.warn(`${src(s, nc)}：调蓄设施“${name}”的${gone}表示已取消或不计入，其调蓄容积未计入合计`, src(s, nc), 'storage_provided');
      else env.out.facility(sc, { name, volume: volumeValue, source: vc ? src(s, vc) : source });
    });
  }
  addJob(s, last, () => {
    if (unreadable.length) env.out.warn(`${s.g.name}：调蓄设施表有 ${unreadable.length} 个调蓄容积无法读取：${unreadable.slice(0, 3).join('、')}`, undefined, 'storage_provided');
  });
  return last;
}

/** The key columns of a sheet row used by blocks.ts to tell a table header from a key/value row. */
export function isHeaderRow(s: Sheet, r: number, env: Env): boolean {
  return header(s, r, env, s.context) !== null;
}

export { classify as classifyHeaderCell };
