// 预制率 calculation tables by concrete volume (混凝土体积法, docs/domain/prefabrication.md §2.2):
// one row per component (构件类别) with 预制混凝土体积 | 现浇混凝土体积 | 小计 (m³), or one volume
// column with a 预制/现浇 column; 合计 rows; rows below ±0.000 marked in the name or a position
// column. Columns are found by what their headers say (shared/data/prefab-volume.json), never by
// position. The rows go to the building whose block the table sits in (ImportedVolumeRow); the
// calculator (shared/calc/prefab.ts) recomputes 预制率 from them. A table recognised as such but
// with cells it cannot read is an unread table (docs/evidence-policy.md, unread-table).
import data from '../data/prefab-volume.json';
import type { IndicatorDef, ImportedVolumeRow } from '../model/types';
import { cellAt, covering, type GCell } from './grid';
import { fold, matchLabel } from './labels';
import { headerCore } from './roles';
import { addJob, markUsed, range, src, textOf, type Env, type Sheet } from './sheet';
import { isTotal, unclaimedLine } from './tableHeader';
import { claimRow, isNoteRow, isRowEmpty } from './tableRows';
import { parseUnit } from './units';
import { readCell } from './values';
import { mustIndicator } from '../model/indicators';
import { emitValue } from './emitValue';

type Kind = 'index' | 'note' | 'flag' | 'precast' | 'cast' | 'total' | 'volume' | 'level' | 'component';

interface KindDef {
  kind: Kind;
  words: string[];
  not: string[];
}

const KINDS: KindDef[] = (data.columns.kinds as KindDef[]).map((k) => ({ kind: k.kind, words: k.words.map(fold), not: k.not.map(fold) }));
const VOLUME_WORDS = data.columns.volumeWords.map(fold);
const BELOW = data.belowGrade.words.map(fold);
const FLAG_PRECAST = new Set(data.flagValues.precast.map(fold));
const FLAG_CAST = new Set(data.flagValues.castInPlace.map(fold));
const SUBTOTAL = data.subtotalWords.map(fold);
const NONE = new Set(data.noneMarks.map(fold));

/** How the importer reads a volume cell: a number in m³ (unit conversion by readCell). */
const VOLUME_DEF: IndicatorDef = { id: 'prefab_volume', name: '混凝土体积', unit: 'm³', type: 'number', role: 'input', labels: [] };

interface VCol {
  c: number;
  kind: Kind;
  text: string;
  unitRaw?: string;
}

export interface VolumeHeader {
  top: number;
  bottom: number;
  left: number;
  right: number;
  cols: VCol[];
  title: string;
}

function kindOf(text: string): Kind | null {
  const f = fold(text);
  for (const k of KINDS) if (k.words.some((w) => f.includes(w)) && !k.not.some((w) => f.includes(w))) return k.kind;
  return null;
}

/** Words placing a row below ±0.000 ("±0.000以下", "地下室"), as written, or undefined. */
export function belowGradeWords(text: string): string | undefined {
  const f = fold(text);
  // "±0.000以上" and "地上" never mean below grade; a note that excludes the basement is no row of it
  if (/(±|正负)0(\.0+)?以上/.test(f)) return undefined;
  const w = BELOW.find((b) => f.includes(b));
  return w ? text.trim() : undefined;
}

/** Header text of column c over rows top..bottom (a merged group cell over 预制 | 现浇 joins them). */
function headerText(s: Sheet, top: number, bottom: number, c: number): { text: string; cells: GCell[] } {
  const cells: GCell[] = [];
  for (let r = top; r <= bottom; r++) {
    const x = cellAt(s.g, r, c) ?? covering(s.g, r, c);
    if (x && x.kind === 'string' && !cells.includes(x)) cells.push(x);
  }
  return { text: cells.map((x) => x.str!.trim()).join(''), cells };
}

/**
 * The header of a 预制率 volume table at row r (one header row, or a group row over 预制 | 现浇), or
 * null when row r is not one.
 */
