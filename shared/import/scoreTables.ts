// Item-score tables of GB/T 51129-2017 表4.0.1: the items as rows with one score per building
// ("装配式建筑评分表": 竖向构件 | 20 | 0), titled or headed as scores and with no 比例 column. Their
// numbers are the items' scores, never their 应用比例 (data: column-roles.json itemScoreTables).
import columnRoles from '../data/column-roles.json';
import std from '../data/standards/gbt51129-2017.json';
import { fold } from './labels';
import { textOf, type Sheet } from './sheet';
import type { Header } from './tableHeader';
import { titleAbove } from './tableRows';

const WORDS = columnRoles.itemScoreTables;
const SCORE = WORDS.scoreWords.map(fold);
const RATIO = WORDS.ratioWords.map(fold);

/** Indicators of the items read as an 应用比例 (GB/T 51129-2017 表4.0.1, not the yes/no 全装修). */
export const ITEM_RATIOS: ReadonlySet<string> = new Set(std.items.filter((i) => i.kind !== 'boolean').map((i) => i.indicator));

/** True when the table's title, sheet name or header says scores and none of them says ratios. */
export function isItemScoreTable(s: Sheet, h: Header): boolean {
  const heads = h.cols.flatMap((c) => c.parts.map((p) => textOf(p.cell) ?? ''));
  const around = [titleAbove(s, h.top), s.g.name, ...heads].filter((t): t is string => !!t).map(fold);
  if (around.some((t) => RATIO.some((w) => t.includes(w)))) return false;
  return around.some((t) => SCORE.some((w) => t.includes(w)));
}

export const ITEM_SCORE_REASON = '此表为评分表（无“比例”列），该数是评价项的得分，不是应用比例，不能用于按比例复核装配率';
