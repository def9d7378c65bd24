// What was not read: per sheet the cells used, the labels recognised but not used, and blocks of
// numbers near indicator words that no reader understood (UnreadBlock). The evidence engine treats
// the indicators such a block relates to as "evidence not read" (docs/evidence-policy.md).
import roles from '../data/column-roles.json';
import type { SheetCoverage } from '../model/types';
import type { GCell, Grid } from './grid';
import { fold, matchLabel, normaliseLabel } from './labels';
import { key, range, type Env, type Sheet } from './sheet';
import { isNumericLike } from './values';
import { parseUnit } from './units';
import { memo } from './text';
import { CALCULATOR_INPUTS } from '../calc/index';
import { indicator } from '../model/indicators';

const TOPICS = roles.blockTopics.topics.map((t) => ({ words: t.words.map(fold), indicators: t.indicators }));

const SKIP_SHEETS = /^(目录|封面|扉页|说明|编制说明)/;

/** Numbers that are only item or page numbers: every column of them counts 1, 2, 3 … down the rows. */
export function indexOnly(nums: GCell[]): boolean {
  if (!nums.length) return true;
  const byCol = new Map<number, number[]>();
  for (const c of nums) {
    const list = byCol.get(c.c) ?? [];
    list.push(c.num!);
    byCol.set(c.c, list);
  }
  for (const [, xs] of byCol) {
    if (!xs.every((x, i) => Number.isInteger(x) && (i === 0 || x === xs[i - 1] + 1))) return false;
  }
  return true;
}

export function sheetCoverage(g: Grid, s: Sheet | null): SheetCoverage {
  return { sheet: g.name, state: g.state, cells: g.cells, used: s ? s.used.size : 0, unusedLabels: s ? s.unusedLabels : [] };
}

/** Indicator ids a text relates to: the topics it mentions and the labels it contains. */
export function topicsOf(texts: string[]): string[] {
  const ids = new Set<string>();
  const f = fold(texts.join(' '));
  for (const t of TOPICS) if (t.words.some((w) => f.includes(w))) for (const i of t.indicators) ids.add(i);
  for (const t of texts) {
    const m = t.length <= 40 ? matchLabel(t) : null;
    if (m) for (const i of m.ids) ids.add(i);
  }
  return [...ids];
}

/**
 * Rows of numbers no reader claimed (at least two rows, each with two or more unread cells, one of
 * them a number) that sit under or beside indicator words: an unread table.
 */
export function scanUnread(s: Sheet, env: Env): void {
  const { g } = s;
  // a table of contents or a cover lists page and item numbers, not data
  if (SKIP_SHEETS.test(g.name.replace(/\s+/g, ''))) return;
  let top = 0;
  let bottom = 0;
  let left = Infinity;
  let right = 0;
  let numbers = 0;
  let texts: string[] = [];
  const nums: GCell[] = [];
  const close = () => {
    if (top && bottom > top && numbers >= 3 && !indexOnly(nums)) {
      const title = titleNear(s, top);
      const ids = topicsOf([...(title ? [title] : []), ...texts, g.name]);
      if (ids.length) {
        env.unread.push({
          sheet: g.name,
          range: range(top, left, bottom, right),
          title: title ?? texts[0] ?? g.name,
          indicators: ids,
          reason: '这些行含有数值，但不是能识别的指标表或“标签—数值”格式，未读取',
        });
      }
    }
    top = 0;
    numbers = 0;
    texts = [];
    nums.length = 0;
    left = Infinity;
    right = 0;
  };
  for (let r = 1; r <= g.maxRow + 1; r++) {
    const line = s.done[r] ? undefined : g.rows[r];
    const cells: GCell[] = [];
    if (line) for (const c of line) if (c && !s.claimed.has(key(r, c.c))) cells.push(c);
    const count = cells.filter((c) => c.kind === 'number' || (c.kind === 'string' && isNumericLike(c))).length;
    if (cells.length >= 2 && count >= 1) {
      if (!top) top = r;
      bottom = r;
      numbers += count;
      for (const c of cells) {
        if (c.kind === 'number') nums.push(c);
        left = Math.min(left, c.c);
        right = Math.max(right, c.c);
        if (c.kind === 'string' && !isNumericLike(c) && texts.length < 12) texts.push(c.str!.trim());
      }
    } else close();
  }
}

/**
 * Single rows whose figure no reader used and whose own label names a topic of the checks
 * (“本次自评累计得分 | 62” beside a declared star): unread figures (UnreadBlock kind 'row'). The
 * figure must be of a kind the related check reads (its unit's dimension, `unreadRows` in
 * column-roles.json); one or two texts at most (a label and its unit), none that says the row is
 * about the document (日期, 编号, 页), a change (增加, 调整) or a sum of rows that were read (合计).
 */
