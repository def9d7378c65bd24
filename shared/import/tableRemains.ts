// Tables read only in part (docs/evidence-policy.md, basis "unread-table"). A record table (one
// row per building, parcel or 汇水分区) or a 调蓄设施 table is read column by column: the columns
// whose header the reader understands give values, the others are passed over. A figure passed
// over may be the one that decides a check — a second volume column (有效调蓄容积 beside 调蓄容积),
// an indicator's column the row never took, a column headed in words no catalogue knows but in
// the unit of the table's indicators. Once every job of the sheet has run, such figures are
// reported as unread for the indicators they bear on, so that no pass rests on the part of a table
// that was read while the rest of it says otherwise. Columns whose header gives them a role that
// is not "what the project declares" (序号, 单位, 备注, 规划要求, 满分, 修改前, 是否满足) are not
// figures of the project and never count; nor does a column whose figures only count 1, 2, 3
// (coverage.ts indexOnly).
import columnRoles from '../data/column-roles.json';
import type { Col, Header } from './tableHeader';
import { isAggregate, isTotal } from './tableHeader';
import { headerCore, type Role } from './roles';
import { indexOnly } from './coverage';
import { key, range, src, textOf, type Env, type Sheet } from './sheet';
import { parseUnit } from './units';
import { isNumericLike } from './values';
import { indicator } from '../model/indicators';
import type { GCell } from './grid';

/** A table a reader took, with the rows it read (header bottom + 1 … last). */
export interface TakenTable {
  h: Header;
  /** The column that names the records (楼号, 汇水分区, 设施名称). */
  keyC: number;
  last: number;
  /** The indicators the table's read columns hold: what a column of their unit bears on. */
  indicators: string[];
  title: string;
  /** Columns the reader passed over knowingly (a gross 调蓄容积 beside the effective one). */
  passed?: number[];
}

const DIMENSIONS: ReadonlySet<string> = new Set(columnRoles.tableRemains.dimensions);

/** Roles of columns that never hold the project's own figure. */
const NOT_A_FIGURE: ReadonlySet<Role> = new Set(['index', 'unit', 'note', 'requirement', 'maxScore', 'before', 'delta', 'judgement', 'label']);

export function takeTable(s: Sheet, t: TakenTable): void {
  (s.taken ??= []).push(t);
}

/** Records, for each table taken on the sheet, the figures none of its readers used (UnreadBlock). */
export function tableRemains(s: Sheet, env: Env): void {
  for (const t of s.taken ?? []) {
    if (t.last <= t.h.bottom) continue;
    const figures: GCell[] = [];
    const ids = new Set<string>();
    for (const col of t.h.cols) {
      if (col.c === t.keyC || t.passed?.includes(col.c) || col.key || col.name || (col.role && NOT_A_FIGURE.has(col.role.role))) continue;
      // a facility's area and depth are the factors of the volume column beside them
      if ((col.measure === 'area' || col.measure === 'depth') && t.h.cols.some((o) => o.measure === 'volume')) continue;
      const bears = bearsOn(col, t);
      if (!bears.length) continue;
      const passed = passedOver(s, t, col);
      if (!passed.length || indexOnly(passed)) continue;
      figures.push(...passed);
      for (const i of bears) ids.add(i);
    }
    if (!figures.length) continue;
    env.unread.push({
      sheet: s.g.name,
      range: range(t.h.top, t.h.left, t.last, t.h.right),
      title: t.title,
      indicators: [...ids],
      reason: `表中以下数值所在的列未能识别为可采用的数据，未读取：${figures
        .slice(0, 3)
        .map((c) => `${src(s, c)}（${c.raw.trim()}）`)
        .join('、')}${figures.length > 3 ? ` 等 ${figures.length} 处` : ''}`,
    });
  }
}

/**
 * The indicators a column's figures bear on: its own indicator; else, where its header states a
 * volume or energy unit (column-roles.json tableRemains), the table's indicators of that kind. Header words alone do not say it: 预制装配率
 * names 装配率 and is another measure (column-roles.json labelAffixes).
 */
function bearsOn(col: Col, t: TakenTable): string[] {
  if (col.ind) return [col.ind.def.id];
  const head = textOf(col.parts.at(-1)?.cell);
  const dim = parseUnit(col.unitRaw ?? headerCore(head ?? '').groups.find((g) => parseUnit(g)) ?? '')?.dimension;
  if (!dim || !DIMENSIONS.has(dim)) return [];
  return t.indicators.filter((i) => {
    const u = indicator(i)?.unit;
    return !!u && parseUnit(u)?.dimension === dim;
  });
}

/**
 * The column's figures in record rows that no reader used, where the row took no other column
 * of the same indicator (规划值 | 设计值: the design column was chosen, the other is not passed over).
 * Summary rows (合计, 平均) are left to the rows' own readers.
 */
function passedOver(s: Sheet, t: TakenTable, col: Col): GCell[] {
  const twins = col.ind ? t.h.cols.filter((o) => o !== col && o.ind?.def.id === col.ind!.def.id).map((o) => o.c) : [];
  const out: GCell[] = [];
  for (let r = t.h.bottom + 1; r <= t.last; r++) {
    const line = s.g.rows[r];
    const cell = line?.[col.c];
    if (!cell || s.used.has(key(r, col.c))) continue;
    if (!(cell.kind === 'number' || (cell.kind === 'string' && isNumericLike(cell)))) continue;
    // rows the reader took as records (their name used); 合计, 平均 and combined names are its own
    const kc = line[t.keyC];
    if (!kc || !s.used.has(key(r, t.keyC))) continue;
    const name = textOf(kc) ?? '';
    if (isTotal(name) || isAggregate(name)) continue;
    if (twins.some((c) => s.used.has(key(r, c)))) continue;
    out.push(cell);
  }
  return out;
}
