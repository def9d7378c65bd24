// Comparing an engine result with hand-worked expectations (seeds/samples/*.expected.json,
// seeds/corpus/*.expected.json), finding by finding. Shared by the corpus test and the layout fuzzer.
import { readFileSync } from 'node:fs';
import type { Finding, Verdict } from '../../shared/model/types';

export interface ExpectedFindingDoc {
  conditionId: string;
  building: string | null;
  verdict: Verdict;
  alsoAccept?: Verdict[];
  basis?: string;
  remark?: true;
  why: string;
}

export interface ExpectedDoc {
  sample: string;
  overall: 'pass' | 'fail' | 'incomplete';
  exit: number;
  findings: ExpectedFindingDoc[];
}

export function readExpected(file: string): ExpectedDoc {
  return JSON.parse(readFileSync(file, 'utf8')) as ExpectedDoc;
}

const CN_DIGITS: Record<string, string> = { 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9', 十: '10' };

/**
 * One spelling for the names a reviewer reads as the same building: full-width → half-width,
 * spaces removed, Chinese numerals before 号/#/栋/幢/楼 as digits, and the suffixes 号楼/#楼/栋/幢/楼/#/号
 * after a number dropped ("1#楼", "1号楼", "一号楼", "1#", "1栋", "1#楼(住宅)" → "1").
 */
export function normBuilding(name: string | null): string {
  if (name === null) return '（项目）';
  // "1#楼(住宅)": the use in brackets describes the building, it is no part of its name
  let s = name.normalize('NFKC').replace(/\s+/g, '').replace(/\([\u4e00-\u9fff、/]{1,8}\)$/, '');
  s = s.replace(/([一二三四五六七八九十]+)(?=(号|#|栋|幢|楼))/g, (m) => (m.length === 1 ? CN_DIGITS[m] : m));
  s = s.replace(/(\d+)(#楼|号楼|#|号|栋|幢|楼)$/, '$1');
  return s;
}

export const findingKey = (conditionId: string, building: string | null) => `${conditionId} ${normBuilding(building)}`;

export interface Mismatch {
  key: string;
  want: string;
  got: string;
}

/**
 * Every difference between the findings and the expectations: a verdict outside `verdict` ∪
 * `alsoAccept`, an expected finding the engine did not give, a finding nobody expected.
 * `override` replaces the expected verdict of some findings (error variants of the fuzzer).
 */
export function compareFindings(findings: Finding[], expected: ExpectedFindingDoc[], override: Map<string, Verdict[]> = new Map()): Mismatch[] {
  const out: Mismatch[] = [];
  const got = new Map<string, Finding[]>();
  for (const f of findings) {
    const k = findingKey(f.conditionId, f.building);
    got.set(k, [...(got.get(k) ?? []), f]);
  }
  for (const e of expected) {
    const k = findingKey(e.conditionId, e.building);
    const shown = `${e.conditionId} ${e.building ?? '（项目）'}`;
    const forced = override.get(k);
    const allowed = forced ?? [e.verdict, ...(e.alsoAccept ?? [])];
    const list = got.get(k);
    got.delete(k);
    if (!list) {
      out.push({ key: shown, want: allowed.join('|'), got: '（无此结论）' });
      continue;
    }
    for (const f of list) if (!allowed.includes(f.verdict)) out.push({ key: shown, want: allowed.join('|'), got: `${f.verdict}${f.basis ? ` [${f.basis}]` : ''}` });
    if (list.length > 1) out.push({ key: shown, want: '一条结论', got: `${list.length} 条` });
  }
  for (const list of got.values()) {
    out.push({ key: `${list[0].conditionId} ${list[0].building ?? '（项目）'}`, want: '（不应有此结论）', got: list.map((f) => f.verdict).join(',') });
  }
  return out;
}

export const describeMismatches = (m: Mismatch[]) => m.map((x) => `${x.key}: 应为 ${x.want}，实为 ${x.got}`).join('\n');
