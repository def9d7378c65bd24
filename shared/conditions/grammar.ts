// One sentence of contract text → its conditions, or a refusal with the reason (docs/contract-text.md).
// The sentence is first checked as a whole (policy targets, advisory wording, references to other
// sentences, groups a condition cannot express, words left unexplained); then split at commas
// into segments, each a building filter and/or requirements. A filter-only segment qualifies the
// next one ("高度100米以上的居住建筑，…"); a segment without a filter continues the previous
// subject; segments with the same filter form one condition (且 by default, 或 when written),
// segments with different filters (住宅…，公共建筑…; 其中…) separate conditions (segments.ts).
import type { Aggregate, AppliesTo, Bound, LeafRule, Rule } from '../model/types';
import { projectFact } from './facts';
import type { Token, TokenOf } from './tokens';
import { Refusal, type Unit } from './units';
import { groupSegments, splitSegments, type Filter, type Group, type Segment } from './segments';
import { BUILDING_SCOPE_WORDS, SITE_INDICATORS, STATUTORY_NOTE, type PlainUse } from './words';

export interface Reading {
  rule: Rule;
  scope: 'project' | 'building';
  appliesTo?: AppliesTo;
  aggregate?: Aggregate;
  parcel?: string;
  inForce?: { from: string };
  when?: Record<string, boolean>;
  companion?: Record<string, number>;
  method?: string;
  notes: string[];
  confirm: string[];
  /** The tokens that produced this condition (for showing the reading on the sentence). */
  tokens: Token[];
}

export type SentenceResult =
  | { kind: 'none' }
  | { kind: 'refused'; code: Refusal['code']; reason: string }
  | { kind: 'read'; readings: Reading[] };

const USE_ORDER: PlainUse[] = ['residential', 'public', 'industrial'];

export function readSentence(tokens: Token[], text: string): SentenceResult {
  try {
    return read(tokens, text);
  } catch (e) {
    if (e instanceof Refusal) return { kind: 'refused', code: e.code, reason: e.message };
    throw e;
  }
}

