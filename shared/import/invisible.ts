// Text a reader of the printed sheet cannot see although the cell is neither hidden nor in a hidden
// row or column: a font colour equal to the cell's fill (white on white, the usual way a stale row
// is "blanked"), or the number format ";;;" that displays nothing. Such a cell is treated like a
// hidden one: never read as a value, reported as not read (docs/reading-sheets.md §2).
import type ExcelJS from 'exceljs';

/** Theme colour 0 is the workbook's "background 1", white in every built-in Office theme. */
const WHITE_THEME = 0;

/** An RGB colour "RRGGBB" of an exceljs colour, or null when it is not given as RGB or theme white. */
function rgbOf(c: Partial<ExcelJS.Color> | undefined): string | null {
  if (!c) return null;
  if (typeof c.argb === 'string' && /^[0-9a-f]{6,8}$/i.test(c.argb)) {
    const argb = c.argb.toUpperCase();
    // a fully transparent colour shows nothing of itself: treat as absent
    if (argb.length === 8 && argb.startsWith('00')) return null;
    return argb.slice(-6);
  }
  const t = c as { theme?: number; tint?: number };
  if (t.theme === WHITE_THEME && !(typeof t.tint === 'number' && t.tint < -0.1)) return 'FFFFFF';
  return null;
}

/** The colour the cell's background shows: its solid fill, or white paper. */
function backgroundOf(fill: ExcelJS.Fill | undefined): string | null {
  if (!fill || fill.type !== 'pattern' || fill.pattern === 'none') return 'FFFFFF';
  if (fill.pattern !== 'solid') return null; // a patterned fill: cannot tell, treat as visible
  return rgbOf(fill.fgColor);
}

/** True when the cell's text cannot be seen on the sheet. */
export function isInvisible(cell: ExcelJS.Cell): boolean {
  const fmt = cell.numFmt;
  if (typeof fmt === 'string' && /^\s*;\s*;\s*;\s*$/.test(fmt)) return true;
  const color = (cell.font as Partial<ExcelJS.Font> | undefined)?.color;
  if (!color) return false;
  const fg = rgbOf(color);
  if (!fg) return false;
  const bg = backgroundOf(cell.fill);
  return bg !== null && bg === fg;
}
