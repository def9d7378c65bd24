// One sheet being read: its grid, which cells tables have claimed, which were used (coverage),
// the table rows waiting for phase 2 (they take the scope of the block they sit in), and the
// helpers every reader shares: cell references, values with their provenance.
import type { TakenTable } from './tableRemains';
import type { CellRef, ImportedValue, IndicatorDef, SheetCoverage, UnreadBlock } from '../model/types';
import type { Collector, Scope } from './collect';
import type { GCell, Grid } from './grid';
import type { LabelMatch } from './labels';
import { readCell } from './values';
import { keepShapes } from '../model/shapes';

/** Where a block of rows belongs while phase 2 walks a sheet. */
export interface BlockScope extends Scope {
  /** 'renewable' inside a 可再生能源 sheet or block: admits the line-item labels (光伏, 热泵, 合计). */
  context?: string;
  /** The block is titled "供参考": its results of calculations are not what the project declares. */
  reference?: boolean;
  /** The sheet or block is a calculation (计算表, 计算书, 核算): its result follows its inputs. */
  calc?: boolean;
  /** The sheet or block lists requirements (规划设计条件, 出让合同约定): its values are requirements (requirements.ts). */
  requirements?: boolean;
  /** Block id: line items are summed per block. */
  block: string;
  /**
   * The building or 汇水分区 of the block came from a title without a number (1#汇水分区): a numbered
   * title under it that names nothing (一、下垫面分析) is a section of that block, not a new block.
   */
  titled?: boolean;
}

/** A table row read in phase 2 with the scope of the block it sits in. */
export type Job = (scope: BlockScope) => void;

/**
 * A set of cells of one grid (keys r * 16384 + c): one flat byte array for ordinary sheets, a Set
 * for sheets that reach far (a hostile file cannot make it allocate per empty cell).
 */
export class CellSet {
  private flat: Uint8Array | null;
  private sparse: Set<number> | null = null;
  private readonly width: number;
  size = 0;
  constructor(g: Grid) {
    this.width = g.maxCol + 1;
    const cells = (g.maxRow + 1) * this.width;
    this.flat = cells <= FLAT_LIMIT ? new Uint8Array(cells) : null;
    if (!this.flat) this.sparse = new Set();
  }
  has(k: number): boolean {
    if (this.flat) {
      const r = Math.floor(k / 16384);
      const c = k - r * 16384;
      return c < this.width && this.flat[r * this.width + c] === 1;
    }
    return this.sparse!.has(k);
  }
  add(k: number): void {
    if (this.flat) {
      const r = Math.floor(k / 16384);
      const c = k - r * 16384;
      const i = r * this.width + c;
      if (c < this.width && i < this.flat.length) {
        if (this.flat[i] !== 1) {
          this.flat[i] = 1;
          this.size++;
        }
        return;
      }
      // a key outside the grid (never for real cells): keep it aside
      this.sparse ??= new Set();
    }
    if (!this.sparse!.has(k)) {
      this.sparse!.add(k);
      this.size++;
    }
  }
}

/** Largest grid (rows × columns) marked in one flat array. */
const FLAT_LIMIT = 4_000_000;

export interface Sheet {
  g: Grid;
  /** Cells that belong to a table or a pair (r * 16384 + c): never read again as key/value. */
  claimed: CellSet;
  /** Cells used as a value, label, header, unit, requirement or name (coverage). */
  used: CellSet;
  jobs: Array<Job[] | undefined>;
  /** Rows every cell of which a table claimed (phase 2 and the unread scan skip their cells). */
  done: Uint8Array;
  /** Unit columns (header "单位") and the row they start at. */
  unitCols: Map<number, number>;
  unusedLabels: SheetCoverage['unusedLabels'];
  /** Key/value rows read as ambiguous (several values, no header): reported as unread runs. */
  ambiguousRows?: Array<{ r: number; left: number; right: number; id: string }>;
  /** Sheet-level context from the sheet's name ('renewable'). */
  context?: string;
  tables: number;
  /** Record and 调蓄设施 tables read on the sheet: their figures no reader used are reported (tableRemains.ts). */
  taken?: TakenTable[];
  /** While a table is being found: the building its own title names, for its rows' jobs (tables.ts ownBuilding). */
  tableBuilding?: { name: string; source: CellRef };
}

