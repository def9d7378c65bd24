// Contract text → conditions (../shared/spec/formats.md §5). Every sentence that states a
// measurable requirement on a contract indicator becomes one condition; a sentence that looks
// like a condition but cannot be read completely goes to `unparsed` with a Chinese reason —
// the parser never guesses. Wording tables: shared/data/clause-words.json
// (../shared/domain/applicability-and-clauses.md §5).
import { INDICATORS, indicator } from '../model/indicators';
import type { AppliesTo, Condition, ConditionsDoc, IndicatorDef, LeafRule, Op, Rule } from '../model/types';
import { CONDITIONS_FORMAT } from './schema';
import { findQuantity, type Quantity } from './quantity';
import { splitSentences } from './sentences';
import {
  ADVISORY,
  ALL_OF_WORDS,
  ANY_OF_WORDS,
  BOOLEAN_PATTERNS,
  BUILDING_SCOPE_WORDS,
  CATEGORIES,
  FRACTION_NOTE,
  NEGATIONS,
  POSTFIX_COMPARATORS,
  PREFIX_COMPARATORS,
  STAR_PREFIXES,
  STAR_WORDS,
  STATUTORY_NOTE,
  UNSUPPORTED_FILTERS,
  USE_WORDS,
  idPrefix,
  type PlainUse,
} from './words';

export interface UnparsedSentence {
  sentence: string;
  clause?: string;
  /** Chinese: why the sentence did not become a condition. */
  reason: string;
}

/** Thrown inside the sentence parser; becomes an UnparsedSentence. */
class Unparsed extends Error {}

const MASK = '\u25A1'; // □ marks text already taken by a filter or a mention
const USE_ORDER: PlainUse[] = ['residential', 'public', 'industrial'];

/** Condition-role indicator labels, longest first (a longer label wins over the label it contains). */
const LABELS: ReadonlyArray<{ label: string; def: IndicatorDef }> = INDICATORS.filter((d) => d.role === 'condition')
  .flatMap((def) => def.labels.map((label) => ({ label: normalise(label), def })))
  .sort((a, b) => b.label.length - a.label.length);

export function conditionsFromText(text: string): { doc: ConditionsDoc; unparsed: UnparsedSentence[] } {
  const conditions: Condition[] = [];
  const unparsed: UnparsedSentence[] = [];
  const counters = new Map<string, number>();
  for (const s of splitSentences(text)) {
    let parsed: ParsedSentence | null;
    try {
      parsed = parseSentence(s.text);
    } catch (e) {
      if (!(e instanceof Unparsed)) throw e;
      unparsed.push({ sentence: s.text, ...(s.clause ? { clause: s.clause } : {}), reason: e.message });
      continue;
    }
    if (!parsed) continue;
    const prefix = idPrefix(firstIndicator(parsed.rule));
    const n = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, n);
    const c = {
      id: `${prefix}${n}`,
      ...(s.clause ? { clause: s.clause } : {}),
      text: s.text,
      ...parsed.rule,
      scope: parsed.scope,
      ...(parsed.appliesTo ? { appliesTo: parsed.appliesTo } : {}),
      ...(parsed.notes.length ? { note: parsed.notes.join(' ') } : {}),
    } as Condition;
    conditions.push(c);
  }
  return { doc: { format: CONDITIONS_FORMAT, conditions }, unparsed };
}

function firstIndicator(r: Rule): string {
  if ('indicator' in r) return r.indicator;
  return firstIndicator('anyOf' in r ? r.anyOf[0] : r.allOf[0]);
}

// ---------------------------------------------------------------- one sentence

interface ParsedSentence {
  rule: Rule;
  scope: 'project' | 'building';
  appliesTo?: AppliesTo;
  notes: string[];
}

interface Mention {
  def: IndicatorDef;
  label: string;
  start: number;
  end: number;
  /** Star level carried by the mention itself ("绿色建筑二星级"). */
  star?: number;
  /** A star token that is the value of a star label ("星级不低于二星级"). */
  starValue?: { value: number; start: number; end: number };
}

