// Building-use columns read for what their values mean (docs/reading-sheets.md): a value that names
// an energy standard level (“被动式超低能耗建筑”, “常规节能建筑”: shared/data/energy-levels.json) is
// the building's 超低能耗 status, not its use; a column none of whose values names a use or a level
// was not understood — it is reported unread (coverage), related to the indicators its header,
// values and sheet name mention, and never counts as used.
import { energyLevel } from '../calc/energyLevel';
import type { CellRef, ImportedValue, SheetCoverage, UnreadBlock } from '../model/types';
import { topicsOf } from './coverage';
import type { Grid } from './grid';
import { addr } from './sheet';

const ULTRA_LOW_FLAG = 'ultra_low_energy_building';

export interface UseReading {
  source: CellRef;
  text: string;
  /** The text named a building use or an energy level. */
  read: boolean;
  /** The text named an energy level. */
  level: boolean;
  /** The values of the building the cell belongs to. */
  values: Record<string, ImportedValue>;
}

/** The 超低能耗 status a use cell's text states, as a value of `ultra_low_energy_building`, or null. */
export function levelReading(text: string, source: CellRef): ImportedValue | null {
  const level = energyLevel(text);
  if (!level) return null;
  const meaning = level.negated
    ? `写明不是${level.name}`
    : level.ultraLow
      ? `${level.name}${level.level === 'ultraLow' ? '' : '（要求不低于超低能耗建筑）'}，按超低能耗建筑计`
      : `${level.name}，不是超低能耗建筑`;
  return {
    indicator: ULTRA_LOW_FLAG,
    value: level.ultraLow,
    raw: text,
    source,
    label: text,
    interpretation: `“${text}”是建筑节能标准等级，不是建筑用途：${meaning}`,
    status: 'ok',
  };
}

const CELL = /^(.*)!([A-Z]{1,3})([0-9]{1,7})$/;
function colNum(a: string): number {
  let n = 0;
  for (const ch of a) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

export interface Line {
  sheet: string;
  sideways: boolean;
  cells: Array<{ r: number; c: number; u: UseReading }>;
}

/**
 * The use readings by column (or by row, in a table laid out sideways with its use cells in one
 * row): worked out once, for inferUnmarked and unreadUseColumns.
 */
export function linesOf(readings: readonly UseReading[]): Line[] {
  const bySheet = new Map<string, Line['cells']>();
  const seen = new Set<string>();
  for (const u of readings) {
    const m = CELL.exec(u.source);
    if (!m || seen.has(u.source)) continue;
    seen.add(u.source);
    const list = bySheet.get(m[1]) ?? [];
    list.push({ r: Number(m[3]), c: colNum(m[2]), u });
    bySheet.set(m[1], list);
  }
  const out: Line[] = [];
  for (const [sheet, cells] of bySheet) {
    const sideways = cells.length > 1 && cells.every((x) => x.r === cells[0].r) && new Set(cells.map((x) => x.c)).size === cells.length;
    const lines = new Map<number, Line['cells']>();
    for (const x of cells) {
      const k = sideways ? -x.r : x.c;
      const l = lines.get(k) ?? [];
      l.push(x);
      lines.set(k, l);
    }
    for (const l of lines.values()) out.push({ sheet, sideways, cells: l });
  }
  return out;
}

/**
 * A column that names the energy level of some buildings (“被动式超低能耗建筑”) says of the others,
 * whose cells name only a use (“住宅”), that they are not of such a level: their 超低能耗 status is
 * “no” unless something else states it. Counting them as not 超低能耗 can only lower the share, so a
 * declared share that agrees is still borne out, and one that does not is refuted.
 */
export function inferUnmarked(lines: readonly Line[]): void {
  for (const line of lines) {
    const marked = line.cells.filter((x) => x.u.level);
    if (!marked.length) continue;
    const names = [...new Set(marked.map((x) => x.u.text))].slice(0, 2).join('”“');
    for (const { u } of line.cells) {
      if (u.level || !u.read || Object.prototype.hasOwnProperty.call(u.values, ULTRA_LOW_FLAG)) continue;
      u.values[ULTRA_LOW_FLAG] = {
        indicator: ULTRA_LOW_FLAG,
        value: false,
        raw: u.text,
        source: u.source,
        label: u.text,
        interpretation: `同一列中其他单体注明了建筑节能等级（“${names}”），本单体为“${u.text}”，未注明，按非超低能耗建筑计`,
        status: 'ok',
      };
    }
  }
}

/**
 * The use columns (or rows, in a table laid out sideways) none of whose values could be read:
 * unread blocks, and the cells to take out of each sheet's used count.
 */
export function unreadUseColumns(lines: readonly Line[], grids: readonly Grid[]): { blocks: UnreadBlock[]; unused: Map<string, number> } {
  const blocks: UnreadBlock[] = [];
  const unused = new Map<string, number>();
  for (const { sheet, sideways, cells: line } of lines) {
    if (line.some((x) => x.u.read)) continue;
    const g = grids.find((x) => x.name === sheet);
    const top = Math.min(...line.map((x) => x.r));
    const bottom = Math.max(...line.map((x) => x.r));
    const left = Math.min(...line.map((x) => x.c));
    const right = Math.max(...line.map((x) => x.c));
    const texts = [...new Set(line.map((x) => x.u.text))].slice(0, 12);
    const header = g ? headerOf(g, sideways ? { r: top, c: left - 1, dr: 0, dc: -1 } : { r: top - 1, c: left, dr: -1, dc: 0 }, new Set(texts)) : undefined;
    const indicators = topicsOf([...(header ? [header] : []), ...texts, sheet]).filter((i) => i !== 'building_name' && i !== 'building_use');
    blocks.push({
      sheet,
      range: `${addr(top, left)}:${addr(bottom, right)}`,
      title: header ?? texts[0],
      indicators,
      reason: `该${sideways ? '行' : '列'}的内容（“${texts.slice(0, 3).join('”“')}”${texts.length > 3 ? '等' : ''}）既不是能识别的建筑用途，也不是建筑节能等级，未读取`,
    });
    unused.set(sheet, (unused.get(sheet) ?? 0) + line.length);
  }
  return { blocks, unused };
}

/** The first text cell before the line (its header), skipping cells that repeat the line's values. */
function headerOf(g: Grid, at: { r: number; c: number; dr: number; dc: number }, values: Set<string>): string | undefined {
  for (let r = at.r, c = at.c, n = 0; r >= 1 && c >= 1 && n < 6; r += at.dr, c += at.dc, n++) {
    const cell = g.rows[r]?.[c];
    const t = cell?.kind === 'string' ? cell.str!.trim() : '';
    if (t && !values.has(t)) return t;
  }
  return undefined;
}

/** Coverage with the cells of unread use columns taken out of the used count. */
export function withUnusedCells(coverage: SheetCoverage[], unused: Map<string, number>): SheetCoverage[] {
  return coverage.map((c) => (unused.has(c.sheet) ? { ...c, used: Math.max(0, c.used - unused.get(c.sheet)!) } : c));
}