export function scanUnreadRows(s: Sheet, env: Env): void {
  if (SKIP_SHEETS.test(s.g.name.replace(/\s+/g, ''))) return;
  // rows an unread table of this sheet already covers
  const covered = new Set<number>();
  for (const u of env.unread) {
    const m = u.sheet === s.g.name ? /^[A-Z]+(\d+)(?::[A-Z]+(\d+))?$/.exec(u.range) : null;
    if (m) for (let r = Number(m[1]); r <= Number(m[2] ?? m[1]); r++) covered.add(r);
  }
  for (let r = 1; r <= s.g.maxRow; r++) {
    const line = s.g.rows[r];
    if (!line || covered.has(r)) continue;
    const texts: GCell[] = [];
    const nums: GCell[] = [];
    for (const c of line) {
      if (!c || s.used.has(key(r, c.c))) continue;
      if (c.kind === 'number' || (c.kind === 'string' && isNumericLike(c))) nums.push(c);
      else if (c.kind === 'string' && c.str!.trim()) texts.push(c);
    }
    if (nums.length && texts.length) singleRow(s, env, r, texts, nums);
  }
}

function singleRow(s: Sheet, env: Env, r: number, labels: GCell[], nums: GCell[]): void {
  const texts = labels.map((c) => c.str!.trim());
  if (texts.length > 2 || texts.some((t) => DOCUMENT_WORDS.test(t) || TOTAL_WORDS.test(t))) return;
  // the figure must be of a kind the related checks read (energy beside a renewable share, a score
  // beside a star): 光伏装机容量（kWp）or 集热器数量（台） is no input of any of them
  const dims = rowDimensions(s, r, texts);
  const ids = topicsOf(texts).filter((i) => i !== 'building_name' && dimensionsRead(i).some((d) => dims.has(d) && ROW_DIMENSIONS.has(d)));
  if (!ids.length) return;
  const cols = nums.map((c) => c.c);
  env.unread.push({
    sheet: s.g.name,
    range: range(r, Math.min(...cols, ...labels.map((c) => c.c)), r, Math.max(...cols)),
    title: texts[0],
    indicators: ids,
    reason: '这一行含有数值，但未被读取（标签未能识别为可采用的指标）',
    kind: 'row',
  });
}

/** The unit dimensions a row states: in its label's brackets, a unit cell, or its figures' own text. */
function rowDimensions(s: Sheet, r: number, texts: string[]): Set<string> {
  const out = new Set<string>();
  const add = (t: string | undefined) => {
    const u = t ? parseUnit(t) : null;
    if (u) out.add(u.dimension);
  };
  for (const t of texts) {
    add(normaliseLabel(t).unitRaw);
    add(t);
  }
  for (const c of s.g.rows[r] ?? []) if (c && c.kind === 'string' && isNumericLike(c)) add(c.str!.replace(/^[\s\d.,，+\-~～≥≤<>约]+/, ''));
  // a score has no unit written: the label says it (自评总分, 预评价得分)
  if (texts.length && SCORE_LABEL.test(texts[0])) out.add('score');
  return out;
}

const SCORE_LABEL = /(得分|总分|评分|分值)[\s（(）)]*$/;

/** The dimensions of what an indicator's check reads: its own unit and its calculator's inputs'. */
const dimensionsRead = memo((id: string): string[] => {
  const dims = new Set<string>();
  for (const i of [id, ...(CALCULATOR_INPUTS[id] ?? [])]) {
    const u = indicator(i)?.unit;
    const d = u ? parseUnit(u)?.dimension : undefined;
    if (d) dims.add(d);
  }
  return [...dims];
});

// column-roles.json `unreadRows`: the kinds of figure that bear on a check, and the rows that are no figures
const ROWS = roles.unreadRows;
const ROW_DIMENSIONS = new Set(ROWS.dimensions);
const DOCUMENT_WORDS = new RegExp(ROWS.documentWords.join('|'));
const TOTAL_WORDS = new RegExp(`^(${ROWS.totalWords.join('|')})`);

function titleNear(s: Sheet, top: number): string | undefined {
  for (let r = top - 1; r >= Math.max(1, top - 2); r--) {
    const line = s.g.rows[r];
    if (!line) continue;
    const cells = line.filter((c): c is GCell => !!c);
    const t = cells.find((c) => c.kind === 'string');
    if (t) return t.str!.trim();
  }
  return undefined;
}
