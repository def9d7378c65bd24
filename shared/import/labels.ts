// Label normalisation and the precomputed label → indicator index.
// docs/domain/indicator-sheet-layout.md §6: match on synonyms after removing spaces, full-width brackets,
// trailing colons, numbering and unit suffixes like "（㎡）", "(m2)", "(%)"; §6.1: bilingual
// labels ("Green Ratio 绿地率"), "其中：" sub-rows, the requirement written into the label
// ("绿地率（规划要求≥35%）", "规划容积率") and the state it names ("装配率（修改后）").
import { INDICATORS } from '../model/indicators';
import catalogue from '../data/indicators.json';
import { affixRole, blocksAffix, blocksAffixAfter, type RoleHit } from './roles';
import { fold, memo, trailingGroup } from './text';
import { parseUnit } from './units';
import { compoundLabel } from './compoundCells';

export { fold } from './text';

export interface LabelMatch {
  /** Normalised label key (without numbering, unit, colon, spaces). */
  key: string;
  /** Indicator ids matched; several = ambiguous label. */
  ids: string[];
  /** 'exact', 'affix' (label starts/ends with a synonym) or 'context' (a synonym valid in this block only). */
  how: 'exact' | 'affix' | 'context';
  /** Unit written in the label, e.g. "%" from "装配率（%）", as written. */
  unitRaw?: string;
  /** Text written around the synonym in an affix match ("规划" in 规划容积率, "1#楼" in 1#楼装配率). */
  extra?: string;
  /** Role the label gives its value: "规划容积率" / "容积率（规划）" → requirement, "装配率（修改后）" → declared rank 2. */
  role?: RoleHit;
  /** Bracketed notes dropped from the label, as folded text ("含屋顶绿化", "规划要求≥35%"). */
  notes?: string[];
  /** The label names two quantities ("最高建筑层数/高度"): `ids` are both, each read from its part of the cell. */
  compound?: boolean;
}

