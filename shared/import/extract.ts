// Finds indicator values in the grids of a workbook: building tables (normal and transposed),
// runoff surface tables, GB/T 51129 component tables, per-building blocks and key/value lists.
// Phase 1 recognises tables on every sheet (so building names are known); phase 2 reads
// key/value pairs in reading order with the building a block belongs to.
import notations from '../data/import-notations.json';
import { indicator, mustIndicator } from '../model/indicators';
import type { ImportedBuilding, ImportedSurface, ImportedValue, ImportIssue, IndicatorDef } from '../model/types';
import { cellAt, type GCell, type Grid } from './grid';
import { fold, matchLabel, type LabelMatch } from './labels';
import { isUnitText } from './units';
import { mapUse } from './uses';
import { isNumericLike, readCell } from './values';

const TOTAL_WORDS = notations.totalRows.words.map(fold);
const UNIT_HEADERS = new Set(notations.unitHeaders.map(fold));
const CT = notations.componentTable;
const CT_ITEM = new Set(CT.itemHeaders.map(fold));
const CT_REQ = new Set(CT.requirementHeaders.map(fold));
const CT_SCORE = new Set(CT.scoreHeaders.map(fold));
const ST = notations.surfaceTable;
const ST_TYPE = new Set(ST.typeHeaders.map(fold));

const BUILDING_NAME = 'building_name';
const BUILDING_USE = 'building_use';

interface Pair {
  label: GCell;
  match: LabelMatch;
  value: GCell;
  unitRaw?: string;
}

interface Sheet {
  g: Grid;
  /** Cells used by a table (r * 16384 + c). */
  used: Set<number>;
  /** Component-table pairs by row, read in phase 2 with the block's building. */
  pairs: Map<number, Pair[]>;
  /** Unit columns (header "单位") and the row they start at. */
  unitCols: Map<number, number>;
}

export interface Extracted {
  project: Record<string, ImportedValue>;
  buildings: ImportedBuilding[];
  surfaces: ImportedSurface[];
  issues: ImportIssue[];
}

const key = (r: number, c: number) => r * 16384 + c;

function isTotal(text: string): boolean {
  const f = fold(text);
  for (const w of TOTAL_WORDS) if (f.startsWith(w)) return true;
  return false;
}

function textOf(c: GCell | undefined): string | null {
  return c && c.kind === 'string' ? c.str! : null;
}

function labelOf(c: GCell | undefined): LabelMatch | null {
  const t = textOf(c);
  return t === null ? null : matchLabel(t);
}

function isNameLabel(m: LabelMatch | null): boolean {
  return !!m && m.ids.length === 1 && m.ids[0] === BUILDING_NAME;
}

export function extract(grids: Grid[]): Extracted {
  const x = new Extractor(grids);
  return x.run();
}

class Extractor {
  project: Record<string, ImportedValue> = {};
  buildings: ImportedBuilding[] = [];
  byName = new Map<string, ImportedBuilding>();
  surfaces: ImportedSurface[] = [];
  issues: ImportIssue[] = [];
  totals: Array<{ id: string; iv: ImportedValue }> = [];
  sheets: Sheet[];

  constructor(grids: Grid[]) {
    this.sheets = grids.map((g) => ({ g, used: new Set(), pairs: new Map(), unitCols: new Map() }));
  }

  run(): Extracted {
    for (const s of this.sheets) this.findTables(s);
    for (const s of this.sheets) this.readBlocks(s);
    this.applyTotals();
    return { project: this.project, buildings: this.buildings, surfaces: this.surfaces, issues: this.issues };
  }

  // ------------------------------------------------------------ helpers

  src(s: Sheet, c: GCell): string {
    return `${s.g.name}!${c.addr}`;
  }

  warn(message: string, source?: string, indicatorId?: string): void {
    const i: ImportIssue = { level: 'warning', message, source };
    if (indicatorId) i.indicator = indicatorId;
    this.issues.push(i);
  }

  /** The indicator a label names; warns when it names several. */
  pick(s: Sheet, label: GCell, m: LabelMatch): IndicatorDef {
    const id = m.ids[0];
    if (m.ids.length > 1) {
      const names = m.ids.map((i) => `${indicator(i)?.name ?? i}（${i}）`).join('、');
      this.warn(`${this.src(s, label)}：标签“${label.raw.trim()}”同时对应 ${names}，采用第一个 ${id}`, this.src(s, label), id);
    }
    return mustIndicator(id);
  }

