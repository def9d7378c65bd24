// Segments and groups of a clause sentence (docs/contract-text.md §1 step 5): the sentence split at
// commas into segments, each a building filter and/or requirements; filter-only segments qualify
// the next one, segments without a filter continue the previous subject, segments with the same
// filter form one group (one condition), 其中 narrows the subject. Anything whose grouping the
// words do not settle is a refusal.
import type { Token, TokenOf } from './tokens';
import { parseRequirements, Refusal, type Unit } from './units';
import type { PlainUse } from './words';

export interface Filter {
  uses: PlainUse[];
  categories: Array<TokenOf<'category'>>;
  bounds: Array<TokenOf<'filter'>>;
  facts: Array<TokenOf<'fact'>>;
  parcels: Array<TokenOf<'parcel'>>;
  tokens: Token[];
}

export interface Segment {
  /** Which comma-separated part of the sentence it is (0-based). */
  region: number;
  join: 'any' | 'all' | null;
  subset: boolean;
  /** The group of a requirement named by its topic only ("住宅建筑应采用装配式建筑"): the subject of what follows, not a qualifier. */
  named?: true;
  filter: Filter;
  units: Unit[];
  joins: Array<'any' | 'all'>;
}

const FILTER_KINDS = new Set<Token['kind']>(['use', 'category', 'filter', 'fact']);

function emptyFilter(): Filter {
  return { uses: [], categories: [], bounds: [], facts: [], parcels: [], tokens: [] };
}

export function splitSegments(tokens: Token[], named: ReadonlySet<string>): Segment[] {
  const raw: Token[][] = [[]];
  for (const t of tokens) {
    if (t.kind === 'comma') raw.push([]);
    else raw[raw.length - 1].push(t);
  }
  const out: Segment[] = [];
  let previous: Unit | null = null;
  for (const [region, all] of raw.entries()) {
    if (all.length === 0) continue;
    // "全部执行装配式建筑要求，单体或平均装配率不低于40%": a segment that only names the subject of a
    // requirement stated in the sentence (装配式建筑 → 装配率) adds nothing to it.
    // "住宅建筑应采用装配式建筑，装配率不低于50%": with a group in front, the segment names whose requirement follows.
    const own = (t: Token) => t.kind === 'topic' || t.kind === 'verb' || FILTER_KINDS.has(t.kind) || (t.kind === 'conn' && t.mode === 'list');
    const topicOnly = all.every(own) && all.some((t) => t.kind === 'topic') && all.every((t) => t.kind !== 'topic' || t.indicators.some((id) => named.has(id)));
    const toks = topicOnly ? all.filter((t) => t.kind !== 'topic' && t.kind !== 'verb') : all;
    if (toks.length === 0) continue;
    let k = 0;
    let join: Segment['join'] = null;
    let subset = false;
    for (; k < toks.length; k++) {
      const t = toks[k];
      if (t.kind === 'conn' && (t.mode === 'any' || t.mode === 'all') && join === null) join = t.mode;
      else if (t.kind === 'subset') subset = true;
      else break;
    }
    const filter = emptyFilter();
    const rest: Token[] = [];
    let implied = false;
    let seenRequirement = false;
    for (const t of toks.slice(k)) {
      if (t.kind === 'verb') {
        implied = true;
        continue;
      }
      if (t.kind === 'subset') throw new Refusal('ambiguous', '“其中”的位置无法理解');
      const isFilter = FILTER_KINDS.has(t.kind) || (t.kind === 'parcel' && !t.row);
      if (isFilter) {
        if (seenRequirement) throw new Refusal('scope-not-expressible', `适用范围“${t.text}”写在要求之后，归属不明确，请人工编写该条件`);
        addFilter(filter, t);
        continue;
      }
      if (t.kind === 'conn' && !seenRequirement) {
        filter.tokens.push(t); // between groups of the filter: 居住建筑和公共建筑
        continue;
      }
      seenRequirement = true;
      rest.push(t);
    }
    const parsed = parseRequirements(rest, implied, previous);
    if (parsed.units.length) previous = parsed.units[parsed.units.length - 1];
    out.push({ region, join, subset, filter, units: parsed.units, joins: parsed.joins, ...(topicOnly ? { named: true } : {}) });
  }
  return out;
}

function addFilter(f: Filter, t: Token): void {
  f.tokens.push(t);
  if (t.kind === 'use') for (const u of t.uses) if (!f.uses.includes(u)) f.uses.push(u);
  if (t.kind === 'category') f.categories.push(t);
  if (t.kind === 'filter') f.bounds.push(t);
  if (t.kind === 'fact') {
    f.facts.push(t);
    for (const u of t.uses ?? []) if (!f.uses.includes(u)) f.uses.push(u);
  }
  if (t.kind === 'parcel') f.parcels.push(t);
}