function read(all: Token[], text: string): SentenceResult {
  const has = (k: Token['kind']) => all.some((t) => t.kind === k);
  const first = (k: Token['kind']) => all.find((t) => t.kind === k);
  // A requirement on contract indicators, or one (应/须…) on a named group of buildings or projects.
  const required = /应|须|需|不得/.test(text);
  const measurable = all.some(
    (t) => ['indicator', 'star', 'topic', 'companion', 'distinct'].includes(t.kind) || (required && ['filter', 'category', 'fact', 'unsupported', 'use'].includes(t.kind)),
  );
  if (!measurable && !((has('cmp') || has('policy')) && has('number'))) return { kind: 'none' };

  // ---- the sentence as a whole
  const policy = first('policy');
  if (policy) throw new Refusal('policy-target', `区域性或阶段性的政策目标（“${policy.text}”），不是本项目的合同条件`);
  const advisory = first('advisory');
  if (advisory) throw new Refusal('advisory', `措辞为鼓励性、非强制（“${advisory.text}”），不作为合同条件`);
  const distinct = all.find((t): t is TokenOf<'distinct'> => t.kind === 'distinct');
  if (distinct) throw new Refusal('no-indicator', distinct.reason);
  if (!has('indicator') && !has('star')) {
    const topic = first('topic');
    if (topic?.text.includes('绿色建筑')) throw new Refusal('no-value', '要求执行绿色建筑标准，但未写明星级');
    throw new Refusal(
      'no-indicator',
      has('number') ? '含有要求用语和数值，但未识别出合同指标（指标目录中没有对应的指标）' : '是对建筑或项目的要求，但未识别出合同指标（指标目录中没有对应的指标）',
    );
  }
  const cont = first('continuation') ?? first('relative');
  if (cont) {
    throw new Refusal(
      'continuation',
      cont.kind === 'continuation'
        ? `本句以“${cont.text}”承接上文，适用范围或前提写在别处，请与上文一并人工编写该条件`
        : `适用范围以“${cont.text}”相对上文划定（排除或剩余的部分），条件文件无法表达`,
    );
  }
  const unsupported = first('unsupported');
  if (unsupported) throw new Refusal('scope-not-expressible', `适用范围“${unsupported.text}”无法用条件文件的适用范围（用途、面积、高度、层数、项目事实）表达，请人工编写该条件`);
  const negatedUse = all.find((t) => t.kind === 'use' && t.negated);
  if (negatedUse) throw new Refusal('scope-not-expressible', `适用范围“${negatedUse.text}”是排除性表述，条件文件无法表达`);
  const badFilter = all.find((t): t is TokenOf<'filter'> => t.kind === 'filter' && !!t.problem);
  if (badFilter) throw new Refusal('scope-not-expressible', `适用范围“${badFilter.text}”无法表达：${badFilter.problem}`);
  // An indicator with nothing to compare it with: say so before anything else left in the sentence.
  if (!has('number') && !has('star')) {
    const bare = all.find((t): t is TokenOf<'indicator'> => t.kind === 'indicator' && t.def.type !== 'boolean' && t.def.type !== 'text');
    if (bare) throw new Refusal('no-value', bare.def.type === 'star' ? `“${bare.def.name}”未写明要求的星级` : `“${bare.def.name}”未写明数值`);
  }
  const left = all.filter((t) => t.kind === 'leftover');
  if (left.length) {
    const words = [...new Set(left.map((t) => t.text))].slice(0, 3).map((w) => `“${w}”`).join('、');
    throw new Refusal('unexplained', `句中${words}的含义未能识别，可能限定了本条要求，不能确定完整的条件，请人工编写该条件`);
  }

  // ---- sentence-level qualifiers
  const dates = all.filter((t): t is TokenOf<'date'> => t.kind === 'date');
  if (dates.length > 1) throw new Refusal('ambiguous', '句中有多个起始日期，无法确定本条何时施行');
  const methods = all.filter((t): t is TokenOf<'method'> => t.kind === 'method');
  const scopes = all.filter((t): t is TokenOf<'scope'> => t.kind === 'scope');
  const singleWord = BUILDING_SCOPE_WORDS.some((w) => text.includes(w));
  fixComplementaryBounds(all);

  // ---- segments
  const named = new Set(all.flatMap((t) => (t.kind === 'indicator' ? [t.def.id] : t.kind === 'star' ? ['green_building_star'] : [])));
  const segments = splitSegments(all.filter((t) => !['filler', 'description', 'date', 'method', 'scope'].includes(t.kind)), named);
  const groups = groupSegments(segments);
  // 单体/平均 belong to the part of the sentence they are written in ("住宅平均装配率…，公共建筑单体装配率…");
  // written where no requirement is, they qualify the whole sentence.
  const regionOf = (t: Token) => all.filter((x) => x.kind === 'comma' && x.start < t.start).length;
  const inGroup = new Set(groups.flatMap((g) => g.regions));
  const loose = scopes.filter((x) => !inGroup.has(regionOf(x)));
  const readings: Reading[] = [];
  for (const g of groups) {
    const own = [...scopes.filter((x) => g.regions.includes(regionOf(x))), ...loose];
    readings.push(...assemble(g, { aggregate: aggregateOf(own), singleWord, date: dates[0], method: methods[0], scopes: own }));
  }
  if (readings.length === 0) throw new Refusal('no-value', '句中有适用范围，但没有可读的要求');
  return { kind: 'read', readings };
}

function aggregateOf(scopes: Array<TokenOf<'scope'>>): Aggregate | undefined {
  if (scopes.some((x) => x.aggregate === 'eachOrAverage')) return 'eachOrAverage';
  if (scopes.some((x) => x.aggregate === 'average')) return 'average';
  return undefined;
}

// ---------------------------------------------------------------- conditions of a group

interface SentenceInfo {
  aggregate?: Aggregate;
  singleWord: boolean;
  date?: TokenOf<'date'>;
  method?: TokenOf<'method'>;
  scopes: Array<TokenOf<'scope'>>;
}