  value(s: Sheet, label: GCell, m: LabelMatch, def: IndicatorDef, cell: GCell, unitRaw?: string): ImportedValue {
    const unit = unitRaw ?? m.unitRaw;
    const r = readCell(cell, def, { unitRaw: unit });
    const source = this.src(s, cell);
    const iv: ImportedValue = {
      indicator: def.id,
      value: r.value,
      raw: cell.raw,
      source,
      label: label.raw.trim(),
      labelSource: this.src(s, label),
      interpretation: r.interpretation,
      status: r.status,
    };
    const u = r.unitRaw ?? unit;
    if (u) iv.unitRaw = u;
    if (r.warning) this.warn(`${source}：${r.warning}`, source, def.id);
    return iv;
  }

  /** Stores a value; a second, different value of the same indicator is reported. */
  put(target: Record<string, ImportedValue>, iv: ImportedValue, where: string): void {
    const prev = target[iv.indicator];
    if (!prev) {
      target[iv.indicator] = iv;
      return;
    }
    if (prev.source === iv.source) return;
    // Equal within the indicator's rounding tolerance (a typed 11.67% next to its formula's
    // 11.6667%) is the same figure; the check engine uses the same tolerance.
    const def = indicator(iv.indicator);
    const tol = Math.max(def?.tolerance ?? 0, 1e-9);
    const same = prev.value === iv.value || (typeof prev.value === 'number' && typeof iv.value === 'number' && Math.abs(prev.value - iv.value) <= tol);
    const name = def?.name ?? iv.indicator;
    if (same && prev.status === iv.status) return;
    if (prev.status !== 'ok' && iv.status === 'ok') {
      target[iv.indicator] = iv;
      this.warn(`${where}${name}出现两次：${prev.source}（${prev.raw}，不可用）与 ${iv.source}（${iv.raw}），采用 ${iv.source}`, iv.source, iv.indicator);
      return;
    }
    if (!same) {
      this.warn(`${where}${name}出现两次且数值不同：${prev.source}（${prev.raw}）与 ${iv.source}（${iv.raw}），采用先出现的 ${prev.source}`, prev.source, iv.indicator);
    }
  }

  building(name: string, s: Sheet, cell: GCell): ImportedBuilding {
    let b = this.byName.get(name);
    if (!b) {
      b = { name, nameSource: this.src(s, cell), use: null, floorArea: null, values: {} };
      this.byName.set(name, b);
      this.buildings.push(b);
    }
    return b;
  }

  setUse(b: ImportedBuilding, s: Sheet, cell: GCell): void {
    if (b.useSource) return;
    const text = cell.raw.trim();
    const r = mapUse(text);
    b.use = r.use;
    b.useRaw = text;
    b.useSource = this.src(s, cell);
    if (r.warning) this.warn(`${b.useSource}：${b.name} ${r.warning}`, b.useSource, BUILDING_USE);
  }

  /** Stores a building value; name and use are building fields, not values. */
  putBuilding(b: ImportedBuilding, iv: ImportedValue, s: Sheet, cell: GCell): void {
    if (iv.indicator === BUILDING_NAME) return;
    if (iv.indicator === BUILDING_USE) {
      this.setUse(b, s, cell);
      return;
    }
    this.put(b.values, iv, `${b.name} `);
    if (iv.indicator === 'gross_floor_area' && b.floorArea === null && b.values.gross_floor_area === iv && iv.status === 'ok' && typeof iv.value === 'number') {
      b.floorArea = iv.value;
    }
  }

  // ------------------------------------------------------------ phase 1: tables

