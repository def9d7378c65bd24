// Clause text as the parser reads it: full-width forms folded to half-width (６０％ → 60%, （含） →
// (含), ＜ → <), no whitespace, no thousands separators (20,000 → 20000). Keeps, for every
// character, where it came from, so that what the parser recognised can be shown on the
// user's own words.

export interface Normalised {
  text: string;
  /** For each character of `text`, its index in the original; one more entry for the end. */
  origin: number[];
}

const DASHES = new Set(['\u2014', '\u2013', '\u2012', '\u2212', '\uFE63']); // — – ‒ − ﹣

export function normaliseClause(original: string): Normalised {
  const chars: string[] = [];
  const origin: number[] = [];
  let i = 0;
  for (const ch of original) {
    const c = ch.codePointAt(0) ?? 0;
    let out = ch;
    if (c >= 0xff01 && c <= 0xff5e) out = String.fromCodePoint(c - 0xfee0);
    else if (c === 0x3000 || /\s/.test(ch)) out = '';
    else if (DASHES.has(ch)) out = '-';
    else if (ch === '\u301C') out = '~'; // 〜
    if (out) {
      chars.push(out);
      origin.push(i);
    }
    i += ch.length;
  }
  // Thousands separators: a comma between digits followed by exactly three digits.
  const kept: string[] = [];
  const keptOrigin: number[] = [];
  for (let k = 0; k < chars.length; k++) {
    if (chars[k] === ',' && /\d/.test(chars[k - 1] ?? '') && /^\d{3}(?!\d)/.test(chars.slice(k + 1, k + 5).join(''))) continue;
    kept.push(chars[k]);
    keptOrigin.push(origin[k]);
  }
  keptOrigin.push(original.length);
  return { text: kept.join(''), origin: keptOrigin };
}

/** The original text of a normalised range. */
export function originalRange(n: Normalised, start: number, end: number): { start: number; end: number } {
  return { start: n.origin[start], end: end > start ? n.origin[end - 1] + 1 : n.origin[start] };
}
