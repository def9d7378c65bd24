// Contract text → conditions (docs/formats.md §5, docs/contract-text.md). Every sentence that states
// a requirement on contract indicators becomes one or more conditions; a sentence that looks like a
// requirement but cannot be read completely goes to `unparsed` with a Chinese reason — the parser
// never guesses and never drops a qualifier. Each sentence also gets a reading: which of its
// words produced which part, for showing the sentence beside its conditions.
import type { Aggregate, Bound, Condition, ConditionsDoc, Op, Rule } from '../model/types';
import { readSentence, type Reading } from './grammar';
import { normaliseClause, originalRange } from './normalise';
import { CONDITIONS_FORMAT } from './schema';
import { splitSentences } from './sentences';
import { tokenise, type Token } from './tokens';
import type { RefusalCode } from './units';
import { DESCRIPTIONS, HEADING_WORDS, idPrefix } from './words';

export type { RefusalCode } from './units';

export interface UnparsedSentence {
  sentence: string;
  clause?: string;
  /** Chinese: why the sentence did not become a condition. */
  reason: string;
  /** The kind of refusal (docs/contract-text.md), for tools and tests. */
  code: RefusalCode;
}

/** What a part of a sentence was read as. */
export type PartRole =
  | 'indicator'
  | 'value'
  | 'comparator'
  | 'connector'
  | 'filter'
  | 'scope'
  | 'fact'
  | 'date'
  | 'parcel'
  | 'companion'
  | 'method'
  | 'policy'
  | 'advisory'
  | 'negation'
  | 'unexplained';

/**
 * What a part says, as far as its words alone say it (for showing which part of a condition it
 * produced): the indicator named, the comparison, the number (and where its unit is written), the
 * group or bound of the building filter, the project fact, the aggregation, the date, the parcel,
 * the companion value, the connector.
 */
export interface PartDetail {
  indicator?: string;
  op?: Op;
  value?: number;
  /** The unit word of a number, as a character range of the sentence ("15%" → the "%"). */
  unit?: { start: number; end: number; word: string };
  /** The separator of a range ("2.0-3.0"). */
  range?: true;
  /** Which building filter: a group of buildings, or a bound on one measure. */
  filter?: 'use' | 'category' | 'height' | 'floors' | 'floorArea' | 'projectFloorArea';
  uses?: Array<'residential' | 'public' | 'industrial'>;
  bound?: Bound;
  fact?: { id: string; value: boolean };
  aggregate?: Aggregate;
  from?: string;
  parcel?: string;
  companion?: { indicator: string; value: number };
  join?: 'any' | 'all' | 'list';
}

export interface SentenceReading {
  sentence: string;
  clause?: string;
  /** Ids of the conditions the sentence became (empty when refused or not a requirement). */
  conditionIds: string[];
  refused?: { code: RefusalCode; reason: string };
  /** Recognised parts, as character ranges of `sentence` (fillers and punctuation left out). */
  parts: Array<{ start: number; end: number; role: PartRole; conditionIds: string[]; detail?: PartDetail }>;
}

const ROLE: Partial<Record<Token['kind'], PartRole>> = {
  indicator: 'indicator',
  star: 'value',
  number: 'value',
  range: 'value',
  cmp: 'comparator',
  incl: 'comparator',
  ofTotal: 'comparator',
  conn: 'connector',
  split: 'connector',
  subset: 'connector',
  use: 'filter',
  category: 'filter',
  filter: 'filter',
  topic: 'indicator',
  fact: 'fact',
  scope: 'scope',
  date: 'date',
  parcel: 'parcel',
  companion: 'companion',
  method: 'method',
  policy: 'policy',
  advisory: 'advisory',
  negation: 'negation',
  unsupported: 'unexplained',
  continuation: 'unexplained',
  relative: 'unexplained',
  leftover: 'unexplained',
  distinct: 'unexplained',
};

