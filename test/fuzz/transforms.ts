// The layout fuzzer's transformations. Each one takes a workbook model and the facts the original
// import found (value and label cells), and returns a variant that states THE SAME FACTS in another
// layout a design institute really uses — or, for the error kinds, a variant where some facts
// become untrustworthy and the affected findings must be `review` (never `pass`).
// A transformation returns null when the workbook has nothing it applies to.
import { INDICATORS, indicator } from '../../shared/model/indicators';
import type { ConditionsDoc, ImportedScalar, ImportResult, LeafRule, Rule, Verdict } from '../../shared/model/types';
import { findingKey, type ExpectedDoc } from '../seeds/expectations';
import { numberOf, shown, SheetM, textOf, WorkbookM, type CellM, type CellValue } from './workbook-model';

// ---------------------------------------------------------------- context

export interface Fact {
  indicator: string;
  /** null = project scope. */
  building: string | null;
  sheet: string;
  row: number;
  col: number;
  label?: { sheet: string; row: number; col: number };
  value: ImportedScalar | null;
  ok: boolean;
}

export interface BuildingRef {
  name: string;
  sheet: string;
  row: number;
  col: number;
}

export interface Rng {
  next(): number;
  int(n: number): number;
  pick<T>(xs: readonly T[]): T;
  shuffle<T>(xs: T[]): T[];
}

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    pick: (xs) => xs[int(xs.length)],
    shuffle: (xs) => {
      for (let i = xs.length - 1; i > 0; i--) {
        const j = int(i + 1);
        [xs[i], xs[j]] = [xs[j], xs[i]];
      }
      return xs;
    },
  };
}

export function hashSeed(...parts: (string | number)[]): number {
  let h = 2166136261;
  for (const ch of parts.join('|')) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h;
}

export interface FuzzContext {
  name: string;
  facts: Fact[];
  buildings: BuildingRef[];
  conditions: ConditionsDoc;
  expected: ExpectedDoc;
  rng: Rng;
}

export interface Variant {
  wb: WorkbookM;
  /** Findings whose verdict must be one of these instead of the expected one. */
  override: Map<string, Verdict[]>;
  /** What was done (Chinese), for failure messages. */
  what: string;
}

export interface Transform {
  kind: string;
  /** Error/conflict kinds: affected findings must be review. */
  error?: boolean;
  apply(wb: WorkbookM, ctx: FuzzContext): Variant | null;
}

function parseRef(ref: string): { sheet: string; row: number; col: number } | null {
  const i = ref.lastIndexOf('!');
  if (i < 0) return null;
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref.slice(i + 1));
  if (!m) return null;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { sheet: ref.slice(0, i).replace(/^'(.*)'$/, '$1'), row: Number(m[2]), col };
}

/** The value and label cells the original import used. */
export function factsOf(imported: ImportResult): { facts: Fact[]; buildings: BuildingRef[] } {
  const facts: Fact[] = [];
  const add = (building: string | null, values: ImportResult['project']) => {
    for (const v of Object.values(values)) {
      const at = parseRef(v.source);
      if (!at) continue;
      const label = v.labelSource ? parseRef(v.labelSource) : null;
      facts.push({ indicator: v.indicator, building, ...at, ...(label ? { label } : {}), value: v.value, ok: v.status === 'ok' });
    }
  };
  add(null, imported.project);
  for (const b of imported.buildings) add(b.name, b.values);
  const buildings: BuildingRef[] = [];
  for (const b of imported.buildings) {
    const at = parseRef(b.nameSource);
    if (at) buildings.push({ name: b.name, ...at });
  }
  return { facts, buildings };
}

// ---------------------------------------------------------------- small helpers

const FULL = '０１２３４５６７８９';
const toFullWidth = (s: string) => s.replace(/[0-9]/g, (d) => FULL[Number(d)]).replace(/%/g, '％');
const clean = (x: number) => Number(x.toPrecision(12));
const isPercentFmt = (cell: CellM | undefined) => !!cell?.numFmt && cell.numFmt.includes('%');

/** The cell as the user reads it, for numeric cells: "61.5%" for 0.615 in a percent format. */
function numberText(cell: CellM): string | null {
  const n = numberOf(cell);
  if (n === null) return null;
  return isPercentFmt(cell) ? `${clean(n * 100)}%` : String(clean(n));
}

const UNIT_AT_END = /\s*[（(]([^（()）]{1,16})[)）]\s*[:：]?\s*$/;
const NUMBERING = /^\s*(?:[（(]?[0-9一二三四五六七八九十]+(?:\.[0-9]+)*[)）]?[、.．]?|[0-9]+(?:\.[0-9]+)+)\s*/;

/** A label without numbering, 其中, unit brackets, colon and spaces: "3.1 地上建筑面积（㎡）：" → "地上建筑面积". */
export function bareLabel(text: string): string {
  return text.replace(NUMBERING, '').replace(/^其中[:：]?/, '').replace(UNIT_AT_END, '').replace(/[:：]\s*$/, '').replace(/\s+/g, '');
}

/** Indicator ids a label names, by the catalogue. */
function labelIndicators(text: string): string[] {
  const b = bareLabel(text);
  return INDICATORS.filter((d) => d.labels.some((l) => l.replace(/\s+/g, '') === b)).map((d) => d.id);
}

function leavesOf(r: Rule): LeafRule[] {
  if ('anyOf' in r) return r.anyOf.flatMap(leavesOf);
  if ('allOf' in r) return r.allOf.flatMap(leavesOf);
  return [r];
}

/** Single-leaf conditions on an indicator in a scope (project: scope absent or 'project'). */
function singleLeafConditions(ctx: FuzzContext, indicatorId: string, building: boolean) {
  return ctx.conditions.conditions.filter((c) => {
    if ('anyOf' in c || 'allOf' in c) return false;
    const scopeBuilding = c.scope === 'building';
    return scopeBuilding === building && (c as LeafRule).indicator === indicatorId;
  }) as (LeafRule & { id: string })[];
}

function allLeaves(ctx: FuzzContext, indicatorId: string): LeafRule[] {
  return ctx.conditions.conditions.flatMap((c) => leavesOf(c)).filter((l) => l.indicator === indicatorId);
}

const OP_TEXT: Record<string, string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '==': '=' };
const STAR_TEXT = ['基本级', '一星级', '二星级', '三星级'];

/** A requirement as a planning-condition column writes it ("≥35%", "≤2.5", "二星级及以上"). */
export function requirementText(l: LeafRule): string {
  const def = indicator(l.indicator);
  if (def?.type === 'boolean') return l.value ? '是' : '否';
  if (def?.type === 'star') return `${STAR_TEXT[Number(l.value)]}${l.op === '>=' ? '及以上' : ''}`;
  const unit = def?.unit === '%' ? '%' : def?.unit === 'm' ? 'm' : '';
  return `${OP_TEXT[l.op]}${l.value}${unit}`;
}

function satisfies(v: number, l: LeafRule): boolean {
  const t = Number(l.value);
  switch (l.op) {
    case '>=':
      return v >= t;
    case '>':
      return v > t;
    case '<=':
      return v <= t;
    case '<':
      return v < t;
    default:
      return v === t;
  }
}

