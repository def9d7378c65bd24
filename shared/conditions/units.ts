// The requirements of one segment of a clause (docs/contract-text.md): an indicator with its
// comparison and value — "绿地率不低于35%", "建筑密度30%以下", "绿色建筑二星级及以上",
// "容积率：2.0-3.0", "1.0<容积率≤2.5", "容积率5-3:2.50、6-3:2.50" (per parcel), "装配率分别不低于50%和40%"
// — and the connectors between them. Anything the segment holds that no requirement explains
// is a refusal, never dropped.
import { LandCheckError } from '../errors';
import { indicator } from '../model/indicators';
import type { IndicatorDef, LeafRule, Op } from '../model/types';
import type { Quantity } from './quantity';
import type { Token, TokenOf } from './tokens';
import { FRACTION_NOTE, INDICATOR_CONFIRM, OF_TOTAL, STATUTORY_NOTE, TABLE_ROW_CONFIRM, TABLE_ROW_OPS } from './words';

/** A refusal: `code` for tests and tools, `reason` (Chinese) for the user. */
export class Refusal extends LandCheckError {
  constructor(
    readonly code: RefusalCode,
    reason: string,
  ) {
    super('invalid', reason);
    this.name = 'Refusal';
  }
}

export type RefusalCode =
  | 'policy-target'
  | 'advisory'
  | 'no-indicator'
  | 'continuation'
  | 'scope-not-expressible'
  | 'negated'
  | 'unexplained'
  | 'no-comparator'
  | 'no-value'
  | 'unit'
  | 'ambiguous';

export interface Unit {
  def: IndicatorDef;
  /** One leaf, or two for a range (allOf). */
  leaves: LeafRule[];
  /** Table rows per parcel: one value per parcel. */
  perParcel?: Array<{ parcel: string; leaf: LeafRule }>;
  /** 分别: one value per group of the segment's filter, in order. */
  split?: LeafRule[];
  companion?: Record<string, number>;
  notes: string[];
  confirm: string[];
  tokens: Token[];
}

export interface ParsedRequirements {
  units: Unit[];
  /** Connector before each unit after the first ('all' for 且/并/和/、, 'any' for 或). */
  joins: Array<'any' | 'all'>;
}

const OP_WORDS: Record<Op, string> = { '>=': '不低于', '>': '高于', '<=': '不高于', '<': '低于', '==': '等于' };

/**
 * Parses the requirement tokens of a segment. `impliedAtLeast` is set when the segment has a
 * verb like 执行/实现/按 (a star level to reach).
 */
