// Contract text → recognised spans (docs/contract-text.md). Every part of a normalised sentence is
// either a token the grammar knows (an indicator, a number, a comparison word, a filter, a
// project fact, a date, a connector, …), a word that carries no qualifier (filler), punctuation,
// or a leftover. Leftovers are what makes the reading incomplete: the grammar never emits a
// condition while one remains. Recognisers run from the most specific to the least, each on the
// text the previous ones left.
import { INDICATORS, indicator } from '../model/indicators';
import type { Aggregate, Bound, IndicatorDef, Op } from '../model/types';
import { PROJECT_FACTS } from './facts';
import { findQuantity, type Quantity } from './quantity';
import { scanFilters } from './filters';
import {
  ADVISORY,
  ALL_OF_WORDS,
  ANY_OF_WORDS,
  BOILERPLATE,
  BOOLEAN_PATTERNS,
  CATEGORIES,
  COMPANION_WORDS,
  CONTINUATION_STARTS,
  DISTINCT_NAMES,
  DATE_WORDS,
  DESCRIPTIONS,
  FILLER,
  IMPLIED_AT_LEAST,
  INDICATOR_PATTERNS,
  LIST_WORDS,
  NEGATIONS,
  OF_TOTAL,
  POLICY_PATTERNS,
  POLICY_WORDS,
  POSTFIX_COMPARATORS,
  PREFIX_COMPARATORS,
  RELATIVE_SCOPE,
  SCOPE_WORDS,
  SPLIT_WORDS,
  STAR_PREFIXES,
  STAR_SUFFIXES,
  STAR_WORDS,
  SUBSET_WORDS,
  TOPICS,
  UNSUPPORTED_FILTERS,
  USE_WORDS,
  WHOLE_AREA,
  type PlainUse,
} from './words';

export type FilterWhat = 'height' | 'floors' | 'floorArea' | 'projectFloorArea';

interface Span {
  start: number;
  end: number;
  text: string;
}

export type Token = Span &
  (
    | { kind: 'indicator'; def: IndicatorDef; impliedOp?: Op; confirm?: string }
    | { kind: 'star'; value: number; confirm?: string }
    | { kind: 'number'; q: Quantity }
    | { kind: 'cmp'; op: Op; post: boolean; statutory: boolean }
    | { kind: 'incl'; inclusive: boolean }
    | { kind: 'range' }
    | { kind: 'conn'; mode: 'any' | 'all' | 'list' }
    | { kind: 'comma' }
    | { kind: 'use'; uses: PlainUse[]; negated: boolean }
    | { kind: 'category'; uses: PlainUse[]; minFloorArea?: number; note?: string }
    | { kind: 'filter'; what: FilterWhat; bound: Bound; statutory: boolean; problem?: string }
    | { kind: 'fact'; id: string; value: boolean; uses?: PlainUse[] }
    | { kind: 'scope'; aggregate: Aggregate }
    | { kind: 'date'; from: string; confirm?: string }
    | { kind: 'parcel'; code: string; row: boolean }
    | { kind: 'companion'; def: IndicatorDef; value: number }
    | { kind: 'method'; title: string }
    | { kind: 'topic'; indicators: string[] }
    | { kind: 'distinct'; reason: string }
    | {
        kind:
          | 'policy'
          | 'advisory'
          | 'negation'
          | 'unsupported'
          | 'ofTotal'
          | 'split'
          | 'subset'
          | 'continuation'
          | 'relative'
          | 'verb'
          | 'description'
          | 'filler'
          | 'leftover';
      }
  );

export type TokenOf<K extends Token['kind']> = Extract<Token, { kind: K }>;

export const MASK = '\u25A1'; // □ marks text a recogniser has taken