/** A value of the fact's indicator that flips its verdict (or clearly differs when no condition uses it). */
function opposite(f: Fact, ctx: FuzzContext): ImportedScalar | null {
  const def = indicator(f.indicator);
  const leaf = allLeaves(ctx, f.indicator)[0];
  if (typeof f.value === 'boolean') return !f.value;
  if (typeof f.value !== 'number') return null;
  if (def?.type === 'star') {
    const t = leaf ? Number(leaf.value) : 2;
    return f.value >= t ? Math.max(0, t - 1) : 3;
  }
  if (!leaf || typeof leaf.value !== 'number') return clean(f.value * 1.37 + 1);
  const t = leaf.value;
  const up = leaf.op === '>=' || leaf.op === '>';
  const ok = satisfies(f.value, leaf);
  const x = up === ok ? t * 0.8 : t * 1.2 + (t === 0 ? 1 : 0);
  return clean(def?.type === 'percent' ? Math.min(99, x) : x);
}

/**
 * Writes a value of the fact's indicator into a cell in the cell's own notation (percent format,
 * "61.5%" text, 万-scaled number, star words, 是/否). False when the notation is not understood.
 */
function writeNormalised(s: SheetM, r: number, c: number, f: Fact, v: ImportedScalar): boolean {
  const cell = s.get(r, c);
  if (!cell) return false;
  const raw = shown(cell.v);
  if (typeof v === 'boolean') {
    s.setValue(r, c, v ? '是' : '否');
    return true;
  }
  if (typeof v !== 'number') return false;
  const def = indicator(f.indicator);
  if (def?.type === 'star') {
    s.setValue(r, c, STAR_TEXT[v] ?? '二星级');
    return true;
  }
  if (typeof f.value !== 'number' || f.value === 0) return false;
  if (typeof raw === 'number') {
    if (raw === 0) return false;
    const scale = f.value / raw;
    s.setValue(r, c, clean(v / scale));
    return true;
  }
  if (typeof raw === 'string') {
    const m = /[0-9０-９]+(?:[.．][0-9０-９]+)?/.exec(raw.replace(/,/g, ''));
    if (!m) return false;
    const n = Number(m[0].replace(/[０-９]/g, (d) => String(FULL.indexOf(d))).replace('．', '.'));
    if (!n) return false;
    const scale = f.value / n;
    s.setValue(r, c, raw.replace(/,/g, '').replace(m[0], String(clean(v / scale))));
    return true;
  }
  return false;
}

function okFacts(ctx: FuzzContext): Fact[] {
  return ctx.facts.filter((f) => f.ok && f.value !== null);
}

const factsOn = (ctx: FuzzContext, sheet: string) => okFacts(ctx).filter((f) => f.sheet === sheet);

/** The sheet holding most facts. */
function mainSheet(wb: WorkbookM, ctx: FuzzContext): SheetM | undefined {
  const count = new Map<string, number>();
  for (const f of okFacts(ctx)) count.set(f.sheet, (count.get(f.sheet) ?? 0) + 1);
  const best = [...count.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  return best ? wb.sheet(best[0]) : undefined;
}

/** Project facts of a sheet written as "label | … | value" on one row, grouped by the (label, value) columns most of them use. */
function kvGroup(ctx: FuzzContext, sheet: string): { facts: Fact[]; labelCol: number; valueCol: number } | null {
  // project values only: a column inserted through a sideways building block would split it
  const kv = factsOn(ctx, sheet).filter((f) => f.building === null && f.label && f.label.sheet === sheet && f.label.row === f.row && f.label.col < f.col);
  if (kv.length === 0) return null;
  const count = new Map<string, Fact[]>();
  for (const f of kv) {
    const k = `${f.label!.col}:${f.col}`;
    count.set(k, [...(count.get(k) ?? []), f]);
  }
  const [k, facts] = [...count.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))[0];
  const [labelCol, valueCol] = k.split(':').map(Number);
  return { facts, labelCol, valueCol };
}

/** Sheets with key/value facts, most first, with their (label, value) columns. */
function kvSheets(wb: WorkbookM, ctx: FuzzContext): { s: SheetM; facts: Fact[]; labelCol: number; valueCol: number }[] {
  const out = [];
  for (const name of [...new Set(okFacts(ctx).map((f) => f.sheet))]) {
    const g = kvGroup(ctx, name);
    const s = wb.sheet(name);
    if (g && s) out.push({ s, ...g });
  }
  return out.sort((a, b) => b.facts.length - a.facts.length || a.s.name.localeCompare(b.s.name));
}

/** A header row just above `row`: at least two text cells, no numbers, not a one-cell title. */
function headerRowAbove(s: SheetM, row: number): number | null {
  for (let h = row - 1; h >= Math.max(1, row - 2); h--) {
    const cells = [...(s.cells.get(h)?.values() ?? [])];
    if (cells.length === 0) continue;
    const texts = cells.filter((c) => typeof shown(c.v) === 'string' && textOf(c).trim() !== '');
    const nums = cells.filter((c) => typeof shown(c.v) === 'number');
    if (texts.length >= 2 && nums.length === 0) return h;
    return null;
  }
  return null;
}

const noVariant = (wb: WorkbookM, what: string): Variant => ({ wb, override: new Map(), what });

// ---------------------------------------------------------------- same-facts transformations

const coverToc: Transform = {
  kind: 'cover-toc',
  apply(wb, ctx) {
    const cover = new SheetM(wb.uniqueName('封面'));
    const name = ctx.facts.find((f) => f.indicator === 'project_name');
    cover.set(3, 1, { v: name && typeof name.value === 'string' ? name.value : '某建设项目' });
    cover.set(5, 1, { v: '技术经济指标及绿色生态专项计算书' });
    cover.set(9, 1, { v: '编制单位：某建筑设计研究院有限公司' });
    cover.set(10, 1, { v: '编制日期：2025年3月' });
    const toc = new SheetM(wb.uniqueName('目录'));
    toc.set(1, 1, { v: '目  录' });
    toc.set(2, 1, { v: '序号' });
    toc.set(2, 2, { v: '内容' });
    toc.set(2, 3, { v: '页码' });
    wb.sheets.forEach((s, i) => {
      toc.set(3 + i, 1, { v: i + 1 });
      toc.set(3 + i, 2, { v: s.name });
      toc.set(3 + i, 3, { v: i + 2 });
    });
    wb.sheets.unshift(cover, toc);
    return noVariant(wb, '在最前面插入“封面”“目录”工作表');
  },
};

function staleCopy(kind: string, state: 'hidden' | 'veryHidden'): Transform {
  return {
    kind,
    apply(wb, ctx) {
      const s = mainSheet(wb, ctx);
      if (!s) return null;
      const copy = s.clone(wb.uniqueName(`${s.name}（旧）`));
      copy.state = state;
      let changed = 0;
      for (const f of factsOn(ctx, s.name)) {
        const v = opposite(f, ctx);
        if (v !== null && writeNormalised(copy, f.row, f.col, f, v)) changed++;
      }
      if (!changed) return null;
      const at = state === 'hidden' ? wb.sheets.indexOf(s) : 0;
      wb.sheets.splice(at, 0, copy);
      return noVariant(wb, `${state === 'hidden' ? '隐藏' : '深度隐藏'}的旧版副本“${copy.name}”（${changed}个数值不同）放在前面`);
    },
  };
}

