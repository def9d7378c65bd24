// Hygiene of visible sheets (docs/reading-sheets.md §2): cells a reader of the printed sheet does
// not see (hidden rows and columns, collapsed outline rows, zero-width columns, text in the colour of
// its background), sheets or tables that declare themselves void (作废, 旧版, 以新版为准) and tables
// of contents (目录: page numbers, not values) are not read; all are reported as not read, like
// hidden sheets, so a stale copy or a page number never stands in for the current figures.
import notations from '../data/import-notations.json';
import type { UnreadBlock } from '../model/types';
import type { GCell, Grid } from './grid';
import { matchLabel } from './labels';
import { addr as addrOf } from './sheet';
import { fold } from './text';

const VOID_WORDS = notations.voidMarks.words.map(fold);
const CONTENTS_WORDS = new Set(notations.contentsSheets.words.map(fold));
const STAGE_WORDS = notations.sheetStages.words.map(([w, n]) => [fold(String(w)), Number(n)] as const);

/** True when a sheet name or title says the sheet or table is void or superseded. */
export function isVoidTitle(text: string): boolean {
  const f = fold(text);
  return VOID_WORDS.some((w) => f.includes(w));
}

/** The title of a sheet: the first string of its first rows that hold at most two cells. */
function sheetTitle(g: Grid): GCell | undefined {
  for (let r = 1; r <= Math.min(g.maxRow, 3); r++) {
    const cells = (g.rows[r] ?? []).filter((c): c is GCell => !!c);
    if (!cells.length) continue;
    if (cells.length <= 2 && cells[0].kind === 'string') return cells[0];
    return undefined;
  }
  return undefined;
}

/** The design stage a sheet's name or title names (施工图 3, 初步设计 2, 方案 1), or undefined. */
export function sheetStage(g: Grid): number | undefined {
  const t = sheetTitle(g);
  for (const text of [g.name, t?.str ?? '']) {
    const f = fold(text);
    for (const [w, n] of STAGE_WORDS) if (f.includes(w)) return n;
  }
  return undefined;
}

/**
 * A whole sheet left unread because its name or title says what it is (`test`), or null: the block
 * names which of the two said so, and `why` ends the reason.
 */
function wholeSheet(g: Grid, test: (text: string) => boolean, why: string): UnreadBlock | null {
  const t = sheetTitle(g);
  const by = test(g.name) ? `工作表名称“${g.name}”` : t && test(t.str!) ? `标题“${t.str!.trim()}”` : null;
  if (!by) return null;
  return {
    sheet: g.name,
    range: `A1:${addrOf(Math.max(1, g.maxRow), Math.max(1, g.maxCol))}`,
    title: t?.str?.trim() ?? g.name,
    indicators: [],
    reason: `${by}${why}`,
  };
}

/** Why a visible sheet is not read because it declares itself void, or null. */
export function voidSheet(g: Grid): UnreadBlock | null {
  return wholeSheet(g, isVoidTitle, '注明已作废或为旧版本，整张工作表未读取（与隐藏工作表相同；如该表仍有效，请修改名称或标题后重新导入）');
}

/** A table of contents (sheet named or titled 目录): its page numbers are never values, so it is not read. */
export function contentsSheet(g: Grid): UnreadBlock | null {
  return wholeSheet(g, (x) => CONTENTS_WORDS.has(fold(x).replace(/^[0-9.、]+/, '')), '表明这是目录页，其中的数字是页码或编号而不是指标数值，整张工作表未读取');
}

/** The indicator names the hidden cells carry as labels ("绿地率"), for the report. */
function labelsOf(cells: GCell[]): string[] {
  const out = new Set<string>();
  for (const c of cells) {
    if (c.kind !== 'string' || c.str!.length > 40) continue;
    const m = matchLabel(c.str!);
    if (m) out.add(c.str!.trim());
    if (out.size >= 6) break;
  }
  return [...out];
}

/** Runs of consecutive numbers ([4, 5, 9] → [[4, 5], [9, 9]]). */
function runs(xs: number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const x of xs) {
    const last = out[out.length - 1];
    if (last && x === last[1] + 1) last[1] = x;
    else out.push([x, x]);
  }
  return out;
}

/** One entry per run of hidden rows or columns that hold cells: their contents were not read. */
export function hiddenUnread(g: Grid): UnreadBlock[] {
  const cells = g.hiddenCells;
  if (!cells?.length) return [];
  const out: UnreadBlock[] = [];
  const rowSet = new Set(g.hiddenRows);
  for (const [a, b] of runs(g.hiddenRows ?? [])) {
    const inRun = cells.filter((c) => c.r >= a && c.r <= b);
    const right = Math.max(...inRun.map((c) => c.c));
    const labels = labelsOf(inRun);
    const rows = a === b ? `第${a}行` : `第${a}–${b}行`;
    out.push({
      sheet: g.name,
      range: `${addrOf(a, 1)}:${addrOf(b, right)}`,
      title: labels.length ? `隐藏的${rows}（${labels.join('、')}）` : `隐藏的${rows}`,
      indicators: [],
      reason: '这些行在 Excel 中被隐藏（或折叠在分组中），打印和阅读时看不到，其中的数值未读取（隐藏的行常是旧数据；如需审查，请取消隐藏后重新导入）',
    });
  }
  for (const [a, b] of runs(g.hiddenCols ?? [])) {
    const inRun = cells.filter((c) => c.c >= a && c.c <= b && !rowSet.has(c.r));
    const top = Math.min(...inRun.map((c) => c.r));
    const bottom = Math.max(...inRun.map((c) => c.r));
    const head = inRun.find((c) => c.kind === 'string');
    const cols = a === b ? `${addrOf(1, a).replace(/[0-9]+$/, '')}列` : `${addrOf(1, a).replace(/[0-9]+$/, '')}–${addrOf(1, b).replace(/[0-9]+$/, '')}列`;
    out.push({
      sheet: g.name,
      range: `${addrOf(top, a)}:${addrOf(bottom, b)}`,
      title: head ? `隐藏的${cols}（${head.str!.trim()}）` : `隐藏的${cols}`,
      indicators: [],
      reason: '这些列在 Excel 中被隐藏或宽度为零，打印和阅读时看不到，其中的数值未读取（隐藏的列常是旧数据；如需审查，请取消隐藏后重新导入）',
    });
  }
  return out;
}

/** One entry per sheet whose cells hold text nobody can see (white on white, format ";;;"). */
export function invisibleUnread(g: Grid): UnreadBlock[] {
  const cells = g.invisibleCells;
  if (!cells?.length) return [];
  const top = Math.min(...cells.map((c) => c.r));
  const bottom = Math.max(...cells.map((c) => c.r));
  const left = Math.min(...cells.map((c) => c.c));
  const right = Math.max(...cells.map((c) => c.c));
  const labels = labelsOf(cells);
  const where = cells.slice(0, 6).map((c) => c.addr).join('、') + (cells.length > 6 ? ` 等 ${cells.length} 个单元格` : '');
  return [{
    sheet: g.name,
    range: `${addrOf(top, left)}:${addrOf(bottom, right)}`,
    title: labels.length ? `看不见的单元格（${labels.join('、')}）` : '看不见的单元格',
    indicators: [],
    reason: `${where}的文字颜色与底色相同（如白底白字）或格式设为不显示，打印和阅读时看不到，其中的数值未读取（这样的内容常是旧数据；如需审查，请改为可见后重新导入）`,
  }];
}