/** Full-width → half-width, no whitespace, no thousands separators. */
export function normalise(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    out += c >= 0xff01 && c <= 0xff5e ? String.fromCodePoint(c - 0xfee0) : ch;
  }
  return out.replace(/\s+/g, '').replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
}

function mask(s: string, start: number, end: number): string {
  return s.slice(0, start) + MASK.repeat(end - start) + s.slice(end);
}

function findAll(s: string, word: string): number[] {
  const out: number[] = [];
  for (let i = s.indexOf(word); i >= 0; i = s.indexOf(word, i + word.length)) out.push(i);
  return out;
}

function hasComparatorAndNumber(s: string): boolean {
  const cmp = [...PREFIX_COMPARATORS, ...POSTFIX_COMPARATORS].some((c) => s.includes(c.word));
  return cmp && /\d|百分之/.test(s);
}

/** Returns null for sentences that state nothing measurable; throws Unparsed when unsure. */
function parseSentence(original: string): ParsedSentence | null {
  let s = normalise(original);
  const notes: string[] = [];
  const problems: string[] = [];

  // ---- building filters (taken out of the sentence before indicators are matched)
  const uses = new Set<PlainUse>();
  let minFloorArea: number | undefined;
  let building = BUILDING_SCOPE_WORDS.some((w) => s.includes(w));

  const area = findAreaFilter(s);
  if (area) {
    s = mask(s, area.start, area.end);
    if (area.problem) problems.push(area.problem);
    else {
      minFloorArea = area.minFloorArea;
      building = true;
      if (area.statutory) notes.push(STATUTORY_NOTE);
    }
  }
  for (const c of CATEGORIES) {
    for (const i of findAll(s, c.word)) {
      s = mask(s, i, i + c.word.length);
      c.use.forEach((u) => uses.add(u));
      building = true;
      if (c.minFloorArea !== undefined && minFloorArea === undefined) {
        minFloorArea = c.minFloorArea;
        if (c.note) notes.push(c.note);
      }
    }
  }
  for (const w of UNSUPPORTED_FILTERS) {
    if (s.includes(w)) {
      problems.push(`适用范围“${w}”无法用条件文件的 appliesTo（用途、单体建筑面积）表达，请人工编写该条件`);
      s = s.split(w).join(MASK.repeat(w.length));
    }
  }
  for (const u of USE_WORDS) {
    for (const i of findAll(s, u.word)) {
      if (s[i - 1] === '非') problems.push(`适用范围“非${u.word}”是排除性表述，appliesTo 无法表达`);
      s = mask(s, i, i + u.word.length);
      u.use.forEach((x) => uses.add(x));
      building = true;
    }
  }

  // ---- indicator mentions
  const mentions = findMentions(s);
  for (const m of mentions) s = mask(s, m.start, m.end);
  for (const m of mentions) if (m.starValue) s = mask(s, m.starValue.start, m.starValue.end);

  const looksLikeCondition = mentions.length > 0 || hasComparatorAndNumber(normalise(original));
  if (!looksLikeCondition) return null;
  if (mentions.length === 0) throw new Unparsed('含有比较用语和数值，但未识别出合同指标（指标目录中没有对应的指标）');
  if (problems.length) throw new Unparsed(problems[0]);
  const adv = ADVISORY.find((w) => s.includes(w));
  if (adv) throw new Unparsed(`措辞为鼓励性、非强制（“${adv}”），不作为合同条件`);
  const seen = new Set<string>();
  for (const m of mentions) {
    if (seen.has(m.def.id)) throw new Unparsed(`指标“${m.def.name}”在一句中出现多次（可能是分档或分类要求），请人工编写该条件`);
    seen.add(m.def.id);
  }

  // ---- values and connectors, mention by mention
  const leaves: LeafRule[] = [];
  const connectors: Array<'anyOf' | 'allOf'> = [];
  let pos = 0;
  mentions.forEach((m, i) => {
    const gap = s.slice(pos, m.start);
    if (i > 0) {
      const conn = ANY_OF_WORDS.some((w) => gap.includes(w)) ? 'anyOf' : ALL_OF_WORDS.some((w) => gap.includes(w)) ? 'allOf' : null;
      if (!conn) throw new Unparsed(`指标“${mentions[i - 1].def.name}”与“${m.def.name}”之间缺少“或”“且”等连接词，组合关系不明确`);
      connectors.push(conn);
    }
    const nextStart = i + 1 < mentions.length ? mentions[i + 1].start : s.length;
    const r = readRequirement(s, m, gap, nextStart, notes);
    leaves.push(r.leaf);
    pos = r.end;
  });
  const rest = s.slice(pos);
  if (hasComparatorAndNumber(rest)) throw new Unparsed('句中还有未归属到指标的比较条件（如区间或分档要求），请人工编写该条件');

  let rule: Rule;
  if (leaves.length === 1) rule = leaves[0];
  else {
    if (new Set(connectors).size > 1) throw new Unparsed('句中同时含有“或”与“且/并/同时”，组合的优先关系不明确，请人工编写该条件');
    rule = connectors[0] === 'anyOf' ? { anyOf: leaves } : { allOf: leaves };
  }
  const appliesTo: AppliesTo = {};
  if (uses.size) appliesTo.use = USE_ORDER.filter((u) => uses.has(u));
  if (minFloorArea !== undefined) appliesTo.minFloorArea = minFloorArea;
  return {
    rule,
    scope: building ? 'building' : 'project',
    ...(Object.keys(appliesTo).length ? { appliesTo } : {}),
    notes: [...new Set(notes)],
  };
}

