// Hostile text from a workbook (control characters, bidi overrides, lone surrogates, absurdly long
// strings) must never break the PDF or the Excel file.
import terms from '../data/report-terms.json';
import { basisWord as modelBasisWord } from '../model/basis';

export const TRUNCATION_MARK = '…（已截断）';
/** Longest text kept in one PDF cell or line. */
export const PDF_MAX_CHARS = 300;
/** Excel's own limit for the characters of one cell. */
export const XLSX_MAX_CHARS = 32767;

// C0 controls except \t and \n, DEL, C1 controls.
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// Bidi embeddings/overrides/isolates and marks (LRE…RLO, LRI…PDI, LRM, RLM, ALM).
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
// Lone surrogates (a high not followed by a low, a low not preceded by a high).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Non-characters and specials that have no glyph and confuse text extraction.
const SPECIALS = /[\uFFFE\uFFFF\uFEFF\u2028\u2029]/g;

function cut(s: string, max: number): string {
  const chars = Array.from(s);
  if (chars.length <= max) return s;
  return chars.slice(0, Math.max(0, max - TRUNCATION_MARK.length)).join('') + TRUNCATION_MARK;
}

/** Text for the PDF: controls, bidi marks and lone surrogates removed, \r\n → \n, tabs → space, truncated. */
export function pdfText(input: unknown, max = PDF_MAX_CHARS): string {
  if (input === null || input === undefined) return '';
  let s = String(input)
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(CONTROLS, '')
    .replace(BIDI, '')
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(SPECIALS, '');
  s = s.replace(/\n{3,}/g, '\n\n');
  return cut(s, max);
}

/** One-line variant (names, cell values). */
export function pdfLine(input: unknown, max = 120): string {
  return pdfText(input, max).replace(/\n+/g, ' ');
}

/**
 * Text for an xlsx cell: complete, except what XML 1.0 cannot carry (C0 controls other than
 * tab/LF/CR, lone surrogates, U+FFFE/U+FFFF → U+FFFD) and Excel's 32 767-character cell limit.
 * Bidi marks are kept: they are legal and the user's own text.
 */
export function xlsxText(input: unknown): string {
  if (input === null || input === undefined) return '';
  const s = String(input)
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '\uFFFD')
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(/[\uFFFE\uFFFF]/g, '\uFFFD');
  return s.length <= XLSX_MAX_CHARS ? s : s.slice(0, XLSX_MAX_CHARS - TRUNCATION_MARK.length).replace(/[\uD800-\uDBFF]$/, '') + TRUNCATION_MARK;
}

// ---------------------------------------------------------------- words a reader sees


const SYMBOLS = Object.entries(terms.symbols as Record<string, string>).sort((a, b) => b[0].length - a[0].length);
const STATUS = terms.status as Record<string, string>;

/**
 * Text of the rule data and calculations as a reader sees it: references to documentation files
 * ("见 renewable.md §1") dropped, status words in Chinese, formula symbols with Chinese subscripts.
 */
export function readerText(input: string): string {
  let s = input
    // "（工作定义，见 renewable.md §1；…）" → "（工作定义；…）"
    .replace(/[，,；;]?\s*(见|参见|详见)?\s*[\w./-]+\.md(\s*§[\d.]+)?(\s*\[[^\]]*\])?/g, '')
    .replace(/（[，；\s]*/g, '（')
    .replace(/[，；\s]*）/g, '）')
    .replace(/（）/g, '');
  for (const [k, v] of Object.entries(STATUS)) s = s.replace(new RegExp(`\\b${k}\\b`, 'g'), v);
  for (const [k, v] of SYMBOLS) s = s.split(k).join(v);
  // one-letter subscripts of formula symbols: φ_i → φi, F_i → Fi
  s = s.replace(/([A-Za-zα-ωΑ-Ω])_([a-z0-9])(?![A-Za-z0-9_])/g, '$1$2');
  return s;
}

/** Chinese word for a rule-data status (CONFIRMED → 已核实). */
export function statusWord(status: string): string {
  return STATUS[status] ?? status;
}

/** A rule-data version as a reader sees it ('working-definition-1' → '工作定义第 1 版'). */
export function versionWord(v: string): string {
  const known = (terms.versions as Record<string, string>)[v];
  if (known) return known;
  const wd = /^working-definition-(\d+)$/.exec(v);
  return wd ? `工作定义第 ${wd[1]} 版` : v;
}

/** Rule-data keys in the order the vocabulary lists them, others after them sorted. */
export function ruleDataOrder(keys: string[]): string[] {
  const known = Object.keys(terms.ruleData);
  return [...known.filter((k) => keys.includes(k)), ...keys.filter((k) => !known.includes(k)).sort()];
}

/** Chinese name of a rule-data set of `run.rules`. */
export function ruleDataName(key: string): string {
  // a rule-data set the vocabulary does not name yet is shown without its internal key
  return (terms.ruleData as Record<string, string>)[key] ?? '其他规则数据';
}

/** The evidence rule that decided a verdict, in words ('' for an id the vocabulary does not know). */
export function basisWord(basis: string | undefined): string {
  return modelBasisWord(basis) ?? '';
}
