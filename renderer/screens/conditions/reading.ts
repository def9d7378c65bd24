// How the reading of pasted contract text is shown (docs/contract-text.md §5): the parts of each
// sentence with the role a user sees (指标, 比较, 数值, 单位, 适用建筑, 高度/层数/面积范围, …), what
// each part produced in words, a condition in plain Chinese as pieces that a part can point at,
// and the refusals grouped by what the user can do about them. Pure functions, no React.
import type { PartDetail, PartRole, ProjectFactInfo, RefusalCode, SentenceReading } from '../../../shared/api/contract';
import type { Condition, LeafRule, Op, Rule } from '../../../shared/model/types';
import { formatValue, indicator, indicatorName } from '../../../shared/model/indicators';
import { useList as usesInWords } from '../../../shared/model/uses';
import { boundWords } from '../../../shared/model/bounds';

/** The project facts in the user's words (from the API's `conditions.projectFacts`). */
export type FactWords = readonly ProjectFactInfo[];

/** "政府投资项目" / "非政府投资项目" for a required value of a fact (never its id). */
export function factPhrase(facts: FactWords, id: string, value: boolean): string {
  const f = facts.find((x) => x.id === id);
  if (!f) return value ? '该类项目' : '非该类项目';
  return value ? f.yes : f.no;
}

/** "政府投资项目" for a fact id (the question asked is whether the project is one). */
export function factName(facts: FactWords, id: string): string {
  return factPhrase(facts, id, true);
}

/** The role of a highlighted span as the legend names it. */
export type ShownRole =
  | 'indicator'
  | 'comparator'
  | 'value'
  | 'unit'
  | 'filter'
  | 'bound'
  | 'scope'
  | 'date'
  | 'fact'
  | 'companion'
  | 'parcel'
  | 'connector'
  | 'method'
  | 'notRequired'
  | 'unexplained'
  | 'clause';

/** Legend order and words. */
export const ROLE_LABEL: ReadonlyArray<[ShownRole, string]> = [
  ['clause', '条款号'],
  ['indicator', '指标'],
  ['comparator', '比较'],
  ['value', '数值'],
  ['unit', '单位'],
  ['filter', '适用建筑'],
  ['bound', '高度/层数/面积范围'],
  ['scope', '单体/平均'],
  ['fact', '项目事实'],
  ['date', '生效日期'],
  ['parcel', '地块'],
  ['companion', '同时写明的数值'],
  ['connector', '或/且/分别'],
  ['method', '计算方法'],
  ['notRequired', '政策目标、鼓励或否定用语'],
  ['unexplained', '未能识别的字词'],
];

export const roleLabel = (r: ShownRole): string => ROLE_LABEL.find(([k]) => k === r)?.[1] ?? '';

type Part = SentenceReading['parts'][number];

/** One piece of a sentence as shown: plain text, or a highlighted part. */
export interface Piece {
  start: number;
  end: number;
  text: string;
  /** Index of the part in the reading (a value and its unit share it), absent for plain text. */
  part?: number;
  role?: ShownRole;
}

const BOUND_FILTERS = new Set(['height', 'floors', 'floorArea', 'projectFloorArea']);

function shownRole(role: PartRole, detail?: PartDetail): ShownRole {
  switch (role) {
    case 'filter':
      return detail?.filter && BOUND_FILTERS.has(detail.filter) ? 'bound' : 'filter';
    case 'policy':
    case 'advisory':
    case 'negation':
      return 'notRequired';
    default:
      return role as ShownRole;
  }
}

/** The sentence cut into plain text and highlighted parts (a value's unit highlighted on its own). */
export function pieces(r: SentenceReading): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  const text = (start: number, end: number, extra: Partial<Piece> = {}) => {
    if (end > start) out.push({ start, end, text: r.sentence.slice(start, end), ...extra });
  };
  const parts = r.parts.map((p, i) => ({ p, i })).sort((a, b) => a.p.start - b.p.start);
  for (const { p, i } of parts) {
    if (p.start < at) continue; // overlapping parts never come from the parser; keep the first
    text(at, p.start);
    const role = shownRole(p.role, p.detail);
    const u = p.detail?.unit;
    if (role === 'value' && u && u.start > p.start && u.end <= p.end) {
      text(p.start, u.start, { part: i, role: 'value' });
      text(u.start, u.end, { part: i, role: 'unit' });
      text(u.end, p.end, { part: i, role: 'value' });
    } else text(p.start, p.end, { part: i, role });
    at = p.end;
  }
  text(at, r.sentence.length);
  return out;
}

