// Table headers (docs/reading-sheets.md §2.1): which rows are a table's header (one or two rows,
// merged groups, units), and what each header cell says — a role, an indicator label, a key
// (building, parcel, 汇水分区, facility, 下垫面), a name or a 合计. Every column of a header carries
// all the header text above it.
import notations from '../data/import-notations.json';
import columnRoles from '../data/column-roles.json';
import { mustIndicator } from '../model/indicators';
import type { IndicatorDef } from '../model/types';
import { cellAt, covering, type GCell } from './grid';
import { fold, matchLabel, type LabelMatch } from './labels';
import { memo } from './text';
import { buildingTokens, looksLikeBuilding, parcelIn, zoneIn } from './names';
import { exactRole, facilityMeasure, headerCore, headerRole, keyHeader, type Role, type RoleHit } from './roles';
import { key, textOf, type Env, type Sheet } from './sheet';
import { isUnitText, parseUnit } from './units';
import { parseNumberText } from './values';

export const TOTAL_WORDS = notations.totalRows.words.map(fold);
export const ST = notations.surfaceTable;
export const ST_TYPE = new Set(ST.typeHeaders.map(fold));
const ST_COEF = ST.coefficientHeaders.map(fold);
export const BUILDING_NAME = 'building_name';
export const BUILDING_USE = 'building_use';
/**
 * Context of a table whose header has a building key column (楼号 | … ): there a bare "高度" is the
 * building's height and "性质" its use (indicators.json `contextLabels` with this context).
 */
export const BUILDING_TABLE = 'buildingTable';
/** Widest table read (columns). */
export const MAX_TABLE_COLS = 256;
/** Units whose 合计 is a meaningful total (areas, volumes, energy, counts). */
export const ADDITIVE_UNITS = new Set(['m²', 'm³', 'kWh/a']);

export const isTotal = memo((text: string): boolean => {
  const f = fold(text).replace(/^[0-9.、)(]+/, '');
  for (const w of TOTAL_WORDS) if (f.startsWith(w)) return true;
  return false;
});

const AGGREGATE_WORDS = new Set(notations.aggregateRows.words.map(fold));

/** A row that summarises the records above it ("平均", "平均值（面积加权）", "最大值"): not a record. */
export const isAggregate = memo((text: string): boolean => {
  const f = fold(text).replace(/^[0-9.、)(]+/, '').replace(/[:：]$/, '').replace(/\(.*\)$/, '');
  return AGGREGATE_WORDS.has(f);
});

export function isScore(def: IndicatorDef): boolean {
  return def.unit === '分';
}

/** Results of a score table written in its 得分 column (装配率 P: GB/T 51129-2017 §4.0.1). */
const RESULT_IN_SCORE = new Set(columnRoles.resultInScoreColumn.indicators);

/** Roles that may carry the value of `def`, most preferred first. */
export function preferred(def: IndicatorDef): Role[] {
  if (isScore(def)) return ['claimedScore', 'declared'];
  return RESULT_IN_SCORE.has(def.id) ? ['declared', 'claimedScore'] : ['declared'];
}

// ------------------------------------------------------------------ header cells

export type KeyKind = 'building' | 'use' | 'parcel' | 'zone' | 'facility' | 'surface';
export type NameKind = 'building' | 'parcel' | 'zone';

export interface HCell {
  cell: GCell;
  kind: 'role' | 'indicator' | 'key' | 'name' | 'total' | 'unknown' | 'value';
  role?: RoleHit;
  match?: LabelMatch;
  key?: KeyKind;
  name?: NameKind;
  /** The name where the header cell also states a role (“A座比例”: A座). */
  nameText?: string;
}

/** Roles a building's column may carry in one header cell with its name (A座比例, 1#楼得分). */
const NAMED_ROLES: ReadonlySet<Role> = new Set(['declared', 'claimedScore', 'maxScore', 'requirement']);