/** A copy of value rows with other values, appended below the sheet's content and hidden: never read. */
const hiddenStaleRows: Transform = {
  kind: 'hidden-stale-rows',
  apply(wb, ctx) {
    const s = mainSheet(wb, ctx);
    if (!s) return null;
    const facts = factsOn(ctx, s.name).filter((f) => f.building === null && f.label && f.label.sheet === s.name && f.label.row === f.row);
    if (!facts.length) return null;
    let at = s.maxRow() + 1;
    let changed = 0;
    for (const f of facts.slice(0, 3)) {
      const v = opposite(f, ctx);
      if (v === null) continue;
      for (const [c, cell] of s.cells.get(f.row) ?? []) s.set(at, c, { ...cell });
      if (!writeNormalised(s, at, f.col, f, v)) {
        s.cells.delete(at);
        continue;
      }
      s.hiddenRows.add(at);
      at++;
      changed++;
    }
    if (!changed) return null;
    return noVariant(wb, `在“${s.name}”末尾加入 ${changed} 行隐藏的旧数值（与现行数值不同）`);
  },
};

const transposeSheet: Transform = {
  kind: 'transpose-sheet',
  apply(wb, ctx) {
    const candidates = [...new Set(okFacts(ctx).map((f) => f.sheet))].filter((n) => factsOn(ctx, n).length >= 2).sort();
    if (!candidates.length) return null;
    const s = wb.sheet(ctx.rng.pick(candidates))!;
    wb.flatten();
    // title rows above and note rows below (one cell each) stay; the body between them is transposed
    const single = (r: number) => (s.cells.get(r)?.size ?? 0) === 1;
    const rowsUsed = [...s.cells.keys()].filter((r) => s.cells.get(r)!.size).sort((a, b) => a - b);
    let top = 0;
    while (top < rowsUsed.length && single(rowsUsed[top])) top++;
    let bottom = rowsUsed.length - 1;
    while (bottom > top && single(rowsUsed[bottom])) bottom--;
    // several tables stacked under their own titles: only the first one is transposed
    const inner = rowsUsed.findIndex((r, i) => i > top && i < bottom && single(r));
    if (inner > 0) bottom = inner - 1;
    if (bottom - top < 1) return null;
    const first = rowsUsed[top];
    const last = rowsUsed[bottom];
    const body = new SheetM(s.name);
    for (const [r, c, cell] of s.each()) if (r >= first && r <= last) body.set(r - first + 1, c, cell);
    body.merges = s.merges.filter((m) => m.r1 >= first && m.r2 <= last).map((m) => ({ ...m, r1: m.r1 - first + 1, r2: m.r2 - first + 1 }));
    body.transpose();
    const height = body.maxRow();
    const next = new SheetM(s.name, s.state);
    for (const [r, c, cell] of s.each()) if (r < first) next.set(r, c, cell);
    for (const [r, c, cell] of body.each()) next.set(first + r - 1, c, cell);
    const shift = first + height - last - 1;
    for (const [r, c, cell] of s.each()) if (r > last) next.set(r + shift + 1, c, cell);
    next.merges = [
      ...s.merges.filter((m) => m.r2 < first),
      ...body.merges.map((m) => ({ ...m, r1: m.r1 + first - 1, r2: m.r2 + first - 1 })),
      ...s.merges.filter((m) => m.r1 > last).map((m) => ({ ...m, r1: m.r1 + shift + 1, r2: m.r2 + shift + 1 })),
    ];
    wb.sheets[wb.sheets.indexOf(s)] = next;
    return noVariant(wb, `工作表“${s.name}”表体行列转置`);
  },
};

const twoHeaderRows: Transform = {
  kind: 'two-header-rows',
  apply(wb, ctx) {
    for (const name of [...new Set(okFacts(ctx).map((f) => f.sheet))].sort()) {
      const s = wb.sheet(name)!;
      const g = kvGroup(ctx, name);
      const first = g ? Math.min(...g.facts.map((f) => f.row)) : Math.min(...factsOn(ctx, name).map((f) => f.row));
      const h = headerRowAbove(s, first);
      if (h === null) continue;
      wb.flatten();
      const cols = [...s.cells.get(h)!.keys()].sort((a, b) => a - b);
      const labelCol = g?.labelCol ?? cols[0];
      s.insertRows(h, 1);
      const lower = h + 1;
      const valueCols: number[] = [];
      for (const c of cols) {
        const cell = s.get(lower, c)!;
        if (c <= labelCol) {
          s.set(h, c, cell);
          s.set(lower, c, undefined);
          s.merges.push({ r1: h, c1: c, r2: lower, c2: c });
        } else valueCols.push(c);
      }
      if (valueCols.length) {
        s.set(h, valueCols[0], { v: '技术指标', style: s.get(lower, valueCols[0])?.style });
        if (valueCols.length > 1) s.merges.push({ r1: h, c1: valueCols[0], r2: h, c2: valueCols[valueCols.length - 1] });
      }
      return noVariant(wb, `工作表“${name}”表头改为两行（上行“技术指标”合并）`);
    }
    return null;
  },
};

const requirementColumn: Transform = {
  kind: 'requirement-column',
  apply(wb, ctx) {
    const k = kvSheets(wb, ctx).find((x) => x.facts.some((f) => allLeaves(ctx, f.indicator).length > 0));
    if (!k) return null;
    const { s, ...g } = k;
    const withReq = g.facts.filter((f) => allLeaves(ctx, f.indicator).length > 0);
    wb.flatten();
    const first = Math.min(...g.facts.map((f) => f.row));
    let h = headerRowAbove(s, first);
    const rows = new Set(g.facts.map((f) => f.row));
    s.insertCols(g.valueCol, 1);
    const reqCol = g.valueCol;
    const last = Math.max(...g.facts.map((f) => f.row));
    for (let r = first; r <= last; r++) {
      const f = g.facts.find((x) => x.row === r);
      const leaf = f ? allLeaves(ctx, f.indicator)[0] : undefined;
      if (leaf) s.set(r, reqCol, { v: requirementText(leaf) });
      else if (rows.has(r) || s.get(r, g.labelCol)) s.set(r, reqCol, { v: '/' });
    }
    if (h === null) {
      s.insertRows(first, 1);
      h = first;
      s.set(h, g.labelCol, { v: '指标名称' });
      s.set(h, g.valueCol + 1, { v: '设计值' });
    }
    s.set(h, reqCol, { v: '规划条件', style: s.get(h, reqCol + 1)?.style });
    return noVariant(wb, `工作表“${s.name}”在设计值列前插入“规划条件”列（${withReq.length}项要求）`);
  },
};

/** Header cells of score tables: claimed score and maximum. */
const SCORE_HEAD = /^(自评)?得分$|^(自评|预评价|评价)得分|^评价得分$|^得分$/;
const MAX_HEAD = /满分|^分值$|^评价分值$|最高分/;

const maxScoreSwap: Transform = {
  kind: 'score-max-column-swap',
  apply(wb) {
    for (const s of wb.sheets) {
      for (const [r, row] of s.cells) {
        const heads = [...row.entries()].map(([c, cell]) => [c, textOf(cell).replace(/\s+/g, '')] as const);
        const score = heads.find(([, t]) => SCORE_HEAD.test(t));
        const max = heads.find(([, t]) => MAX_HEAD.test(t) && !/最低/.test(t));
        if (!score || !max) continue;
        let end = r;
        while (s.cells.get(end + 1)?.size) end++;
        if (s.merges.some((m) => m.r2 >= r && m.r1 <= end && (m.c1 <= Math.max(score[0], max[0]) && m.c2 >= Math.min(score[0], max[0])) && m.c1 !== m.c2)) continue;
        wb.flatten();
        s.swapCols(score[0], max[0], r, end);
        return noVariant(wb, `工作表“${s.name}”第${r}行起“${score[1]}”列与“${max[1]}”列互换位置`);
      }
    }
    return null;
  },
};

