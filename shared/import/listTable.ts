// List tables (docs/reading-sheets.md §2.3): labels down one column, value columns beside it
// ("指标名称 | 设计值 | 规划条件 | 备注"), sideways per-building tables whatever the corner says, and
// a column group per building under a two-row header. The value of a row comes from the column
// whose role means "declared" (choose); a building's own empty cell is a placeholder.
import { indicator, mustIndicator } from '../model/indicators';
import type { IndicatorDef } from '../model/types';
import { sameValue, type Scope } from './collect';
import { cellAt, covering, type GCell } from './grid';
import { fold, matchLabel, type LabelMatch } from './labels';
import { parcelKeyOf, zoneKeyOf } from './names';
import columnRoles from '../data/column-roles.json';
import { headerCore, type Role } from './roles';
import { addJob, makeValue, range, src, textOf, unusedLabel, markUsed, type BlockScope, type Env, type Sheet } from './sheet';
import { parseUnit } from './units';
import { parseNumberText, readCell, statesInOwnWords } from './values';
import { ADDITIVE_UNITS, BUILDING_NAME, BUILDING_USE, type Col, type Header, type NameKind, header, isAggregate, isScore, isTotal, preferred, unclaimedLine } from './tableHeader';
import { type RowLabel, claimHeader, claimRow, firstCell, isNoteRow, isRowEmpty, mayBeHeader, rowLabel, titleAbove, unitsRow } from './tableRows';
import { emitBlank, emitValue } from './emitValue';
import { isItemScoreTable, ITEM_RATIOS, ITEM_SCORE_REASON } from './scoreTables';
import { isWholeSiteRatio, WHOLE_SITE_RANK } from './whole-site';
import { columnBreakdown, markPartColumns } from './partColumns';

// ------------------------------------------------------------------ list tables

export interface Slot {
  c: number;
  role: Role | 'unknown';
  rank: number;
  head?: GCell;
  /** The building / parcel / zone the column belongs to (sideways and grouped tables). */
  owner?: { kind: NameKind; text: string; cell: GCell };
  total?: boolean;
  unitRaw?: string;
  /** A column of an item-score table (scoreTables.ts): its numbers are scores, not 应用比例. */
  scoresOnly?: boolean;
  /** The indicator the column's header names ("控制项基础分值", "年发电量（kWh/a）"): its cells are of that kind. */
  ofIndicator?: IndicatorDef;
  /** The one column of the whole beside part columns (住宅 | 商业 | 合计: partColumns.ts). */
  whole?: boolean;
  /** A part column beside the whole's (住宅, 一期): never the whole's value. */
  part?: boolean;
  /** A part column's header text. */
  partHeader?: string;
  /** A column without header right of a building's that no merged name covers: whose its figures are is unknown. */
  nameless?: boolean;
}

const GROUP_SCORE = new Set(columnRoles.resultInScoreColumn.groupScoreHeaders.map(fold));

/**
 * A building's column group with a 分值 column and no 得分 column (1#楼 over 比例 | 分值): the 分值 is
 * the building's score, not the standard's maximum (column-roles.json resultInScoreColumn).
 */
function groupScores(slots: Slot[]): void {
  const byOwner = new Map<string, Slot[]>();
  for (const sl of slots) {
    if (sl.owner?.kind !== 'building') continue;
    const k = sl.owner.text;
    byOwner.set(k, [...(byOwner.get(k) ?? []), sl]);
  }
  for (const list of byOwner.values()) {
    if (list.length < 2 || list.some((sl) => sl.role === 'claimedScore')) continue;
    for (const sl of list) if (sl.role === 'maxScore' && sl.head?.kind === 'string' && GROUP_SCORE.has(headerCore(sl.head.str!).core)) sl.role = 'claimedScore';
  }
}