export function conditionsFromText(text: string): { doc: ConditionsDoc; unparsed: UnparsedSentence[]; readings: SentenceReading[] } {
  const conditions: Condition[] = [];
  const unparsed: UnparsedSentence[] = [];
  const readings: SentenceReading[] = [];
  const counters = new Map<string, number>();
  for (const s of splitSentences(text)) {
    const n = normaliseClause(s.text);
    const tokens = tokenise(n.text);
    let result = readSentence(tokens, n.text);
    const under = s.heading !== undefined ? headingProblem(s.heading) : null;
    if (under && result.kind === 'read') result = { kind: 'refused', code: 'continuation', reason: under };
    const clause = s.clause ? { clause: s.clause } : {};
    const byToken = new Map<Token, string[]>();
    const ids: string[] = [];
    if (result.kind === 'refused') unparsed.push({ sentence: s.text, ...clause, reason: result.reason, code: result.code });
    if (result.kind === 'read') {
      for (const r of result.readings) {
        const prefix = idPrefix(firstIndicator(r.rule));
        const k = (counters.get(prefix) ?? 0) + 1;
        counters.set(prefix, k);
        const id = `${prefix}${k}`;
        ids.push(id);
        conditions.push(toCondition(id, s.text, s.clause, r));
        for (const t of r.tokens) byToken.set(t, [...(byToken.get(t) ?? []), id]);
      }
    }
    if (result.kind === 'none') continue;
    const parts = tokens.flatMap((t) => {
      const role = ROLE[t.kind];
      if (!role) return [];
      const { start, end } = originalRange(n, t.start, t.end);
      const detail = partDetail(t, n);
      return [{ start, end, role, conditionIds: byToken.get(t) ?? [], ...(detail ? { detail } : {}) }];
    });
    readings.push({
      sentence: s.text,
      ...clause,
      conditionIds: ids,
      ...(result.kind === 'refused' ? { refused: { code: result.code, reason: result.reason } } : {}),
      parts,
    });
  }
  return { doc: { format: CONDITIONS_FORMAT, conditions }, unparsed, readings };
}

/** What a token says by itself (docs/contract-text.md §5), or undefined when its role says it all. */
function partDetail(t: Token, n: ReturnType<typeof normaliseClause>): PartDetail | undefined {
  switch (t.kind) {
    case 'indicator':
      return { indicator: t.def.id, ...(t.impliedOp ? { op: t.impliedOp } : {}) };
    case 'star':
      return { indicator: 'green_building_star', value: t.value };
    case 'topic':
      return t.indicators.length === 1 ? { indicator: t.indicators[0] } : undefined;
    case 'cmp':
      return { op: t.op };
    case 'number': {
      const u = t.q.unit;
      if (!u) return { value: t.q.value };
      const at = originalRange(n, t.q.end - u.word.length, t.q.end);
      return { value: t.q.value, unit: { ...at, word: u.word } };
    }
    case 'range':
      return { range: true };
    case 'conn':
      return { join: t.mode };
    case 'use':
      return { filter: 'use', uses: t.uses };
    case 'category':
      return { filter: 'category', uses: t.uses };
    case 'filter':
      return { filter: t.what, bound: t.bound };
    case 'fact':
      return { fact: { id: t.id, value: t.value } };
    case 'scope':
      return { aggregate: t.aggregate };
    case 'date':
      return { from: t.from };
    case 'parcel':
      return { parcel: t.code };
    case 'companion':
      return { companion: { indicator: t.def.id, value: t.value } };
    default:
      return undefined;
  }
}

/**
 * Why a heading the sentence is written under qualifies it ("商业建设区：…；绿地率≥20%"), or null
 * when it adds nothing ("绿色生态要求：") or is not a heading at all ("容积率：2.0-3.0；…").
 */
function headingProblem(heading: string): string | null {
  let rest = normaliseClause(heading).text;
  // "用地性质：二类居住用地；容积率：≤1.6": a label of a fact about the plot, not a heading over the items after it.
  if (DESCRIPTIONS.labels.includes(rest)) return null;
  for (const w of HEADING_WORDS) rest = rest.split(w).join(' ');
  const tokens = tokenise(rest.replace(/\s+/g, ','));
  if (tokens.some((t) => t.kind === 'indicator' || t.kind === 'number' || t.kind === 'cmp' || t.kind === 'star')) return null;
  if (tokens.every((t) => ['filler', 'topic', 'verb', 'comma', 'conn', 'method'].includes(t.kind))) return null;
  return `本句写在标题“${heading}”之下，该标题限定了本句的适用范围，请把标题与本句写成一句再识别，或人工编写该条件`;
}

function toCondition(id: string, text: string, clause: string | undefined, r: Reading): Condition {
  return {
    id,
    ...(clause ? { clause } : {}),
    text,
    ...r.rule,
    scope: r.scope,
    ...(r.appliesTo ? { appliesTo: r.appliesTo } : {}),
    ...(r.aggregate ? { aggregate: r.aggregate } : {}),
    ...(r.parcel ? { parcel: r.parcel } : {}),
    ...(r.inForce ? { inForce: r.inForce } : {}),
    ...(r.when ? { when: r.when } : {}),
    ...(r.companion ? { companion: r.companion } : {}),
    ...(r.method ? { method: r.method } : {}),
    ...(r.notes.length ? { note: r.notes.join(' ') } : {}),
    ...(r.confirm.length ? { toConfirm: r.confirm.join('；') } : {}),
  } as Condition;
}

function firstIndicator(r: Rule): string {
  if ('indicator' in r) return r.indicator;
  return firstIndicator('anyOf' in r ? r.anyOf[0] : r.allOf[0]);
}