// ---------------------------------------------------------------- words

const OP_WORDS: Record<Op, string> = { '>=': '不低于', '>': '高于', '<=': '不高于', '<': '低于', '==': '为' };
const AGGREGATE_WORDS: Record<string, string> = {
  each: '每栋单体均须满足',
  average: '按各单体建筑面积加权平均满足',
  eachOrAverage: '每栋单体满足，或加权平均满足',
};
export const AGGREGATE_CHOICES: ReadonlyArray<{ id: 'each' | 'average' | 'eachOrAverage'; label: string }> = [
  { id: 'each', label: '单体（每栋均须满足）' },
  { id: 'average', label: '平均（按建筑面积加权平均）' },
  { id: 'eachOrAverage', label: '单体或平均（满足其一）' },
];
const JOIN_WORDS: Record<string, string> = { any: '或：满足其一即可', all: '且：须同时满足', list: '并列' };
export const BOUND_WHAT: Record<string, { name: string; unit: string }> = {
  height: { name: '建筑高度', unit: 'm' },
  floors: { name: '地上层数', unit: '层' },
  floorArea: { name: '单体建筑面积', unit: 'm²' },
  projectFloorArea: { name: '项目总建筑面积', unit: 'm²' },
};


/** What a part of a sentence says, in words ("比较：不低于", "适用范围：建筑高度 100 m 以上（不含 100 m）"). */
export function partMeaning(p: Part, sentence: string, facts: FactWords): string {
  const d = p.detail ?? {};
  const words = sentence.slice(p.start, p.end);
  switch (p.role) {
    case 'indicator':
      return d.indicator ? `指标：${indicatorName(d.indicator)}${d.op ? `（${OP_WORDS[d.op]}）` : ''}` : `指标：${words}`;
    case 'comparator':
      return d.op ? `比较：${OP_WORDS[d.op]}（${opSymbol(d.op)}）` : `比较：${words}`;
    case 'value':
      if (d.range) return '范围：两端数值之间';
      if (d.indicator === 'green_building_star' && d.value !== undefined) return `数值：${formatValue('green_building_star', d.value)}`;
      return d.unit ? `数值：${words.slice(0, d.unit.start - p.start)}，单位：${d.unit.word}` : `数值：${words}`;
    case 'filter':
      if (d.filter && BOUND_FILTERS.has(d.filter) && d.bound) {
        const w = BOUND_WHAT[d.filter];
        return `适用范围：${w.name}${boundWords(d.bound, w.unit)}`;
      }
      return d.uses?.length ? `适用建筑：${usesInWords(d.uses)}` : `适用建筑：${words}`;
    case 'scope':
      return d.aggregate ? `单体/平均：${AGGREGATE_WORDS[d.aggregate]}` : `单体/平均：${words}`;
    case 'fact':
      return d.fact ? `项目事实：仅适用于${factPhrase(facts, d.fact.id, d.fact.value)}` : `项目事实：${words}`;
    case 'date':
      return d.from ? `生效日期：${d.from} 起签订的合同适用` : `生效日期：${words}`;
    case 'parcel':
      return d.parcel ? `地块：${d.parcel}` : `地块：${words}`;
    case 'companion':
      return d.companion ? `同时写明：${indicatorName(d.companion.indicator)} ${formatValue(d.companion.indicator, d.companion.value)}` : `同时写明：${words}`;
    case 'connector':
      return d.join ? JOIN_WORDS[d.join] : `连接：${words}`;
    case 'method':
      return `计算方法：${words}`;
    case 'policy':
      return '政策目标用语：区域性或阶段性目标，不是本项目的条件';
    case 'advisory':
      return '鼓励性用语：非强制要求';
    case 'negation':
      return '否定或免除用语';
    case 'unexplained':
      return '未能识别的字词：可能限定了要求，因此本句未识别为条件';
    default:
      return words;
  }
}

function opSymbol(op: Op): string {
  return ({ '>=': '≥', '>': '>', '<=': '≤', '<': '<', '==': '=' } as const)[op];
}

