// What a sheet says about its own figures in words (docs/evidence-policy.md "What the sheet itself
// says"): the titles that head it, the notes under its tables (注：单体装配率按GB/T 51129-2017计算)
// and the remarks beside its values (备注 “按GB/T 50378-2014评价”, “对应年径流总量控制率70%”) that
// name a method or standard edition, a part of the project, an intent, a rate for the rainfall, or
// (titles) a parcel. Read after the tables and pairs, so that a cell read as a label or a value is
// never also a statement (its own notes are the value's remark).
import type { SheetStatement } from '../model/types';
import { isStatement } from '../model/statements';
import type { GCell } from './grid';
import { key, src, type Sheet } from './sheet';

/** At most this many statements per sheet (a hostile sheet of notes cannot grow the result). */
const MAX_PER_SHEET = 100;

export function sheetStatements(s: Sheet): SheetStatement[] {
  const { g } = s;
  const out: SheetStatement[] = [];
  if (isStatement(g.name, true)) out.push({ sheet: g.name, source: `${g.name}!A1`, text: g.name, position: 'sheetName', row: 0 });
  // the title rows: lone cells before the first row of two or more cells
  let inTitle = true;
  for (let r = 1; r <= g.maxRow && out.length < MAX_PER_SHEET; r++) {
    const line = g.rows[r];
    if (!line) continue;
    const cells = line.filter((c): c is GCell => !!c);
    if (cells.length === 0) continue;
    if (cells.length > 1) inTitle = false;
    const rowUsed = cells.some((c) => s.used.has(key(r, c.c)));
    for (const c of cells) {
      if (c.kind !== 'string' || !c.str || c.str.length > 300) continue;
      const title = inTitle && cells.length === 1;
      if (!title && s.used.has(key(r, c.c))) continue;
      if (!isStatement(c.str, title)) continue;
      out.push({ sheet: g.name, source: src(s, c), text: c.str.trim(), position: title ? 'title' : rowUsed ? 'row' : 'note', row: r });
    }
  }
  return out;
}