export function parseRequirements(tokens: Token[], impliedAtLeast: boolean, previous: Unit | null): ParsedRequirements {
  const units: Unit[] = [];
  const joins: Array<'any' | 'all'> = [];
  let pendingJoin: 'any' | 'all' | null = null;
  let joinToken: Token | null = null;
  let i = 0;
  const last = () => units[units.length - 1] ?? previous;
  const push = (u: Unit) => {
    if (units.length > 0) {
      if (!pendingJoin) {
        throw new Refusal('ambiguous', `指标“${units[units.length - 1].def.name}”与“${u.def.name}”之间缺少“或”“且”等连接词，组合关系不明确`);
      }
      joins.push(pendingJoin);
      if (joinToken) u.tokens.push(joinToken);
    }
    pendingJoin = null;
    joinToken = null;
    units.push(u);
  };
  while (i < tokens.length) {
    const t = tokens[i];
    if (t.kind === 'conn') {
      // "按…标准进行设计和建设": a list word between words that carry nothing joins nothing.
      if (t.mode === 'list' && units.length > 0 && tokens.slice(i + 1).every((x) => x.kind === 'conn' && x.mode === 'list')) break;
      pendingJoin = t.mode === 'any' ? 'any' : 'all';
      joinToken = t;
      i++;
      continue;
    }
    if (t.kind === 'topic') {
      // "装配式建筑单体预制率": part of the indicator's name; anywhere else a qualifier.
      const next = tokens[i + 1];
      const prev = last();
      // "绿色建筑应达到二星级": the topic names the star level after its comparison word too.
      const ofNext =
        next?.kind === 'indicator' ? t.indicators.includes(next.def.id) : (next?.kind === 'star' || starAhead(tokens, i + 1)) && t.indicators.includes('green_building_star');
      const ofPrevious = !!prev && t.indicators.includes(prev.def.id) && prev.tokens.includes(tokens[i - 1]);
      if (ofNext || ofPrevious) {
        (ofPrevious ? prev!.tokens : []).push(t);
        i++;
        continue;
      }
      throw new Refusal('unexplained', `“${t.text}”在此处限定了要求的对象，条件文件无法表达，请人工编写该条件`);
    }
    if (t.kind === 'companion') {
      const u = last();
      if (!u || u.leaves.length !== 1 || u.perParcel || u.split) throw new Refusal('ambiguous', `“${t.text}”无法确定对应哪一项要求`);
      u.companion = { ...u.companion, [t.def.id]: t.value };
      u.tokens.push(t);
      i++;
      continue;
    }
    if (t.kind === 'number' && tokens[i + 1]?.kind === 'cmp' && tokens[i + 2]?.kind === 'indicator') {
      // 1.0<容积率≤2.5
      const r = doubleBound(tokens, i);
      push(r.unit);
      i = r.next;
      continue;
    }
    if (t.kind === 'indicator' && t.def.type === 'boolean') {
      const neg = tokens[i - 1];
      if (neg?.kind === 'negation') throw new Refusal('negated', `“${t.text}”前有否定或免除用语（“${neg.text}”），不是应满足的要求`);
      const next = tokens[i + 1];
      if (next?.kind === 'number') throw new Refusal('unexplained', `是否型指标“${t.def.name}”后出现数值“${next.text}”，无法判断其含义`);
      push({ def: t.def, leaves: [{ indicator: t.def.id, op: '==', value: true }], notes: [], confirm: [], tokens: [t] });
      i++;
      continue;
    }
    if (t.kind === 'indicator' && t.def.type === 'text') throw new Refusal('no-value', `“${t.def.name}”是文本指标，不能比较`);
    if ((t.kind === 'indicator' && t.def.type === 'star') || t.kind === 'star' || (t.kind === 'cmp' && !t.post && starAhead(tokens, i))) {
      const r = starUnit(tokens, i, impliedAtLeast);
      push(r.unit);
      i = r.next;
      continue;
    }
    if (t.kind === 'indicator') {
      const r = numericUnit(tokens, i + 1, t, [t]);
      push(r.unit);
      i = r.next;
      continue;
    }
    if (t.kind === 'cmp' && !t.post && last() && last()!.def.type !== 'boolean' && last()!.def.type !== 'star') {
      // "容积率大于1.0且小于等于2.5", "绿地率不低于30%、不高于40%": the same indicator again.
      const prev = last()!;
      const r = numericUnit(tokens, i, { kind: 'indicator', def: prev.def, start: t.start, end: t.start, text: '' }, []);
      push(r.unit);
      i = r.next;
      continue;
    }
    if (t.kind === 'negation') throw new Refusal('unexplained', `否定用语“${t.text}”未对应到是否型指标，含义不明确`);
    if (t.kind === 'number') throw new Refusal('unexplained', `数值“${t.text}”未归属到任何指标（可能是另一项要求或适用范围），请人工编写该条件`);
    throw new Refusal('unexplained', `“${t.text}”的位置无法理解，请人工编写该条件`);
  }
  if (pendingJoin && units.length > 0) throw new Refusal('ambiguous', '连接词“或/且”之后没有要求');
  return { units, joins };
}

function starAhead(tokens: Token[], i: number): boolean {
  let j = i;
  while (tokens[j]?.kind === 'cmp') j++;
  return tokens[j]?.kind === 'star';
}