export function groupsOf(f: Filter): number {
  return f.uses.length + f.categories.length;
}

export function isEmpty(f: Filter): boolean {
  return f.uses.length + f.categories.length + f.bounds.length + f.facts.length + f.parcels.length === 0;
}

function merge(a: Filter, b: Filter): Filter {
  const out = emptyFilter();
  for (const t of [...a.tokens, ...b.tokens]) {
    if (t.kind === 'conn') out.tokens.push(t);
    else addFilter(out, t);
  }
  return out;
}

function filterKey(f: Filter): string {
  return JSON.stringify([
    [...f.uses].sort(),
    f.categories.map((c) => c.text).sort(),
    f.bounds.map((b) => [b.what, b.bound]),
    f.facts.map((x) => [x.id, x.value]),
    f.parcels.map((p) => p.code),
  ]);
}

/**
 * 其中: the part of the subject the own filter names — the subject's facts, bounds and parcel with
 * the own groups of buildings, which must lie within the subject's.
 */
function narrow(subject: Filter, own: Filter): Filter {
  const ownUses = new Set([...own.uses, ...own.categories.flatMap((c) => c.uses)]);
  const subjectUses = new Set([...subject.uses, ...subject.categories.flatMap((c) => c.uses)]);
  if (subjectUses.size > 0 && ownUses.size > 0 && [...ownUses].some((u) => !subjectUses.has(u))) {
    throw new Refusal('ambiguous', '“其中”所指的建筑不在前文的适用范围之内，无法确定');
  }
  const keep = ownUses.size > 0 ? subject.tokens.filter((t) => t.kind !== 'use' && t.kind !== 'category' && t.kind !== 'conn') : subject.tokens;
  return merge({ ...emptyFilter(), tokens: [] }, merge(tokensOnly(keep), own));
}

function tokensOnly(tokens: Token[]): Filter {
  const f = emptyFilter();
  for (const t of tokens) {
    if (t.kind === 'conn') f.tokens.push(t);
    else addFilter(f, t);
  }
  return f;
}

export interface Group {
  filter: Filter;
  segments: Segment[];
  /** The parts of the sentence it was read from (its segments and the filters before them). */
  regions: number[];
}

export function groupSegments(segments: Segment[]): Group[] {
  const groups: Group[] = [];
  let pending = emptyFilter();
  let pendingNamed = false;
  let pendingRegions: number[] = [];
  let subject: Filter | null = null;
  for (const seg of segments) {
    if (seg.units.length === 0) {
      if (seg.subset) throw new Refusal('ambiguous', '“其中”之后没有要求');
      pending = merge(pending, seg.filter);
      pendingNamed ||= !!seg.named;
      pendingRegions.push(seg.region);
      continue;
    }
    const regions = [...pendingRegions, seg.region];
    pendingRegions = [];
    // "住宅建筑应采用装配式建筑，公共建筑装配率不低于40%": a requirement on one group, then a value for another.
    if (pendingNamed && !isEmpty(seg.filter)) throw new Refusal('ambiguous', '前一分句对一类建筑提出要求但未写数值，后一分句又写了另一适用范围，无法确定数值对应哪类建筑');
    pendingNamed = false;
    let filter = merge(pending, seg.filter);
    pending = emptyFilter();
    if (seg.subset && isEmpty(filter)) throw new Refusal('ambiguous', '“其中”之后未写明适用范围');
    if (seg.subset && subject) filter = narrow(subject, filter);
    if (isEmpty(filter) && subject && !seg.subset) filter = subject;
    subject = filter;
    const last = groups[groups.length - 1];
    if (last && !seg.subset && filterKey(last.filter) === filterKey(filter)) {
      last.segments.push(seg);
      last.regions.push(...regions);
      continue;
    }
    if (last && seg.join === 'any') throw new Refusal('ambiguous', '不同适用范围的要求之间以“或”连接，条件文件无法表达');
    // "新建公共建筑…一星级以上，政府投资的达到二星级以上": without a group of its own, the later part may
    // mean the group named before (政府投资的公共建筑) or the whole project — never guessed.
    if (last && !seg.subset && groupsOf(filter) === 0 && groupsOf(last.filter) > 0) {
      const words = filter.tokens.map((t) => t.text).join('');
      throw new Refusal('ambiguous', `“${words}”未写明建筑类别，可能承接前文的建筑类别，也可能指整个项目，请人工编写该条件`);
    }
    groups.push({ filter, segments: [seg], regions });
  }
  if (!isEmpty(pending)) throw new Refusal('no-value', '句末的适用范围之后没有要求');
  return groups;
}
