// The table model between the grid and the indicators (phase 1; docs/reading-sheets.md §2). A table
// is found by its header (tableHeader.ts); every column gets a role from its header text
// (shared/data/column-roles.json) and values are taken only from the column (or row) whose role
// means "what this project declares" — never from 规划条件, 满分, 备注, 修改前 or 是否满足.
//
// Kinds of table, each in its own module: list tables (listTable.ts: labels down a column, value
// columns beside it, sideways per-building tables), record tables (recordTable.ts: one row per
// building / parcel / 汇水分区 / role), 下垫面 and 调蓄设施 tables (runoffTables.ts). Rows are read in
// phase 2 (blocks.ts) so that they take the scope of the block they sit in.
import { cellAt, covering, type GCell } from './grid';
import { fold, matchLabel } from './labels';
import { looksLikeBuilding } from './names';
import { exactRole, headerRole, type Role } from './roles';
import { src, textOf, type Env, type Sheet } from './sheet';
import { buildingIn } from './blocks';
import { isUnitText } from './units';
import { parseNumberText } from './values';
import { dwellingList, isDwellingList } from './dwellings';
import { BUILDING_NAME, type Header, classify, header, isTotal, segments, unclaimedLine } from './tableHeader';
import { firstDataRow, labelsBelow, mostlyNumeric, rowKeyColumn, titleContext, widen } from './tableRows';
import { listTable } from './listTable';
import { recordTable } from './recordTable';
import { facilityTable, surfaceColumns, surfaceTable } from './runoffTables';
import { volumeHeader, volumeTable } from './prefabTables';

const PROJECT_NAME = 'project_name';

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
      // key/value tables printed side by side with no gap (项目 | 数值 | 项目 | 数值)
      const repeated = repeatedGroups(cells.filter((c) => c.c >= seg[0] && c.c <= seg[1]));
      if (repeated && repeated.every((sub) => header(s, r, env, ctx, sub))) {
        for (const sub of repeated) {
          const h2 = header(s, r, env, ctx, sub);
          if (h2) readTable(s, h2, env);
        }
        continue;
      }
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
      // 预制率 volume tables (prefabTables.ts) before the general table model
      const vh = volumeHeader(s, r, span);
      if (vh) {
        volumeTable(s, vh, env);
        continue;
      }
      const h = header(s, r, env, ctx, span);
      if (h) readTable(s, h, env);
    }
  }
}

/**
 * A header row that repeats one key/value pattern — an optional 序号 column, a label column, then
 * value columns (设计值, 修改前 | 修改后, 满分 | 得分) with unit, note or requirement columns — two or more times
 * without a gap (项目 | 数值 | 项目 | 数值; 序号 | 指标 | 单位 | 设计值 | 序号 | 指标 | 单位 | 设计值): the
 * spans of its tables.
 */
const GROUP_ROLES: ReadonlySet<Role> = new Set(['declared', 'claimedScore', 'unit', 'note', 'requirement', 'maxScore', 'before', 'delta', 'judgement']);

function repeatedGroups(cells: GCell[]): Array<[number, number]> | null {
  const roles = cells.map((c) => (c.kind === 'string' ? headerRole(c.str!)?.role : undefined));
  const starts: number[] = [];
  for (let i = 0; i < roles.length; i++) {
    if (roles[i] === 'index' && roles[i + 1] === 'label') starts.push(i++);
    else if (roles[i] === 'label') starts.push(i);
  }
  if (starts.length < 2 || starts[0] !== 0) return null;
  const out: Array<[number, number]> = [];
  for (let k = 0; k < starts.length; k++) {
    const from = starts[k];
    const to = (starts[k + 1] ?? cells.length) - 1;
    const rest = roles.slice(from + 1, to + 1).filter((r) => r !== 'label');
    if (rest.filter((r) => r === 'declared' || r === 'claimedScore').length < 1) return null;
    // a header of no known role (控制目标) may stand in a group; a 序号 or a second label may not
    if (!rest.every((r) => r === undefined || GROUP_ROLES.has(r))) return null;
    out.push([cells[from].c, cells[to].mergeRight ?? cells[to].c]);
  }
  return out;
}

export function readTable(s: Sheet, h: Header, env: Env): number {
  const own = ownBuilding(s, h, env);
  if (!own) return readKinds(s, h, env);
  s.tableBuilding = own;
  env.out.building({ building: own });
  try {
    return readKinds(s, h, env);
  } finally {
    s.tableBuilding = undefined;
  }
}

/**
 * Tables side by side, each under a title naming its own building (“1#楼 装配率计算表” over A:C,
 * “2#楼 装配率计算表” over F:H): the building of the title over this table's columns, when the row
 * of titles names two or more buildings; null otherwise (one title then scopes the whole block).
 */
function ownBuilding(s: Sheet, h: Header, env: Env): { name: string; source: string } | null {
  for (let r = h.top - 1; r >= Math.max(1, h.top - 2); r--) {
    const line = s.g.rows[r];
    if (!line) continue;
    const named: Array<{ cell: GCell; name: string }> = [];
    for (const c of line) {
      const t = textOf(c);
      const name = t ? buildingIn(t, env) : null;
      if (c && name) named.push({ cell: c, name });
    }
    if (new Set(named.map((x) => x.name)).size < 2) continue;
    const over = named.filter((x) => x.cell.c <= h.right && (x.cell.mergeRight ?? x.cell.c) >= h.left);
    return over.length === 1 ? { name: over[0].name, source: src(s, over[0].cell) } : null;
  }
  return null;
}

function readKinds(s: Sheet, h: Header, env: Env): number {
  const keyCols = h.cols.filter((c) => c.key && c.key !== 'use');
  const surfaceKey = keyCols.find((c) => c.key === 'surface');
  if (surfaceKey) {
    const { area, coef } = surfaceColumns(h, surfaceKey);
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
    // beside the first, a column whose header gives it a role other than the label (评价分值, 规划要求) is no label column
    const left = h.cols.filter((c) => c.c < names[0].c && !c.name && !(c.role && (c.role.role === 'index' || c.role.role === 'unit' || c.role.role === 'note')));
    const labelCols = left.filter((c, i) => i === 0 || !c.role || c.role.role === 'label');
    if (labelCols.length && labelsBelow(s, h, labelCols.map((c) => c.c), 4)) return listTable(s, h, labelCols, env);
  }
  if (keyed && keyed.key === 'building' && isDwellingList(h)) return dwellingList(s, h, env);
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
    const lc = h.cols.find((c) => c.role?.role !== 'index') ?? h.cols[0];
    // 项目名称 over rows named 1#楼, 2#楼: the rows are buildings, the header only says "name"
    if (first && (!lc.ind || lc.ind.def.id === PROJECT_NAME)) {
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
  // "系统 | 规模 | 年可再生能源利用量（kWh/a）": one quantity over the rows' amounts is their value column
  const quantitySlots = labelCol ? h.cols.filter((c) => c.c > labelCol.c && c.ind && !c.name && !c.role) : [];
  if (!slotRoles.length && !unknownSlots.length && quantitySlots.length !== 1 && !(labelCol && h.cols.some((c) => c.role?.role === 'unit'))) return 0;
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


/** The key columns of a sheet row used by blocks.ts to tell a table header from a key/value row. */
export function isHeaderRow(s: Sheet, r: number, env: Env): boolean {
  return header(s, r, env, s.context) !== null;
}

export { classify as classifyHeaderCell };