// ---------------------------------------------------------------- star levels

function starUnit(tokens: Token[], i: number, impliedAtLeast: boolean): { unit: Unit; next: number } {
  const used: Token[] = [];
  const cmps: Array<TokenOf<'cmp'>> = [];
  let j = i;
  let label: TokenOf<'indicator'> | undefined;
  while (tokens[j]?.kind === 'cmp' && !(tokens[j] as TokenOf<'cmp'>).post) cmps.push(tokens[j++] as TokenOf<'cmp'>);
  if (tokens[j]?.kind === 'indicator') {
    label = tokens[j++] as TokenOf<'indicator'>;
    while (tokens[j]?.kind === 'cmp' && !(tokens[j] as TokenOf<'cmp'>).post) cmps.push(tokens[j++] as TokenOf<'cmp'>);
  }
  const star = tokens[j];
  const def = label?.def ?? indicator('green_building_star')!;
  if (star?.kind !== 'star') {
    if (star?.kind === 'number') throw new Refusal('no-value', `“${def.name}”的数值“${star.text}”不是星级写法（应写作“二星级”“三星级”“基本级”）`);
    throw new Refusal('no-value', `“${def.name}”未写明要求的星级`);
  }
  j++;
  const post = tokens[j]?.kind === 'cmp' && (tokens[j] as TokenOf<'cmp'>).post ? (tokens[j++] as TokenOf<'cmp'>) : undefined;
  used.push(...cmps, ...(label ? [label] : []), star, ...(post ? [post] : []));
  const notes: string[] = [];
  const confirm: string[] = star.confirm ? [star.confirm] : [];
  let op = decideOp(def.name, cmps, post);
  if (op === null) {
    if (impliedAtLeast) op = '>=';
    else {
      op = '>=';
      confirm.push(tableConfirm(def, op));
    }
  }
  if (post?.statutory) notes.push(STATUTORY_NOTE);
  return { unit: { def, leaves: [{ indicator: def.id, op, value: star.value }], notes, confirm, tokens: used }, next: j };
}

// ---------------------------------------------------------------- numbers