// ---------------------------------------------------------------- mentions

function findMentions(text: string): Mention[] {
  let s = text;
  const star = indicator('green_building_star');
  const starTokens: Array<{ value: number; start: number; end: number; prefixed: boolean }> = [];
  // Star tokens first: "星级" is also a label and must not eat the "星级" of "二星级".
  for (const w of STAR_WORDS) {
    for (const i of findAll(s, w.word)) {
      const p = STAR_PREFIXES.find((x) => s.slice(0, i).endsWith(x));
      const start = p ? i - p.length : i;
      starTokens.push({ value: w.value, start, end: i + w.word.length, prefixed: !!p });
      s = mask(s, start, i + w.word.length);
    }
  }
  const found: Mention[] = [];
  for (const b of BOOLEAN_PATTERNS) {
    b.pattern.lastIndex = 0;
    const def = indicator(b.indicator);
    if (!def) continue;
    for (let m = b.pattern.exec(s); m; m = b.pattern.exec(s)) {
      found.push({ def, label: m[0], start: m.index, end: m.index + m[0].length });
    }
    for (const f of found) s = mask(s, f.start, f.end);
  }
  for (const { label, def } of LABELS) {
    for (const i of findAll(s, label)) {
      found.push({ def, label, start: i, end: i + label.length });
      s = mask(s, i, i + label.length);
    }
  }
  found.sort((a, b) => a.start - b.start);
  // A star token right after a star label (no other mention between) is that label's value.
  for (const t of starTokens.sort((a, b) => a.start - b.start)) {
    const before = found.filter((f) => f.end <= t.start);
    const prev = before[before.length - 1];
    if (prev && prev.def.id === 'green_building_star' && !prev.starValue && prev.star === undefined) {
      prev.starValue = { value: t.value, start: t.start, end: t.end };
    } else if (star) {
      found.push({ def: star, label: text.slice(t.start, t.end), start: t.start, end: t.end, star: t.value });
      found.sort((a, b) => a.start - b.start);
    }
  }
  return found;
}

// ---------------------------------------------------------------- requirement of one mention

function comparatorsIn(region: string): Array<{ word: string; op: Op }> {
  let s = region;
  const out: Array<{ word: string; op: Op }> = [];
  for (const c of PREFIX_COMPARATORS) {
    for (const i of findAll(s, c.word)) {
      out.push(c);
      s = mask(s, i, i + c.word.length);
    }
  }
  return out;
}

