// Record tables (docs/reading-sheets.md §2.3): one row per building, parcel or 汇水分区 with
// indicators as columns, or one row per role (GB/T 50378 Table 3.2.4: 预评价分值 / 自评得分 rows).
// Several columns of one indicator are chosen by role and rank; rows under a name merged down are
// further rows of the same record.
import type { IndicatorDef } from '../model/types';
import { cellAt, covering, type GCell } from './grid';
import { fold, matchLabel, type LabelMatch } from './labels';
import { combinedMembers } from './combined';
import { looksLikeBuilding, parcelKeyOf, zoneKeyOf } from './names';
import { exactRole, headerCore, headerRole, type RoleHit } from './roles';
import { addJob, makeValue, range, src, textOf, markUsed, type BlockScope, type Env, type Sheet } from './sheet';
import { isUnitText } from './units';
import { readCell } from './values';
import { designedTwin } from './twins';
import { takeTable } from './tableRemains';
import columnRoles from '../data/column-roles.json';
import notations from '../data/import-notations.json';
import { mustIndicator } from '../model/indicators';
import { ADDITIVE_UNITS, BUILDING_NAME, BUILDING_USE, type Col, type Header, header, isAggregate, isScore, isTotal } from './tableHeader';
import { type RowLabel, claimHeader, claimRow, isNoteRow, isRowEmpty, mayBeHeader, titleAbove, unitsRow } from './tableRows';
import { type Slot, choose, isPlaceholderText } from './listTable';
import { type EmitOpts, emitBlank, emitValue } from './emitValue';

// ------------------------------------------------------------------ record tables

const GROUP_SCORE = new Set(columnRoles.resultInScoreColumn.groupScoreHeaders.map(fold));
/** Names of a building's underground part (import-notations.json undergroundParts). */
const UNDERGROUND: ReadonlySet<string> = new Set(notations.undergroundParts.words.map(fold));
/** A 小计 row sums a group of the records, not the whole table. */
const SUBTOTAL = /^\s*小\s*计/;

export interface AttrCol {
  col: Col;
  def: IndicatorDef;
  role: RoleHit;
}

export type RecordMode = 'building' | 'parcel' | 'zone' | 'roles';

/** The records' figures in an additive column, in the indicator's unit; null when one cannot be read. */
function columnParts(s: Sheet, rows: number[], a: AttrCol, keyC: number): Array<{ label: string; value: number; raw: string; source: string }> | null {
  const out: Array<{ label: string; value: number; raw: string; source: string }> = [];
  for (const r of rows) {
    const cell = cellAt(s.g, r, a.col.c);
    if (!cell) continue;
    const rd = readCell(cell, a.def, { unitRaw: a.col.unitRaw });
    if (rd.status !== 'ok' || typeof rd.value !== 'number') return null;
    out.push({ label: textOf(cellAt(s.g, r, keyC) ?? covering(s.g, r, keyC))?.trim() || `第${r}行`, value: rd.value, raw: cell.raw, source: src(s, cell) });
  }
  return out.length >= 2 ? out : null;
}