function assemble(g: Group, info: SentenceInfo): Reading[] {
  const units = g.segments.flatMap((s) => s.units);
  const special = units.filter((u) => u.perParcel || u.split);
  if (special.length > 0 && units.length > 1) throw new Refusal('ambiguous', '按地块或“分别”列出的数值与其他要求写在同一句中，组合关系不明确');
  checkRepeats(g.segments);
  const base = filterParts(g.filter, info);
  const notes = [...base.notes, ...units.flatMap((u) => u.notes)];
  const confirm = [...base.confirm, ...units.flatMap((u) => u.confirm)];
  const tokens = [...g.filter.tokens, ...units.flatMap((u) => u.tokens), ...info.scopes, ...(info.date ? [info.date] : []), ...(info.method ? [info.method] : [])];
  const companion = Object.assign({}, ...units.map((u) => u.companion ?? {})) as Record<string, number>;
  const reading = (rule: Rule, extra: Partial<Reading> = {}): Reading => ({
    rule,
    scope: base.scope,
    ...(base.appliesTo ? { appliesTo: base.appliesTo } : {}),
    ...(info.aggregate ? { aggregate: info.aggregate } : {}),
    ...(base.parcel ? { parcel: base.parcel } : {}),
    ...(info.date ? { inForce: { from: info.date.from } } : {}),
    ...(base.when ? { when: base.when } : {}),
    ...(Object.keys(companion).length ? { companion } : {}),
    ...(info.method ? { method: info.method.title } : {}),
    notes: [...new Set(notes)],
    confirm: [...new Set(confirm)],
    tokens,
    ...extra,
  });
  const site = units.find((u) => SITE_INDICATORS.includes(u.def.id));
  if (site && (g.filter.uses.length > 0 || g.filter.categories.length > 0 || g.filter.bounds.some((b) => b.what !== 'projectFloorArea'))) {
    throw new Refusal('scope-not-expressible', `“${site.def.name}”是整个场地的指标，句中把它限定在一部分建筑或分区上，条件文件无法表达`);
  }
  if (info.aggregate && units.some((u) => u.def.type !== 'number' && u.def.type !== 'percent')) {
    throw new Refusal('ambiguous', '“平均”只适用于数值指标，本句的指标不能取平均');
  }
  const u0 = units[0];
  if (u0.perParcel) {
    if (base.parcel) throw new Refusal('ambiguous', '句中同时写了地块和按地块列出的数值');
    return u0.perParcel.map((p) => reading(p.leaf, { parcel: p.parcel }));
  }
  if (u0.split) return splitReadings(g.filter, u0.split, reading);
  return [reading(groupRule(g.segments))];
}

/** 居住建筑和公共建筑装配率分别不低于50%和40% → one condition per group, values in order. */
function splitReadings(f: Filter, leaves: LeafRule[], reading: (r: Rule, extra?: Partial<Reading>) => Reading): Reading[] {
  const useTokens = f.tokens.filter((t): t is TokenOf<'use'> => t.kind === 'use');
  if (f.parcels.length === leaves.length && useTokens.length === 0 && f.parcels.length > 1) {
    return f.parcels.map((p, i) => reading(leaves[i], { parcel: p.code }));
  }
  if (useTokens.length !== leaves.length || f.categories.length > 0 || leaves.length < 2) {
    throw new Refusal('ambiguous', `“分别”列出的 ${leaves.length} 个数值与适用对象的个数（${Math.max(useTokens.length, f.parcels.length)}）对不上，无法逐一对应`);
  }
  return useTokens.map((t, i) => {
    const r = reading(leaves[i]);
    return { ...r, scope: 'building' as const, appliesTo: { ...r.appliesTo, use: USE_ORDER.filter((u) => t.uses.includes(u)) } };
  });
}

function groupRule(segments: Segment[]): Rule {
  const parts = segments.map((s) => combine(s.units.map(unitRule), s.joins));
  const joins = segments.slice(1).map((s) => s.join ?? 'all');
  return combine(parts, joins);
}

function unitRule(u: Unit): Rule {
  return u.leaves.length === 1 ? u.leaves[0] : { allOf: u.leaves };
}

function combine(rules: Rule[], joins: Array<'any' | 'all'>): Rule {
  if (rules.length === 1) return rules[0];
  const modes = new Set(joins);
  if (modes.size > 1) throw new Refusal('ambiguous', '句中同时含有“或”与“且/并/同时”，组合的优先关系不明确，请人工编写该条件');
  const mode = [...modes][0] === 'any' ? 'anyOf' : 'allOf';
  const flat = rules.flatMap((r) => (mode in r ? (r as unknown as Record<string, Rule[]>)[mode] : [r]));
  return mode === 'anyOf' ? { anyOf: flat } : { allOf: flat };
}

/** An indicator written twice is a range (two opposite bounds joined by 且) or a refusal. */
function checkRepeats(segments: Segment[]): void {
  const byId = new Map<string, LeafRule[]>();
  for (const u of segments.flatMap((s) => s.units)) for (const l of u.leaves) byId.set(l.indicator, [...(byId.get(l.indicator) ?? []), l]);
  const anyJoin = segments.some((s) => s.joins.includes('any') || s.join === 'any');
  for (const [, leaves] of byId) {
    if (leaves.length === 1) continue;
    const dirs = new Set(leaves.map((l) => l.op[0]));
    if (leaves.length === 2 && dirs.size === 2 && !anyJoin) continue;
    const name = segments.flatMap((s) => s.units).find((u) => u.leaves.includes(leaves[0]))!.def.name;
    throw new Refusal('ambiguous', `指标“${name}”在一句中出现多次（可能是分档或分类要求），请人工编写该条件`);
  }
}

