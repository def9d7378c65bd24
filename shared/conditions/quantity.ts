// Numbers as contracts write them: "60%", "60％", "百分之六十", "三十五%", "两万平方米", "0.6", "2万平方米", "2.0万㎡",
// "20000m²" (docs/contract-text.md §2). Works on normalised text
// (half-width, no whitespace).
import { UNIT_WORDS, type UnitWord } from './words';

export interface Quantity {
  /** Number as written, times the unit's factor (万 → ×10000). */
  value: number;
  /** The number as written ("2.0", "百分之六十"). */
  raw: string;
  /** Unit word found after the number, if any. */
  unit?: UnitWord;
  /** True for 百分之…: a percent without a % sign. */
  percentWords: boolean;
  start: number;
  end: number;
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 六十 → 60, 三十五 → 35, 一百 → 100, 十二点五 → 12.5; NaN when not a Chinese numeral. */
export function chineseNumber(s: string): number {
  const [intPart, fracPart] = s.split('点');
  let total = 0;
  let digit = 0;
  if (!intPart && fracPart === undefined) return NaN;
  for (const ch of intPart) {
    if (ch in CN_DIGITS) digit = CN_DIGITS[ch];
    else if (ch === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else if (ch === '百') {
      total += (digit || 1) * 100;
      digit = 0;
    } else return NaN;
  }
  total += digit;
  if (fracPart !== undefined) {
    if (!fracPart) return NaN;
    let frac = '';
    for (const ch of fracPart) {
      if (!(ch in CN_DIGITS)) return NaN;
      frac += String(CN_DIGITS[ch]);
    }
    total = Number(`${total}.${frac}`);
  }
  return total;
}

/**
 * 百分之六十; 60 / 2.5; 三十五% / 两万平方米 / 二十七米 (a Chinese numeral only right before a unit of
 * percent, area or length, never inside a word such as 二类 or 一种).
 */
const NUMBER = /百分之([零〇一二两三四五六七八九十百点]+)|(\d+(?:\.\d+)?)|([零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?)(?=万|%|个百分点|米|m|平方米|平米|㎡|公顷|毫米|mm)/g;

/** The first number in `text` at or after `from`, with its unit. */
export function findQuantity(text: string, from = 0, to = text.length): Quantity | undefined {
  NUMBER.lastIndex = from;
  const m = NUMBER.exec(text);
  if (!m || m.index >= to) return undefined;
  let end = m.index + m[0].length;
  if (m[1] !== undefined) {
    const v = chineseNumber(m[1]);
    if (Number.isNaN(v)) return undefined;
    return { value: v, raw: m[0], percentWords: true, start: m.index, end };
  }
  let value = m[2] !== undefined ? Number(m[2]) : chineseNumber(m[3]);
  if (Number.isNaN(value)) return undefined;
  const unit = UNIT_WORDS.find((u) => text.startsWith(u.word, end));
  if (unit) {
    value *= unit.factor;
    end += unit.word.length;
  } else if (text.startsWith('万', end)) {
    value *= 10000;
    end += 1;
  }
  return { value: round(value), raw: m[0], unit, percentWords: false, start: m.index, end };
}

export function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