export function recordTable(s: Sheet, h: Header, keyCol: Col, mode: RecordMode, env: Env): number {
  const attrs: AttrCol[] = [];
  for (const col of h.cols) {
    if (col === keyCol || !col.ind || col.ind.def.id === BUILDING_NAME) continue;
    attrs.push({ col, def: col.ind.def, role: col.role ?? { role: 'declared', rank: 1 } });
  }
  if (!attrs.length) return 0;
  // One row per building under "主体结构Q1 | 分值" with no 得分 column of that item: the 分值 is each
  // building's score — the standard's maximum is the same for every building and a table of buildings
  // does not repeat it row by row (column-roles.json resultInScoreColumn, as for a building's column group)
  if (mode === 'building') {
    for (const a of attrs) {
      if (a.role.role !== 'maxScore' || a.def.unit !== '分' || !a.col.roleCell || !GROUP_SCORE.has(headerCore(textOf(a.col.roleCell) ?? '').core)) continue;
      if (attrs.some((o) => o !== a && o.def.id === a.def.id && (o.role.role === 'claimedScore' || o.role.role === 'declared'))) continue;
      a.role = { role: 'claimedScore', rank: 1 };
    }
  }
  // 需调蓄容积 | 设计调蓄容积 as two columns: the designed twin is what the design provides (label-twins.json)
  const twin = designedTwin(attrs.map((a) => a.col.ind!.text));
  for (const a of attrs) if (twin && a.col.ind!.text === twin.label) a.def = mustIndicator(twin.indicator);
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
  /** The rows read as records so far: a 合计 row below them states their sum. */
  const recordRows: number[] = [];
  /** 合计 rows above every record: their records are the rows below, up to the next 合计. */
  const totalsFirst: Array<{ r: number; summed: number[] }> = [];
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
      markUsed(s, kc);
      last = r;
      // a 小计 sums a group of the records, never the project's figure
      if (SUBTOTAL.test(name)) continue;
      // a 合计 under records sums them; one above all records (合计 first) sums those below it
      const summed = recordRows.slice();
      if (!summed.length) totalsFirst.push({ r, summed });
      addJob(s, r, (scope) => {
        for (const a of attrs) {
          const cell = cellAt(s.g, r, a.col.c);
          if (!cell || !ADDITIVE_UNITS.has(a.def.unit) || (a.role.role !== 'declared' && a.role.role !== 'claimedScore')) continue;
          const iv = makeValue(s, env, a.col.ind!.cell, a.col.ind!.match, a.def, cell, { unitRaw: a.col.unitRaw }, a.col.ind!.text);
          iv.interpretation = `取自表格合计行 ${src(s, kc)}：${iv.interpretation}`;
          const parts = columnParts(s, summed, a, keyCol.c);
          if (parts) {
            // the 合计 row of a table of records is, by its layout, the sum of the rows above it
            iv.breakdown = parts;
            iv.breakdownClaim = '合计行为表中各行之和';
          }
          markUsed(s, cell);
          env.out.value({ kind: 'value', scope: { parcel: scope.parcel, zone: mode === 'zone' ? undefined : scope.zone }, iv, block: id, rank: 1, total: 'fallback' });
        }
      });
      continue;
    }
    // A summary row (平均, 最大值) is no record; a combined name (1#~2#楼) is no building of its
    // own: combined.ts reports it as an unread list of its members.
    if (mode === 'building' && (isAggregate(name) || (!env.knownNames.has(name) && combinedMembers(name, true)))) {
      claimRow(s, r, h.left, h.right);
      last = r;
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
    markUsed(s, kc);
    last = r;
    read++;
    recordRows.push(r);
    if (mode === 'building' && !env.knownNames.has(name)) env.knownNames.set(name, src(s, kc));
    // A row under a name merged down over several rows is a further row of the same record (地上 |
    // 地下 of one building): its additive quantities are parts of the record's total.
    const part = kc.r !== r ? continuationPart(s, r, h, keyCol, attrs) : undefined;
    addJob(s, r, (scope) => recordRow(s, env, scope, id, r, kc, name, mode, rowRole, groups, part));
  }
  for (const tf of totalsFirst) {
    const next = totalsFirst.find((o) => o.r > tf.r)?.r ?? Infinity;
    tf.summed.push(...recordRows.filter((x) => x > tf.r && x < next));
  }
  if (read && mode !== 'roles') {
    const title = titleAbove(s, h.top) ?? textOf(keyCol.keyCell ?? keyCol.parts[0]?.cell) ?? '';
    takeTable(s, { h, keyC: keyCol.c, last, indicators: attrs.map((a) => a.def.id), title });
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

/** The master of a text cell merged down over row r from a row above (same column), if any. */
function mergedDown(s: Sheet, r: number, c: number): GCell | undefined {
  const m = covering(s.g, r, c);
  return m && m.c === c && m.r < r && (m.mergeBottom ?? m.r) >= r && m.kind === 'string' ? m : undefined;
}

/** The attribute columns of a record table grouped by indicator (规划值 | 设计值 of one indicator). */
export interface AttrGroup {
  def: IndicatorDef;
  attrs: AttrCol[];
  /** The column header without its own role (the row's role or the column choice decides). */
  match: LabelMatch;
  /** One declared column and nothing else: no choice to make. */
  single: AttrCol | null;
  label: RowLabel;
  opts: EmitOpts;
}

export function groupAttrs(attrs: AttrCol[]): AttrGroup[] {
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
export function continuationPart(s: Sheet, r: number, h: Header, keyCol: Col, attrs: AttrCol[]): string {
  const line = s.g.rows[r] ?? [];
  for (let c = h.left; c <= Math.min(h.right, line.length - 1); c++) {
    const x = line[c];
    if (x && c !== keyCol.c && x.kind === 'string' && !attrs.some((a) => a.col.c === c)) return x.raw.trim();
  }
  return `第${r}行`;
}

export function recordRow(s: Sheet, env: Env, scope: BlockScope, block: string, r: number, kc: GCell, name: string, mode: RecordMode, rowRole: RoleHit | null, groups: AttrGroup[], part?: string): void {
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
      // a use merged down over several buildings' rows (住宅 over 1#–3#楼) is each one's use; a
      // number merged so is not (an area of both)
      let cell: GCell | undefined;
      for (const a of grp.attrs) cell ??= line[a.col.c] ?? mergedDown(s, r, a.col.c);
      if (cell && sc.building) {
        markUsed(s, cell);
        env.out.use(sc, cell.raw.trim(), src(s, cell));
      }
      continue;
    }
    if (grp.single && !rowRole) {
      const a = grp.single;
      const cell = line[a.col.c];
      // the underground part's own height or floors (−9.8, 地下2层) are not the building's
      if (part && !ADDITIVE_UNITS.has(def.unit) && UNDERGROUND.has(fold(part))) {
        if (cell) markUsed(s, cell);
        continue;
      }
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
        markUsed(s, req.cell);
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