/** scope, appliesTo, when, parcel and the notes of a group's filter. */
function filterParts(f: Filter, info: SentenceInfo): {
  scope: 'project' | 'building';
  appliesTo?: AppliesTo;
  when?: Record<string, boolean>;
  parcel?: string;
  notes: string[];
  confirm: string[];
} {
  const notes: string[] = [];
  const confirm: string[] = info.date?.confirm ? [info.date.confirm] : [];
  const groupsNamed = f.tokens.filter((t) => t.kind === 'use' || t.kind === 'category').length;
  if (f.categories.length > 0 && groupsNamed > 1) {
    throw new Refusal('scope-not-expressible', `适用范围是几类不同建筑的并集（${f.tokens.filter((t) => t.kind === 'use' || t.kind === 'category').map((t) => t.text).join('、')}），一条条件无法表达`);
  }
  // 政府投资的公共建筑和住宅 / 保障性住房和商品住房: does the fact qualify every group, or is it a
  // union of different kinds of project? Not stated — refuse rather than pick one.
  const factIds = new Set(f.facts.map((x) => x.id));
  const useTokens = f.tokens.filter((t) => t.kind === 'use' || t.kind === 'category').length;
  if (factIds.size > 0 && (factIds.size > 1 || useTokens > 1) && f.tokens.some((t) => t.kind === 'conn')) {
    throw new Refusal('scope-not-expressible', `适用范围（${f.tokens.filter((t) => t.kind !== 'conn').map((t) => t.text).join('、')}）是几类项目或建筑的组合，项目事实是否限定每一类未写明，请人工编写该条件`);
  }
  const a: AppliesTo = {};
  const uses = new Set<PlainUse>([...f.uses, ...f.categories.flatMap((c) => c.uses)]);
  if (uses.size) a.use = USE_ORDER.filter((u) => uses.has(u));
  for (const c of f.categories) {
    if (c.minFloorArea !== undefined) a.minFloorArea = c.minFloorArea;
    if (c.note) notes.push(c.note);
  }
  const byWhat = new Map<string, Bound>();
  for (const b of f.bounds) {
    if (b.statutory) notes.push(STATUTORY_NOTE);
    const prev = byWhat.get(b.what) ?? {};
    const next = { ...prev, ...b.bound };
    if ((next.gt !== undefined && next.gte !== undefined) || (next.lt !== undefined && next.lte !== undefined) || Object.keys(prev).some((k) => k in b.bound)) {
      throw new Refusal('scope-not-expressible', `适用范围中“${b.text}”与另一条同类范围重叠，无法确定`);
    }
    byWhat.set(b.what, next);
  }
  for (const [what, bound] of byWhat) {
    if (what === 'floorArea' && Object.keys(bound).length === 1 && bound.gte !== undefined && a.minFloorArea === undefined) a.minFloorArea = bound.gte;
    else if (what === 'floorArea' && a.minFloorArea !== undefined) throw new Refusal('scope-not-expressible', '适用范围中有两个面积条件，无法确定');
    else a[what as 'height' | 'floors' | 'floorArea' | 'projectFloorArea'] = bound;
  }
  const when: Record<string, boolean> = {};
  for (const x of f.facts) {
    if (x.id in when && when[x.id] !== x.value) throw new Refusal('ambiguous', `项目事实“${projectFact(x.id)?.yes ?? x.id}”前后矛盾`);
    when[x.id] = x.value;
  }
  if (f.parcels.length > 1) throw new Refusal('ambiguous', `句中有多个地块（${f.parcels.map((p) => p.code).join('、')}），请按地块分别编写`);
  const building =
    info.singleWord || info.aggregate !== undefined || uses.size > 0 || a.minFloorArea !== undefined || !!a.height || !!a.floors || !!a.floorArea;
  return {
    scope: building ? 'building' : 'project',
    ...(Object.keys(a).length ? { appliesTo: a } : {}),
    ...(Object.keys(when).length ? { when } : {}),
    ...(f.parcels.length === 1 ? { parcel: f.parcels[0].code } : {}),
    notes,
    confirm,
  };
}

/**
 * "60米（含）以下 … 60米以上": when one bound of a sentence states that it includes a number, a bare
 * opposite bound on the same number in that sentence excludes it (the two groups do not overlap).
 */
function fixComplementaryBounds(tokens: Token[]): void {
  const filters = tokens.filter((t): t is TokenOf<'filter'> => t.kind === 'filter');
  for (const f of filters) {
    if (!f.statutory) continue;
    const v = f.bound.gte ?? f.bound.lte;
    if (v === undefined) continue;
    const other = filters.find((o) => o !== f && o.what === f.what && !o.statutory && (f.bound.gte !== undefined ? o.bound.lte === v : o.bound.gte === v));
    if (!other) continue;
    f.bound = f.bound.gte !== undefined ? { gt: v } : { lt: v };
    f.statutory = false;
  }
}
