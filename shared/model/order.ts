// The one definition of the orders the app lists things in: projects (by name in pinyin order, by
// last change, by conclusion) and imported values (as the sheet lays them out). Used by the store,
// the API and the renderer alike, so a list never changes order between the server and the screen.
import type { Overall } from './types';

export type ProjectSort = 'name' | 'updated' | 'verdict';

/** What a project order looks at (the store's Project and the API's ProjectRow both have it). */
export interface Sortable {
  id: number;
  name: string;
  updatedAt: string;
  lastOverall: Overall | null;
}

/** Chinese collation: names sort by pinyin (宝山 < 浦东 < 松江), digits numerically (9 < 10). */
export const chineseCollator = new Intl.Collator('zh-Hans-CN', { numeric: true });

/** Worst first: the projects that need attention come on top; never checked last. */
const VERDICT_RANK: Record<Overall | 'none', number> = { fail: 0, incomplete: 1, pass: 2, none: 3 };

const byName = (a: Sortable, b: Sortable) => chineseCollator.compare(a.name, b.name) || a.id - b.id;

export const PROJECT_ORDER: Record<ProjectSort, (a: Sortable, b: Sortable) => number> = {
  name: byName,
  updated: (a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : b.id - a.id),
  verdict: (a, b) => VERDICT_RANK[a.lastOverall ?? 'none'] - VERDICT_RANK[b.lastOverall ?? 'none'] || byName(a, b),
};

/** A sorted copy (the input is left as it was). */
export function sortProjects<T extends Sortable>(items: readonly T[], sort: ProjectSort): T[] {
  return items.slice().sort(PROJECT_ORDER[sort]);
}

/** Column letters → 1-based number ("C" → 3, "AA" → 27). */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * Position of a `Sheet!A1` reference in a workbook: sheet index (in `sheets` order), row, column.
 * References without a cell (人工录入) sort after every cell.
 */
export function cellPosition(source: string | null | undefined, sheets: readonly string[]): [number, number, number] {
  const m = source ? /^(.+)!\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(source) : null;
  if (!m) return [Number.MAX_SAFE_INTEGER, 0, 0];
  const sheet = sheets.indexOf(m[1]!.replace(/^'(.*)'$/, '$1'));
  return [sheet < 0 ? sheets.length : sheet, Number(m[3]), columnNumber(m[2]!)];
}

/**
 * Imported values in the order the sheet lays them out (sheet, row, column); values without a cell
 * in the order of the indicator catalogue (`catalogueIndex`). Never by the indicator's id.
 */
export function sortBySheetOrder<T extends { indicator: string; source: string }>(
  values: readonly T[],
  sheets: readonly string[],
  catalogueIndex: (indicator: string) => number,
): T[] {
  const keyed = values.map((v) => ({ v, pos: cellPosition(v.source, sheets), cat: catalogueIndex(v.indicator) }));
  keyed.sort((a, b) => a.pos[0] - b.pos[0] || a.pos[1] - b.pos[1] || a.pos[2] - b.pos[2] || a.cat - b.cat);
  return keyed.map((k) => k.v);
}