/** Characters that carry no meaning of their own (never a leftover). */
const PUNCT = /[\s,.;:!?、。；：（）()《》“”"'‘’【】[\]{}·…\-~/|＿_]/;

/** Condition-role labels, longest first (a longer label wins over one it contains). */
export const LABELS: ReadonlyArray<{ label: string; def: IndicatorDef }> = INDICATORS.filter((d) => d.role === 'condition')
  .flatMap((def) => def.labels.map((label) => ({ label: label.replace(/\s+/g, ''), def })))
  .sort((a, b) => b.label.length - a.label.length);

export class Scanner {
  masked: string;
  readonly tokens: Token[] = [];

  constructor(readonly text: string) {
    this.masked = text;
  }

  isFree(start: number, end: number): boolean {
    return !this.masked.slice(start, end).includes(MASK);
  }

  take(t: Token): void {
    this.tokens.push(t);
    this.masked = this.masked.slice(0, t.start) + MASK.repeat(t.end - t.start) + this.masked.slice(t.end);
  }

  span(start: number, end: number): Span {
    return { start, end, text: this.text.slice(start, end) };
  }

  /** Every free occurrence of each word (longest first). */
  words(list: readonly string[], make: (word: string, span: Span) => Token | null): void {
    for (const w of list) {
      for (let i = this.masked.indexOf(w); i >= 0; i = this.masked.indexOf(w, i + 1)) {
        if (!this.isFree(i, i + w.length)) continue;
        const t = make(w, this.span(i, i + w.length));
        if (t) this.take(t);
      }
    }
  }

  /** Every free match of a global regular expression on the text left. */
  regex(re: RegExp, make: (m: RegExpExecArray, span: Span) => Token | null): void {
    re.lastIndex = 0;
    const found: Array<{ m: RegExpExecArray; span: Span }> = [];
    for (let m = re.exec(this.masked); m; m = re.exec(this.masked)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      found.push({ m, span: this.span(m.index, m.index + m[0].length) });
    }
    for (const { m, span } of found) {
      if (!this.isFree(span.start, span.end)) continue;
      const t = make(m, span);
      if (t) this.take(t);
    }
  }

  sorted(): Token[] {
    return [...this.tokens].sort((a, b) => a.start - b.start);
  }
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alt = (list: readonly string[]) => list.map(esc).join('|');

const STANDARD_CODE = '(?:GB|DB\\d*|DG|JGJ|CJJ|CECS|T)(?:/[A-Z]{1,3})?\\s*[\\d.]+(?:-\\d{4})?';
/** Documents a clause names (《…计算细则》, GB/T 51129-2017): the method, never indicators. */
const METHOD_RE = new RegExp(
  `(?:按照|按|依据|根据|执行|采用)?(?:《([^《》]{1,80})》(?:\\((${STANDARD_CODE})\\))?|(${STANDARD_CODE}))(?:计算|执行|核算|的规定|规定)?`,
  'g',
);
const LABEL_BY_TEXT = new Map(LABELS.map((l) => [l.label, l.def]));

/** Tokens of a normalised sentence, in order, leftovers included. */
export function tokenise(text: string): Token[] {
  const sc = new Scanner(text);

  // Titles of documents ("按《…计算细则》计算") are a method, never indicators.
  sc.regex(METHOD_RE, (m, s) => ({ ...s, kind: 'method', title: [m[1] ? `《${m[1]}》` : '', m[2] ?? m[3] ?? ''].join('') }));
  sc.words(BOILERPLATE, (_w, s) => ({ ...s, kind: 'filler' }));
  sc.words(WHOLE_AREA, (_w, s) => ({ ...s, kind: 'filler' }));
  descriptions(sc);
  // Region-wide and dated policy targets.
  for (const re of POLICY_PATTERNS) sc.regex(re, (_m, s) => ({ ...s, kind: 'policy' }));
  sc.words(POLICY_WORDS, (_w, s) => ({ ...s, kind: 'policy' }));
  dates(sc);
  companions(sc);
  parcels(sc);
  scanFilters(sc);
  sc.words(
    DISTINCT_NAMES.map((x) => x.word),
    (w, s) => ({ ...s, kind: 'distinct', reason: DISTINCT_NAMES.find((x) => x.word === w)!.reason }),
  );
  sc.regex(OF_TOTAL.pattern, (_m, s) => ({ ...s, kind: 'ofTotal' }));
  // Groups of buildings before indicator labels: "公共建筑单体装配率" is 公共建筑 + 单体装配率.
  for (const f of PROJECT_FACTS) {
    sc.words(f.negated, (_w, s) => ({ ...s, kind: 'fact', id: f.id, value: false }));
    sc.words(f.words, (_w, s) => ({ ...s, kind: 'fact', id: f.id, value: true, ...(f.uses ? { uses: f.uses } : {}) }));
  }
  // "…，其中高层住宅…" is 其中 + 高层, never 中高层; a sentence opening with 其中 is left to the continuation check.
  sc.words(SUBSET_WORDS, (_w, s) => (s.start === 0 ? null : { ...s, kind: 'subset' }));
  sc.words(UNSUPPORTED_FILTERS, (_w, s) => ({ ...s, kind: 'unsupported' }));
  sc.words(
    CATEGORIES.map((c) => c.word),
    (w, s) => {
      const c = CATEGORIES.find((x) => x.word === w)!;
      return { ...s, kind: 'category', uses: c.use, ...(c.minFloorArea !== undefined ? { minFloorArea: c.minFloorArea } : {}), ...(c.note ? { note: c.note } : {}) };
    },
  );
  sc.words(
    USE_WORDS.map((u) => u.word),
    (w, s) => {
      // "住宅建筑面积" is 住宅 + 建筑面积 (the label keeps its 建筑 when the use word has a shorter form).
      const shorter = w.endsWith('建筑') ? USE_WORDS.find((u) => u.word === w.slice(0, -2)) : undefined;
      const labelAhead = LABELS.some((l) => l.label.startsWith('建筑') && sc.masked.startsWith(l.label, s.end - 2));
      const end = shorter && labelAhead ? s.end - 2 : s.end;
      const negated = text[s.start - 1] === '非';
      const span = sc.span(negated ? s.start - 1 : s.start, end);
      return { ...span, kind: 'use', uses: USE_WORDS.find((u) => u.word === (end === s.end ? w : shorter!.word))!.use, negated };
    },
  );
  for (const p of INDICATOR_PATTERNS) {
    const def = indicator(p.indicator);
    if (def) sc.regex(p.pattern, (_m, s) => ({ ...s, kind: 'indicator', def, ...(p.impliedOp ? { impliedOp: p.impliedOp } : {}), ...(p.confirm ? { confirm: p.confirm } : {}) }));
  }
  for (const b of BOOLEAN_PATTERNS) {
    const def = indicator(b.indicator);
    if (def) sc.regex(b.pattern, (_m, s) => ({ ...s, kind: 'indicator', def }));
  }
  stars(sc);
  sc.words(
    LABELS.map((l) => l.label),
    (w, s) => ({ ...s, kind: 'indicator', def: LABEL_BY_TEXT.get(w)! }),
  );
  sc.words(
    SCOPE_WORDS.map((x) => x.word),
    (w, s) => ({ ...s, kind: 'scope', aggregate: SCOPE_WORDS.find((x) => x.word === w)!.aggregate }),
  );
  sc.words(RELATIVE_SCOPE, (_w, s) => ({ ...s, kind: 'relative' }));
  // A sentence that starts by referring to the one before ("且…", "或…", "其中…").
  for (const w of CONTINUATION_STARTS) {
    if (sc.masked.startsWith(w) && sc.isFree(0, w.length)) sc.take({ ...sc.span(0, w.length), kind: 'continuation' });
  }
  sc.words(SUBSET_WORDS, (_w, s) => ({ ...s, kind: 'subset' }));
  sc.words(SPLIT_WORDS, (_w, s) => ({ ...s, kind: 'split' }));
  sc.words(ADVISORY, (_w, s) => ({ ...s, kind: 'advisory' }));
  comparators(sc);
  numbers(sc);
  sc.words(ANY_OF_WORDS, (_w, s) => ({ ...s, kind: 'conn', mode: 'any' }));
  sc.words(ALL_OF_WORDS, (_w, s) => ({ ...s, kind: 'conn', mode: 'all' }));
  sc.words(LIST_WORDS, (_w, s) => ({ ...s, kind: 'conn', mode: 'list' }));
  sc.words([','], (_w, s) => ({ ...s, kind: 'comma' }));
  sc.words(NEGATIONS, (_w, s) => ({ ...s, kind: 'negation' }));
  sc.words(
    TOPICS.map((x) => x.word),
    (w, s) => ({ ...s, kind: 'topic', indicators: TOPICS.find((x) => x.word === w)!.indicators }),
  );
  sc.words(IMPLIED_AT_LEAST, (_w, s) => ({ ...s, kind: 'verb' }));
  sc.words(FILLER, (_w, s) => ({ ...s, kind: 'filler' }));
  leftovers(sc);
  return sc.sorted();
}

// ---------------------------------------------------------------- recognisers

/** Words that make a segment more than a description: it may qualify or require something. */
const FACT_WORDS = PROJECT_FACTS.flatMap((f) => [...f.words, ...f.negated]);

/**
 * "项目位于金普新区先进街道，用地面积为9441平方米，用地性质为…，容积率需不超过0.5": a comma-separated
 * segment that only states a fact about the plot (shared/data/clause-words.json `descriptions`).
 * A segment with 的/时, a requirement or comparison word, or a project fact is never one.
 */
function descriptions(sc: Scanner): void {
  let start = 0;
  for (let i = 0; i <= sc.text.length; i++) {
    if (i < sc.text.length && sc.text[i] !== ',') continue;
    const seg = sc.text.slice(start, i);
    const guarded = DESCRIPTIONS.guard.some((w) => seg.includes(w)) || FACT_WORDS.some((w) => seg.includes(w));
    if (seg && !guarded && sc.isFree(start, i) && DESCRIPTIONS.patterns.some((re) => re.test(seg))) sc.take({ ...sc.span(start, i), kind: 'description' });
    start = i + 1;
  }
}

const DATE_RE = new RegExp(
  `(?:自|从)?(\\d{4})年(?:(\\d{1,2})月(?:(\\d{1,2})日)?)?(${alt([...DATE_WORDS.inclusive, ...DATE_WORDS.unsure])})((?:${alt(DATE_WORDS.contract)})(?:的)?)?`,
  'g',
);

function dates(sc: Scanner): void {
  sc.regex(DATE_RE, (m, s) => {
    const [y, mo, d] = [Number(m[1]), Number(m[2] ?? 1), Number(m[3] ?? 1)];
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
    const from = `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    const confirms: string[] = [];
    if (DATE_WORDS.unsure.includes(m[4])) confirms.push(DATE_WORDS.unsureNote.replace('{word}', m[4]));
    if (!m[5]) confirms.push(DATE_WORDS.notContractNote.replace('{date}', from));
    return { ...s, kind: 'date', from, ...(confirms.length ? { confirm: confirms.join('；') } : {}) };
  });
}

/** "对应设计降雨量22.2mm", "(相应的设计降雨量为33mm)": a value stated with the requirement. */
const COMPANION_RE = new RegExp(`(${alt(COMPANION_WORDS)})(${alt(LABELS.map((l) => l.label))})(?:为|:)?`, 'g');

function companions(sc: Scanner): void {
  sc.regex(COMPANION_RE, (m, s) => {
    const def = LABEL_BY_TEXT.get(m[2])!;
    if (def.type !== 'number' && def.type !== 'percent') return null;
    const q = findQuantity(sc.masked, s.end, s.end + 1);
    if (!q || q.start !== s.end) return null;
    const unitOk = def.type === 'percent' ? q.unit?.unit === '%' || q.percentWords : q.unit?.unit === def.unit;
    if (!unitOk) return null;
    return { ...sc.span(s.start, q.end), kind: 'companion', def, value: q.value };
  });
}

/** "5-3: 2.50" (a table row per parcel) and "08-03地块" / "G18地块" (a parcel named as the subject). */
function parcels(sc: Scanner): void {
  sc.regex(/(?<![A-Za-z0-9.])([A-Za-z]*\d+[A-Za-z]*(?:-[A-Za-z0-9]+)+)(?:号)?(?:地块)?:/g, (m, s) => ({ ...s, kind: 'parcel', code: m[1], row: true }));
  sc.regex(/(?:[A-Za-z0-9-]+单元)?(?<![A-Za-z0-9.])([A-Za-z]*\d+[A-Za-z]*(?:-[A-Za-z0-9]+)*)(?:号)?地块/g, (_m, s) => ({
    ...s,
    kind: 'parcel',
    code: s.text.replace(/(?:号)?地块$/, ''),
    row: false,
  }));
}

const STAR_RE = new RegExp(`(?:${alt(STAR_PREFIXES)})?(${alt(STAR_WORDS.map((w) => w.word))})(?:${alt(STAR_SUFFIXES)})?`, 'g');

function stars(sc: Scanner): void {
  sc.regex(STAR_RE, (m, s) => {
    const w = STAR_WORDS.find((x) => x.word === m[1])!;
    return { ...s, kind: 'star', value: w.value, ...(w.confirm ? { confirm: w.confirm } : {}) };
  });
}

function comparators(sc: Scanner): void {
  sc.words(
    POSTFIX_COMPARATORS.map((p) => p.word),
    (w, s) => {
      const p = POSTFIX_COMPARATORS.find((x) => x.word === w)!;
      return { ...s, kind: 'cmp', op: p.op, post: true, statutory: p.inclusive === 'statutory' };
    },
  );
  sc.regex(/\((不)?含(?:本数|\d+(?:\.\d+)?万?(?:米|m|层|平方米|㎡|m²|%)?)?\)/g, (m, s) => ({ ...s, kind: 'incl', inclusive: !m[1] }));
  sc.words(
    PREFIX_COMPARATORS.map((p) => p.word),
    (w, s) => ({ ...s, kind: 'cmp', op: PREFIX_COMPARATORS.find((x) => x.word === w)!.op, post: false, statutory: false }),
  );
}

function numbers(sc: Scanner): void {
  for (let from = 0; from < sc.masked.length; ) {
    const q = findQuantity(sc.masked, from);
    if (!q) break;
    from = q.end;
    if (!sc.isFree(q.start, q.end)) continue;
    sc.take({ ...sc.span(q.start, q.end), kind: 'number', q });
  }
  // Range separators between two numbers: 2.0-3.0, 30%~40%, 2.0至3.0.
  sc.regex(/(?<=\u25A1)(?:-|~|至|到)(?=\u25A1)/g, (_m, s) => {
    const before = sc.tokens.find((t) => t.end === s.start);
    const after = sc.tokens.find((t) => t.start === s.end);
    return before?.kind === 'number' && after?.kind === 'number' ? { ...s, kind: 'range' } : null;
  });
}

function leftovers(sc: Scanner): void {
  let start = -1;
  const flush = (end: number) => {
    if (start >= 0) sc.tokens.push({ ...sc.span(start, end), kind: 'leftover' });
    start = -1;
  };
  for (let i = 0; i <= sc.masked.length; i++) {
    const ch = sc.masked[i];
    const meaningful = ch !== undefined && ch !== MASK && !PUNCT.test(ch);
    if (meaningful && start < 0) start = i;
    if (!meaningful) flush(i);
  }
}
