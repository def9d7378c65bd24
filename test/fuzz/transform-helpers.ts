// Helpers of the layout fuzzer's transformations: numbers and labels as a sheet writes them, the
// conditions that use an indicator, a value that flips a verdict, and where a sheet's key/value
// facts and its header row are.
import { INDICATORS, indicator } from '../../shared/model/indicators';
import type { ImportedScalar, LeafRule, Rule } from '../../shared/model/types';
import { numberOf, shown, SheetM, textOf, WorkbookM, type CellM } from './workbook-model';
import { type Fact, type FuzzContext, type Transform, type Variant } from './transforms';

// ---------------------------------------------------------------- small helpers

export const FULL = '０１２３４５６７８９';
export const toFullWidth = (s: string) => s.replace(/[0-9]/g, (d) => FULL[Number(d)]).replace(/%/g, '％');
export const clean = (x: number) => Number(x.toPrecision(12));
export const isPercentFmt = (cell: CellM | undefined) => !!cell?.numFmt && cell.numFmt.includes('%');

/** The cell as the user reads it, for numeric cells: "61.5%" for 0.615 in a percent format. */
export function numberText(cell: CellM): string | null {
  const n = numberOf(cell);
  if (n === null) return null;
  return isPercentFmt(cell) ? `${clean(n * 100)}%` : String(clean(n));
}

export const UNIT_AT_END = /\s*[（(]([^（()）]{1,16})[)）]\s*[:：]?\s*$/;
export const NUMBERING = /^\s*(?:[（(]?[0-9一二三四五六七八九十]+(?:\.[0-9]+)*[)）]?[、.．]?|[0-9]+(?:\.[0-9]+)+)\s*/;

/** A label without numbering, 其中, unit brackets, colon and spaces: "3.1 地上建筑面积（㎡）：" → "地上建筑面积". */
export function bareLabel(text: string): string {
  return text.replace(NUMBERING, '').replace(/^其中[:：]?/, '').replace(UNIT_AT_END, '').replace(/[:：]\s*$/, '').replace(/\s+/g, '');
}

/** Indicator ids a label names, by the catalogue. */
export function labelIndicators(text: string): string[] {
  const b = bareLabel(text);
  return INDICATORS.filter((d) => d.labels.some((l) => l.replace(/\s+/g, '') === b)).map((d) => d.id);
}

export function leavesOf(r: Rule): LeafRule[] {
  if ('anyOf' in r) return r.anyOf.flatMap(leavesOf);
  if ('allOf' in r) return r.allOf.flatMap(leavesOf);
  return [r];
}

/** Single-leaf conditions on an indicator in a scope (project: scope absent or 'project'). */
export function singleLeafConditions(ctx: FuzzContext, indicatorId: string, building: boolean) {
  return ctx.conditions.conditions.filter((c) => {
    if ('anyOf' in c || 'allOf' in c) return false;
    const scopeBuilding = c.scope === 'building';
    return scopeBuilding === building && (c as LeafRule).indicator === indicatorId;
  }) as (LeafRule & { id: string })[];
}

export function allLeaves(ctx: FuzzContext, indicatorId: string): LeafRule[] {
  return ctx.conditions.conditions.flatMap((c) => leavesOf(c)).filter((l) => l.indicator === indicatorId);
}

export const OP_TEXT: Record<string, string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '==': '=' };
export const STAR_TEXT = ['基本级', '一星级', '二星级', '三星级'];

/** A requirement as a planning-condition column writes it ("≥35%", "≤2.5", "二星级及以上"). */
export function requirementText(l: LeafRule): string {
  const def = indicator(l.indicator);
  if (def?.type === 'boolean') return l.value ? '是' : '否';
  if (def?.type === 'star') return `${STAR_TEXT[Number(l.value)]}${l.op === '>=' ? '及以上' : ''}`;
  const unit = def?.unit === '%' ? '%' : def?.unit === 'm' ? 'm' : '';
  return `${OP_TEXT[l.op]}${l.value}${unit}`;
}