/** “A座比例”, “1#楼得分”: a building's name, then the role of its column; null otherwise. */
function nameWithRole(text: string): { name: string; role: RoleHit } | null {
  const toks = buildingTokens(text);
  if (toks.length !== 1) return null;
  const f = fold(text).replace(/[－—–]/g, '-').replace(/＃/g, '#');
  if (!f.toUpperCase().startsWith(toks[0])) return null;
  const role = headerRole(text.trim().slice(toks[0].length));
  return role && NAMED_ROLES.has(role.role) ? { name: toks[0], role } : null;
}

export function classify(c: GCell, env: Env, context?: string): HCell {
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
  const nr = nameWithRole(s);
  if (nr) return { cell: c, kind: 'name', name: 'building', nameText: nr.name, role: nr.role };
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

export interface Col {
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

export interface Header {
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

export function unclaimedLine(s: Sheet, r: number): GCell[] {
  const line = s.g.rows[r];
  const out: GCell[] = [];
  if (!line) return out;
  for (const c of line) if (c && !s.claimed.has(key(r, c.c))) out.push(c);
  return out;
}

const WHOLE_SUB = new Set(notations.wholeSubLabels.words.map(fold));

/**
 * Joins a parent label and a sub-label when together they name an indicator (建筑面积 + 地上). A
 * sub-label 合计 / 总计 is the parent's whole quantity: 总建筑面积 (docs: import-notations.json
 * wholeSubLabels), or the parent itself when it names one exactly.
 */
export function joined(parent: string, child: string, context?: string): { match: LabelMatch; text: string } | null {
  for (const t of [child + parent, parent + child]) {
    const m = matchLabel(t, context);
    if (m && m.how !== 'affix') return { match: m, text: t };
  }
  if (WHOLE_SUB.has(fold(child).replace(/[:：]$/, ''))) {
    for (const t of [notations.wholeSubLabels.prefix + parent, parent]) {
      const m = matchLabel(t, context);
      if (m && m.how === 'exact' && m.ids.length === 1) return { match: m, text: `${parent}（${child}）` };
    }
  }
  return null;
}

/** The header of a table starting at row r, or null when row r is not a header row. */
/** Columns of a row split where more than `gap` empty columns separate tables standing side by side. */
export function segments(cells: GCell[], gap = 2): Array<[number, number]> {
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

export function header(s: Sheet, r: number, env: Env, context?: string, span?: [number, number]): Header | null {
  const inSpan = (c: GCell) => !span || (c.c >= span[0] && c.c <= span[1]);
  const cells = unclaimedLine(s, r).filter(inSpan);
  if (cells.length < 2) return null;
  let hc = cells.map((c) => classify(c, env, context));
  if (hc.some((h) => h.kind === 'value')) return null;
  // a building table: its other header cells may use the short words of such tables ("高度", "性质")
  const buildingTable = hc.some((h) => h.kind === 'key' && h.key === 'building');
  const inTable = (c: GCell, h: HCell): HCell => {
    if (!buildingTable || h.kind !== 'unknown') return h;
    const b = classify(c, env, BUILDING_TABLE);
    return b.kind === 'indicator' || (b.kind === 'key' && b.key === 'use') ? b : h;
  };
  hc = hc.map((h, i) => inTable(cells[i], h));
  const informative = hc.filter((h) => h.kind !== 'unknown').length;
  // one informative cell is enough for a 调蓄设施 key, a 下垫面 key beside a 径流系数 column
  // (下垫面类型 | 面积 | 径流系数), or a label column ("指标 | 2024版 | 2025版")
  const surfaceTable = hc.some((h) => h.kind === 'key' && h.key === 'surface') && cells.some((c) => ST_COEF.some((w) => headerCore(textOf(c) ?? '').core.includes(w)));
  if (informative < 2 && !(informative === 1 && (surfaceTable || hc.some((h) => (h.kind === 'key' && h.key === 'facility') || (h.kind === 'role' && h.role!.role === 'label'))))) return null;
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
    if (!h) hcOf.set(c, (h = inTable(c, classify(c, env, context))));
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
      if (p.kind === 'name') col.name = { kind: p.name!, text: p.nameText ?? textOf(p.cell)!.trim(), cell: p.cell };
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
