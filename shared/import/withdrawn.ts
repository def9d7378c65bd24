// Withdrawn values (data: import-notations.json withdrawn): a remark on the value's row (备注
// “该值已删除，待重新核算”, “施工图阶段已取消”) or a strikethrough font says the figure is no longer
// stated, so it is read as a placeholder with the remark as its interpretation; a facility row so
// marked (or 不计入 / 远期) does not add to the storage.
import notations from '../data/import-notations.json';
import type { ImportedValue, IndicatorDef } from '../model/types';
import type { GCell } from './grid';
import { markUsed, type Env, type Sheet } from './sheet';
import { fold } from './text';
import { memoText } from '../model/memo';

const WORDS = notations.withdrawn.words.map(fold);
const FACILITY_WORDS = [...WORDS, ...notations.withdrawn.facilityOnly.map(fold)];

/** Whether a text has one of the words (asked for every value left of the same text on its row). */
const withdraws = memoText((t) => hasWord(t, WORDS));
const withdrawsFacility = memoText((t) => hasWord(t, FACILITY_WORDS));
function hasWord(t: string, words: readonly string[]): boolean {
  const f = fold(t);
  return words.some((w) => f.includes(w));
}

/** A text cell right of `from` on the same row that withdraws the row's value, if any. */
function remarkRight(s: Sheet, r: number, from: number, has: (text: string) => boolean): GCell | undefined {
  const line = s.g.rows[r];
  if (!line) return undefined;
  for (let c = from + 1; c < line.length; c++) {
    const x = line[c];
    if (!x || x.kind !== 'string' || x.str!.length > 200) continue;
    if (has(x.str!)) return x;
  }
  return undefined;
}

/** Why the value in `cell` is withdrawn ("备注“…”" or "删除线"), or null. */
function withdrawal(s: Sheet, cell: GCell): { why: string; remark?: GCell } | null {
  const remark = remarkRight(s, cell.r, cell.c, withdraws);
  if (remark) return { why: `同行备注“${remark.str!.trim()}”说明该值已撤销或作废`, remark };
  if (cell.strike) return { why: '该数值带删除线，表示已删除' };
  return null;
}

/** A value withdrawn by its row's remark or a strikethrough becomes a placeholder, with the remark as why. */
export function withdrawnValue(s: Sheet, env: Env, def: IndicatorDef, cell: GCell, iv: ImportedValue): void {
  if (iv.status !== 'ok' && iv.status !== 'ambiguous') return;
  const w = withdrawal(s, cell);
  if (!w) return;
  if (w.remark) markUsed(s, w.remark);
  iv.value = null;
  iv.status = 'placeholder';
  iv.interpretation = `${w.why}，视为未提供数值（原填写“${iv.raw}”）`;
  env.out.warn(`${iv.source}：${def.name}${w.why}，视为未提供数值`, iv.source, def.id);
}

/** A facility row withdrawn by its remark (取消, 不计入, 远期 …) or struck through: not counted. */
export function facilityWithdrawal(s: Sheet, name: GCell, volume: GCell | undefined): string | null {
  const remark = remarkRight(s, name.r, Math.max(name.c, volume?.c ?? 0), withdrawsFacility);
  if (remark) return `备注“${remark.str!.trim()}”`;
  if (volume?.strike || name.strike) return '删除线';
  return null;
}