export function listTable(s: Sheet, h: Header, labelCols: Col[], env: Env): number {
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
      slot.ofIndicator = col.ind.def;
    }
    if (col.unitRaw) slot.unitRaw = col.unitRaw;
    if (!col.parts.length && !slot.owner) {
      // A column without header under a group (a building's second column): same owner as the left one.
      const prev = slots[slots.length - 1];
      if (prev?.owner) slot.owner = prev.owner;
      if (prev?.owner?.kind === 'building' && (prev.owner.cell.mergeRight ?? prev.owner.cell.c) < col.c) slot.nameless = true;
    }
    slots.push(slot);
  }
  groupScores(slots);
  markPartColumns(slots, h.cols);
  if (isItemScoreTable(s, h)) for (const sl of slots) sl.scoresOnly = true;
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
      // a summary column (平均, 最大值) holds no building; a header right of an indicator's label
      // (结构形式 | 装配整体式剪力墙结构) is that label's value, not a name
      if (isAggregate(text)) {
        sl.role = 'note';
        continue;
      }
      if (h.cols.some((c) => c.c === col.c - 1 && c.ind)) continue;
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
  /** Rows whose figure stands only in a column the header does not name (实施比例 beside 评价得分). */
  const unnamedRows: Array<{ id: string; text: string }> = [];
  const rowIds: string[] = [];
  /** Figures in a nameless column among buildings' (1#楼 | (blank) | 3#楼): a building's data without its name. */
  const nameless: string[] = [];
  /** A labelled row whose indicator this table's columns can give a value: it belongs to the table. */
  const fits = (r: number): boolean => {
    const l = rowLabel(s, r, lcs, h.context);
    if (!l || isNoteRow(s, r) || (mayBeHeader(firstCell(s, r)) && header(s, r, env, h.context))) return false;
    const def = mustIndicator(l.match.ids[0]);
    // (the table's own columns only: a row beyond a blank row is no non-score row of a self-assessment)
    return !!choose(def, slots.map((sl) => ({ sl, cell: cellAt(s.g, r, sl.c) })), s, false);
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
    const cells = slots.map((sl) => ({ sl: rowRoleSlot(sl, label), cell: cellAt(s.g, r, sl.c) ?? mergedAcross(s, r, sl) }));
    if (label.role) markUsed(s, label.role.cell);
    for (const x of cells) if (x.sl.nameless && x.cell && x.cell.c === x.sl.c && hasFigure(x.cell)) nameless.push(`${src(s, x.cell)}（${x.cell.raw.trim()}）`);
    const unitRaw = unitCol ? cellAt(s.g, r, unitCol)?.raw.trim() || undefined : undefined;
    if (unitCol) markUsed(s, cellAt(s.g, r, unitCol));
    rowIds.push(label.match.ids[0]);
    // A summary row inside the table ("装配率P | 66.1"): its value sits in the label columns.
    let inline: GCell | undefined;
    for (let c = (label.cell.mergeRight ?? label.cell.c) + 1; c <= lastLabel && !inline; c++) {
      const x = cellAt(s.g, r, c);
      if (x && x.r === r && !(x.kind === 'string' && matchLabel(x.str!) && !statesInOwnWords(x, mustIndicator(label.match.ids[0])))) inline = x;
    }
    addJob(s, r, (scope) => {
      const amb = listRow(s, env, scope, id, r, label, cells, unitRaw, inline, unnamedRows);
      if (amb) ambiguousRows.push(amb);
    });
  }
  if (nameless.length) {
    env.unread.push({
      sheet: s.g.name,
      range: range(h.top, h.left, last, right),
      title: titleAbove(s, h.top) ?? s.g.name,
      indicators: ['building_name', ...new Set(rowIds)],
      reason: `单体列之间有表头为空的列含有数值（${nameless.slice(0, 3).join('、')}${nameless.length > 3 ? ' 等' : ''}），无法确定属于哪个单体`,
    });
  }
  // After phase 2 ran the jobs: a table whose value column could not be told → unread.
  addJob(s, last, () => {
    if (unnamedRows.length) {
      env.unread.push({
        sheet: s.g.name,
        range: range(h.top, h.left, last, right),
        title: titleAbove(s, h.top) ?? h.cols.map((c) => c.parts.map((p) => p.cell.raw.trim()).join('/')).filter(Boolean).join(' | '),
        indicators: [...new Set(unnamedRows.map((x) => x.id))],
        reason: `表中有数值位于表头无法识别的列，未能读取（${unnamedRows.slice(0, 3).map((x) => x.text).join('、')}${unnamedRows.length > 3 ? ' 等' : ''}）`,
      });
    }
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

/**
 * A row whose sub-label names a role (预制率 | 控制指标 beside 预制率 | 计算值): the cells the header
 * left as values (a building's column, an unnamed column) hold what the sub-label says; a column
 * with a role of its own (备注) keeps it.
 */
function rowRoleSlot(sl: Slot, label: RowLabel): Slot {
  const role = label.role;
  if (!role || (sl.role !== 'declared' && sl.role !== 'unknown' && sl.role !== 'claimedScore')) return sl;
  return { ...sl, role: role.role, rank: role.rank, head: role.cell };
}

/**
 * A declared cell under a value merged across from the column on its left (规划指标 | 设计指标 with
 * one "2.48" over both): the figure stands for both columns, so it is the declared value too.
 */
function mergedAcross(s: Sheet, r: number, sl: Slot): GCell | undefined {
  if (sl.role !== 'declared') return undefined;
  const m = covering(s.g, r, sl.c);
  // the row's label merged across the value columns ("装配率 P=… | 54.7%") is no value
  if (m && m.kind === 'string' && matchLabel(m.str!)) return undefined;
  return m && m.r === r && m.c < sl.c && (m.mergeRight ?? m.c) >= sl.c && (m.mergeBottom ?? m.r) === r ? m : undefined;
}

export interface Pick {
  cell: GCell;
  slot: Slot;
  ambiguous?: string;
}

/**
 * The cell holding what the project declares for `def` among the row's columns of one owner:
 * the preferred role, the highest rank; several different values with nothing to tell them apart
 * → the first, marked ambiguous.
 */
export function choose(def: IndicatorDef, all: Array<{ sl: Slot; cell: GCell | undefined }>, s: Sheet, fromClaimed = true): Pick | null {
  // A column whose unit cannot hold this indicator ("预制混凝土体积（m³）" for a percentage) is not a candidate.
  // A value that writes its own fitting unit ("11.46%" in a kWh/a column) keeps its column.
  // A column headed by another kind of quantity (控制项基础分值 for 控制项 满足) holds none of this row's.
  const kinds = (x: { sl: Slot; cell: GCell | undefined }) => !x.sl.ofIndicator || (x.sl.ofIndicator.unit === def.unit && x.sl.ofIndicator.type === def.type) || ownUnitFits(x.cell, def);
  const cells = (all.some((x) => x.sl.unitRaw) ? all.filter((x) => unitFits(x.sl.unitRaw, def) || ownUnitFits(x.cell, def)) : all).filter(kinds);
  let cands: Array<{ sl: Slot; cell: GCell }> = [];
  for (const role of preferred(def)) {
    cands = cells.filter((x): x is { sl: Slot; cell: GCell } => !!x.cell && x.sl.role === role && x.cell.kind !== 'none');
    if (cands.length) break;
  }
  // 自评得分 column of a self-assessment: a row that is no score (控制项 满足, 全装修 是, 围护结构提高
  // 比例 10%) states its own value there in words or with its unit, never as a bare number
  // (another column of the row that states a value too — 专家预评审得分 "一星级" — competes with it)
  // — or in words it cannot read ("第4.1.2条待整改", "基本满足"): kept, to be reported unreadable, never dropped
  if (!cands.length && !isScore(def) && fromClaimed) {
    cands = cells.filter((x): x is { sl: Slot; cell: GCell } => !!x.cell && x.sl.role === 'claimedScore' && (statesItself(x.cell, def) || onlyWords(x.cell)));
    if (cands.length) cands.push(...cells.filter((x): x is { sl: Slot; cell: GCell } => !!x.cell && x.sl.role === 'unknown' && statesItself(x.cell, def)));
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
export function listRow(
  s: Sheet,
  env: Env,
  scope: BlockScope,
  block: string,
  row: number,
  label: RowLabel,
  cells: Array<{ sl: Slot; cell: GCell | undefined }>,
  unitRaw: string | undefined,
  inline: GCell | undefined,
  unnamed: Array<{ id: string; text: string }>,
): string | null {
  const m = label.match;
  const def = mustIndicator(m.ids[0]);
  if (m.ids.length > 1 && !m.compound) ambiguousLabel(s, env, label.cell, m);
  markUsed(s, label.cell);
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
  // Part columns beside the whole's (住宅 | 商业 | 合计): where the row states the whole, it is the
  // value and the parts are its parts (partColumns.ts); a row without it reads as before.
  const whole = cells.find((x) => x.sl.whole && x.cell && x.cell.kind !== 'none');
  const partCells = whole ? cells.filter((x) => x.sl.part) : [];
  if (whole) {
    for (let i = shared.length - 1; i >= 0; i--) if (shared[i].sl.part || shared[i].sl.whole) shared.splice(i, 1);
    shared.push({ cell: whole.cell, sl: { ...whole.sl, role: 'declared', rank: WHOLE_SITE_RANK } });
  }
  // 合计 column of a site-level ratio (容积率 of 保留部分 | 新建部分 | 合计): the parcel's figure,
  // unless the columns belong to several parcels or buildings (then it spans them)
  else if (!groups.size && isWholeSiteRatio(def)) for (const x of cells) if (x.sl.total) shared.push({ cell: x.cell, sl: { ...x.sl, role: 'declared', rank: WHOLE_SITE_RANK } });
  // A row filled in only in the 合计 column of a per-building table (超低能耗建筑面积占比 | | | 65.4%):
  // a figure of all the buildings together, i.e. the project's
  const onlyTotal = groups.size > 0 && !ADDITIVE_UNITS.has(def.unit) && [...groups.values()].every((l) => l.every((x) => !x.cell)) ? cells.find((x) => x.sl.total && x.cell) : undefined;
  if (onlyTotal) shared.push({ cell: onlyTotal.cell, sl: { ...onlyTotal.sl, role: 'declared', rank: 1 } });
  let ambiguous: string | null = null;
  const emitGroup = (list: Array<{ sl: Slot; cell: GCell | undefined }>, sc: Scope) => {
    const withShared = list === shared ? shared : [...list, ...shared.filter((x) => x.sl.role !== 'declared' && x.sl.role !== 'claimedScore' && x.sl.role !== 'unknown')];
    if (def.id === BUILDING_USE) {
      const p = choose(def, withShared, s);
      if (p && sc.building) {
        markUsed(s, p.cell);
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
        markUsed(s, req.cell);
        env.out.requirement(sc, def.id, req.cell.raw.trim(), src(s, req.cell));
      }
      // A building's own column left empty in this row: the building states nothing.
      const blank = list !== shared && sc.building ? list.find((x) => !x.cell && (x.sl.role === 'declared' || x.sl.role === 'claimedScore')) : undefined;
      if (blank) emitBlank(s, env, sc as BlockScope, block, label, def, row, blank.sl.c);
      // a figure of this indicator in a column the header does not name: the row is not read
      const figure = withShared.find((x) => x.cell && x.sl.role === 'unknown' && readCell(x.cell, def).status === 'ok');
      if (figure?.cell) unnamed.push({ id: def.id, text: `${label.text}：${src(s, figure.cell)}“${figure.cell.raw.trim()}”` });
      const roles = [...new Set(withShared.filter((x) => x.cell).map((x) => x.sl.head?.raw.trim()).filter(Boolean))];
      unusedLabel(s, label.cell, label.text, def.id, roles.length ? `该行只有“${roles.join('”“')}”列有内容，没有设计值（或自评得分）列的数值` : '该行没有数值');
      return;
    }
    if (p.slot.scoresOnly && ITEM_RATIOS.has(def.id) && !ownUnitFits(p.cell, def)) p = { ...p, ambiguous: ITEM_SCORE_REASON };
    const iv = emitValue(s, env, sc, block, label, def, p.cell, {
      unitRaw: p.slot.unitRaw ?? unitRaw ?? m.unitRaw,
      roleSource: p.slot.head,
      rank: p.slot.rank,
      requirement: req?.cell,
      ambiguous: p.ambiguous,
    });
    if (p.ambiguous) ambiguous = `${label.text}：${p.ambiguous}`;
    if (whole && p.cell === whole.cell) columnBreakdown(s, def, iv, whole.cell!, partCells);
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
  if (tot && !whole && ADDITIVE_UNITS.has(def.unit)) {
    const iv = makeValue(s, env, label.cell, m, def, tot.cell!, { unitRaw: tot.sl.unitRaw ?? unitRaw ?? m.unitRaw, roleSource: tot.sl.head }, label.text);
    markUsed(s, tot.cell);
    env.out.value({ kind: 'value', scope: { parcel: scope.parcel }, iv, block, rank: 1, total: 'fallback' });
  }
  return ambiguous;
}

/** A text cell that reads as `def`'s value without being a bare number ("满足", "是", "10%", "2级"). */
function statesItself(cell: GCell, def: IndicatorDef): boolean {
  if (cell.kind !== 'string') return false;
  const n = parseNumberText(fold(cell.str!));
  if (n && !n.pct && !n.unitText) return false;
  return readCell(cell, def).status === 'ok';
}

/** A number, or a text that writes one ("9000㎡"). */
function hasFigure(cell: GCell): boolean {
  return cell.kind === 'number' || (cell.kind === 'string' && parseNumberText(fold(cell.str!)) !== null);
}

/** A text cell without any figure ("基本满足", "第4.1.2条待整改"): no score, whatever it says. */
function onlyWords(cell: GCell): boolean {
  return cell.kind === 'string' && !!cell.str!.trim() && parseNumberText(fold(cell.str!)) === null;
}

/** True when the cell writes its own unit and that unit can hold `def` ("11.46%", "2.5万㎡", a % format). */
function ownUnitFits(cell: GCell | undefined, def: IndicatorDef): boolean {
  if (!cell) return false;
  if (cell.kind === 'number') return !!cell.fmt && def.unit === '%';
  if (cell.kind !== 'string') return false;
  const n = parseNumberText(fold(cell.str!));
  if (!n) return false;
  if (n.pct) return def.unit === '%';
  return !!n.unitText && !!parseUnit(n.unitText) && unitFits(n.unitText, def);
}

export function unitFits(unitRaw: string | undefined, def: IndicatorDef): boolean {
  if (!unitRaw) return true;
  const u = parseUnit(unitRaw);
  if (!u || u.dimension === 'none') return true;
  const target = def.unit ? parseUnit(def.unit) : null;
  if (def.type === 'percent') return u.dimension === 'percent';
  if (!target) return u.dimension !== 'percent';
  return u.dimension === target.dimension;
}

export function isPlaceholderText(c: GCell): boolean {
  return c.kind === 'string' && /^\s*([—\-－/／─]+|无|不适用|\/)?\s*$/.test(c.str!);
}

export function ambiguousLabel(s: Sheet, env: Env, label: GCell, m: LabelMatch): void {
  const names = m.ids.map((i) => `${indicator(i)?.name ?? i}（${i}）`).join('、');
  env.out.warn(`${src(s, label)}：标签“${label.raw.trim()}”同时对应 ${names}，采用第一个 ${m.ids[0]}`, src(s, label), m.ids[0]);
}
