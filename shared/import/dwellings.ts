// Dwelling lists (户型面积明细: 楼号 | 单元 | 房号 | 户型 | 建筑面积): one row per dwelling, each
// naming its building. Their areas are the dwellings', never a building's 总建筑面积, so the list is
// no building table: it is claimed as a whole and reported as not read (column-roles.json dwellingList).
import columnRoles from '../data/column-roles.json';
import { fold } from './labels';
import { headerCore } from './roles';
import { range, textOf, type Env, type Sheet } from './sheet';
import type { Header } from './tableHeader';
import { claimHeader, claimRow, isRowEmpty } from './tableRows';

const HEADERS = new Set(columnRoles.dwellingList.headers.map(fold));

/** True when a header has a column of dwellings (单元, 房号, 户型 …). */
export function isDwellingList(h: Header): boolean {
  return h.cols.some((c) => c.parts.some((p) => HEADERS.has(headerCore(textOf(p.cell) ?? '').core)));
}

/** Claims the list down to its first empty row; returns its last row. */
export function dwellingList(s: Sheet, h: Header, env: Env): number {
  claimHeader(s, h);
  let last = h.bottom;
  for (let r = h.bottom + 1; r <= s.g.maxRow && !isRowEmpty(s, r, h.left, h.right); r++) {
    claimRow(s, r, h.left, h.right);
    last = r;
  }
  env.unread.push({
    sheet: s.g.name,
    range: range(h.top, h.left, last, h.right),
    title: '户型面积明细',
    indicators: [],
    reason: `逐户列出的户型面积明细（共 ${last - h.bottom} 行），其中的建筑面积是各户的，不是单体的总建筑面积，未读取`,
  });
  return last;
}
