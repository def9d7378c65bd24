// What was not read: per sheet the cells used, the labels recognised but not used, and blocks of
// numbers near indicator words that no reader understood (UnreadBlock). The evidence engine treats
// the indicators such a block relates to as "evidence not read" (docs/evidence-policy.md).
import roles from '../data/column-roles.json';
import type { SheetCoverage } from '../model/types';
import type { GCell, Grid } from './grid';
import { fold, matchLabel } from './labels';
import { key, range, type Env, type Sheet } from './sheet';
import { isNumericLike } from './values';

const TOPICS = roles.blockTopics.topics.map((t) => ({ words: t.words.map(fold), indicators: t.indicators }));

const SKIP_SHEETS = /^(目录|封面|扉页|说明|编制说明)/;

/** Numbers that are only item or page numbers: every column of them counts 1, 2, 3 … down the rows. */
function indexOnly(nums: GCell[]): boolean {
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
