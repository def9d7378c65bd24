// Text folding shared by every reader: labels, headers, units, notations and names are compared
// after Unicode NFKC (full-width → half-width, ㎡ → m2), lower case, with all white space and the
// invisible characters text pasted from a PDF or a web page carries (zero-width space, joiners,
// soft hyphen, byte-order mark) removed.

import { memoText } from '../model/memo';

const folded = new Map<string, string>();

/** Characters that show nothing: zero-width space / non-joiner / joiner, word joiner, soft hyphen, BOM. */
export const INVISIBLE_CHARS = /[\u200b-\u200d\u2060\u00ad\ufeff]/g;

/** NFKC, lower case, all white space and invisible characters removed. Memoised (bounded). */
export function fold(s: string): string {
  let f = folded.get(s);
  if (f === undefined) {
    f = s.normalize('NFKC').replace(/\s+/g, '').replace(INVISIBLE_CHARS, '').toLowerCase();
    if (folded.size > 50000) folded.clear();
    folded.set(s, f);
  }
  return f;
}

/** Memoised per distinct text: the importer asks about the same labels and headers for every cell. */
export const memo = <T>(fn: (s: string) => T): ((s: string) => T) => memoText(fn, 50000);

/** The trailing balanced "(…)" group of folded text s: [start index, inner text], or null. */
export function trailingGroup(s: string): [number, string] | null {
  if (!s.endsWith(')') && !s.endsWith(']') && !s.endsWith('】')) return null;
  let depth = 0;
  for (let i = s.length - 1; i >= 0 && s.length - i <= 60; i--) {
    const ch = s[i];
    if (ch === ')' || ch === ']' || ch === '】') depth++;
    else if ((ch === '(' || ch === '[' || ch === '【') && --depth === 0) return i > 0 ? [i, s.slice(i + 1, -1)] : null;
  }
  return null;
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "六十" → 60, "六十五点五" → 65.5, "一百" → 100; null if not a Chinese numeral. */
export function chineseNumber(s: string): number | null {
  const [intPart, frac] = s.split('点');
  let total = 0;
  let cur = 0;
  if (!intPart) return null;
  for (const ch of intPart) {
    if (ch in CN_DIGITS) cur = CN_DIGITS[ch];
    else if (ch === '十') { total += (cur || 1) * 10; cur = 0; }
    else if (ch === '百') { total += (cur || 1) * 100; cur = 0; }
    else if (ch === '千') { total += (cur || 1) * 1000; cur = 0; }
    else return null;
  }
  total += cur;
  if (frac !== undefined) {
    let f = '';
    for (const ch of frac) {
      if (!(ch in CN_DIGITS)) return null;
      f += CN_DIGITS[ch];
    }
    if (f) total = Number(`${total}.${f}`);
  }
  return total;
}