function notesColumn(kind: string, numeric: boolean): Transform {
  return {
    kind,
    apply(wb, ctx) {
      const k = kvSheets(wb, ctx).find((x) => !numeric || headerRowAbove(x.s, Math.min(...x.facts.map((f) => f.row))) !== null);
      if (!k) return null;
      const { s, ...g } = k;
      const first = Math.min(...g.facts.map((f) => f.row));
      const h = headerRowAbove(s, first);
      wb.flatten();
      const at = g.valueCol + 1;
      s.insertCols(at, 1);
      const texts = ['按第3版图纸', '见附表2', '较上版调整0.8', '详见第12页', '依据规划条件第5条'];
      g.facts.forEach((f, i) => {
        if (!s.mergeAt(f.row, at)) s.set(f.row, at, { v: numeric ? [12, 3.5, 7, 0.6, 45][i % 5] : texts[i % texts.length] });
      });
      if (h !== null) s.set(h, at, { v: '备注', style: s.get(h, g.valueCol)?.style });
      return noVariant(wb, `工作表“${s.name}”设计值列后插入“备注”列（${numeric ? '纯数字' : '含数字的文字'}）`);
    },
  };
}

const M2 = /[（(](?:㎡|m²|m2|平方米)[)）]/;

/**
 * The cells a label governs: the numbers to its right when the value sits on the label's row,
 * else the numbers below it in its column (a column header).
 */
function lineOf(s: SheetM, label: { row: number; col: number }, f: Fact): [number, number][] {
  const out: [number, number][] = [];
  if (label.row === f.row) {
    for (const [c] of s.cells.get(label.row) ?? []) if (c > label.col) out.push([label.row, c]);
  } else {
    for (let r = label.row + 1; r <= s.maxRow(); r++) if (s.get(r, label.col)) out.push([r, label.col]);
  }
  return out.filter(([r, c]) => typeof shown(s.get(r, c)!.v) === 'number');
}

const areasInWan: Transform = {
  kind: 'areas-wan',
  apply(wb, ctx) {
    const area = okFacts(ctx).filter((f) => indicator(f.indicator)?.unit === 'm²' && typeof f.value === 'number');
    let n = 0;
    const done = new Set<string>();
    const toWan = (s: SheetM, r: number, c: number) => s.setValue(r, c, clean((shown(s.get(r, c)!.v) as number) / 10000), null);
    for (const f of area) {
      const s = wb.sheet(f.sheet)!;
      const cell = s.get(f.row, f.col);
      if (!cell || typeof shown(cell.v) !== 'number') continue;
      const labText = f.label && f.label.sheet === f.sheet ? textOf(s.get(f.label.row, f.label.col)) : '';
      const key = f.label ? `${f.label.row}:${f.label.col}@${f.sheet}` : '';
      if (done.has(key)) continue;
      if (f.label && f.label.sheet === f.sheet && M2.test(labText)) {
        done.add(key);
        const line = lineOf(s, f.label, f);
        s.setValue(f.label.row, f.label.col, labText.replace(M2, '（万㎡）'));
        for (const [r, c] of line) toWan(s, r, c);
      } else if (f.label && f.label.row === f.row && textOf(s.get(f.row, f.label.col + 1)) === '㎡') {
        s.setValue(f.row, f.label.col + 1, '万㎡');
        toWan(s, f.row, f.col);
      } else {
        s.setValue(f.row, f.col, `${clean((shown(cell.v) as number) / 10000)}万㎡`, null);
      }
      n++;
    }
    return n ? noVariant(wb, `${n}处面积改以万㎡表示`) : null;
  },
};

/** Numeric fact cells → a text form built from the number as the user reads it. */
function numericText(kind: string, what: string, form: (text: string, f: Fact) => string | null, filter: (f: Fact) => boolean = () => true): Transform {
  return {
    kind,
    apply(wb, ctx) {
      let n = 0;
      for (const f of okFacts(ctx).filter(filter)) {
        const def = indicator(f.indicator);
        if (def?.type === 'star' || def?.type === 'boolean' || def?.type === 'text') continue;
        const s = wb.sheet(f.sheet)!;
        const cell = s.get(f.row, f.col);
        if (!cell) continue;
        const t = numberText(cell);
        if (t === null) continue;
        const out = form(t, f);
        if (out === null) continue;
        s.setValue(f.row, f.col, out, null);
        n++;
      }
      return n ? noVariant(wb, `${n}个数值${what}`) : null;
    },
  };
}

const fullWidth = numericText('fullwidth-digits', '改为全角数字文本', (t) => toFullWidth(t));
const approxPrefix = numericText('approx-prefix', '前加“约”', (t) => `约${t}`);

const boundPrefix: Transform = {
  kind: 'bound-prefix',
  apply(wb, ctx) {
    let n = 0;
    for (const f of okFacts(ctx)) {
      if (typeof f.value !== 'number' || indicator(f.indicator)?.type === 'star') continue;
      const leaves = allLeaves(ctx, f.indicator).filter((l) => l.op === '>=' || l.op === '<=');
      // "≥X" only restates the fact when X itself satisfies the requirement
      if (!leaves.length || !leaves.every((l) => satisfies(f.value as number, l) && l.op === leaves[0].op)) continue;
      const s = wb.sheet(f.sheet)!;
      const cell = s.get(f.row, f.col);
      const t = cell ? numberText(cell) : null;
      if (t === null) continue;
      s.setValue(f.row, f.col, `${leaves[0].op === '>=' ? '≥' : '≤'}${t}`, null);
      n++;
    }
    return n ? noVariant(wb, `${n}个满足要求的数值前加“≥/≤”`) : null;
  },
};

const bracketNotes: Transform = {
  kind: 'bracket-notes',
  apply(wb, ctx) {
    let n = 0;
    for (const f of okFacts(ctx)) {
      const s = wb.sheet(f.sheet)!;
      const cell = s.get(f.row, f.col);
      if (!cell) continue;
      const def = indicator(f.indicator);
      const raw = shown(cell.v);
      let out: string | null = null;
      if (def?.type === 'star' && typeof raw === 'string') out = `${raw}（预评价）`;
      else if (def?.type === 'boolean' && typeof raw === 'string') out = `${raw}（详见专篇）`;
      else if (def?.type === 'number' || def?.type === 'percent') {
        const t = numberText(cell);
        if (t !== null) out = `${t}（详见计算书）`;
      }
      if (out === null) continue;
      s.setValue(f.row, f.col, out, null);
      n++;
    }
    return n ? noVariant(wb, `${n}个数值后加括号说明`) : null;
  },
};

const percentAsText = numericText('percent-as-text', '由百分比格式改为“61.5%”文本', (t) => (t.endsWith('%') ? t : null));

const PCT_UNIT = /\s*[（(]\s*[%％]\s*[)）]/;

