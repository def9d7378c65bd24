// Label normalisation and the precomputed label → indicator index.
// indicator-sheet-layout.md §6: match on synonyms after removing spaces, full-width brackets,
// trailing colons, numbering and unit suffixes like "（㎡）", "(m2)", "(%)".
import { INDICATORS } from '../model/indicators';
import { parseUnit } from './units';

export interface LabelMatch {
  /** Normalised label key (without numbering, unit, colon, spaces). */
  key: string;
  /** Indicator ids matched; several = ambiguous label. */
  ids: string[];
  /** 'exact' or 'affix' (label starts/ends with a synonym). */
  how: 'exact' | 'affix';
  /** Unit written in the label, e.g. "%" from "装配率（%）", as written. */
  unitRaw?: string;
}

/** NFKC, lower case, all white space removed. Used for labels, units and notations alike. */
const folded = new Map<string, string>();
export function fold(s: string): string {
  let f = folded.get(s);
  if (f === undefined) {
    f = s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
    if (folded.size > 50000) folded.clear();
    folded.set(s, f);
  }
  return f;
}

const CIRCLED = /^[\u2460-\u2473\u2776-\u277f\u2780-\u2793]/;
// Numbering prefixes: "1、", "1.", "3.2.1", "(3)", "（三）", "一、", "第一", "①" (after fold).
const NUMBERING = /^(?:\(?[0-9]{1,3}(?:\.[0-9]{1,3})*(?:[)、.:]|(?=[\u4e00-\u9fff]))|\([0-9一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}[、.]|[0-9]{1,2}(?=[\u4e00-\u9fff]))/;
const TRAILING_SLASH_UNIT = /\/([^/()]{1,12})$/;

/** The trailing balanced "(…)" group of s: [start index, inner text], or null. */
function trailingGroup(s: string): [number, string] | null {
  if (!s.endsWith(')')) return null;
  let depth = 0;
  for (let i = s.length - 1; i >= 0 && s.length - i <= 40; i--) {
    const ch = s[i];
    if (ch === ')') depth++;
    else if (ch === '(' && --depth === 0) return i > 0 ? [i, s.slice(i + 1, -1)] : null;
  }
  return null;
}

/** Strips decorations from a label; returns the key and a unit found in trailing brackets. */
export function normaliseLabel(text: string): { key: string; unitRaw?: string } {
  let s = text.trim();
  if (CIRCLED.test(s)) s = s.slice(1);
  s = fold(s);
  s = s.replace(/^[*★※#]+/, '');
  const m = NUMBERING.exec(s);
  if (m && m[0].length < s.length) s = s.slice(m[0].length);
  s = s.replace(/[:：]+$/, '');
  let unitRaw: string | undefined;
  // Trailing "(unit)" or "/unit"; a bracket whose content is not a unit is dropped as a note.
  for (let i = 0; i < 2; i++) {
    const g = trailingGroup(s);
    if (g) {
      const inner = g[1].replace(/^单位[:：]?/, '');
      const outer = s.slice(0, g[0]).replace(/[:：]+$/, '');
      if (parseUnit(inner) || /^(小数|比值)$/.test(inner)) {
        unitRaw ??= inner;
        s = outer;
      } else {
        // "建筑面积(地上)" → "地上建筑面积" when that is a label; else the bracket is a note.
        s = exact.has(inner + outer) ? inner + outer : outer;
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
  if (unitRaw) {
    // Report the unit as written ("㎡", not its folded form "m2").
    const raw = /[（(]\s*(?:单位[:：]?)?([^（）()]{1,16}?)\s*[)）]\s*[:：]?\s*$/.exec(text) ?? /[/／]\s*([^/／()（）]{1,12}?)\s*[:：]?\s*$/.exec(text);
    if (raw && fold(raw[1]) === fold(unitRaw)) unitRaw = raw[1];
  }
  return { key: s, unitRaw };
}

/** Exact key → indicator ids. Built once. */
const exact = new Map<string, string[]>();
let longest = 0;
for (const d of INDICATORS) {
  for (const l of d.labels) {
    const { key } = normaliseLabel(l);
    if (!key) continue;
    const ids = exact.get(key);
    if (!ids) exact.set(key, [d.id]);
    else if (!ids.includes(d.id)) ids.push(d.id);
    longest = Math.max(longest, key.length);
  }
}

/** Shortest synonym allowed for start/end matching ("项目", "功能" are too short to trust). */
const MIN_AFFIX = 3;
/** A label longer than the synonym by more than this is a sentence, not a label. */
const MAX_EXTRA = 8;

const cache = new Map<string, LabelMatch | null>();

/** Indicator(s) a cell text names, or null. Memoised per distinct text. */
export function matchLabel(text: string): LabelMatch | null {
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const r = computeMatch(text);
  if (cache.size > 50000) cache.clear();
  cache.set(text, r);
  return r;
}

function computeMatch(text: string): LabelMatch | null {
  if (text.length > longest + MAX_EXTRA + 16) return null;
  const { key, unitRaw } = normaliseLabel(text);
  if (!key) return null;
  const ids = exact.get(key);
  if (ids) return { key, ids, how: 'exact', unitRaw };
  if (key.length > longest + MAX_EXTRA || /^[0-9.+-]/.test(key)) return null;
  // Longest synonym the label ends with / starts with; unambiguous only.
  let best: string[] | null = null;
  let bestLen = 0;
  let tie = false;
  const consider = (sub: string) => {
    if (sub.length < MIN_AFFIX || key.length - sub.length > MAX_EXTRA) return;
    const found = exact.get(sub);
    if (!found) return;
    if (sub.length > bestLen) {
      best = found;
      bestLen = sub.length;
      tie = false;
    } else if (sub.length === bestLen && best && best.join() !== found.join()) {
      tie = true;
    }
  };
  for (let i = 1; i < key.length; i++) {
    consider(key.slice(i));
    consider(key.slice(0, key.length - i));
  }
  if (!best || tie) return null;
  return { key, ids: best, how: 'affix', unitRaw };
}

/** Synonym keys of one indicator (for header tests like "is this the building-name column"). */
export function isLabelOf(text: string, id: string): boolean {
  const m = matchLabel(text);
  return !!m && m.ids.length === 1 && m.ids[0] === id;
}