/** The key a part points at in a condition's words (see `conditionWords`). */
export function partKey(p: Part): string | null {
  const d = p.detail ?? {};
  switch (p.role) {
    case 'indicator':
      return d.indicator ? `indicator:${d.indicator}` : null;
    case 'comparator':
      return d.op ? `op:${d.op}` : null;
    case 'value':
      return d.value !== undefined ? `value:${d.value}` : null;
    case 'filter':
      return d.filter && BOUND_FILTERS.has(d.filter) ? `bound:${d.filter}` : 'filter';
    case 'fact':
      return d.fact ? `fact:${d.fact.id}` : null;
    case 'scope':
      return 'aggregate';
    case 'date':
      return 'date';
    case 'parcel':
      return 'parcel';
    case 'companion':
      return d.companion ? `companion:${d.companion.indicator}` : null;
    case 'connector':
      return d.join === 'any' || d.join === 'all' ? `join:${d.join}` : null;
    case 'method':
      return 'method';
    default:
      return null;
  }
}

/** A piece of a condition in words; `key` ties it to the sentence parts that produced it. */
export interface Word {
  text: string;
  role?: ShownRole;
  key?: string;
}

/**
 * A condition in plain Chinese, as lines of pieces: where it applies, its project facts, dates and
 * parcel, the requirement, how buildings are combined, the values stated with it.
 */
export function conditionWords(c: Condition, facts: FactWords): Word[][] {
  const lines: Word[][] = [];
  const scope: Word[] = [{ text: c.scope === 'building' ? '逐栋单体' : '项目整体' }];
  const a = c.appliesTo ?? {};
  const filters: Word[] = [];
  if (a.use?.length) filters.push({ text: usesInWords(a.use), role: 'filter', key: 'filter' });
  if (a.minFloorArea !== undefined) filters.push({ text: `单体建筑面积 ${a.minFloorArea} m² 及以上`, role: 'bound', key: 'bound:floorArea' });
  for (const what of ['height', 'floors', 'floorArea', 'projectFloorArea'] as const) {
    const b = a[what];
    if (b && typeof b === 'object') filters.push({ text: `${BOUND_WHAT[what].name} ${boundWords(b, BOUND_WHAT[what].unit)}`, role: 'bound', key: `bound:${what}` });
  }
  if (a.buildings?.length) filters.push({ text: `限 ${a.buildings.join('、')}`, role: 'filter', key: 'filter' });
  if (filters.length) {
    scope.push({ text: '：' });
    filters.forEach((f, i) => {
      if (i) scope.push({ text: '，' });
      scope.push(f);
    });
  }
  lines.push([{ text: '适用于 ' }, ...scope]);
  const when = Object.entries(c.when ?? {});
  if (when.length) {
    const w: Word[] = [{ text: '前提：' }];
    when.forEach(([id, v], i) => {
      if (i) w.push({ text: '，' });
      w.push({ text: `仅当本项目为${factPhrase(facts, id, v)}`, role: 'fact', key: `fact:${id}` });
    });
    lines.push(w);
  }
  if (c.inForce && (c.inForce.from || c.inForce.to)) {
    const f = c.inForce;
    lines.push([{ text: '生效：' }, { text: `${f.from ? `${f.from} 起` : ''}${f.to ? `至 ${f.to} ` : ''}签订的合同`, role: 'date', key: 'date' }]);
  }
  if (c.parcel) lines.push([{ text: '地块：' }, { text: c.parcel, role: 'parcel', key: 'parcel' }]);
  lines.push([{ text: '要求：' }, ...ruleWords(c)]);
  if (c.scope === 'building' && c.aggregate) lines.push([{ text: '单体/平均：' }, { text: AGGREGATE_WORDS[c.aggregate] ?? c.aggregate, role: 'scope', key: 'aggregate' }]);
  const comp = Object.entries(c.companion ?? {});
  if (comp.length) {
    const w: Word[] = [{ text: '同时写明：' }];
    comp.forEach(([id, v], i) => {
      if (i) w.push({ text: '，' });
      w.push({ text: `${indicatorName(id)} ${formatValue(id, v)}`, role: 'companion', key: `companion:${id}` });
    });
    lines.push(w);
  }
  if (c.method) lines.push([{ text: '计算方法：' }, { text: c.method, role: 'method', key: 'method' }]);
  return lines;
}

