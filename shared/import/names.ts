// Names of buildings, parcels and 汇水分区 as written in sheets, and the keys that let different
// spellings meet (data: shared/data/name-notations.json): 一号楼 / 1号楼 / 1#楼 / 1# / 1栋 / 1幢 are
// one building; "SJC10018单元08-03地块" and "08-03地块" are one parcel.
import data from '../data/name-notations.json';
import { chineseNumber, fold, memo } from './text';

const KINDS = [...new Set(data.building.kinds.map(fold))].sort((a, b) => b.length - a.length);
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\#-]/g, '\\$&');
const KIND_RE = KINDS.map(esc).join('|');
const CN = '[一二三四五六七八九十两〇零]{1,4}';
// A code: digits (with an optional letter prefix/suffix and "-" parts) or one or two letters.
const CODE = `(?:[a-z]{0,2}[0-9]{1,3}(?:-[0-9]{1,3})*[a-z]?|[a-z]{1,2})`;

/** A whole cell that is a building name with a code: 1#楼, 1号楼, 一号楼, A栋, B1#, 3-1#楼, 2#厂房, A办公楼. */
const WHOLE = new RegExp(`^(${CODE}|${CN})(#|号)?(楼|栋|幢|座)?(${KIND_RE})?$`);
/** Building tokens inside a longer text (titles, sheet names): the word after the code is required. */
const COUNT_WORDS = data.building.countWords.map(fold).sort((a, b) => b.length - a.length).map(esc).join('|');
/** Words after "1#" that make it a 汇水分区 or a parcel (1#汇水分区, 2#地块), not a building. */
const NOT_BUILDING_AFTER = [...data.zone.words, ...data.parcel.words].map(fold).sort((a, b) => b.length - a.length).map(esc).join('|');
const TOKEN = new RegExp(`(?<![a-z0-9#.])(?<!(?:${COUNT_WORDS}))(${CODE}#(?!${NOT_BUILDING_AFTER})(?:${KIND_RE}|楼|栋|幢|座)?|${CODE}号(?:楼|栋|幢)|${CN}号(?:楼|栋|幢)|${CODE}(?:栋|幢|座)|[a-z]{1,2}(?:${KIND_RE}))`, 'g');

function normCode(code: string): string {
  const f = code.replace(/[－—–]/g, '-');
  if (/^[一二三四五六七八九十两〇零]+$/.test(f)) {
    const n = chineseNumber(f);
    return n === null ? f : String(n);
  }
  return f.toUpperCase().replace(/(^|-|[A-Z])0+(?=\d)/g, '$1');
}

export interface BuildingKey {
  /** The code ("1", "A", "3-1"), or null when the name has none (地下车库). */
  code: string | null;
  /** A specific kind word (厂房, 仓库, 办公楼), when written. */
  kind: string | null;
  /** code + kind, or the folded name when there is no code. */
  key: string;
}

/** A short description in brackets after a building's name: 1#楼(住宅), A座（办公）. */
const DESCRIBED = /^(.+?)\(([\u4e00-\u9fff、/]{1,8})\)$/;

/** A folded name split into the building's name and the description in brackets after it, if any. */
function described(f: string): { name: string; note: string | null } {
  const d = DESCRIBED.exec(f);
  return d && WHOLE.test(d[1]) ? { name: d[1], note: d[2] } : { name: f, note: null };
}

/** The description in brackets after a building's name ("1#楼(住宅)" → "住宅"), or null. */
export function nameNote(name: string): string | null {
  return described(fold(name)).note;
}

/** The key of a building name: 一号楼, 1号楼, 1#楼, 1#, 1栋 → code "1"; 2#厂房 → "2" + 厂房; 1#楼(住宅) → "1". */
export const buildingKey = memo((name: string): BuildingKey => {
  // "1#楼(住宅)": the name is the building's, the bracket describes it
  const f = described(fold(name).replace(/[－—–]/g, '-').replace(/＃/g, '#')).name;
  const m = WHOLE.exec(f);
  if (m && (m[2] || m[3] || m[4])) {
    const code = normCode(m[1]);
    const kind = m[4] ?? null;
    return { code, kind, key: kind ? `${code}:${kind}` : code };
  }
  return { code: null, kind: null, key: f };
});

/** True when a whole cell reads as a building name with a code (not "地下车库", not "12"). */
export function looksLikeBuilding(text: string): boolean {
  if (text.length > 24) return false;
  return buildingKey(text).code !== null;
}