/** Postfix comparator right after `at` ("以上", "(含)及以上"), skipping a "(含)" in front. */
function postfixAt(s: string, at: number): { op: Op; statutory: boolean; end: number } | undefined {
  for (const p of POSTFIX_COMPARATORS) {
    if (s.startsWith(p.word, at)) {
      const explicitAfter = s.startsWith('(含)', at + p.word.length);
      return {
        op: p.op,
        statutory: p.inclusive === 'statutory' && !explicitAfter,
        end: at + p.word.length + (explicitAfter ? 3 : 0),
      };
    }
  }
  return undefined;
}

function decideOp(name: string, prefix: Array<{ word: string; op: Op }>, post: { op: Op } | undefined): Op {
  const ops = new Set<Op>(prefix.map((p) => p.op));
  if (post) ops.add(post.op);
  if (ops.size === 0) throw new Unparsed(`“${name}”未写明比较关系（如“不低于”“不高于”“及以上”）`);
  if (ops.size > 1) throw new Unparsed(`“${name}”的比较用语相互矛盾（${[...prefix.map((p) => p.word)].join('、')}${post ? '、后置“以上/以下”' : ''}）`);
  return [...ops][0];
}

function readRequirement(
  s: string,
  m: Mention,
  gap: string,
  nextStart: number,
  notes: string[],
): { leaf: LeafRule; end: number } {
  const def = m.def;
  const name = def.name;

  if (def.type === 'boolean') {
    const neg = NEGATIONS.find((w) => gap.replace(/[应须必需]+$/, '').endsWith(w) || gap.endsWith(w));
    if (neg) throw new Unparsed(`“${m.label}”前有否定或免除用语（“${neg}”），不是应满足的要求`);
    const q = findQuantity(s, m.end, nextStart);
    if (q) throw new Unparsed(`是否型指标“${name}”后出现数值“${s.slice(q.start, q.end)}”，无法判断其含义`);
    return { leaf: { indicator: def.id, op: '==', value: true }, end: m.end };
  }

  if (def.type === 'star') {
    let value: number;
    let prefixRegion: string;
    let after: number;
    if (m.star !== undefined) {
      value = m.star;
      const lastConn = Math.max(...[...ANY_OF_WORDS, ...ALL_OF_WORDS].map((w) => gap.lastIndexOf(w)));
      prefixRegion = gap.slice(lastConn + 1);
      after = m.end;
    } else if (m.starValue) {
      value = m.starValue.value;
      prefixRegion = s.slice(m.end, m.starValue.start);
      after = m.starValue.end;
    } else {
      const q = findQuantity(s, m.end, nextStart);
      if (q) throw new Unparsed(`“${name}”的数值“${s.slice(q.start, q.end)}”不是星级写法（应写作“二星级”“三星级”“基本级”）`);
      throw new Unparsed(`“${name}”未写明要求的星级`);
    }
    const post = postfixAt(s, after);
    const op = decideOp(name, comparatorsIn(prefixRegion), post);
    if (post?.statutory) notes.push(STATUTORY_NOTE);
    return { leaf: { indicator: def.id, op, value }, end: post ? post.end : after };
  }

  if (def.type === 'text') throw new Unparsed(`“${name}”是文本指标，不能比较`);

  // number / percent
  const q = findQuantity(s, m.end, nextStart);
  if (!q) throw new Unparsed(`“${name}”未写明数值`);
  const prefix = comparatorsIn(s.slice(m.end, q.start));
  let after = q.end;
  let inclusiveMark = false;
  if (s.startsWith('(含)', after) && !POSTFIX_COMPARATORS.some((p) => s.startsWith(p.word, after))) {
    after += 3;
    inclusiveMark = true;
  }
  const post = postfixAt(s, after);
  const op = decideOp(name, prefix, post);
  if (post?.statutory && !inclusiveMark) notes.push(STATUTORY_NOTE);
  const value = toIndicatorUnit(def, q, s, notes);
  return { leaf: { indicator: def.id, op, value }, end: post ? post.end : after };
}