const percentAsFormat: Transform = {
  kind: 'percent-as-format',
  apply(wb, ctx) {
    let n = 0;
    const done = new Set<string>();
    for (const f of okFacts(ctx)) {
      if (indicator(f.indicator)?.type !== 'percent' || typeof f.value !== 'number') continue;
      const s = wb.sheet(f.sheet)!;
      const cell = s.get(f.row, f.col);
      const raw = cell ? shown(cell.v) : null;
      if (typeof raw === 'string' && /^\s*[0-9.]+\s*[%％]\s*$/.test(raw)) {
        s.setValue(f.row, f.col, clean(f.value / 100), '0.00%');
        n++;
        continue;
      }
      if (typeof raw !== 'number' || isPercentFmt(cell) || !f.label || f.label.sheet !== f.sheet) continue;
      const lt = textOf(s.get(f.label.row, f.label.col));
      if (!PCT_UNIT.test(lt)) continue;
      // "单体装配率（%）" over 63.5 → "单体装配率" over 63.5 %
      const key = `${f.label.row}:${f.label.col}`;
      if (done.has(key)) continue;
      done.add(key);
      const line = lineOf(s, f.label, f);
      s.setValue(f.label.row, f.label.col, lt.replace(PCT_UNIT, ''));
      for (const [r, c] of line) s.setValue(r, c, clean((shown(s.get(r, c)!.v) as number) / 100), '0.0%');
      n++;
    }
    return n ? noVariant(wb, `${n}处百分数改为百分比格式数值`) : null;
  },
};

/** Labels written over two rows: a shared part in a merged cell, the rest beside it. */
const mergedLabels: Transform = {
  kind: 'merged-labels',
  apply(wb, ctx) {
    const k = kvSheets(wb, ctx)[0];
    if (!k) return null;
    const { s, ...g } = k;
    const first = Math.min(...g.facts.map((f) => f.row));
    const last = Math.max(...g.facts.map((f) => f.row));
    const lc = g.labelCol;
    const label = (r: number) => textOf(s.get(r, lc)).replace(NUMBERING, '');
    const pairs: { r: number; parent: string; a: string; b: string; suffix: boolean }[] = [];
    for (let r = first; r < last; r++) {
      if (pairs.some((p) => p.r === r - 1)) continue;
      if (s.mergeAt(r, lc) || s.mergeAt(r + 1, lc)) continue;
      const x = label(r);
      const y = label(r + 1);
      if (!x || !y || x === y) continue;
      let p = 0;
      while (p < Math.min(x.length, y.length) && x[p] === y[p]) p++;
      let q = 0;
      while (q < Math.min(x.length, y.length) - p && x[x.length - 1 - q] === y[y.length - 1 - q]) q++;
      // a shared prefix ("单体" over 预制率/装配率) or a shared quantity that is itself an indicator
      // label ("建筑面积" over 地上/地下)
      if (p >= 2 && bareLabel(x.slice(p)).length >= 2 && bareLabel(y.slice(p)).length >= 2) pairs.push({ r, parent: x.slice(0, p), a: x.slice(p), b: y.slice(p), suffix: false });
      else if (q >= 2 && q < x.length && q < y.length && labelIndicators(x.slice(x.length - q)).length > 0) {
        pairs.push({ r, parent: x.slice(x.length - q), a: x.slice(0, x.length - q), b: y.slice(0, y.length - q), suffix: true });
      }
    }
    if (!pairs.length) return null;
    wb.flatten();
    s.insertCols(lc, 1);
    const parentCol = lc;
    const childCol = lc + 1;
    for (let r = first; r <= last; r++) {
      const p = pairs.find((x) => x.r === r || x.r === r - 1);
      if (p) continue;
      const cell = s.get(r, childCol);
      if (!cell || s.mergeAt(r, childCol)) continue;
      s.set(r, parentCol, cell);
      s.set(r, childCol, undefined);
      s.merges.push({ r1: r, c1: parentCol, r2: r, c2: childCol });
    }
    for (const p of pairs) {
      const style = s.get(p.r, childCol)?.style;
      s.set(p.r, parentCol, { v: p.parent, style });
      s.merges.push({ r1: p.r, c1: parentCol, r2: p.r + 1, c2: parentCol });
      s.setValue(p.r, childCol, p.a);
      s.setValue(p.r + 1, childCol, p.b);
    }
    const h = headerRowAbove(s, first);
    if (h !== null && s.get(h, childCol) && !s.get(h, parentCol) && !s.mergeAt(h, childCol)) {
      s.set(h, parentCol, s.get(h, childCol));
      s.set(h, childCol, undefined);
      s.merges.push({ r1: h, c1: parentCol, r2: h, c2: childCol });
    }
    return noVariant(wb, `工作表“${s.name}”${pairs.map((p) => `“${p.parent}”合并在“${p.a}/${p.b}”两行之上`).join('，')}`);
  },
};

/** Catalogue labels that name exactly one indicator. */
function uniqueSynonyms(id: string): string[] {
  const def = indicator(id);
  if (!def) return [];
  return def.labels.filter((l) => l.length >= 3 && INDICATORS.filter((d) => d.labels.includes(l)).length === 1);
}

const synonyms: Transform = {
  kind: 'label-synonyms',
  apply(wb, ctx) {
    let n = 0;
    const done = new Set<string>();
    for (const f of okFacts(ctx)) {
      if (!f.label) continue;
      const key = `${f.label.sheet}!${f.label.row}:${f.label.col}`;
      if (done.has(key)) continue;
      done.add(key);
      const s = wb.sheet(f.label.sheet)!;
      const text = textOf(s.get(f.label.row, f.label.col));
      const bare = bareLabel(text);
      const def = indicator(f.indicator);
      if (!def || !def.labels.includes(bare)) continue;
      const alts = uniqueSynonyms(f.indicator).filter((l) => l !== bare);
      if (!alts.length) continue;
      const alt = ctx.rng.pick(alts);
      const i = text.indexOf(bare);
      if (i < 0) continue;
      s.setValue(f.label.row, f.label.col, text.slice(0, i) + alt + text.slice(i + bare.length));
      n++;
    }
    return n ? noVariant(wb, `${n}个标签换成指标目录中的同义词`) : null;
  },
};

const shuffleRows: Transform = {
  kind: 'shuffle-rows',
  apply(wb, ctx) {
    const k = kvSheets(wb, ctx)[0];
    if (!k || k.facts.length < 3) return null;
    const { s, ...g } = k;
    let first = Math.min(...g.facts.map((f) => f.row));
    let last = Math.max(...g.facts.map((f) => f.row));
    while (s.cells.get(first - 1)?.size && headerRowAbove(s, first) !== first - 1 && !s.mergeAt(first - 1, g.labelCol) && numberOf(s.get(first - 1, g.valueCol)) !== null) first--;
    while (s.cells.get(last + 1)?.size && !s.merges.some((m) => m.r1 === last + 1 && m.c2 - m.c1 >= 2)) last++;
    // Rows move only within one run of consecutive rows without a table header: blank rows and
    // header rows stay where they are (table rows moved out from under their header are another
    // layout, not the same facts). The run holding most facts is shuffled.
    const runs: Array<{ a: number; b: number; n: number }> = [];
    for (let r = first, a = -1; r <= last + 1; r++) {
      const boundary = r > last || !s.cells.get(r)?.size || isTableHeader(s, r);
      if (!boundary && a < 0) a = r;
      if (boundary && a >= 0) {
        const lo = a;
        runs.push({ a: lo, b: r - 1, n: g.facts.filter((f) => f.row >= lo && f.row < r).length });
        a = -1;
      }
    }
    const run = runs.sort((x, y) => y.n - x.n)[0];
    if (!run) return null;
    first = run.a;
    last = run.b;
    if (s.merges.some((m) => m.r2 >= first && m.r1 <= last && m.r1 !== m.r2)) return null;
    // groups: a row and the "其中" rows that belong to it; totals stay last
    const groups: number[][] = [];
    const tail: number[] = [];
    for (let r = first; r <= last; r++) {
      const t = textOf(s.get(r, g.labelCol));
      if (/合计|小计|总计/.test(t)) tail.push(r);
      else if (groups.length && (/^\s*其中/.test(t) || isSubRow(s, r, groups[groups.length - 1][0], g.labelCol))) groups[groups.length - 1].push(r);
      else groups.push([r]);
    }
    if (groups.length < 3) return null;
    wb.flatten();
    const order = ctx.rng.shuffle([...groups]);
    const rows = [...order.flat(), ...tail];
    const snapshot = rows.map((r) => s.cells.get(r));
    const merges = s.merges.filter((m) => m.r1 >= first && m.r1 <= last);
    s.merges = s.merges.filter((m) => !(m.r1 >= first && m.r1 <= last));
    rows.forEach((from, i) => {
      const to = first + i;
      const row = snapshot[i];
      if (row) s.cells.set(to, row);
      else s.cells.delete(to);
      for (const m of merges.filter((x) => x.r1 === from)) s.merges.push({ ...m, r1: to, r2: to });
    });
    return noVariant(wb, `工作表“${s.name}”第${first}–${last}行顺序打乱`);
  },
};