export function satisfies(v: number, l: LeafRule): boolean {
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
export function opposite(f: Fact, ctx: FuzzContext): ImportedScalar | null {
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
export function writeNormalised(s: SheetM, r: number, c: number, f: Fact, v: ImportedScalar): boolean {
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

export function okFacts(ctx: FuzzContext): Fact[] {
  return ctx.facts.filter((f) => f.ok && f.value !== null);
}

export const factsOn = (ctx: FuzzContext, sheet: string) => okFacts(ctx).filter((f) => f.sheet === sheet);

/** The sheet holding most facts. */
export function mainSheet(wb: WorkbookM, ctx: FuzzContext): SheetM | undefined {
  const count = new Map<string, number>();
  for (const f of okFacts(ctx)) count.set(f.sheet, (count.get(f.sheet) ?? 0) + 1);
  const best = [...count.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  return best ? wb.sheet(best[0]) : undefined;
}

/** Project facts of a sheet written as "label | … | value" on one row, grouped by the (label, value) columns most of them use. */
export function kvGroup(ctx: FuzzContext, sheet: string): { facts: Fact[]; labelCol: number; valueCol: number } | null {
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

/** Sheets with key/value facts, most first, with their (label, value) columns and the rows the facts span. */
export function kvSheets(wb: WorkbookM, ctx: FuzzContext): { s: SheetM; facts: Fact[]; labelCol: number; valueCol: number; first: number; last: number }[] {
  const out = [];
  for (const name of new Set(okFacts(ctx).map((f) => f.sheet))) {
    const g = kvGroup(ctx, name);
    const s = wb.sheet(name);
    if (g && s) out.push({ s, ...g, first: Math.min(...g.facts.map((f) => f.row)), last: Math.max(...g.facts.map((f) => f.row)) });
  }
  return out.sort((a, b) => b.facts.length - a.facts.length || a.s.name.localeCompare(b.s.name));
}

/** A header row just above `row`: at least two text cells, no numbers, not a one-cell title. */
export function headerRowAbove(s: SheetM, row: number): number | null {
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

export const noVariant = (wb: WorkbookM, what: string): Variant => ({ wb, override: new Map(), what });

/**
 * A transformation that rewrites the label cells of the facts (those `which` keeps), each label cell
 * once, in the facts' order: `rewrite` gets the label's text, its fact and how many labels were
 * rewritten so far, and returns the new text or null to leave it. `what` says what was done to
 * each (Chinese, after the count). No label rewritten → null.
 */
export function labelRewrite(kind: string, what: string, rewrite: (text: string, f: Fact, ctx: FuzzContext, n: number) => string | null, which: (f: Fact) => boolean = () => true): Transform {
  return {
    kind,
    apply(wb, ctx) {
      let n = 0;
      const done = new Set<string>();
      for (const f of okFacts(ctx)) {
        if (!f.label || !which(f)) continue;
        const key = `${f.label.sheet}!${f.label.row}:${f.label.col}`;
        if (done.has(key)) continue;
        done.add(key);
        const s = wb.sheet(f.label.sheet)!;
        const out = rewrite(textOf(s.get(f.label.row, f.label.col)), f, ctx, n);
        if (out === null) continue;
        s.setValue(f.label.row, f.label.col, out);
        n++;
      }
      return n ? noVariant(wb, `${n}个${what}`) : null;
    },
  };
}

/** A plain design-value column head (设计值, 数值, 本项目 …), with an optional bracket. */
const PLAIN_VALUE_HEAD = /^(设计值|设计指标|数值|指标值|设计数值|方案值|本项目|实际值|计算值)([（(].*[)）])?$/;

/**
 * Inserts two columns before a key/value table's plain value column and renames the three heads
 * (`heads`: the two new ones, then the value column's); null where the table does not allow it
 * (no plain head, a merge across the value column, another table right of it). Returns the rows
 * of the facts and the value column's new index.
 */
export function twoColumnsBefore(wb: WorkbookM, s: SheetM, facts: Fact[], valueCol: number, heads: [string, string, string]): { first: number; last: number; v: number } | null {
  const first = Math.min(...facts.map((f) => f.row));
  const last = Math.max(...facts.map((f) => f.row));
  const h = headerRowAbove(s, first);
  if (h === null || !PLAIN_VALUE_HEAD.test(textOf(s.get(h, valueCol)).replace(/\s+/g, ''))) return null;
  if (s.merges.some((m) => m.c1 <= valueCol && m.c2 >= valueCol - 1 && m.c1 !== m.c2 && m.r2 >= h)) return null;
  // other tables on the sheet would be cut by the inserted columns
  if ([...s.each()].some(([r, c]) => (r < h || r > last) && c >= valueCol)) return null;
  wb.flatten();
  s.insertCols(valueCol, 2);
  const v = valueCol + 2;
  const style = s.get(h, v)?.style;
  heads.forEach((t, i) => s.set(h, valueCol + i, { v: t, style }));
  return { first, last, v };
}