  findTables(s: Sheet): void {
    const { g } = s;
    for (let r = 1; r <= g.maxRow; r++) {
      const line = g.rows[r];
      if (!line) continue;
      let nameCell: GCell | undefined;
      let labels = 0;
      let strings = 0;
      let stType: GCell | undefined;
      let stArea: GCell | undefined;
      let stCoef: GCell | undefined;
      let ctItem: GCell | undefined;
      let ctRatio: GCell | undefined;
      let ctOther = false;
      let unitHeader = false;
      for (const c of line) {
        if (!c || c.kind !== 'string' || s.used.has(key(r, c.c))) continue;
        strings++;
        const f = fold(c.str!);
        if (UNIT_HEADERS.has(f)) {
          if (!s.unitCols.has(c.c)) s.unitCols.set(c.c, r + 1);
          unitHeader = true;
          continue;
        }
        const m = matchLabel(c.str!);
        if (isNameLabel(m) && m!.how === 'exact' && !nameCell) nameCell = c;
        else if (m) labels++;
        if (f.length <= 12) {
          if (ST_TYPE.has(f.replace(/\(.*\)$/, ''))) stType = c;
          // A product column ("面积×径流系数") is neither the area nor the coefficient.
          else if (f.includes('径流系数') && !/面积|[×*]/.test(f)) stCoef ??= c;
          else if (f.includes('面积') && !f.includes('系数')) stArea ??= c;
          if (CT_ITEM.has(f)) ctItem ??= c;
          else if (f.includes('比例') || f.includes('实际值')) ctRatio ??= c;
          else if (CT_REQ.has(f) || CT_SCORE.has(f)) ctOther = true;
        }
      }
      let end = 0;
      if (stType && stArea && stCoef) end = this.surfaceTable(s, r, stType, stArea, stCoef);
      else if (ctItem && ctRatio && ctOther) end = this.componentTable(s, r, ctItem, ctRatio);
      else if (nameCell) {
        end = this.buildingTable(s, r, nameCell, labels);
        if (!end && strings - 1 - labels >= 2 && labels === 0) end = this.transposedTable(s, r, nameCell);
      }
      if (end > r) r = end;
      else if (unitHeader && labels < 2) {
        // "序号 | 项目 | 单位 | 数值" is a list header, not data.
        for (const c of line) if (c) s.used.add(key(r, c.c));
      }
    }
  }

  /** Normal building table; returns its last row, or 0 when the row is not a table header. */
  buildingTable(s: Sheet, r: number, nameCell: GCell, labelsInRow: number): number {
    const { g } = s;
    const line = g.rows[r]!;
    const nameCol = nameCell.c;
    // Two-row header: name cell merged down, or grouped headers (merged across) above labels.
    let twoRow = (nameCell.mergeBottom ?? r) > r;
    if (!twoRow) {
      for (const c of line) if (c && c !== nameCell && (c.mergeRight ?? c.c) > c.c && !labelOf(c) && labelOf(cellAt(g, r + 1, c.c))) twoRow = true;
    }
    const below = g.rows[r + 1];
    interface Col { c: number; label: GCell; match: LabelMatch; def: IndicatorDef; unitRaw?: string }
    const cols: Col[] = [];
    const from = nameCol + 1;
    const to = Math.max(line.length, below?.length ?? 0) - 1;
    // Columns left of the name column may also carry indicators (rare): include them.
    for (let c = 1; c <= to; c++) {
      if (c === nameCol) continue;
      let lab: GCell | undefined;
      let m: LabelMatch | null = null;
      if (twoRow) {
        const b = cellAt(g, r + 1, c);
        m = labelOf(b);
        if (m) lab = b;
      }
      if (!m) {
        const a = line[c];
        m = labelOf(a);
        if (m) lab = a;
      }
      if (!m || !lab || isNameLabel(m)) continue;
      cols.push({ c, label: lab, match: m, def: this.pick(s, lab, m), unitRaw: m.unitRaw });
    }
    void from;
    if (cols.length < 1 || labelsInRow + (twoRow ? 1 : 0) < 1) return 0;
    let start = (twoRow ? Math.max(r + 1, nameCell.mergeBottom ?? r) : r) + 1;
    // Units row: every non-empty cell is a unit ("㎡", "%"), no building name.
    const ur = g.rows[start];
    if (ur && !ur[nameCol]) {
      let units = 0;
      let other = 0;
      for (const c of ur) if (c) (c.kind === 'string' && isUnitText(c.str!) ? units++ : other++);
      if (units > 0 && other === 0) {
        for (const col of cols) {
          const u = ur[col.c];
          if (u) col.unitRaw = u.str!.trim();
        }
        for (const c of ur) if (c) s.used.add(key(start, c.c));
        start++;
      }
    }
    // A header with nothing below it is not a table (e.g. "单体名称 | 装配率" as a block title),
    // nor is "单体名称 | 1#楼 | 建筑面积 | 12000" (a key/value row naming one building).
    const first = g.rows[start]?.[nameCol];
    if (!first || (first.kind === 'string' && matchLabel(first.str!))) return 0;
    for (let c = (nameCell.mergeRight ?? nameCol) + 1; c < line.length; c++) {
      const next = line[c];
      if (!next) continue;
      if (!labelOf(next) && !twoRow) return 0;
      break;
    }
    for (const c of line) if (c) s.used.add(key(r, c.c));
    if (twoRow) for (const c of below ?? []) if (c) s.used.add(key(r + 1, c.c));
    let last = start - 1;
    for (let rr = start; rr <= g.maxRow; rr++) {
      const row = g.rows[rr];
      if (!row) break;
      const nc = row[nameCol];
      if (!nc || nc.kind === 'none') break;
      const name = nc.raw.trim();
      if (!name) break;
      if (isTotal(name)) {
        for (const col of cols) {
          const cell = row[col.c];
          if (!cell || col.def.unit !== 'm²') continue;
          const iv = this.value(s, col.label, col.match, col.def, cell, col.unitRaw);
          iv.interpretation = `取自单体表合计行 ${this.src(s, nc)}：${iv.interpretation}`;
          this.totals.push({ id: col.def.id, iv });
        }
        for (const c of row) if (c) s.used.add(key(rr, c.c));
        last = rr;
        continue;
      }
      if (nc.kind === 'string' && matchLabel(name)) break;
      const b = this.building(name, s, nc);
      for (const col of cols) {
        const cell = row[col.c];
        if (!cell) continue;
        if (col.def.id === BUILDING_USE) {
          this.setUse(b, s, cell);
          continue;
        }
        this.putBuilding(b, this.value(s, col.label, col.match, col.def, cell, col.unitRaw), s, cell);
      }
      for (const c of row) if (c) s.used.add(key(rr, c.c));
      last = rr;
    }
    return last;
  }