export function volumeHeader(s: Sheet, r: number, span?: [number, number]): VolumeHeader | null {
  const inSpan = (c: GCell) => !span || (c.c >= span[0] && c.c <= span[1]);
  const cells = unclaimedLine(s, r).filter(inSpan);
  if (cells.length < 2 || cells.some((c) => c.kind !== 'string')) return null;
  // a second header row: text only, directly below, under a cell merged across
  const below = unclaimedLine(s, r + 1).filter(inSpan);
  const twoRow = below.length > 0 && below.every((c) => c.kind === 'string' && !isTotal(c.str!)) && cells.some((c) => (c.mergeRight ?? c.c) > c.c) && below.some((b) => kindOf(b.str!) === 'precast' || kindOf(b.str!) === 'cast');
  const bottom = twoRow ? r + 1 : r;
  let left = Infinity;
  let right = 0;
  for (const c of [...cells, ...(twoRow ? below : [])]) {
    left = Math.min(left, c.c);
    right = Math.max(right, c.mergeRight ?? c.c);
  }
  const cols: VCol[] = [];
  let volumeWord = false;
  for (let c = left; c <= right; c++) {
    const h = headerText(s, r, bottom, c);
    if (!h.text) continue;
    // the lower (more specific) cell decides the kind; the group text above adds the unit
    const own = h.cells[h.cells.length - 1].str!;
    const kind = kindOf(own) ?? kindOf(h.text);
    if (!kind) continue;
    if (VOLUME_WORDS.some((w) => fold(h.text).includes(w))) volumeWord = true;
    const unit = h.cells.flatMap((x) => headerCore(x.str!).groups).find((g) => parseUnit(g));
    cols.push({ c, kind, text: h.text, ...(unit ? { unitRaw: unit } : {}) });
  }
  const has = (k: Kind) => cols.some((x) => x.kind === k);
  const volumes = has('precast') && (has('cast') || has('total'));
  const flagged = has('volume') && has('flag');
  if (!(volumes || flagged) || !volumeWord) return null;
  // a unit that is not a volume (㎡, %) means another table (areas, ratios)
  for (const col of cols) {
    if (!col.unitRaw || !['precast', 'cast', 'total', 'volume'].includes(col.kind)) continue;
    const u = parseUnit(col.unitRaw);
    if (u && u.dimension !== 'volume') return null;
  }
  if (!has('component')) {
    // no header over the names: the leftmost text column of the first data row
    const first = cellAt(s.g, bottom + 1, left);
    if (!first || first.kind !== 'string' || cols.some((x) => x.c === left)) return null;
    cols.unshift({ c: left, kind: 'component', text: '' });
  }
  const title = tableTitle(s, r);
  return { top: r, bottom, left, right, cols, title };
}

/** A title naming the calculation a few rows above the header, else the sheet's name. */
function tableTitle(s: Sheet, top: number): string {
  for (let r = top - 1; r >= Math.max(1, top - 4); r--) {
    for (const c of s.g.rows[r] ?? []) {
      const t = textOf(c)?.trim();
      if (t && /预制率|计算/.test(t)) return t;
    }
  }
  return s.g.name;
}

/** The cell's text when it is one (a flag or a position column). */
function flagOf(cell: GCell | undefined): 'precast' | 'cast' | null | undefined {
  const t = textOf(cell);
  if (!t || !t.trim()) return undefined;
  const f = fold(t);
  if (FLAG_PRECAST.has(f)) return 'precast';
  if (FLAG_CAST.has(f)) return 'cast';
  return null;
}

const RESULT_IDS = new Set(['prefab_ratio', 'assembly_ratio']);

/** A row label naming a ratio indicator (预制率, "单体预制率 = …"): the table's result, not a component. */
function isRatioLabel(label: string): boolean {
  // "单体预制率 = 预制混凝土体积 / 混凝土总体积": the words before the formula name it
  const m = matchLabel(label.split(/[=＝:：]/)[0]);
  return !!m && m.ids.every((id) => RESULT_IDS.has(id));
}

/**
 * The ratio the table's result row declares: the one cell right of its name that reads as the
 * ratio (a percentage, “25.0%”), in the block's scope (the building the table is for). Several
 * such cells, or none: nothing is declared here.
 */
function resultRow(s: Sheet, env: Env, h: VolumeHeader, r: number, nameCell: GCell, label: string): void {
  const m = matchLabel(label.split(/[=＝]/)[0]) ?? matchLabel(label);
  if (!m || m.ids.length !== 1) return;
  const def = mustIndicator(m.ids[0]);
  const cands: GCell[] = [];
  for (let c = (nameCell.mergeRight ?? nameCell.c) + 1; c <= h.right; c++) {
    const x = cellAt(s.g, r, c);
    if (!x || x.kind === 'none') continue;
    const rd = readCell(x, def);
    const pct = x.kind === 'string' ? /[%％]/.test(x.str!) : !!x.fmt && x.fmt.includes('%');
    if (rd.status === 'ok' && pct) cands.push(x);
  }
  if (cands.length !== 1) return;
  const cell = cands[0];
  addJob(s, r, (scope) => emitValue(s, env, scope, `${s.g.name}#V${r}`, { cell: nameCell, match: m, text: label }, def, cell, {}));
}