/** The quantity in the indicator's unit; throws Unparsed when the unit does not fit. */
function toIndicatorUnit(def: IndicatorDef, q: Quantity, s: string, notes: string[]): number {
  const written = s.slice(q.start, q.end);
  const unitName = def.unit || '无单位';
  if (def.type === 'percent') {
    let v: number;
    if (q.percentWords || q.unit?.unit === '%') v = q.value;
    else if (!q.unit && q.value > 0 && q.value <= 1 && !s.startsWith('万', q.end)) {
      v = Math.round(q.value * 100 * 1e6) / 1e6;
      notes.push(FRACTION_NOTE.replace('{raw}', q.raw).replace('{value}', String(v)));
    } else if (!q.unit) throw new Unparsed(`“${def.name}”的数值“${written}”缺少单位 %，无法确定是百分数还是比例`);
    else throw new Unparsed(`“${def.name}”的单位“${q.unit.word}”与指标单位 % 不符`);
    if (v < 0 || v > 100) throw new Unparsed(`“${def.name}”的数值 ${v}% 超出 0–100%`);
    return v;
  }
  if (!q.unit) {
    if (def.unit === '' && !s.startsWith('万', q.end)) return q.value;
    if (def.unit === '') throw new Unparsed(`“${def.name}”的数值“${written}”带有单位，但该指标无单位`);
    throw new Unparsed(`“${def.name}”的数值“${written}”缺少单位（应为 ${unitName}）`);
  }
  if (q.unit.unit !== def.unit) throw new Unparsed(`“${def.name}”的单位“${q.unit.word}”与指标单位 ${unitName} 不符`);
  return q.value;
}

// ---------------------------------------------------------------- area filter

interface AreaFilter {
  start: number;
  end: number;
  minFloorArea?: number;
  statutory?: boolean;
  problem?: string;
}

const AREA_WORD = '建筑面积';
const AREA_FOLLOWERS = ['的', '新建', '项目', '建筑', '公建', ...USE_WORDS.map((u) => u.word), ...CATEGORIES.map((c) => c.word)];

/**
 * "单体建筑面积2万平方米以上的公共建筑" → minFloorArea 20000 (per building;
 * applicability-and-clauses.md §1: use 单体建筑面积 unless the clause says 总建筑面积).
 * Only a phrase that qualifies what follows (…的, …的公共建筑) is a filter.
 */
function findAreaFilter(s: string): AreaFilter | undefined {
  for (const i of findAll(s, AREA_WORD)) {
    const total = s[i - 1] === '总';
    const single = s.slice(0, i).endsWith('单体');
    const start = total ? i - 1 : single ? i - 2 : i;
    let j = i + AREA_WORD.length;
    const verb = /^(?:在|为)/.exec(s.slice(j));
    if (verb) j += verb[0].length;
    const pre = PREFIX_COMPARATORS.find((c) => s.startsWith(c.word, j));
    if (pre) j += pre.word.length;
    const q = findQuantity(s, j, j + 1);
    if (!q || q.start !== j) continue;
    let end = q.end;
    let inclusiveMark = false;
    if (s.startsWith('(含)', end) && !POSTFIX_COMPARATORS.some((p) => s.startsWith(p.word, end))) {
      end += 3;
      inclusiveMark = true;
    }
    const post = postfixAt(s, end);
    if (post) end = post.end;
    if (!AREA_FOLLOWERS.some((w) => s.startsWith(w, end))) continue; // a requirement, not a filter
    if (s[end] === '的') end += 1;
    const phrase = s.slice(start, end);
    if (q.unit?.unit !== 'm²') return { start, end, problem: `适用范围“${phrase}”的面积单位无法识别` };
    if (total) return { start, end, problem: `适用范围按总建筑面积设定（“${phrase}”），是项目级门槛，appliesTo 只能按单体建筑面积筛选，请人工编写该条件` };
    const ops = new Set<Op>();
    if (pre) ops.add(pre.op);
    if (post) ops.add(post.op);
    if (ops.size !== 1 || !ops.has('>=')) {
      return { start, end, problem: `适用范围“${phrase}”不是“含本数的面积下限”，appliesTo.minFloorArea 无法表达` };
    }
    return { start, end, minFloorArea: q.value, statutory: !!post?.statutory && !inclusiveMark };
  }
  return undefined;
}