  /** Buildings as columns: "楼号 | 1#楼 | 2#楼", label rows below. */
  transposedTable(s: Sheet, r: number, nameCell: GCell): number {
    const { g } = s;
    const line = g.rows[r]!;
    const labelCol = nameCell.c;
    const bcols: Array<{ c: number; b: ImportedBuilding }> = [];
    let unitCol = 0;
    for (const c of line) {
      if (!c || c.c <= labelCol) continue;
      const name = c.raw.trim();
      if (UNIT_HEADERS.has(fold(name))) unitCol = c.c;
      else if (name && !isTotal(name)) bcols.push({ c: c.c, b: this.building(name, s, c) });
    }
    if (bcols.length < 2) return 0;
    // Need at least one label row below.
    const lab = labelOf(cellAt(g, r + 1, labelCol));
    if (!lab) return 0;
    for (const c of line) if (c) s.used.add(key(r, c.c));
    let last = r;
    for (let rr = r + 1; rr <= g.maxRow; rr++) {
      const row = g.rows[rr];
      if (!row) break;
      const lc = row[labelCol];
      if (!lc) break;
      const m = labelOf(lc);
      last = rr;
      if (!m) continue;
      const def = this.pick(s, lc, m);
      const unitRaw = unitCol ? row[unitCol]?.raw.trim() || m.unitRaw : m.unitRaw;
      for (const { c, b } of bcols) {
        const cell = row[c];
        if (!cell) continue;
        if (def.id === BUILDING_USE) this.setUse(b, s, cell);
        else this.putBuilding(b, this.value(s, lc, m, def, cell, unitRaw), s, cell);
      }
      for (const c of row) if (c) s.used.add(key(rr, c.c));
    }
    return last;
  }

