// Building filters written into a clause (docs/contract-text.md): "单体建筑面积2万平方米以上的公共建筑",
// "高度100米以上（不含100米）的居住建筑", "建筑高度在60米（含）以下时", "十二层及以上的住宅",
// "总建筑面积3万平方米（含）以上的新建项目". A phrase is a filter only when it qualifies what follows
// (…的公共建筑, …时，); otherwise it is a requirement ("建筑高度不超过80米") and left to the indicators.
import type { Bound, Op } from '../model/types';
import { chineseNumber, findQuantity } from './quantity';
import type { FilterWhat, Scanner } from './tokens';
import { CATEGORIES, POSTFIX_COMPARATORS, PREFIX_COMPARATORS, USE_WORDS } from './words';
import { PROJECT_FACTS } from './facts';

/** What may follow a filter phrase (after 的/时): a group of buildings or a project. */
const FOLLOWERS = [
  '新建',
  '项目',
  '建筑',
  '公建',
  '住宅',
  '单体',
  '楼',
  ...USE_WORDS.map((u) => u.word),
  ...CATEGORIES.map((c) => c.word),
  ...PROJECT_FACTS.flatMap((f) => f.words),
];

interface Phrase {
  end: number;
  op: Op | null;
  value: number;
  unit: string;
  statutory: boolean;
  problem?: string;
}

/** A bound written at `at`: [comparator] number unit [（含）/（不含…）] [以上/以下] [（含）]. */
function boundAt(s: string, at: number, units: readonly string[], chineseUnit?: string): Phrase | null {
  let j = at;
  const pre = PREFIX_COMPARATORS.find((c) => s.startsWith(c.word, j));
  if (pre) j += pre.word.length;
  let value: number;
  let unit: string;
  const q = findQuantity(s, j, j + 1);
  if (q && q.start === j && q.unit && units.includes(q.unit.unit === '?' ? q.unit.word : q.unit.unit)) {
    value = q.value;
    unit = q.unit.unit === '?' ? q.unit.word : q.unit.unit;
    j = q.end;
  } else if (chineseUnit) {
    const m = new RegExp(`^([零〇一二两三四五六七八九十百]+)${chineseUnit}`).exec(s.slice(j));
    if (!m || Number.isNaN(chineseNumber(m[1]))) return null;
    value = chineseNumber(m[1]);
    unit = chineseUnit;
    j += m[0].length;
  } else return null;
  let incl: boolean | undefined;
  const inclAt = (k: number) => /^\((不)?含(?:本数|[\d.]+万?(?:米|m|层|平方米|㎡|m²)?)?\)/.exec(s.slice(k));
  let m = inclAt(j);
  if (m) {
    incl = !m[1];
    j += m[0].length;
  }
  const post = POSTFIX_COMPARATORS.find((p) => s.startsWith(p.word, j));
  if (post) j += post.word.length;
  m = inclAt(j);
  if (m) {
    if (incl !== undefined && incl !== !m[1]) return { end: j + m[0].length, op: null, value, unit, statutory: false, problem: '含/不含前后矛盾' };
    incl = !m[1];
    j += m[0].length;
  }
  if (!pre && !post && incl !== undefined) return null;
  const ops = new Set<Op>();
  if (pre) ops.add(pre.op);
  if (post) ops.add(incl === undefined || post.inclusive === 'explicit' ? post.op : strictness(post.op, incl));
  const statutory = !!post && post.inclusive === 'statutory' && incl === undefined;
  const op = ops.size === 1 ? [...ops][0] : null;
  return { end: j, op, value, unit, statutory, ...(ops.size > 1 ? { problem: '比较用语相互矛盾' } : {}) };
}

/** 以上 → ≥ or >, 以下 → ≤ or <, by an explicit （含）/（不含）. */
function strictness(op: Op, inclusive: boolean): Op {
  if (op === '>=' || op === '>') return inclusive ? '>=' : '>';
  if (op === '<=' || op === '<') return inclusive ? '<=' : '<';
  return op;
}

function toBound(op: Op, v: number): Bound | null {
  switch (op) {
    case '>=':
      return { gte: v };
    case '>':
      return { gt: v };
    case '<=':
      return { lte: v };
    case '<':
      return { lt: v };
    default:
      return null;
  }
}

/** End of the filter (after 的/时) when what follows is a group of buildings, else -1. */
function qualifies(s: string, end: number): number {
  let j = end;
  const marker = /^(?:的|时|之)/.exec(s.slice(j));
  if (marker) j += marker[0].length;
  if (marker?.[0] === '时' && /^[,，]/.test(s.slice(j))) return j;
  return FOLLOWERS.some((w) => s.startsWith(w, j)) ? j : -1;
}