function numericUnit(tokens: Token[], j: number, ind: TokenOf<'indicator'>, used: Token[]): { unit: Unit; next: number } {
  const def = ind.def;
  const notes: string[] = [];
  const confirm: string[] = [ind.confirm ?? INDICATOR_CONFIRM[def.id]].filter((x): x is string => !!x);
  let split = false;
  if (tokens[j]?.kind === 'split') {
    split = true;
    used.push(tokens[j++]);
  }
  const cmps: Array<TokenOf<'cmp'>> = [];
  while (tokens[j]?.kind === 'cmp' && !(tokens[j] as TokenOf<'cmp'>).post) cmps.push(tokens[j++] as TokenOf<'cmp'>);
  used.push(...cmps);
  if (tokens[j]?.kind === 'ofTotal') {
    if (!OF_TOTAL.indicators.includes(def.id)) throw new Refusal('unexplained', `“${tokens[j].text}”与指标“${def.name}”的含义不符`);
    used.push(tokens[j++]);
  }
  // Table rows per parcel: 容积率5-3:2.50、6-3:2.50
  if (tokens[j]?.kind === 'parcel' && (tokens[j] as TokenOf<'parcel'>).row) {
    const rows: Array<{ parcel: string; leaf: LeafRule }> = [];
    const op = decideOp(def.name, cmps, undefined) ?? ind.impliedOp ?? tableOp(def, confirm);
    while (tokens[j]?.kind === 'parcel') {
      const p = tokens[j] as TokenOf<'parcel'>;
      const n = tokens[j + 1];
      if (n?.kind !== 'number') throw new Refusal('no-value', `地块 ${p.code} 的${def.name}未写明数值`);
      rows.push({ parcel: p.code, leaf: { indicator: def.id, op, value: toIndicatorUnit(def, n.q, notes) } });
      used.push(p, n);
      j += 2;
      if (tokens[j]?.kind === 'conn' && (tokens[j] as TokenOf<'conn'>).mode === 'list' && tokens[j + 1]?.kind === 'parcel') used.push(tokens[j++]);
    }
    return { unit: { def, leaves: [rows[0].leaf], perParcel: rows, notes: unique(notes), confirm: unique(confirm), tokens: used }, next: j };
  }
  const first = tokens[j];
  if (first?.kind !== 'number') throw new Refusal('no-value', `“${def.name}”未写明数值`);
  used.push(first);
  j++;
  // Range: 2.0-3.0, 30%~40%
  if (tokens[j]?.kind === 'range') {
    const second = tokens[j + 1];
    if (second?.kind !== 'number') throw new Refusal('no-value', `“${def.name}”的区间不完整`);
    if (cmps.length) throw new Refusal('ambiguous', `“${def.name}”的区间前另有比较用语“${cmps[0].text}”，含义不明确`);
    used.push(tokens[j], second);
    j += 2;
    const unitOf = second.q.unit && !first.q.unit && !first.q.percentWords ? { ...first.q, value: first.q.value * second.q.unit.factor, unit: second.q.unit } : first.q;
    const lo = toIndicatorUnit(def, unitOf, notes);
    const hi = toIndicatorUnit(def, second.q, notes);
    if (lo > hi) throw new Refusal('ambiguous', `“${def.name}”的区间 ${first.text}–${second.text} 下限大于上限`);
    return {
      unit: { def, leaves: [{ indicator: def.id, op: '>=', value: lo }, { indicator: def.id, op: '<=', value: hi }], notes: unique(notes), confirm, tokens: used },
      next: j,
    };
  }
  let incl: boolean | undefined;
  if (tokens[j]?.kind === 'incl') {
    incl = (tokens[j] as TokenOf<'incl'>).inclusive;
    used.push(tokens[j++]);
  }
  const post = tokens[j]?.kind === 'cmp' && (tokens[j] as TokenOf<'cmp'>).post ? (tokens[j++] as TokenOf<'cmp'>) : undefined;
  if (post) used.push(post);
  if (tokens[j]?.kind === 'incl') {
    incl = (tokens[j] as TokenOf<'incl'>).inclusive;
    used.push(tokens[j++]);
  }
  let op = decideOp(def.name, cmps, post, incl);
  if (op === null) op = ind.impliedOp ?? tableOp(def, confirm);
  if (post?.statutory && incl === undefined) notes.push(STATUTORY_NOTE);
  const value = toIndicatorUnit(def, first.q, notes);
  if (split) {
    const values = [value];
    while (tokens[j]?.kind === 'conn' && tokens[j + 1]?.kind === 'number') {
      used.push(tokens[j], tokens[j + 1]);
      values.push(toIndicatorUnit(def, (tokens[j + 1] as TokenOf<'number'>).q, notes));
      j += 2;
    }
    const leaves = values.map((v) => ({ indicator: def.id, op: op!, value: v }));
    return { unit: { def, leaves: [leaves[0]], split: leaves, notes: unique(notes), confirm: unique(confirm), tokens: used }, next: j };
  }
  return { unit: { def, leaves: [{ indicator: def.id, op, value }], notes: unique(notes), confirm: unique(confirm), tokens: used }, next: j };
}