/** A table's header row: three or more words and no number. */
function isTableHeader(s: SheetM, r: number): boolean {
  const cells = [...(s.cells.get(r)?.values() ?? [])];
  const texts = cells.filter((c) => typeof shown(c.v) === 'string' && textOf(c).trim() !== '');
  return texts.length >= 3 && !cells.some((c) => typeof shown(c.v) === 'number');
}

/** A row that continues the group above: no numbering where the group's first row has one ("其中" items). */
function isSubRow(s: SheetM, r: number, groupStart: number, labelCol: number): boolean {
  if (labelCol <= 1) return false;
  return textOf(s.get(r, labelCol - 1)).trim() === '' && textOf(s.get(groupStart, labelCol - 1)).trim() !== '';
}

const blankOffset: Transform = {
  kind: 'blank-offset',
  apply(wb) {
    wb.flatten();
    for (const s of wb.sheets) {
      s.insertRows(1, 2);
      s.insertCols(1, 1);
    }
    return noVariant(wb, '每张工作表上方插入2个空行、左侧插入1个空列');
  },
};

const blankSpacers: Transform = {
  kind: 'blank-spacer-rows',
  apply(wb, ctx) {
    const s = mainSheet(wb, ctx);
    if (!s) return null;
    const rows = [...new Set(factsOn(ctx, s.name).map((f) => f.row))].sort((a, b) => a - b);
    if (rows.length < 4) return null;
    const at = rows.filter((_, i) => i > 0 && i % 3 === 0).filter((r) => !s.merges.some((m) => m.r1 < r && m.r2 >= r));
    if (!at.length) return null;
    wb.flatten();
    for (const r of [...at].reverse()) s.insertRows(r, 1);
    return noVariant(wb, `工作表“${s.name}”表中插入${at.length}个空行`);
  },
};

const numberingPrefix: Transform = {
  kind: 'numbering-prefix',
  apply(wb, ctx) {
    const styles = ['1、', '（2）', '3.', '四、', '5.1 '];
    let n = 0;
    const done = new Set<string>();
    for (const f of okFacts(ctx)) {
      if (!f.label || f.label.row !== f.row || f.label.sheet !== f.sheet) continue;
      const key = `${f.label.sheet}!${f.label.row}:${f.label.col}`;
      if (done.has(key)) continue;
      done.add(key);
      const s = wb.sheet(f.label.sheet)!;
      const text = textOf(s.get(f.label.row, f.label.col));
      if (!text || /^\s*[（(]?[0-9一二三四五六七八九十]+(?:\.[0-9]+)*[)）、.．\s]/.test(text)) continue;
      s.setValue(f.label.row, f.label.col, `${styles[n % styles.length]}${text}`);
      n++;
    }
    return n ? noVariant(wb, `${n}个标签前加编号`) : null;
  },
};

const unitColumn: Transform = {
  kind: 'unit-column',
  apply(wb, ctx) {
    const k = kvSheets(wb, ctx)[0];
    if (!k) return null;
    const { s, ...g } = k;
    const first = Math.min(...g.facts.map((f) => f.row));
    const last = Math.max(...g.facts.map((f) => f.row));
    const h = headerRowAbove(s, first);
    const existing = h !== null && g.valueCol - g.labelCol >= 2 && /^单位$/.test(textOf(s.get(h, g.labelCol + 1)).trim()) ? g.labelCol + 1 : null;
    wb.flatten();
    if (existing) {
      // the reverse: units back into the labels
      let n = 0;
      for (let r = first; r <= last; r++) {
        const u = textOf(s.get(r, existing)).trim();
        const l = textOf(s.get(r, g.labelCol));
        if (u && l && u !== '/' && !UNIT_AT_END.test(l)) {
          s.setValue(r, g.labelCol, `${l}（${u}）`);
          n++;
        }
        s.set(r, existing, undefined);
      }
      s.set(h!, existing, undefined);
      return n ? noVariant(wb, `工作表“${s.name}”单位列并入标签（${n}项）`) : null;
    }
    const withUnit = [];
    for (let r = first; r <= last; r++) if (UNIT_AT_END.test(textOf(s.get(r, g.labelCol)))) withUnit.push(r);
    if (withUnit.length < 2 || g.facts.some((f) => s.mergeAt(f.row, g.labelCol))) return null;
    s.insertCols(g.labelCol + 1, 1);
    for (const r of withUnit) {
      const l = textOf(s.get(r, g.labelCol));
      const m = UNIT_AT_END.exec(l)!;
      s.setValue(r, g.labelCol, l.slice(0, m.index));
      s.set(r, g.labelCol + 1, { v: m[1] });
    }
    if (h !== null) s.set(h, g.labelCol + 1, { v: '单位', style: s.get(h, g.labelCol)?.style });
    return noVariant(wb, `工作表“${s.name}”标签中的单位移到新的单位列（${withUnit.length}项）`);
  },
};

const CN_NUM = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

