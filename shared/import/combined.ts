// Combined building names (“1#、2#楼”, “1#~2#楼”, “1-3#楼”): one record for several buildings. The
// importer cannot honestly give each member a value that may be the pair's (an area of both), so a
// combined name no table read is reported as an unread list of buildings with its members; the
// engine then answers the building-scope conditions of those buildings with review.
import type { UnreadBlock } from '../model/types';
import type { GCell } from './grid';
import { buildingTokens } from './names';
import { range, type Sheet } from './sheet';
import { isNoteColumn } from './rowRemarks';
import { fold } from './text';

/** "1-3#楼", "1~3#", "1#~3#楼": a run of numbered buildings. */
const RUN = /^([0-9]{1,3})(#?(?:楼|栋|幢|号楼)?)\s*[-~～至到]\s*([0-9]{1,3})(#|号)?(楼|栋|幢|座)?$/;
/** Separators between the names of one combined record. */
const JOIN = /[、,，/&＆+和及与]/;

/**
 * The member buildings of a combined name, or null when the text is not one. A bare run of numbers
 * ("20~30", "2~5": a score range of GB/T 51129 表4.0.1, a floor range) names buildings only in a
 * building column (`inBuildingColumn`); elsewhere a run needs a building mark (#, 号, 楼, 栋 …).
 */
export function combinedMembers(text: string, inBuildingColumn = false): string[] | null {
  const f = fold(text).replace(/[－—–]/g, '-').replace(/＃/g, '#');
  if (f.length > 30) return null;
  const run = RUN.exec(f);
  if (run) {
    if (!inBuildingColumn && !run[2] && !run[4] && !run[5]) return null;
    const a = Number(run[1]);
    const b = Number(run[3]);
    if (b <= a || b - a > 30) return null;
    return Array.from({ length: b - a + 1 }, (_, i) => `${a + i}#楼`);
  }
  if (!JOIN.test(f)) return null;
  const parts = f.split(JOIN).filter(Boolean);
  if (parts.length < 2) return null;
  // every part a building code ("1#", "2#楼", "3"), the last may carry the kind word for all
  const kind = /(楼|栋|幢|座)$/.exec(parts[parts.length - 1])?.[1] ?? '楼';
  const members: string[] = [];
  for (const p of parts) {
    const m = /^([0-9]{1,3}|[a-z]{1,2}[0-9]{0,2})(#|号)?(楼|栋|幢|座)?$/.exec(p);
    if (!m || !(m[2] || m[3] || p === parts[0] || buildingTokens(p).length)) return null;
    members.push(`${m[1].toUpperCase()}#${m[3] ?? kind}`);
  }
  return members;
}

/** The cells below (or right of) a combined name that hold its record, for the reported range. */
function extent(s: Sheet, c: GCell, down: boolean): string {
  let end = down ? c.r : c.c;
  for (let i = end + 1; i <= (down ? s.g.maxRow : s.g.maxCol); i++) {
    const x = down ? s.g.rows[i]?.[c.c] : s.g.rows[c.r]?.[i];
    if (!x) break;
    end = i;
  }
  return down ? range(c.r, c.c, end, c.c) : range(c.r, c.c, c.r, end);
}

/** Combined building names not read as a record of their own: unread lists of buildings naming their members. */
export function combinedUnread(s: Sheet, isBuilding: (name: string) => boolean): UnreadBlock[] {
  const out: UnreadBlock[] = [];
  for (const line of s.g.rows) {
    if (!line) continue;
    for (const c of line) {
      if (!c || c.kind !== 'string' || isBuilding(c.str!.trim())) continue;
      // a remark in a 备注 column (超低能耗建筑面积 | 36000 | 1#、2#、5#楼) says which buildings a
      // figure covers; it holds no record of its own
      if (isNoteColumn(s, c.r, c.c)) continue;
      const members = combinedMembers(c.str!);
      if (!members) continue;
      // a column header (cells below) or a row header (cells right)
      const down = !!s.g.rows[c.r + 1]?.[c.c];
      out.push({
        sheet: s.g.name,
        range: extent(s, c, down),
        title: c.str!.trim(),
        indicators: ['building_name'],
        reason: `“${c.str!.trim()}”是 ${members.join('、')} 合并填写的一组数据，无法分别对应到各单体，未读取；这些单体的逐栋审查需复核`,
      });
    }
  }
  return out;
}