/** 1.0<容积率≤2.5 → 容积率 > 1.0 且 ≤ 2.5 (the left comparison read from the indicator's side). */
function doubleBound(tokens: Token[], i: number): { unit: Unit; next: number } {
  const left = tokens[i] as TokenOf<'number'>;
  const c1 = tokens[i + 1] as TokenOf<'cmp'>;
  const ind = tokens[i + 2] as TokenOf<'indicator'>;
  const c2 = tokens[i + 3];
  const right = tokens[i + 4];
  if (c2?.kind !== 'cmp' || right?.kind !== 'number') throw new Refusal('ambiguous', `“${left.text}${c1.text}${ind.text}”之后缺少另一端的比较条件`);
  const flip: Record<Op, Op> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==' };
  const notes: string[] = [];
  const lo: LeafRule = { indicator: ind.def.id, op: flip[c1.op], value: toIndicatorUnit(ind.def, left.q, notes) };
  const hi: LeafRule = { indicator: ind.def.id, op: c2.op, value: toIndicatorUnit(ind.def, right.q, notes) };
  const dirs = new Set([lo.op[0], hi.op[0]]);
  if (dirs.size !== 2) throw new Refusal('ambiguous', `“${ind.def.name}”两端的比较方向相同，不是区间`);
  return { unit: { def: ind.def, leaves: [lo, hi], notes: unique(notes), confirm: [], tokens: [left, c1, ind, c2, right] }, next: i + 5 };
}

function decideOp(name: string, cmps: Array<TokenOf<'cmp'>>, post: TokenOf<'cmp'> | undefined, incl?: boolean): Op | null {
  const ops = new Set<Op>(cmps.map((c) => c.op));
  if (post) ops.add(incl === undefined ? post.op : strict(post.op, incl));
  if (ops.size === 0) return null;
  if (ops.size > 1) throw new Refusal('ambiguous', `“${name}”的比较用语相互矛盾（${[...cmps, ...(post ? [post] : [])].map((c) => c.text).join('、')}）`);
  return [...ops][0];
}

function strict(op: Op, inclusive: boolean): Op {
  if (op === '>=' || op === '>') return inclusive ? '>=' : '>';
  if (op === '<=' || op === '<') return inclusive ? '<=' : '<';
  return op;
}

/** The comparison a table row implies for this indicator (data, UNCONFIRMED), or a refusal. */
function tableOp(def: IndicatorDef, confirm: string[]): Op {
  const op = TABLE_ROW_OPS[def.id];
  if (!op) throw new Refusal('no-comparator', `“${def.name}”未写明比较关系（如“不低于”“不高于”“及以上”）`);
  confirm.push(tableConfirm(def, op));
  return op;
}

function tableConfirm(def: IndicatorDef, op: Op): string {
  return TABLE_ROW_CONFIRM.replace('{name}', def.name).replace('{op}', `“${OP_WORDS[op]}”`);
}

/** The quantity in the indicator's unit; a refusal when the unit does not fit. */
export function toIndicatorUnit(def: IndicatorDef, q: Quantity, notes: string[]): number {
  const written = q.raw + (q.unit?.word ?? '');
  const unitName = def.unit || '无单位';
  if (def.type === 'percent') {
    let v: number;
    if (q.percentWords || q.unit?.unit === '%') v = q.value;
    else if (!q.unit && q.value > 0 && q.value <= 1 && q.value === Number(q.raw)) {
      v = Math.round(q.value * 100 * 1e6) / 1e6;
      notes.push(FRACTION_NOTE.replace('{raw}', q.raw).replace('{value}', String(v)));
    } else if (!q.unit) throw new Refusal('unit', `“${def.name}”的数值“${written}”缺少单位 %，无法确定是百分数还是比例`);
    else throw new Refusal('unit', `“${def.name}”的单位“${q.unit.word}”与指标单位 % 不符`);
    if (v < 0 || v > 100) throw new Refusal('unit', `“${def.name}”的数值 ${v}% 超出 0–100%`);
    return v;
  }
  if (!q.unit) {
    if (def.unit === '' && q.value === Number(q.raw)) return q.value;
    if (def.unit === '') throw new Refusal('unit', `“${def.name}”的数值“${written}”带有单位，但该指标无单位`);
    throw new Refusal('unit', `“${def.name}”的数值“${written}”缺少单位（应为 ${unitName}）`);
  }
  if (q.unit.unit !== def.unit) throw new Refusal('unit', `“${def.name}”的单位“${q.unit.word}”与指标单位 ${unitName} 不符`);
  return q.value;
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}