  /** 下垫面 | 面积 | 径流系数 rows. */
  surfaceTable(s: Sheet, r: number, type: GCell, area: GCell, coef: GCell): number {
    const { g } = s;
    const areaDef = mustIndicator('catchment_area');
    const coefDef = mustIndicator('runoff_coefficient');
    const areaLabel = matchLabel(area.str!) ?? { key: '', ids: ['catchment_area'], how: 'exact' as const, unitRaw: undefined };
    const areaUnit = areaLabel.unitRaw ?? /\(([^()]+)\)$/.exec(fold(area.str!))?.[1];
    const coefMatch: LabelMatch = { key: '', ids: ['runoff_coefficient'], how: 'exact' };
    for (const c of g.rows[r]!) if (c) s.used.add(key(r, c.c));
    let last = r;
    for (let rr = r + 1; rr <= g.maxRow; rr++) {
      const row = g.rows[rr];
      if (!row) break;
      const nc = row[type.c];
      if (!nc) break;
      const name = nc.raw.trim();
      const a = row[area.c];
      const k = row[coef.c];
      for (const c of row) if (c) s.used.add(key(rr, c.c));
      last = rr;
      if (isTotal(name)) {
        if (a) {
          const iv = this.value(s, area, { ...areaLabel, ids: ['catchment_area'] }, areaDef, a, areaUnit);
          iv.interpretation = `取自下垫面表合计行 ${this.src(s, nc)}：${iv.interpretation}`;
          this.totals.push({ id: 'catchment_area', iv });
        }
        if (k) {
          const iv = this.value(s, coef, coefMatch, coefDef, k);
          iv.interpretation = `取自下垫面表合计行 ${this.src(s, nc)}：${iv.interpretation}`;
          this.totals.push({ id: 'runoff_coefficient', iv });
        }
        continue;
      }
      const av = a ? readCell(a, areaDef, { unitRaw: areaUnit }) : null;
      const kv = k ? readCell(k, coefDef) : null;
      if (av?.warning) this.warn(`${this.src(s, a!)}：下垫面“${name}”${av.warning}`, this.src(s, a!), 'catchment_area');
      if (kv?.warning) this.warn(`${this.src(s, k!)}：下垫面“${name}”${kv.warning}`, this.src(s, k!), 'runoff_coefficient');
      this.surfaces.push({
        name,
        area: av && av.status === 'ok' && typeof av.value === 'number' ? av.value : null,
        coefficient: kv && kv.status === 'ok' && typeof kv.value === 'number' ? kv.value : null,
        source: this.src(s, nc),
      });
    }
    return last;
  }

  /** GB/T 51129 表4.0.1-style rows: 评价项 | 评价要求 | 比例 | 评价分值 | 得分. */
  componentTable(s: Sheet, r: number, item: GCell, ratio: GCell): number {
    const { g } = s;
    const header = g.rows[r]!;
    let scoreCol = 0;
    let reqCol = 0;
    for (const c of header) {
      if (!c || c.kind !== 'string') continue;
      const f = fold(c.str!);
      if (CT_SCORE.has(f)) scoreCol = c.c;
      if (CT_REQ.has(f)) reqCol = c.c;
    }
    const ratioUnit = /\(([^()]+)\)$/.exec(fold(ratio.str!))?.[1];
    const itemLeft = item.c;
    const itemRight = Math.min(ratio.c, reqCol || ratio.c) - 1;
    for (const c of header) if (c) s.used.add(key(r, c.c));
    let last = r;
    for (let rr = r + 1; rr <= g.maxRow; rr++) {
      const row = g.rows[rr];
      if (!row) break;
      // The item is the right-most label in the item columns (group cells sit left of it).
      let lab: GCell | undefined;
      let m: LabelMatch | null = null;
      for (let c = itemRight; c >= itemLeft; c--) {
        const mm = labelOf(row[c]);
        if (mm) {
          lab = row[c];
          m = mm;
          break;
        }
      }
      last = rr;
      if (!lab || !m) continue;
      const def = mustIndicator(m.ids[0]);
      let v: GCell | undefined;
      let unitRaw: string | undefined;
      if (def.type === 'percent' || def.type === 'boolean') {
        v = row[ratio.c];
        unitRaw = m.unitRaw ?? ratioUnit;
      } else {
        v = scoreCol ? row[scoreCol] : undefined;
      }
      // A summary row ("装配率P | 66.1") has its value right after the label.
      if (!v) for (let c = (lab.mergeRight ?? lab.c) + 1; c < row.length && !v; c++) v = row[c];
      for (const c of row) if (c) s.used.add(key(rr, c.c));
      if (!v) continue;
      const list = s.pairs.get(rr) ?? [];
      list.push({ label: lab, match: m, value: v, unitRaw });
      s.pairs.set(rr, list);
    }
    return last;
  }

  // ------------------------------------------------------------ phase 2: blocks and key/value

  /** The building whose name the text contains (longest name; not part of a longer number). */
  buildingIn(text: string): ImportedBuilding | null {
    if (this.buildings.length === 0) return null;
    let best: ImportedBuilding | null = null;
    let bestLen = 0;
    for (const b of this.buildings) {
      for (const n of [b.name, b.name.replace(/(号楼|楼|栋|幢|号)$/, '')]) {
        if (n.length < 1 || n.length <= bestLen) continue;
        let at = text.indexOf(n);
        while (at >= 0) {
          const before = text[at - 1];
          const after = text[at + n.length];
          const digit = /[0-9A-Za-z]/;
          if ((!before || !digit.test(before) || !digit.test(n[0])) && (!after || !digit.test(after) || !digit.test(n[n.length - 1]))) {
            best = b;
            bestLen = n.length;
            break;
          }
          at = text.indexOf(n, at + 1);
        }
      }
    }
    return best;
  }