const buildingRespell: Transform = {
  kind: 'building-respell',
  apply(wb, ctx) {
    const names = ctx.buildings.map((b) => b.name).filter((n) => /^(\d{1,2})\s*[#＃]\s*楼?$|^(\d{1,2})号楼$/.test(n));
    if (!names.length) return null;
    const alias = (n: string, style: number) => {
      const d = Number(/\d+/.exec(n)![0]);
      return [`${d}号楼`, d <= 10 ? `${CN_NUM[d]}号楼` : `${d}号楼`, `${d}#`, `${d}栋`][style % 4];
    };
    const home = new Set(ctx.buildings.map((b) => b.sheet));
    let n = 0;
    const style = ctx.rng.int(4);
    for (const s of wb.sheets) {
      const others = !home.has(s.name) || wb.sheets.every((x) => home.has(x.name));
      if (!others) continue;
      for (const [r, c, cell] of s.each()) {
        const t = shown(cell.v);
        if (typeof t !== 'string') continue;
        let out = t;
        for (const name of names) if (out.includes(name)) out = out.split(name).join(alias(name, style));
        if (out !== t) {
          s.setValue(r, c, out);
          n++;
        }
      }
      for (const name of names) if (s.name.includes(name)) s.name = wb.uniqueName(s.name.split(name).join(alias(name, style)));
    }
    return n ? noVariant(wb, `${n}处楼号改写为“${alias('1#楼', style)}”式`) : null;
  },
};

const flattenFormulas: Transform = {
  kind: 'flatten-formulas',
  apply(wb) {
    const has = wb.sheets.some((s) => [...s.each()].some(([, , c]) => c.v && typeof c.v === 'object' && 'formula' in (c.v as object)));
    if (!has) return null;
    wb.flatten();
    return noVariant(wb, '公式改为数值（选择性粘贴为值）');
  },
};

const sheetRename: Transform = {
  kind: 'generic-sheet-names',
  apply(wb) {
    wb.sheets.forEach((s, i) => (s.name = `Sheet${i + 1}`));
    return noVariant(wb, '工作表改名为 Sheet1…SheetN');
  },
};

const labelSpacing: Transform = {
  kind: 'label-spacing',
  apply(wb, ctx) {
    let n = 0;
    const done = new Set<string>();
    for (const f of okFacts(ctx)) {
      if (!f.label || f.label.row !== f.row) continue;
      const key = `${f.label.sheet}!${f.label.row}:${f.label.col}`;
      if (done.has(key)) continue;
      done.add(key);
      const s = wb.sheet(f.label.sheet)!;
      const text = textOf(s.get(f.label.row, f.label.col));
      const bare = bareLabel(text);
      if (!bare || bare.length > 5 || !text.includes(bare)) continue;
      s.setValue(f.label.row, f.label.col, `${text.replace(bare, [...bare].join(' '))}：`);
      n++;
    }
    return n ? noVariant(wb, `${n}个短标签字间加空格并加冒号`) : null;
  },
};

const ENGLISH: Record<string, string> = {
  site_area: 'Site Area',
  gross_floor_area: 'Gross Floor Area',
  far: 'FAR',
  building_density: 'Building Coverage',
  green_ratio: 'Green Ratio',
  building_height: 'Building Height',
  green_building_star: 'Green Building Rating',
  assembly_ratio: 'Assembly Ratio',
  prefab_ratio: 'Prefabrication Ratio',
  renewable_substitution: 'Renewable Energy Substitution Rate',
  runoff_capture: 'Annual Runoff Control Rate',
};

const bilingualLabels: Transform = {
  kind: 'bilingual-labels',
  apply(wb, ctx) {
    let n = 0;
    const done = new Set<string>();
    for (const f of okFacts(ctx)) {
      if (!f.label || !ENGLISH[f.indicator]) continue;
      const key = `${f.label.sheet}!${f.label.row}:${f.label.col}`;
      if (done.has(key)) continue;
      done.add(key);
      const s = wb.sheet(f.label.sheet)!;
      const text = textOf(s.get(f.label.row, f.label.col));
      if (!text) continue;
      s.setValue(f.label.row, f.label.col, `${ENGLISH[f.indicator]} ${text}`);
      n++;
    }
    return n ? noVariant(wb, `${n}个标签改为中英双语`) : null;
  },
};

// ---------------------------------------------------------------- error / conflict transformations

/** Facts that are the only statement of their indicator in the workbook (by label text). */
function soleStatements(wb: WorkbookM, ctx: FuzzContext): Fact[] {
  const labelCount = new Map<string, number>();
  for (const s of wb.sheets) {
    for (const [, , cell] of s.each()) {
      const t = shown(cell.v);
      if (typeof t !== 'string' || t.length > 40) continue;
      for (const id of labelIndicators(t)) labelCount.set(id, (labelCount.get(id) ?? 0) + 1);
    }
  }
  const n = new Map<string, number>();
  for (const f of okFacts(ctx)) n.set(`${f.indicator}|${f.building ?? ''}`, (n.get(`${f.indicator}|${f.building ?? ''}`) ?? 0) + 1);
  // one label cell in the whole workbook (a column header or row label counts once for all buildings)
  return okFacts(ctx).filter((f) => (labelCount.get(f.indicator) ?? 0) <= 1 && n.get(`${f.indicator}|${f.building ?? ''}`) === 1);
}

/** Finding keys a fact decides through single-leaf conditions, with their expected verdict not n/a. */
function affectedBy(f: Fact, ctx: FuzzContext): string[] {
  const conds = singleLeafConditions(ctx, f.indicator, f.building !== null);
  const keys: string[] = [];
  for (const c of conds) {
    const k = findingKey(c.id, f.building);
    const e = ctx.expected.findings.find((x) => findingKey(x.conditionId, x.building) === k);
    if (e && e.verdict !== 'not_applicable') keys.push(k);
  }
  return keys;
}

function targetFacts(wb: WorkbookM, ctx: FuzzContext): Fact[] {
  return soleStatements(wb, ctx).filter((f) => affectedBy(f, ctx).length > 0);
}

const visibleDuplicate: Transform = {
  kind: 'visible-duplicate',
  error: true,
  apply(wb, ctx) {
    const targets = targetFacts(wb, ctx).filter((f) => opposite(f, ctx) !== null);
    if (!targets.length) return null;
    const f = ctx.rng.pick(targets);
    const def = indicator(f.indicator)!;
    const v = opposite(f, ctx)!;
    const s = new SheetM(wb.uniqueName('指标复核表'));
    const shownValue = typeof v === 'boolean' ? (v ? '是' : '否') : def.type === 'star' ? STAR_TEXT[v as number] : def.type === 'percent' ? `${v}%` : v;
    if (f.building === null) {
      s.set(1, 1, { v: '指标名称' });
      s.set(1, 2, { v: '设计值' });
      s.set(2, 1, { v: def.name });
      s.set(2, 2, { v: shownValue as CellValue });
    } else {
      s.set(1, 1, { v: '单体名称' });
      s.set(1, 2, { v: def.name });
      s.set(2, 1, { v: f.building });
      s.set(2, 2, { v: shownValue as CellValue });
    }
    wb.sheets.push(s);
    return { wb, override: new Map(affectedBy(f, ctx).map((k) => [k, ['review'] as Verdict[]])), what: `新增可见工作表重复填写“${def.name}”${f.building ? `（${f.building}）` : ''}为 ${String(shownValue)}` };
  },
};

function errorCell(kind: string, error: '#DIV/0!' | '#REF!'): Transform {
  return {
    kind,
    error: true,
    apply(wb, ctx) {
      const targets = targetFacts(wb, ctx).filter((f) => ['number', 'percent'].includes(indicator(f.indicator)?.type ?? ''));
      if (!targets.length) return null;
      const f = ctx.rng.pick(targets);
      const s = wb.sheet(f.sheet)!;
      s.setValue(f.row, f.col, error === '#DIV/0!' ? ({ formula: 'A1/0', result: { error } } as unknown as CellValue) : ({ error } as unknown as CellValue));
      return { wb, override: new Map(affectedBy(f, ctx).map((k) => [k, ['review'] as Verdict[]])), what: `${f.sheet}!R${f.row}C${f.col}（${indicator(f.indicator)!.name}）改为 ${error}` };
    },
  };
}

const CATEGORIES = ['安全耐久', '健康舒适', '生活便利', '资源节约', '环境宜居'];

const unreadableScoreTable: Transform = {
  kind: 'unreadable-score-table',
  error: true,
  apply(wb, ctx) {
    const star = ctx.conditions.conditions.filter((c) => leavesOf(c).some((l) => l.indicator === 'green_building_star'));
    if (!star.length) return null;
    for (const s of wb.sheets) {
      const catCells = [...s.each()].filter(([, , c]) => CATEGORIES.some((k) => textOf(c).replace(/\s+/g, '').startsWith(k)));
      if (catCells.length < 4) continue;
      const col = catCells[0][1];
      const rows = catCells.filter(([, c]) => c === col).map(([r]) => r);
      const bonusRow = [...s.each()].find(([, c, x]) => c === col && /^提高与创新/.test(textOf(x).replace(/\s+/g, '')));
      if (bonusRow) rows.push(bonusRow[0]);
      if (rows.length < 4) {
        continue; // a transposed table (categories along a row) is left alone
      }
      const numCols = [...new Set(rows.flatMap((r) => [...(s.cells.get(r)?.entries() ?? [])].filter(([c, x]) => c > col && numberOf(x) !== null).map(([c]) => c)))].sort((a, b) => a - b);
      if (numCols.length < 2) continue;
      wb.flatten();
      const [a, b] = numCols;
      rows.forEach((r, i) => {
        const x = numberOf(s.get(r, a));
        if (x !== null) s.setValue(r, b, x + [7, -5, 4, 12, -6][i % 5]);
      });
      const h = headerRowAbove(s, Math.min(...rows));
      if (h !== null) for (const c of numCols) s.set(h, c, undefined);
      for (const [r, , cell] of [...s.each()]) {
        if (!/^(总得分|总分)/.test(textOf(cell).replace(/\s+/g, ''))) continue;
        for (const [cc, x] of [...(s.cells.get(r)?.entries() ?? [])]) if (numberOf(x) !== null) s.set(r, cc, undefined);
      }
      // which buildings the sheet is about
      const named = ctx.buildings.map((x) => x.name).filter((n) => s.name.includes(n) || [...s.each()].some(([, , c]) => textOf(c) === n));
      const override = new Map<string, Verdict[]>();
      for (const c of star) {
        for (const e of ctx.expected.findings.filter((x) => x.conditionId === c.id && x.verdict !== 'not_applicable')) {
          const k = findingKey(e.conditionId, e.building);
          const mine = named.length === 0 || (e.building !== null && named.includes(e.building)) || (e.building === null && named.length > 0 && ctx.buildings.length <= 1);
          override.set(k, mine ? ['review'] : [e.verdict, ...(e.alsoAccept ?? []), 'review']);
        }
      }
      return { wb, override, what: `工作表“${s.name}”评分表去掉列标题与总得分、两列分值都像得分` };
    }
    return null;
  },
};

/**
 * A one-cell note line ("说明：以下…") merged across a table, between two of its rows: the table goes
 * on below it (corpus buildings-project-corner-fengxian: a note split a building table in two).
 */
const noteRowInside: Transform = {
  kind: 'note-row-inside',
  apply(wb, ctx) {
    for (const k of kvSheets(wb, ctx)) {
      const { s, facts, labelCol, valueCol } = k;
      const rows = [...new Set(facts.map((f) => f.row))].sort((a, b) => a - b);
      if (rows.length < 3) continue;
      const at = rows[Math.floor(rows.length / 2)];
      if (s.merges.some((m) => m.r1 < at && m.r2 >= at)) continue;
      const cols = [...(s.cells.get(at)?.keys() ?? [])];
      const left = Math.min(labelCol, ...cols);
      const right = Math.max(valueCol, ...cols);
      wb.flatten();
      s.insertRows(at, 1);
      s.set(at, left, { v: '说明：以下各项按现行计算规则逐项统计，计算过程详见计算书第3章，表中合计栏仅供参考。' });
      if (right > left) s.merges.push({ r1: at, c1: left, r2: at, c2: right });
      return noVariant(wb, `工作表“${s.name}”表格中间（第${at}行）插入一行合并的说明文字`);
    }
    return null;
  },
};

/**
 * The value column becomes the 施工图 column of a stage table: 方案 and 初步设计 columns with other
 * figures (verdicts flipped) are inserted before it; only the 施工图 figures count (corpus
 * design-stages-baoshan).
 */
const PLAIN_VALUE_HEAD = /^(设计值|设计指标|数值|指标值|设计数值|方案值|本项目|实际值|计算值)([（(].*[)）])?$/;

const earlierStageColumns: Transform = {
  kind: 'earlier-stage-columns',
  apply(wb, ctx) {
    for (const k of kvSheets(wb, ctx)) {
      const { s, facts, valueCol } = k;
      const first = Math.min(...facts.map((f) => f.row));
      const last = Math.max(...facts.map((f) => f.row));
      const h = headerRowAbove(s, first);
      if (h === null || !PLAIN_VALUE_HEAD.test(textOf(s.get(h, valueCol)).replace(/\s+/g, ''))) continue;
      if (s.merges.some((m) => m.c1 <= valueCol && m.c2 >= valueCol - 1 && m.c1 !== m.c2 && m.r2 >= h)) continue;
      // other tables on the sheet would be cut by the inserted columns
      if ([...s.each()].some(([r, c]) => (r < h || r > last) && c >= valueCol)) continue;
      wb.flatten();
      s.insertCols(valueCol, 2);
      const v = valueCol + 2;
      const style = s.get(h, v)?.style;
      s.set(h, valueCol, { v: '方案', style });
      s.set(h, valueCol + 1, { v: '初步设计', style });
      s.set(h, v, { v: '施工图', style });
      for (let r = first; r <= last; r++) {
        const cell = s.get(r, v);
        if (!cell) continue;
        for (const c of [valueCol, valueCol + 1]) {
          s.set(r, c, { ...cell });
          const f = facts.find((x) => x.row === r);
          const o = f ? opposite(f, ctx) : null;
          if (f && o !== null && !writeNormalised(s, r, c, f, o)) s.set(r, c, { ...cell });
        }
      }
      return noVariant(wb, `工作表“${s.name}”设计值列改为“施工图”，其前插入“方案”“初步设计”两列（数值不同）`);
    }
    return null;
  },
};

export const SAME_FACTS: readonly Transform[] = [
  coverToc,
  staleCopy('hidden-stale-copy', 'hidden'),
  staleCopy('very-hidden-stale-copy', 'veryHidden'),
  hiddenStaleRows,
  transposeSheet,
  twoHeaderRows,
  requirementColumn,
  maxScoreSwap,
  notesColumn('notes-column', false),
  notesColumn('notes-numeric', true),
  areasInWan,
  fullWidth,
  approxPrefix,
  boundPrefix,
  bracketNotes,
  percentAsText,
  percentAsFormat,
  mergedLabels,
  synonyms,
  shuffleRows,
  blankOffset,
  blankSpacers,
  numberingPrefix,
  unitColumn,
  buildingRespell,
  flattenFormulas,
  sheetRename,
  labelSpacing,
  bilingualLabels,
  noteRowInside,
  earlierStageColumns,
];

export const ERRORS: readonly Transform[] = [visibleDuplicate, errorCell('error-div0', '#DIV/0!'), errorCell('error-ref', '#REF!'), unreadableScoreTable];

export const ALL: readonly Transform[] = [...SAME_FACTS, ...ERRORS];