export interface Env {
  out: Collector;
  unread: UnreadBlock[];
  /** Building names seen in tables (phase 1), for titles and sheet names in phase 2. */
  knownNames: Map<string, CellRef>;
}

export const key = (r: number, c: number): number => r * 16384 + c;

export function newSheet(g: Grid): Sheet {
  return { g, claimed: new CellSet(g), used: new CellSet(g), jobs: [], done: new Uint8Array(g.maxRow + 2), unitCols: new Map(), unusedLabels: [], tables: 0 };
}

export function src(s: Sheet, c: GCell): CellRef {
  return (c.ref ??= `${s.g.name}!${c.addr}`);
}

export function addr(r: number, c: number): string {
  let n = c;
  let col = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    col = String.fromCharCode(65 + m) + col;
    n = Math.floor((n - 1) / 26);
  }
  return `${col}${r}`;
}

export function range(top: number, left: number, bottom: number, right: number): string {
  return `${addr(top, left)}:${addr(bottom, right)}`;
}

export function claim(s: Sheet, c: GCell): void {
  s.claimed.add(key(c.r, c.c));
}

export function markUsed(s: Sheet, c: GCell | undefined): void {
  if (c) {
    const k = key(c.r, c.c);
    s.used.add(k);
    s.claimed.add(k);
  }
}

export function addJob(s: Sheet, r: number, job: Job): void {
  // a table titled for its own building beside another's: its rows are that building's
  const own = s.tableBuilding;
  if (own) {
    const inner = job;
    job = (scope) => inner(scope.building?.name === own.name ? scope : { ...scope, building: own });
  }
  const list = s.jobs[r];
  if (list) list.push(job);
  else s.jobs[r] = [job];
}

export function textOf(c: GCell | undefined): string | null {
  return c && c.kind === 'string' ? c.str! : null;
}

export function unusedLabel(s: Sheet, label: GCell, text: string, indicatorId: string, reason: string): void {
  s.unusedLabels.push({ source: src(s, label), label: text.trim(), indicator: indicatorId, reason });
}

export interface ValueOpts {
  unitRaw?: string;
  /** Header cell that gave the value's column (or row) its role. */
  roleSource?: GCell;
}
const NO_OPTS: ValueOpts = {};

/**
 * Reads a cell as `def` with full provenance; warnings go to the issues. `labelText`: the label to
 * record when it differs from the label cell (joined parent + sub-label).
 */
export function makeValue(s: Sheet, env: Env, label: GCell, m: LabelMatch, def: IndicatorDef, cell: GCell, o: ValueOpts = NO_OPTS, labelText?: string): ImportedValue {
  const unit = o.unitRaw ?? m.unitRaw;
  const r = readCell(cell, def, { unitRaw: unit });
  const source = src(s, cell);
  const iv: ImportedValue = {
    indicator: def.id,
    value: r.value,
    raw: cell.raw,
    source,
    label: (labelText ?? label.raw).trim(),
    labelSource: src(s, label),
    interpretation: r.interpretation,
    status: r.status,
  };
  const u = r.unitRaw ?? unit;
  if (u) iv.unitRaw = u;
  if (o.roleSource) {
    iv.roleSource = src(s, o.roleSource);
    iv.interpretation = `${iv.interpretation}（取自“${o.roleSource.raw.trim()}”${o.roleSource.r === cell.r ? '行' : '列'}）`;
  }
  if (r.remark) iv.remark = r.remark;
  if (r.requirement) iv.requirement = { text: r.requirement, source };
  if (r.bound) iv.bound = r.bound;
  if (r.low !== undefined) iv.low = r.low;
  if (r.warning) env.out.warn(`${source}：${r.warning}`, source, def.id);
  return iv;
}

/** Notes dropped from a label that state a requirement ("绿地率（规划要求≥35%）") or a remark. */
export function labelNotes(iv: ImportedValue, m: LabelMatch, isRequirement: (t: string) => boolean): void {
  if (!m.notes) return;
  for (const n of m.notes) {
    if (isRequirement(n)) iv.requirement ??= { text: n, source: iv.labelSource ?? iv.source };
    else if (!m.role) iv.remark = iv.remark ? `${iv.remark}；${n}` : n;
  }
}

// one instance for the life of the process keeps the class's shape (model/shapes.ts)
keepShapes('CellSet', [], new CellSet({ maxRow: 0, maxCol: 0 } as Grid));