  readBlocks(s: Sheet): void {
    const { g } = s;
    const sheetBuilding = this.buildingIn(g.name);
    let current = sheetBuilding;
    for (let r = 1; r <= g.maxRow; r++) {
      const line = g.rows[r];
      if (!line) continue;
      let n = 0;
      for (const c of line) if (c) n++;
      for (const c of line) {
        if (!c || s.used.has(key(r, c.c))) continue;
        const t = textOf(c);
        if (t === null) continue;
        const m = matchLabel(t);
        if (!m) {
          // A title row (one or two cells): names a building, or resets to the sheet's building.
          if (n <= 2 && c.c === firstCol(line)) {
            const b = this.buildingIn(t);
            if (b) current = b;
            else if ((n === 1 || (c.mergeRight ?? c.c) > c.c) && !/^(注|备注|说明)/.test(t.trim())) current = sheetBuilding;
          }
          continue;
        }
        const pair = this.pairAt(s, c, m);
        if (!pair) continue;
        s.used.add(key(pair.value.r, pair.value.c));
        if (isNameLabel(m)) {
          const name = pair.value.raw.trim();
          if (name && !isTotal(name)) current = this.building(name, s, pair.value);
          continue;
        }
        this.store(s, pair, current);
      }
      const pairs = s.pairs.get(r);
      if (pairs) for (const p of pairs) this.store(s, p, current);
    }
  }

  store(s: Sheet, p: Pair, b: ImportedBuilding | null): void {
    const def = this.pick(s, p.label, p.match);
    if (b && def.id === BUILDING_USE) {
      this.setUse(b, s, p.value);
      return;
    }
    const iv = this.value(s, p.label, p.match, def, p.value, p.unitRaw);
    if (b) this.putBuilding(b, iv, s, p.value);
    else if (def.id !== BUILDING_NAME) this.put(this.project, iv, '');
  }

  /** The value of a label: first non-empty cell to the right (unit cells skipped), else below. */
  pairAt(s: Sheet, label: GCell, m: LabelMatch): Pair | null {
    const { g } = s;
    const line = g.rows[label.r]!;
    let unitRaw: string | undefined;
    let value: GCell | undefined;
    let header = false;
    for (let c = (label.mergeRight ?? label.c) + 1; c < line.length; c++) {
      const cell = line[c];
      if (!cell) continue;
      const uc = s.unitCols.get(c);
      if (uc !== undefined && uc <= label.r) {
        if (cell.kind === 'string') unitRaw = cell.str!.trim();
        continue;
      }
      if (s.used.has(key(label.r, c))) break;
      if (cell.kind === 'string') {
        if (matchLabel(cell.str!)) {
          header = true;
          break;
        }
        if (!value && isUnitText(cell.str!) && !unitRaw) {
          unitRaw = cell.str!.trim();
          continue;
        }
      }
      if (!value) {
        value = cell;
        // Unit in the next non-empty cell after the value.
        for (let d = c + 1; d < line.length; d++) {
          const u = line[d];
          if (!u) continue;
          if (u.kind === 'string' && isUnitText(u.str!)) unitRaw = u.str!.trim();
          break;
        }
        break;
      }
    }
    if (value) return { label, match: m, value, unitRaw: unitRaw ?? m.unitRaw };
    // Vertical: the value directly below the label (not part of a table).
    const br = (label.mergeBottom ?? label.r) + 1;
    const below = cellAt(g, br, label.c);
    if (below && !s.used.has(key(br, label.c)) && !(below.kind === 'string' && matchLabel(below.str!)) && (header || isNumericLike(below))) {
      return { label, match: m, value: below, unitRaw: m.unitRaw };
    }
    return null;
  }

  /** 合计 rows give project values only where the project has none. */
  applyTotals(): void {
    for (const { id, iv } of this.totals) {
      if (this.project[id]) continue;
      this.project[id] = iv;
    }
  }
}

function firstCol(line: Array<GCell | undefined>): number {
  for (const c of line) if (c) return c.c;
  return 0;
}
