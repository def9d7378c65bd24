// Area totals that the sheet's own parts contradict (docs/evidence-policy.md `parts-dont-add`):
// 总建筑面积 vs 地上 + 地下 (GB/T 50353-2013 §3.0.1), 计容建筑面积 vs its 其中 rows, any area whose
// stated parts are complete and disagree with it beyond rounding. Data: shared/data/area-sums.json.
import type { ImportedValue } from '../model/types';
import sums from '../data/area-sums.json';
import { fold } from '../import/text';
import { indicatorName } from '../model/indicators';

/** A total and the sum of its parts, read in the same scope. */
export interface PartsReading {
  /** The indicator whose total is contradicted. */
  indicator: string;
  total: ImportedValue;
  /** Sum of the parts, in the indicator's unit. */
  sum: number;
  parts: Array<{ label: string; value: number; source: string }>;
  /** Beyond the rounding tolerance (a smaller non-zero difference only matters when it changes a verdict). */
  beyondRounding: boolean;
  /** Why the parts are taken as the whole, in Chinese ("地上与地下合为总建筑面积"). */
  why: string;
}

interface Dimension {
  id: string;
  classes: Record<string, string[]>;
  exhaustive: string[][];
  residual?: string;
}

const DIMENSIONS = sums.dimensions as unknown as Dimension[];
const TOLERANCE = sums.tolerance;

/** max(1 m², 0.1 % of the total) (shared/data/area-sums.json `tolerance`, with its reason). */
export function roundingTolerance(total: number): number {
  return Math.max(TOLERANCE.absolute, Math.abs(total) * TOLERANCE.relative);
}

const okNumber = (v: ImportedValue | undefined): v is ImportedValue & { value: number } =>
  !!v && v.status === 'ok' && typeof v.value === 'number' && Number.isFinite(v.value) && !v.bound;

/**
 * The readings of `id`'s total in this scope that its parts contradict: a partition the data
 * define (总建筑面积 = 地上 + 地下, both stated in the scope), and the 其中 parts stated under it.
 */
export function partsReadings(values: Record<string, ImportedValue>, id: string): PartsReading[] {
  const total = values[id];
  if (!okNumber(total)) return [];
  const out: PartsReading[] = [];
  for (const p of sums.partitions) {
    if (p.total !== id) continue;
    const parts = p.parts.map((k) => values[k]);
    // a building's own total against the project's parts (inherited through the scope) is no partition
    if (!parts.every(okNumber) || p.parts.some((k) => Object.hasOwn(values, k) !== Object.hasOwn(values, id))) continue;
    const items = parts.map((v) => ({ label: v.label || v.indicator, value: v.value as number, source: v.source }));
    const r = reading(id, total, items, p.words);
    if (r) out.push(r);
  }
  const b = total.breakdown;
  if (b?.length && !out.some((r) => sameParts(r.parts, b))) {
    const why = total.breakdownClaim ?? breakdownClaim(b.map((x) => x.label), b.reduce((s, x) => s + x.value, 0), total.value);
    if (why) {
      const r = reading(id, total, b, why);
      if (r) out.push(r);
    }
  }
  return out;
}

function reading(id: string, total: ImportedValue & { value: number }, parts: PartsReading['parts'], why: string): PartsReading | null {
  const sum = parts.reduce((s, x) => s + x.value, 0);
  const diff = Math.abs(sum - total.value);
  if (diff < 1e-6 * Math.max(1, Math.abs(total.value))) return null;
  return { indicator: id, total, sum, parts, beyondRounding: diff > roundingTolerance(total.value), why };
}

function sameParts(a: PartsReading['parts'], b: PartsReading['parts']): boolean {
  return a.length === b.length && a.every((x) => b.some((y) => y.source === x.source));
}

/**
 * When 其中 parts are meant to add up to the total, in words, or null. Every part must name a
 * class of one dimension (地上/地下, 计容/不计容, uses, kinds of green), each class once (no part
 * inside another). A sum above the total is always a contradiction (parts cannot exceed their
 * whole); a sum below it only when the parts claim to be the whole: an exhaustive set of classes
 * (地上 + 地下) or a residual class (其他). Partial lists ("其中：集中绿地, 宅旁绿地") claim nothing.
 */
export function breakdownClaim(labels: string[], sum: number, total: number): string | null {
  // parts no dimension knows (A区, B区): only a sum above the total, and only when no part names another
  const known = labels.some((l) => DIMENSIONS.some((d) => classOf(d, l) !== null));
  if (!known) {
    const keys = labels.map(fold);
    const nested = keys.some((a, i) => keys.some((b, j) => i !== j && b.includes(a)));
    return sum > total && !nested ? '其中各项不能大于总数' : null;
  }
  for (const d of DIMENSIONS) {
    const classes = labels.map((l) => classOf(d, l));
    if (classes.some((c) => c === null) || new Set(classes).size !== classes.length) continue;
    const present = new Set(classes as string[]);
    if (sum > total) return '其中各项不能大于总数';
    if (d.exhaustive.some((set) => set.every((c) => present.has(c)))) return `其中各项（${[...present].join('、')}）合为总数`;
    if (d.residual && present.has(d.residual)) return `其中各项含“${d.residual}”，合为总数`;
    return null;
  }
  return null;
}

/** The class a part's label names in one dimension (the longest matching word wins: 不计容 over 计容). */
function classOf(d: Dimension, label: string): string | null {
  const t = fold(label);
  let best: { cls: string; len: number } | null = null;
  for (const [cls, words] of Object.entries(d.classes)) {
    for (const w of words) if (t.includes(fold(w)) && (!best || w.length > best.len)) best = { cls, len: w.length };
  }
  return best?.cls ?? null;
}

/** "表中计容建筑面积 78000（指标!E5）与其组成 住宅 70000（指标!E6） + 商业 12000（指标!E7） = 82000 不一致（…）". */
export function partsWords(r: PartsReading): string {
  const items = r.parts.map((p) => `${p.label} ${num(p.value)}（${p.source}）`).join(' + ');
  return `表中${indicatorName(r.indicator)} ${num(r.total.value as number)}（${r.total.source}）与其组成 ${items} = ${num(r.sum)} 不一致（${r.why}）`;
}

/**
 * Whether a clause applies is decided on an area (单体建筑面积, 项目总建筑面积) that the sheet's own
 * parts contradict beyond rounding: it cannot be told (applicability gates, docs/evidence-policy.md).
 */
export function partsGate(
  values: Record<string, ImportedValue>,
  id: string,
  who: string,
  /** Whether the clause applies at an area; when given, only a sum under which it would apply counts. */
  applies?: (area: number) => boolean,
): { verdict: 'review'; message: string; source: string } | null {
  const r = partsReadings(values, id).find((x) => x.beyondRounding && (!applies || applies(x.sum)));
  if (!r) return null;
  const other = applies ? `，按各项之和 ${num(r.sum)} 本条适用` : '';
  return { verdict: 'review', message: `${who}${partsWords(r)}${other}，不能据以判断本条是否适用，请核对`, source: r.total.source };
}

function num(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 10000) / 10000);
}