function ruleWords(r: Rule): Word[] {
  if ('anyOf' in r || 'allOf' in r) {
    const any = 'anyOf' in r;
    const list = any ? r.anyOf : (r as { allOf: Rule[] }).allOf;
    const out: Word[] = [];
    list.forEach((x, i) => {
      if (i) out.push({ text: any ? ' 或 ' : ' 且 ', role: 'connector', key: `join:${any ? 'any' : 'all'}` });
      const inner = ruleWords(x);
      if ('indicator' in x) out.push(...inner);
      else out.push({ text: '（' }, ...inner, { text: '）' });
    });
    return out;
  }
  return leafWords(r as LeafRule);
}

function leafWords(l: LeafRule): Word[] {
  const def = indicator(l.indicator);
  const name: Word = { text: def ? def.name : '（未选择指标）', role: 'indicator', key: `indicator:${l.indicator}` };
  if (def?.type === 'boolean') return [name, { text: `：${l.value === true ? '是' : l.value === false ? '否' : '（未填写）'}`, role: 'value', key: `value:${l.value}` }];
  const v = typeof l.value === 'number' ? formatValue(l.indicator, l.value) : '（未填写数值）';
  return [name, { text: ` ${OP_WORDS[l.op] ?? l.op} `, role: 'comparator', key: `op:${l.op}` }, { text: v, role: 'value', key: `value:${l.value}` }];
}

// ---------------------------------------------------------------- refusals

/** Refusals grouped by what the user can do about them, in this order. */
export const REFUSAL_GROUPS: ReadonlyArray<{ id: string; title: string; hint: string; codes: RefusalCode[] }> = [
  {
    id: 'not-condition',
    title: '政策目标或鼓励性要求，不是本项目的合同条件',
    hint: '通常无需编写条件；若合同确实把它写成本项目的要求，可手工编写。',
    codes: ['policy-target', 'advisory'],
  },
  {
    id: 'scope',
    title: '适用范围无法用条件表达，或承接上文',
    hint: '句中的适用范围（某类建筑、分区、排除性表述，或“其中/且/其他”承接的上文）条件无法准确表达，请对照原文手工编写。',
    codes: ['scope-not-expressible', 'continuation'],
  },
  {
    id: 'indicator',
    title: '未识别出合同指标',
    hint: '句中的指标不在指标目录中，或名称相近但口径不同；若指标表中有对应指标，可手工编写。',
    codes: ['no-indicator'],
  },
  {
    id: 'value',
    title: '缺少数值、比较用语，或单位不符',
    hint: '请核对原文的数值与比较关系后手工编写。',
    codes: ['no-value', 'no-comparator', 'unit'],
  },
  {
    id: 'unclear',
    title: '含有未能识别或含义不明确的字词',
    hint: '这些字词可能限定了要求（标为红色波浪线），为避免错误的条件未予识别，请手工编写。',
    codes: ['unexplained', 'ambiguous', 'negated'],
  },
];

export function refusalGroup(code: RefusalCode): (typeof REFUSAL_GROUPS)[number] {
  return REFUSAL_GROUPS.find((g) => g.codes.includes(code)) ?? REFUSAL_GROUPS[REFUSAL_GROUPS.length - 1];
}

// ---------------------------------------------------------------- project facts

/** The project facts the conditions depend on, with the conditions depending on each. */
export function factsNeeded(conditions: readonly Condition[], confirmed: Record<string, boolean> | undefined): Array<{ id: string; conditions: Array<{ id: string; wanted: boolean }> }> {
  const out = new Map<string, Array<{ id: string; wanted: boolean }>>();
  for (const c of conditions) for (const [f, v] of Object.entries(c.when ?? {})) out.set(f, [...(out.get(f) ?? []), { id: c.id, wanted: v }]);
  for (const f of Object.keys(confirmed ?? {})) if (!out.has(f)) out.set(f, []);
  return [...out].map(([id, list]) => ({ id, conditions: list }));
}

/** Equal JSON values, whatever the order of object keys. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** What a fact's state means for a condition that needs it, in words. */
export function factEffect(wanted: boolean, known: boolean | undefined): { word: string; kind: 'review' | 'applies' | 'na' } {
  if (known === undefined) return { word: '未确认，审查时判为需复核', kind: 'review' };
  return known === wanted ? { word: '适用', kind: 'applies' } : { word: '不适用', kind: 'na' };
}