interface Keyword {
  words: string[];
  what: FilterWhat | 'aboveGround' | 'site';
}

const AREA_KEYWORDS: Keyword[] = [
  { words: ['单体地上建筑面积', '地上建筑面积', '地上建筑规模', '地下建筑面积'], what: 'aboveGround' },
  { words: ['总建筑面积', '建筑总面积', '总建筑规模', '建筑规模'], what: 'projectFloorArea' },
  { words: ['单体建筑面积', '建筑面积'], what: 'floorArea' },
  { words: ['用地面积', '占地面积'], what: 'site' },
];

export function scanFilters(sc: Scanner): void {
  areaFilters(sc);
  heightFilters(sc);
  floorFilters(sc);
}

function emit(sc: Scanner, start: number, end: number, what: FilterWhat, p: Phrase, problem?: string): void {
  const bound = p.op ? toBound(p.op, p.value) : null;
  const why = problem ?? p.problem ?? (bound ? undefined : '未写明是以上还是以下');
  sc.take({ ...sc.span(start, end), kind: 'filter', what, bound: bound ?? {}, statutory: p.statutory, ...(why ? { problem: why } : {}) });
}

function areaFilters(sc: Scanner): void {
  for (const k of AREA_KEYWORDS) {
    for (const w of k.words) {
      for (let i = sc.masked.indexOf(w); i >= 0; i = sc.masked.indexOf(w, i + 1)) {
        if (!sc.isFree(i, i + w.length)) continue;
        let j = i + w.length;
        const verb = /^(?:在|为)/.exec(sc.masked.slice(j));
        if (verb) j += verb[0].length;
        const p = boundAt(sc.masked, j, ['m²']);
        if (!p) continue;
        const end = qualifies(sc.masked, p.end);
        if (end < 0) continue; // a requirement on the area, not a filter
        const what: FilterWhat = k.what === 'projectFloorArea' ? 'projectFloorArea' : 'floorArea';
        const problem =
          k.what === 'aboveGround' ? `按${w}筛选，条件文件只能按单体或项目的总建筑面积筛选` : k.what === 'site' ? `按${w}筛选，条件文件无法表达` : undefined;
        emit(sc, i, end, what, p, problem);
      }
    }
  }
}

function heightFilters(sc: Scanner): void {
  // With a keyword: "(建筑)高度(在)100米以上（不含100米）的", "建筑高度在60米（含）以下时".
  sc.regex(/(?:建筑)?高度(?:在|为)?/g, (_m, s) => {
    const p = boundAt(sc.masked, s.end, ['m']);
    if (!p) return null;
    const end = qualifies(sc.masked, p.end);
    if (end < 0) return null;
    emit(sc, s.start, end, 'height', p);
    return null;
  });
  // Without: "100米以上的居住建筑" (a postfix comparator is then required).
  for (let from = 0; from < sc.masked.length; ) {
    const q = findQuantity(sc.masked, from);
    if (!q) break;
    from = q.end;
    if (q.unit?.unit !== 'm' || !sc.isFree(q.start, q.end)) continue;
    const start = PREFIX_COMPARATORS.find((c) => sc.masked.slice(0, q.start).endsWith(c.word));
    const at = start ? q.start - start.word.length : q.start;
    const p = boundAt(sc.masked, at, ['m']);
    if (!p || !POSTFIX_COMPARATORS.some((c) => sc.masked.slice(q.end, p.end).includes(c.word))) continue;
    const end = qualifies(sc.masked, p.end);
    if (end < 0 || !sc.isFree(at, end)) continue;
    emit(sc, at, end, 'height', p);
  }
}

function floorFilters(sc: Scanner): void {
  for (let i = 0; i < sc.masked.length; i++) {
    if (!/[\d零〇一二两三四五六七八九十]/.test(sc.masked[i]) || (i > 0 && /[\d.零〇一二两三四五六七八九十百]/.test(sc.masked[i - 1]))) continue;
    const pre = PREFIX_COMPARATORS.find((c) => sc.masked.slice(0, i).endsWith(c.word));
    const at = pre ? i - pre.word.length : i;
    const kw = /(?:地上层数|建筑层数|层数)(?:在|为)?$/.exec(sc.masked.slice(Math.max(0, at - 8), at));
    const start = kw ? at - kw[0].length : at;
    const p = boundAt(sc.masked, at, ['层'], '层');
    if (!p || p.unit !== '层') continue;
    const end = qualifies(sc.masked, p.end);
    if (end < 0 || !sc.isFree(start, end)) continue;
    emit(sc, start, end, 'floors', p);
  }
}