/** Building names written inside a longer text ("2#楼 装配率计算书", "1#、2#楼", "装配率-A办公楼"). */
export const buildingTokens = memo((text: string): string[] => {
  if (text.length > 400) return [];
  const f = fold(text).replace(/[－—–]/g, '-').replace(/＃/g, '#');
  const out: string[] = [];
  for (const m of f.matchAll(TOKEN)) out.push(m[1].toUpperCase());
  return out;
});

const PARCEL_WORDS = data.parcel.words.map(fold).join('|');
const PARCEL_AFTER = new RegExp(`((?:[a-z0-9]+单元)?[a-z0-9]+(?:-[a-z0-9]+)*)(?:号)?(?:${PARCEL_WORDS})`);
const PARCEL_BEFORE = new RegExp(`(?:${PARCEL_WORDS})(?:编号|名称|号)?[:：]?([a-z0-9]+(?:-[a-z0-9]+)*|[一二三四五六七八九十]{1,3})(?![a-z0-9])`);

export interface NameRef {
  /** As written (the matched part of the cell). */
  name: string;
  /** Key that different spellings share. */
  key: string;
}

/** A parcel named in a text: "SJC10018单元08-03地块" → key "08-03"; "地块编号：A" → "A". */
export const parcelIn = memo((text: string): NameRef | null => {
  if (text.length > 200) return null;
  const f = fold(text).replace(/[－—–]/g, '-');
  let m = PARCEL_AFTER.exec(f);
  if (m) {
    const code = m[1].replace(/^.*单元/, '');
    return { name: m[0].toUpperCase(), key: normCode(code) };
  }
  m = PARCEL_BEFORE.exec(f);
  if (m) return { name: m[0].toUpperCase(), key: normCode(m[1]) };
  return null;
});

/** The key of a parcel value written in a 地块编号 cell ("08-03", "08-03地块", "A"). */
export function parcelKeyOf(value: string): NameRef | null {
  const p = parcelIn(value);
  if (p) return p;
  const f = fold(value).replace(/[－—–]/g, '-');
  if (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(f) && f.length <= 20) return { name: value.trim(), key: normCode(f.replace(/^.*单元/, '')) };
  return null;
}

const ZONE_WORDS = data.zone.words.map(fold).sort((a, b) => b.length - a.length).join('|');
const ZONE_AFTER = new RegExp(`(?:${ZONE_WORDS})(?:编号)?[:：]?([a-z0-9]{1,4}(?:-[0-9]{1,3})?|${CN})(?![a-z0-9])`);
const ZONE_BEFORE = new RegExp(`(?<![a-z0-9])([a-z0-9]{1,4}(?:-[0-9]{1,3})?|${CN})(?:#|号)?(?:${ZONE_WORDS})`);

/** A 汇水分区 named in a text: "汇水分区1", "1#汇水分区", "分区A", "二号汇水分区". */
export const zoneIn = memo((text: string): NameRef | null => {
  if (text.length > 200) return null;
  const f = fold(text).replace(/[－—–]/g, '-');
  const m = ZONE_AFTER.exec(f) ?? ZONE_BEFORE.exec(f);
  if (!m) return null;
  return { name: m[0].toUpperCase(), key: normCode(m[1]) };
});

/** The key of a zone value written in a 汇水分区 cell ("1", "A区", "汇水分区1"). */
export function zoneKeyOf(value: string): NameRef | null {
  const z = zoneIn(value);
  if (z) return z;
  const f = fold(value).replace(/[－—–]/g, '-').replace(/区$/, '');
  if (/^([a-z0-9]{1,4}(?:-[0-9]{1,3})?|[一二三四五六七八九十]{1,3})$/.test(f)) return { name: value.trim(), key: normCode(f) };
  if (f && f.length <= 12) return { name: value.trim(), key: f };
  return null;
}

/** Raw building name → canonical key: 一号楼 / 1#楼 / 1# meet; "1#" joins "1#厂房" when that is the only 1#. */
export function canonicalBuildings(names: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const byCode = new Map<string, Set<string>>();
  for (const n of names) {
    const k = buildingKey(n);
    out.set(n, k.key);
    if (k.code && k.kind) {
      let s = byCode.get(k.code);
      if (!s) byCode.set(k.code, (s = new Set()));
      s.add(k.key);
    }
  }
  for (const n of names) {
    const k = buildingKey(n);
    if (!k.code || k.kind) continue;
    const kinded = byCode.get(k.code);
    if (kinded && kinded.size === 1) out.set(n, [...kinded][0]);
  }
  return out;
}