const CIRCLED = /^[\u2460-\u2473\u2776-\u277f\u2780-\u2793]/;
// Numbering prefixes: "1、", "1.", "3.2.1", "(3)", "（三）", "一、", "第一", "①" (after fold);
// a number directly before a building word ("1号楼", "2#楼") is a name, not numbering.
const NUMBERING = /^(?:\(?[0-9]{1,3}(?:\.[0-9]{1,3})*(?:[)、.:]|(?=[\u4e00-\u9fff])(?![号栋幢座楼层#]))|\([0-9一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}[、.]|[0-9]{1,2}(?=[\u4e00-\u9fff])(?![号栋幢座楼层#]))/;
const TRAILING_SLASH_UNIT = /\/([^/()]{1,12})$/;
const SUBROW = /^(?:其中|含|包括)[:：]?/;
// A run of Latin words before or after the Chinese label (bilingual sheets), after fold.
const LATIN_LEAD = /^([a-z][a-z.,'&-]*)(?:[/|:])?(?=[\u4e00-\u9fff(0-9])/;
const LATIN_TAIL = /(?<=[\u4e00-\u9fff)])(?:[/|:])?([a-z][a-z.,'&-]*)$/;

function latinWords(run: string): boolean {
  return (run.match(/[a-z]/g) ?? []).length >= 3 && !parseUnit(run);
}

/** Strips decorations from a label; returns the key, a unit found in trailing brackets and the notes dropped. */
export function normaliseLabel(text: string): { key: string; unitRaw?: string; notes?: string[] } {
  let s = text.trim();
  if (CIRCLED.test(s)) s = s.slice(1);
  s = fold(s);
  s = s.replace(/^[*★※#]+/, '');
  const m = NUMBERING.exec(s);
  if (m && m[0].length < s.length) s = s.slice(m[0].length);
  s = s.replace(SUBROW, '');
  s = s.replace(/[:：]+$/, '');
  let unitRaw: string | undefined;
  let notes: string[] | undefined;
  // Bilingual: "greenratio绿地率", "绿地率greenratio" (spaces are gone after fold).
  const lead = LATIN_LEAD.exec(s);
  if (lead && latinWords(lead[1]) && lead[0].length < s.length) {
    s = s.slice(lead[0].length);
    // "Building Height 10、建筑高度": the numbering after the English name
    const n2 = NUMBERING.exec(s);
    if (n2 && n2[0].length < s.length) s = s.slice(n2[0].length);
  }
  // "装配率 P=(Q1+Q2+Q3)/(100-Q4)×100%": the label, then its formula (no Chinese after "=")
  const formula = /^(.*[\u4e00-\u9fff][a-z0-9]{0,3})=[^\u4e00-\u9fff]+$/.exec(s);
  if (formula) s = formula[1];
  // "(总用地面积)" left after an English name: the bracket is the label
  if (/^\([^()]+\)$/.test(s)) s = s.slice(1, -1);
  // Trailing "(unit)" or "/unit"; a bracket whose content is not a unit is dropped as a note.
  for (let i = 0; i < 3; i++) {
    const tail = LATIN_TAIL.exec(s);
    if (tail && latinWords(tail[1])) {
      s = s.slice(0, tail.index).replace(/[/|:：]+$/, '');
      continue;
    }
    const g = trailingGroup(s);
    if (g) {
      const inner = g[1].replace(/^单位[:：]?/, '');
      const outer = s.slice(0, g[0]).replace(/[:：]+$/, '');
      if (parseUnit(inner) || /^(小数|比值)$/.test(inner)) {
        unitRaw ??= inner;
        s = outer;
      } else if (!outer) {
        // "（绿地率）" after a Latin name: the bracket is the label
        s = inner;
      } else {
        // "建筑面积(地上)" → "地上建筑面积" when that is a label; else the bracket is a note.
        if (exact.has(inner + outer)) s = inner + outer;
        else {
          s = outer;
          if (!/^[a-z .,'&-]+$/.test(inner)) (notes ??= []).push(inner);
        }
      }
      continue;
    }
    const u = TRAILING_SLASH_UNIT.exec(s);
    if (u && parseUnit(u[1])) {
      unitRaw ??= u[1];
      s = s.slice(0, u.index).replace(/[:：]+$/, '');
      continue;
    }
    break;
  }
  const lead2 = LATIN_LEAD.exec(s);
  if (lead2 && latinWords(lead2[1]) && lead2[0].length < s.length) s = s.slice(lead2[0].length);
  if (unitRaw) {
    // Report the unit as written ("㎡", not its folded form "m2").
    const raw = /[（(]\s*(?:单位[:：]?)?([^（）()]{1,16}?)\s*[)）]\s*[:：]?\s*$/.exec(text) ?? /[/／]\s*([^/／()（）]{1,12}?)\s*[:：]?\s*$/.exec(text);
    if (raw && fold(raw[1]) === fold(unitRaw)) unitRaw = raw[1];
  }
  const r: { key: string; unitRaw?: string; notes?: string[] } = { key: s };
  if (unitRaw !== undefined) r.unitRaw = unitRaw;
  if (notes) r.notes = notes.reverse();
  return r;
}

/** Exact key → indicator ids. Built once. */
const exact = new Map<string, string[]>();
/** Context → key → indicator ids (labels valid only inside a block of that context). */
const contextual = new Map<string, Map<string, string[]>>();
let longest = 0;
function index(map: Map<string, string[]>, label: string, id: string): void {
  const { key } = normaliseLabel(label);
  if (!key) return;
  const ids = map.get(key);
  if (!ids) map.set(key, [id]);
  else if (!ids.includes(id)) ids.push(id);
  longest = Math.max(longest, key.length);
}
for (const d of INDICATORS) for (const l of d.labels) index(exact, l, d.id);
/** The standard's symbols (indicators.json `symbols`, "q4" after fold) → indicator id. */
const SYMBOLS: Array<[string, string]> = catalogue.indicators.flatMap((d) => ((d as { symbols?: string[] }).symbols ?? []).map((x): [string, string] => [fold(x), d.id]));

/**
 * Names of an indicator's limit (indicators.json `limitLabels`: 建筑限高, 控高): the indicator, in
 * the role of a requirement.
 */
const LIMITS = new Map<string, string>(catalogue.indicators.flatMap((d) => ((d as { limitLabels?: string[] }).limitLabels ?? []).map((x): [string, string] => [normaliseLabel(x).key, d.id])));
const LIMIT_ROLE: RoleHit = { role: 'requirement', rank: 0 };

/**
 * A description the catalogue does not know with the standard's own symbol before or after it
 * ("评价项目缺少分值 Q4", "Q1：主体结构部分"): the symbol names the quantity, unless the description
 * names another indicator.
 */
function symbolMatch(key: string): { id: string; rest: string } | null {
  for (const [sym, id] of SYMBOLS) {
    let rest: string | null = null;
    if (key.endsWith(sym) && /[\u4e00-\u9fff)]$/.test(key.slice(0, -sym.length))) rest = key.slice(0, -sym.length);
    else if (key.startsWith(sym) && /^[\u4e00-\u9fff(:：]/.test(key.slice(sym.length))) rest = key.slice(sym.length).replace(/^[:：]/, '');
    if (rest === null || rest.length < 2) continue;
    const other = matchPlain(rest);
    if (other && !(other.ids.length === 1 && other.ids[0] === id)) continue;
    return { id, rest };
  }
  return null;
}
for (const d of INDICATORS) {
  if (!d.contextLabels) continue;
  let m = contextual.get(d.contextLabels.context);
  if (!m) contextual.set(d.contextLabels.context, (m = new Map()));
  for (const l of d.contextLabels.labels) index(m, l, d.id);
}

/** Context → amount words a system's label may end with (indicators.json `contextSuffixes`), longest first. */
const CONTEXT_SUFFIXES = new Map(
  Object.entries(catalogue.contextSuffixes)
    .filter(([k]) => k !== 'source')
    .map(([k, words]) => [k, (words as string[]).map((w) => normaliseLabel(w).key).sort((a, b) => b.length - a.length)]),
);

/** Shortest synonym allowed for start/end matching ("项目", "功能" are too short to trust). */
const MIN_AFFIX = 3;
/** A label longer than the synonym by more than this is a sentence, not a label. */
const MAX_EXTRA = 8;

const matchPlain = memo((text: string): LabelMatch | null => computeMatch(text));

/**
 * Indicator(s) a cell text names, or null. `context` ('renewable') admits the labels valid only
 * in such a block ("光伏", "空气源热泵热水", "合计"). Memoised per distinct text.
 */
export function matchLabel(text: string, context?: string): LabelMatch | null {
  if (context) {
    const m = contextual.get(context);
    if (m) {
      const n = normaliseLabel(text);
      // "太阳能热水系统有效得热量": a system's label and then the amount it gives
      const suffix = (CONTEXT_SUFFIXES.get(context) ?? []).find((w) => n.key.endsWith(w) && m.has(n.key.slice(0, -w.length)));
      const key = suffix ? n.key.slice(0, -suffix.length) : n.key;
      const ids = m.get(key);
      if (ids) return withNotes({ key, ids, how: 'context', unitRaw: n.unitRaw }, n.notes);
    }
  }
  return matchPlain(text);
}

function withNotes(r: LabelMatch, notes: string[] | undefined): LabelMatch {
  if (!notes) return r;
  r.notes = notes;
  // "装配率（修改后）", "容积率（规划）": a note that is only a role word gives the label its role.
  for (const n of notes) {
    const hit = affixRole(n);
    if (hit && !r.role) r.role = hit;
  }
  return r;
}

function computeMatch(text: string): LabelMatch | null {
  if (text.length > longest + MAX_EXTRA + 40) return null;
  const { key, unitRaw, notes } = normaliseLabel(text);
  if (!key) return null;
  const ids = exact.get(key);
  if (ids) return withNotes({ key, ids, how: 'exact', unitRaw }, notes);
  const limit = LIMITS.get(key);
  if (limit) return withNotes({ key, ids: [limit], how: 'exact', unitRaw, role: LIMIT_ROLE }, notes);
  // "最高建筑层数/高度": two quantities of one row, each read from its part of the cell; a bare 高度
  // beside 层数 is the building's (its per-building-table label; compoundCells.ts)
  const both = compoundLabel(key, (t) => matchLabel(t, 'buildingTable')?.ids ?? null);
  if (both) return withNotes({ key, ids: both, how: 'affix', compound: true }, notes);
  if (key.length > longest + MAX_EXTRA || /^[0-9.+-]/.test(key)) return null;
  // Longest synonym the label ends with / starts with; unambiguous only.
  let best: string[] | null = null;
  let bestLen = 0;
  let bestExtra = '';
  let tie = false;
  const consider = (sub: string, extra: string, before: boolean) => {
    if (sub.length < MIN_AFFIX || key.length - sub.length > MAX_EXTRA) return;
    const found = exact.get(sub);
    if (!found) return;
    // "不计容建筑面积", "其他计容面积": another quantity, not the synonym's
    if (before && blocksAffix(extra)) return;
    // "容积率计算表", "建筑高度统计": the name of a table or a drawing, not the quantity
    if (!before && blocksAffixAfter(extra)) return;
    if (sub.length > bestLen) {
      best = found;
      bestLen = sub.length;
      bestExtra = extra;
      tie = false;
    } else if (sub.length === bestLen && best && best.join() !== found.join()) {
      tie = true;
    }
  };
  for (let i = 1; i < key.length; i++) {
    consider(key.slice(i), key.slice(0, i), true);
    consider(key.slice(0, key.length - i), key.slice(key.length - i), false);
  }
  if (!best || tie) {
    const sym = symbolMatch(key);
    return sym ? withNotes({ key, ids: [sym.id], how: 'affix', unitRaw, extra: sym.rest }, notes) : null;
  }
  const r: LabelMatch = { key, ids: best, how: 'affix', unitRaw, extra: bestExtra };
  const role = affixRole(bestExtra);
  if (role) r.role = role;
  return withNotes(r, notes);
}

/** Synonym keys of one indicator (for header tests like "is this the building-name column"). */
export function isLabelOf(text: string, id: string): boolean {
  const m = matchLabel(text);
  return !!m && m.ids.length === 1 && m.ids[0] === id;
}

/**
 * Label and value written in one cell: "单体名称：2#楼", "容积率: 2.1". The label part must name an
 * indicator and the value part must not be empty.
 */
export const splitInline = memo((text: string): { label: string; value: string; match: LabelMatch } | null => {
  if (text.length > 80) return null;
  const i = text.search(/[:：]/);
  if (i <= 0 || i >= text.length - 1) return null;
  const label = text.slice(0, i);
  const value = text.slice(i + 1).trim();
  if (!value) return null;
  const match = matchPlain(label);
  if (!match) return null;
  return { label: label.trim(), value, match };
});
