// What a sheet says about its own figures in words: the method or standard edition it names, the
// part of the project a figure covers (住宅部分, 一期, 不含商业), that a figure is only intended
// (拟申报, 目标), the rate a 设计降雨量 belongs to. Vocabulary: shared/data/sheet-statements.json, and
// for parts and intents the value remarks' own lists (shared/data/value-remarks.json, read for a
// value's own notes by shared/check/qualifiers.ts). The importer keeps the titles, notes and remarks
// that say such things (ImportResult.statements); the engine reads them (shared/check/statements.ts,
// docs/evidence-policy.md "What the sheet itself says").
import data from '../data/sheet-statements.json';
import remarks from '../data/value-remarks.json';
import { namedMethod } from '../calc/methods';
import { parcelCode } from './parcels';
import { memoText } from './memo';
import { definitionalNote } from './indicatorBases';

/** Folded for matching: NFKC, no white space, upper-case Latin, ASCII brackets. */
export const foldStatement = memoText((s) => s.normalize('NFKC').replace(/\s+/g, '').toUpperCase().replace(/[〔［[]/g, '〔').replace(/[〕］\]]/g, '〕'));

const REFERENCE = data.referenceOnly.words.map(foldStatement);
const SCOPE = remarks.partialScope.patterns.map((p) => new RegExp(p));
const DEFINITIONAL = { ids: new Set(remarks.partialScope.definitional.indicators), words: remarks.partialScope.definitional.patterns };
// longest first: "拟申报" is quoted rather than "拟"
const INTENT = [...remarks.intent.words].sort((a, b) => b.length - a.length);
const RATE_TIE = new RegExp(data.rateTie.pattern);
const RAIN_WORDS = data.rateTie.rainfallWords.map(foldStatement);

export interface StandardEdition {
  year: string;
  from?: string;
  until?: string;
  status: string;
  source: string;
}

interface StandardDef {
  id: string;
  name: string;
  re: RegExp;
  indicators: string[];
  editions: StandardEdition[];
}

const STANDARDS: StandardDef[] = data.standards.map((s) => ({ ...s, re: new RegExp(s.pattern, 'g') }));

/** The text is about a table titled for reference only (供参考): its method is not the declared value's. */
export function referenceOnly(text: string): boolean {
  const f = foldStatement(text);
  return REFERENCE.some((w) => f.includes(w));
}

/** The words in `text` that limit a figure to part of the project ("住宅部分", "一期", "不含商业"), or null. */
export function partialScopeWords(text: string, indicator?: string): string | null {
  return scopeMatches(text).find((w) => !(indicator && ((DEFINITIONAL.ids.has(indicator) && DEFINITIONAL.words.some((d) => w.includes(d))) || definitionalNote(indicator, w)))) ?? null;
}

/** Each scope pattern's first match in the folded text, in the patterns' order. */
const scopeMatches = memoText((text) => {
  const f = foldStatement(text);
  return SCOPE.map((re) => re.exec(f)?.[0]).filter((w): w is string => w !== undefined);
});

/** The intent word in `text` ("拟申报", "目标", "争创" …), or null. */
export const intentWord = memoText((text): string | null => {
  const f = foldStatement(text);
  return INTENT.find((w) => f.includes(w)) ?? null;
});

/** The 年径流总量控制率 a text ties a 设计降雨量 to ("对应年径流总量控制率70%" → 70), or null. */
export function tiedRate(text: string): number | null {
  const m = RATE_TIE.exec(foldStatement(text));
  return m ? Number(m[1]) : null;
}

/** The text speaks of the 设计降雨量 (so a rate it names is the rainfall's). */
export function mentionsRainfall(text: string): boolean {
  const f = foldStatement(text);
  return RAIN_WORDS.some((w) => f.includes(w));
}

/** Standard editions a text names ("GB/T 50378-2014" → the 2014 edition of gbt50378), with the indicators they concern. */
export function namedEditions(text: string): Array<{ standard: string; name: string; year: string; edition: StandardEdition | undefined; indicators: string[] }> {
  const f = foldStatement(text).replace(/GB\/T/g, 'GB/T');
  const out: ReturnType<typeof namedEditions> = [];
  for (const s of STANDARDS) {
    s.re.lastIndex = 0;
    for (let m = s.re.exec(f); m; m = s.re.exec(f)) {
      out.push({ standard: s.id, name: s.name, year: m[1], edition: s.editions.find((e) => e.year === m![1]), indicators: s.indicators });
    }
  }
  return out;
}

/** The edition of a standard in force on `day` (ISO), or the latest when no day is given. */
export function editionInForce(standard: string, day: string | undefined): StandardEdition | undefined {
  const s = STANDARDS.find((x) => x.id === standard);
  if (!s) return undefined;
  if (!day) return s.editions[s.editions.length - 1];
  return s.editions.find((e) => (!e.from || e.from <= day) && (!e.until || day <= e.until));
}

/** Star levels in words (GB/T 50378-2019 §3.2.6), longest first. */
const LEVEL_WORDS: ReadonlyArray<[string, number]> = [['基本级', 0], ['一星级', 1], ['二星级', 2], ['两星级', 2], ['三星级', 3], ['一星', 1], ['二星', 2], ['两星', 2], ['三星', 3]];
const BUILDING_LEVEL = new RegExp(`([0-9A-Z]{1,3}(?:#|号)(?:楼|栋|幢|座)?|[A-Z](?:座|栋|幢))[^，,；;。]{0,16}?(${LEVEL_WORDS.map(([w]) => w).join('|')})`, 'g');

/** Buildings a text gives a star level of their own ("其中5#楼（幼儿园）按一星级设计" → 5#楼, 1). */
export function buildingLevels(text: string): Array<{ building: string; level: number; words: string }> {
  const f = foldStatement(text);
  const out: ReturnType<typeof buildingLevels> = [];
  BUILDING_LEVEL.lastIndex = 0;
  for (let m = BUILDING_LEVEL.exec(f); m && out.length < 20; m = BUILDING_LEVEL.exec(f)) {
    out.push({ building: m[1], level: LEVEL_WORDS.find(([w]) => w === m![2])![1], words: m[0] });
  }
  return out;
}

/**
 * Whether a text is worth keeping as a statement: it names a method or standard edition, a part of
 * the project, an intent, a rate for the rainfall, a building's own star level, or (titles) a parcel.
 */
export function isStatement(text: string, title: boolean): boolean {
  if (text.length > 300) return false;
  return title ? titleStatement(text) : bodyStatement(text);
}

// asked for every unused text cell of every sheet: memoised per text
const bodyStatement = memoText((text) => says(text, false));
const titleStatement = memoText((text) => says(text, true));

function says(text: string, title: boolean): boolean {
  return (
    !!namedMethod(text) ||
    namedEditions(text).length > 0 ||
    partialScopeWords(text) !== null ||
    intentWord(text) !== null ||
    tiedRate(text) !== null ||
    buildingLevels(text).length > 0 ||
    (title && parcelCode(text) !== null)
  );
}