/** Reads the rows of a 预制率 volume table; returns the last row of the table. */
export function volumeTable(s: Sheet, h: VolumeHeader, env: Env): number {
  const col = (k: Kind) => h.cols.find((x) => x.kind === k);
  const name = col('component')!;
  const precast = col('precast');
  const cast = col('cast');
  const total = col('total') ?? (col('flag') ? col('volume') : undefined);
  const flag = col('flag');
  const level = col('level');
  const note = col('note');
  let last = h.bottom;
  for (let r = h.bottom + 1; r <= s.g.maxRow && !isRowEmpty(s, r, h.left, h.right) && !isNoteRow(s, r); r++) {
    if (r > h.bottom + 1 && volumeHeader(s, r)) break;
    last = r;
  }
  if (last === h.bottom) return 0;
  for (let r = h.top; r <= h.bottom; r++) for (const c of s.g.rows[r] ?? []) if (c && c.c >= h.left && c.c <= h.right) markUsed(s, c);
  s.tables++;
  const unreadable: string[] = [];
  const rows: Array<{ r: number; row: ImportedVolumeRow }> = [];
  const num = (c: GCell | undefined, unitRaw: string | undefined): number | null => {
    if (!c) return null;
    const rd = readCell(c, VOLUME_DEF, unitRaw ? { unitRaw } : {});
    if (rd.status === 'ok' && typeof rd.value === 'number' && rd.value >= 0) return rd.value;
    // "/" or "—" in a volume column means none; "详见结构计算书" means the figure is elsewhere
    if (rd.status !== 'placeholder' || !NONE.has(fold(c.raw))) unreadable.push(`${src(s, c)}（${c.raw}）`);
    return null;
  };
  for (let r = h.bottom + 1; r <= last; r++) {
    claimRow(s, r, h.left, h.right);
    const nc = cellAt(s.g, r, name.c) ?? covering(s.g, r, name.c);
    const label = textOf(nc)?.trim() ?? '';
    const cells = [precast, cast, total, flag, level, note].map((x) => (x ? cellAt(s.g, r, x.c) : undefined));
    for (const c of [nc, ...cells]) markUsed(s, c);
    const [pc, cc, tc, fc, lc, ncell] = cells;
    if (label && SUBTOTAL.some((w) => fold(label).startsWith(w))) continue; // 小计 rows: parts of the 合计
    // the table's result row ("预制率（±0.000以上） | … | 42.3%"): a ratio, not a volume — it is the
    // figure the sheet declares, and the recomputation from the rows judges it
    if (label && isRatioLabel(label)) {
      resultRow(s, env, h, r, nc!, label);
      continue;
    }
    let p = num(pc, precast?.unitRaw);
    let q = num(cc, cast?.unitRaw);
    const t = num(tc, total?.unitRaw);
    if (flag && !isTotal(label)) {
      const f = flagOf(fc);
      if (f === null) unreadable.push(`${src(s, fc!)}（${fc!.raw}）`);
      else if (f === 'precast' && p === null) p = t;
      else if (f === 'cast' && q === null) q = t;
    }
    if (p === null && q === null && t === null) continue; // a group heading ("一、主体结构")
    const where = [label, textOf(lc) ?? '', textOf(ncell) ?? ''].map(belowGradeWords).find((x) => x);
    const row: ImportedVolumeRow = {
      name: label || `第${r}行`,
      precast: p,
      castInPlace: q,
      total: t,
      table: h.title,
      source: src(s, nc ?? pc ?? tc ?? cc!),
      ...(isTotal(label) ? { isTotal: true } : {}),
      ...(where && !isTotal(label) ? { belowGrade: where } : {}),
    };
    rows.push({ r, row });
  }
  if (unreadable.length || !rows.some((x) => !x.row.isTotal)) {
    env.unread.push({
      sheet: s.g.name,
      range: range(h.top, h.left, last, h.right),
      title: h.title,
      indicators: ['prefab_ratio'],
      reason: unreadable.length
        ? `预制率计算表中有无法识别为体积数值的单元格：${unreadable.slice(0, 5).join('、')}${unreadable.length > 5 ? ` 等 ${unreadable.length} 处` : ''}`
        : '预制率计算表中没有可读取的构件行',
    });
    return last;
  }
  for (const { r, row } of rows) addJob(s, r, (scope) => env.out.volumeRow(scope, row));
  return last;
}
