// A remark in the value's 备注 column (docs/reading-sheets.md §2) that includes or leaves out a
// part, or says the figure is provisional, intended or of another stage (value-remarks.json
// rowRemarkMarkers: 含屋顶绿化, 地下商业6000㎡未计入, 按方案批复数据，施工图阶段待更新) is kept with
// the value like a note in brackets ("36%（含屋顶绿化）" says the same), so the evidence policy
// judges both alike (declared-remark). A remark that only describes the design (增加雨水调蓄池) or
// states the requirement (规划条件≤2.5) has none of those marks and is not.
import remarks from '../data/value-remarks.json';
import type { ImportedValue } from '../model/types';
import { cellAt, type GCell } from './grid';
import { headerRole } from './roles';
import { markUsed, type Sheet } from './sheet';
import { memoText } from '../model/memo';
import { statesBasis } from '../model/remarkBasis';

const MARKERS: readonly RegExp[] = remarks.rowRemarkMarkers.patterns.map((p) => new RegExp(p));
/** The text has a mark that makes it a remark on the value, or states the basis it is counted on (asked again for every value of a row). */
const marked = memoText((text) => MARKERS.some((m) => m.test(text)) || statesBasis(text));

/** How far above a cell its column's header is looked for. */
const HEADER_REACH = 60;
/** A remark longer than this is a paragraph of its own, not a remark on one value. */
const MAX_REMARK = 200;

/** True when the nearest header above (r, c) says the column holds notes (备注, 说明). */
export function isNoteColumn(s: Sheet, r: number, c: number): boolean {
  for (let rr = r - 1; rr >= 1 && r - rr <= HEADER_REACH; rr--) {
    const x = cellAt(s.g, rr, c);
    if (!x || x.kind !== 'string') continue;
    const role = headerRole(x.str!);
    if (role) return role.role === 'note';
  }
  return false;
}

/** Adds the cell's comment and the remarks written in note columns right of it on its row to the value's remark. */
export function rowRemark(s: Sheet, cell: GCell, iv: ImportedValue): void {
  if (iv.status !== 'ok' && iv.status !== 'ambiguous') return;
  // the cell's own comment (批注 “暂按方案数据填写”) is a remark on it too
  const own = cell.comment;
  if (own && marked(own)) {
    iv.remark = iv.remark ? `${iv.remark}；${own}` : own;
    iv.interpretation += `；单元格批注“${own}”作为备注保留`;
  }
  const line = s.g.rows[cell.r];
  if (!line) return;
  for (let c = (cell.mergeRight ?? cell.c) + 1; c < line.length; c++) {
    const x = line[c];
    if (!x || x.kind !== 'string' || x.r !== cell.r || x.str!.length > MAX_REMARK) continue;
    const t = x.str!.trim();
    if (!t || !marked(t) || !isNoteColumn(s, cell.r, c)) continue;
    iv.remark = iv.remark ? `${iv.remark}；${t}` : t;
    iv.interpretation += `；同行备注“${t}”作为备注保留`;
    markUsed(s, x);
  }
}
