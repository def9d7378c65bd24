// Splitting contract text into sentences and tracking clause numbers (docs/formats.md §5, docs/contract-text.md §1):
// sentences end at 。；; and line breaks; a clause number at the start of a sentence
// (第十二条, 第十二条(一), （三）, 3., 3、, (2)) is taken off the sentence, and the current
// 条 carries to the items that follow ("第十二条 …：（一）…" → "第十二条（一）").

export interface Sentence {
  /** The sentence without its clause number, trimmed (the contract's own words). */
  text: string;
  /** Clause number, e.g. "第十二条（一）", when the text gives one. */
  clause?: string;
  /**
   * The heading the sentence is written under, when an earlier sentence of the same line (or a
   * line holding only a heading) opened with one: "商业建设区：建筑密度≤60%；绿地率≥20%" gives
   * the second sentence the heading 商业建设区. Whether it qualifies the sentence is for the reader.
   */
  heading?: string;
}

const CN_NUM = '一二三四五六七八九十百零〇两';
const ARTICLE = new RegExp(`^第[${CN_NUM}\\d]+条`);
const PAREN_ITEM = new RegExp(`^[(（][${CN_NUM}\\d]{1,3}[)）]`);
const NUMBER_ITEM = /^\d{1,2}(?:[.．](?!\d)|、)/;
const CN_ITEM = new RegExp(`^[${CN_NUM}]{1,3}、`);
/** Item markers after a colon or a space start a new sentence ("要求：（一）…"). */
const ITEM_BREAK = new RegExp(`(?<=[:：]\\s*|\\s)(?=[(（][${CN_NUM}\\d]{1,3}[)）])`, 'g');

const LEADING_JUNK = /^[\s:：、.．,，]+/;
const TRAILING_JUNK = /[\s。；;,，、]+$/;

export function splitSentences(input: string): Sentence[] {
  const out: Sentence[] = [];
  let article: string | undefined;
  let item: string | undefined;
  let sub: string | undefined;
  /** Heading of the current line (from a sentence that opened with "…："). */
  let heading: string | undefined;
  /** Heading of a line that held only a heading: it carries to the lines below, up to a blank line. */
  let carried: string | undefined;
  let lineSeen = true;
  let lineHasText = false;
  // Pieces of each line; null marks a line break: the 条 carries over, the item does not
  // (a paragraph without its own number is not known to belong to the item above).
  const pieces = input
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .flatMap((line) => [null, ...line.split(/[。；;]/).flatMap((p) => p.split(ITEM_BREAK))]);
  for (const raw of pieces) {
    if (raw === null) {
      // A blank line ends a carried heading; an inline heading ends with its line.
      if (!lineSeen) carried = undefined;
      heading = carried;
      lineSeen = false;
      lineHasText = false;
      item = undefined;
      sub = undefined;
      continue;
    }
    let s = raw.trim();
    if (!s) continue;
    lineSeen = true;
    let m = ARTICLE.exec(s);
    if (m) {
      article = m[0];
      item = undefined;
      sub = undefined;
      heading = carried = undefined;
      s = s.slice(m[0].length).replace(LEADING_JUNK, '');
    }
    m = PAREN_ITEM.exec(s) ?? CN_ITEM.exec(s);
    if (m) {
      item = m[0];
      sub = undefined;
      s = s.slice(m[0].length).replace(LEADING_JUNK, '');
    }
    m = NUMBER_ITEM.exec(s);
    if (m) {
      sub = m[0];
      s = s.slice(m[0].length).replace(LEADING_JUNK, '');
      // "(2)" after a numbered item: a third level, keep it on the numbered item.
      const m2 = PAREN_ITEM.exec(s);
      if (m2) {
        sub += m2[0];
        s = s.slice(m2[0].length).replace(LEADING_JUNK, '');
      }
    }
    const text = s.replace(LEADING_JUNK, '').replace(TRAILING_JUNK, '').trim();
    if (!text) continue;
    const colon = /^([^:：]{1,30})[:：]\s*(.*)$/.exec(text);
    const own = colon && !/[\d≥≤<>＜＞]/.test(colon[1]) ? colon[1].trim() : undefined;
    if (own !== undefined && colon![2].trim() === '') {
      // A heading alone ("绿色生态要求："): for the rest of the line, or the lines below.
      heading = own;
      if (!lineHasText) carried = own;
      continue;
    }
    lineHasText = true;
    const clause = clauseLabel(article, item, sub);
    out.push({ text, ...(clause ? { clause } : {}), ...(heading !== undefined ? { heading } : {}) });
    if (own !== undefined) heading = own;
  }
  return out;
}

function clauseLabel(article?: string, item?: string, sub?: string): string | undefined {
  let s = article ?? '';
  if (item) s += item;
  if (sub) s += s && !item ? ` ${sub}` : sub;
  return s || undefined;
}
