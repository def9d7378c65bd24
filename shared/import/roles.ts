// Column roles: what a header says about the cells under it (data: shared/data/column-roles.json,
// after docs/domain/indicator-sheet-layout.md §6.1). Only 'declared' (and 'claimedScore' for score
// indicators) is ever read as what the project declares; 'requirement' cells become
// ImportedValue.requirement; every other role is never a value.
import data from '../data/column-roles.json';
import { fold, memo, trailingGroup } from './text';

export type Role = 'declared' | 'claimedScore' | 'requirement' | 'maxScore' | 'before' | 'delta' | 'judgement' | 'note' | 'unit' | 'index' | 'label';

export interface RoleHit {
  role: Role;
  /**
   * Declared columns only: 3 the 施工图 stage, 2 after-state (修改后, 改扩建后) or 初步设计 stage,
   * 1 design value (方案 included), 0 a part (新建). A higher rank supersedes a lower one.
   */
  rank: number;
}

/** Roles whose cells are never the project's value. */
export const NOT_A_VALUE: ReadonlySet<Role> = new Set(['requirement', 'maxScore', 'before', 'delta', 'judgement', 'note', 'unit', 'index', 'label']);

type RoleKey = keyof typeof data.roles;
const ROLE_OF: Record<RoleKey, RoleHit> = {
  declared: { role: 'declared', rank: data.roles.declared.rank },
  declaredAfter: { role: 'declared', rank: data.roles.declaredAfter.rank },
  declaredConverted: { role: 'declared', rank: data.roles.declaredConverted.rank },
  declaredPart: { role: 'declared', rank: data.roles.declaredPart.rank },
  declaredWhole: { role: 'declared', rank: data.roles.declaredWhole.rank },
  declaredStage: { role: 'declared', rank: data.roles.declaredStage.rank },
  declaredFinal: { role: 'declared', rank: data.roles.declaredFinal.rank },
  claimedScore: { role: 'claimedScore', rank: 1 },
  maxScore: { role: 'maxScore', rank: 0 },
  requirement: { role: 'requirement', rank: 0 },
  before: { role: 'before', rank: 0 },
  delta: { role: 'delta', rank: 0 },
  judgement: { role: 'judgement', rank: 0 },
  note: { role: 'note', rank: 0 },
  unit: { role: 'unit', rank: 0 },
  index: { role: 'index', rank: 0 },
  label: { role: 'label', rank: 0 },
};

const EXACT = new Map<string, RoleHit>();
for (const k of Object.keys(data.roles) as RoleKey[]) {
  for (const h of data.roles[k].exact) {
    const f = fold(h);
    if (!EXACT.has(f)) EXACT.set(f, ROLE_OF[k]);
  }
}
// `contains` words, most specific roles first (a 是否满足 column that mentions 设计值 is a judgement).
const CONTAINS_ORDER: RoleKey[] = ['judgement', 'delta', 'before', 'declaredAfter', 'declaredConverted', 'declaredFinal', 'declaredStage', 'declaredWhole', 'requirement', 'maxScore', 'claimedScore', 'declared', 'note'];
const CONTAINS: Array<[string, RoleHit]> = [];
for (const k of CONTAINS_ORDER) for (const w of data.roles[k].contains) CONTAINS.push([fold(w), ROLE_OF[k]]);

const AFFIX = new Map<string, RoleHit>();
const BLOCKING = data.labelAffixes.block.map(fold).sort((a, b) => b.length - a.length);
const BLOCKING_AFTER = data.labelAffixes.blockAfter.map(fold);
for (const [k, words] of Object.entries(data.labelAffixes)) {
  if (k === 'source' || k.startsWith('block')) continue;
  const hit = ROLE_OF[k as RoleKey];
  for (const w of words as string[]) if (!AFFIX.has(fold(w))) AFFIX.set(fold(w), hit);
}

const KEY = new Map<string, KeyKind>();
export type KeyKind = 'parcel' | 'zone' | 'facility';
for (const k of ['parcel', 'zone', 'facility'] as const) for (const h of data.keyHeaders[k].exact) KEY.set(fold(h), k);

const FT = data.facilityTable;
const VOLUME_HEADERS = new Set(FT.volumeHeaders.map(fold));
const AREA_HEADERS = new Set(FT.areaHeaders.map(fold));
const DEPTH_HEADERS = new Set(FT.depthHeaders.map(fold));

const REQ_STRONG = data.requirementText.strong.map(fold);
const REQ_COMPARISONS = data.requirementText.comparisons.map(fold);

const NUMBERING = /^(?:\(?[0-9]{1,3}(?:\.[0-9]{1,3})*[)、.:]|\([0-9一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}[、.])/;

/** Header text without numbering, trailing colon and trailing bracket groups; the groups too. */
export const headerCore = memo((text: string): { core: string; groups: string[] } => computeCore(text));

function computeCore(text: string): { core: string; groups: string[] } {
  let s = fold(text).replace(NUMBERING, '').replace(/[:：]+$/, '');
  const groups: string[] = [];
  for (let i = 0; i < 3; i++) {
    const g = trailingGroup(s);
    if (!g) break;
    groups.push(g[1]);
    s = s.slice(0, g[0]).replace(/[:：]+$/, '');
  }
  // "单位：㎡" style header words before a colon
  return { core: s, groups };
}

function lookup(core: string): RoleHit | null {
  const e = EXACT.get(core);
  if (e) return e;
  for (const [w, hit] of CONTAINS) if (core.includes(w)) return hit;
  return null;
}

/** The role a header cell gives its column (or row), or null when it names none. */
export const headerRole = memo((text: string): RoleHit | null => {
  const { core, groups } = headerCore(text);
  if (core) {
    const hit = lookup(core);
    if (hit) return hit;
  }
  // "（修改后）", "（规划）" alone or as the only informative part
  for (const g of groups) {
    const hit = EXACT.get(g) ?? null;
    if (hit && hit.role !== 'unit') return hit;
  }
  return null;
});

/** Exact role words only (for texts that may also be labels: "项目", "指标"). */
export const exactRole = memo((text: string): RoleHit | null => EXACT.get(headerCore(text).core) ?? null);

/** True when the words before a synonym make it another quantity ("不" in 不计容建筑面积, "其他" in 其他计容面积). */
export function blocksAffix(extraBefore: string): boolean {
  const f = fold(extraBefore);
  for (const w of BLOCKING) if (f.endsWith(w) || f.startsWith(w)) return true;
  return false;
}

/** True when the words after a synonym make the text name a table or a drawing (容积率计算表, 建筑高度统计). */
export function blocksAffixAfter(extraAfter: string): boolean {
  const f = fold(extraAfter).replace(/^[()（）:：、,，\-—_/]+/, '');
  for (const w of BLOCKING_AFTER) if (f.startsWith(w)) return true;
  return false;
}

/** The role implied by the words written around an indicator's synonym ("规划" in 规划容积率). */
export function affixRole(extra: string): RoleHit | null {
  const f = fold(extra).replace(/[()（）:：、,，\-—_/]+/g, '');
  if (!f) return null;
  return AFFIX.get(f) ?? EXACT.get(f) ?? null;
}

/** A key column header: 地块编号 / 汇水分区 / 调蓄设施. */
export const keyHeader = memo((text: string): KeyKind | null => KEY.get(headerCore(text).core) ?? null);

/** Facility-table measure columns: 调蓄容积 / 面积 / 深度. */
export function facilityMeasure(text: string): 'volume' | 'area' | 'depth' | null {
  const { core } = headerCore(text);
  if (VOLUME_HEADERS.has(core)) return 'volume';
  if (DEPTH_HEADERS.has(core)) return 'depth';
  if (AREA_HEADERS.has(core)) return 'area';
  return null;
}

/**
 * True when a text states a requirement rather than a fact: "规划要求≥35%", "合同要求：≥10%",
 * "规划条件：≤2.2", "满足规划要求".
 */
const LEVEL_DATUM = new RegExp(data.requirementText.levelDatum, 'g');

export const isRequirementText = memo((text: string): boolean => {
  const f = fold(text).replace(LEVEL_DATUM, '');
  if (f.length < 2) return false;
  for (const w of REQ_STRONG) if (f.includes(w)) return true;
  if (!/[0-9一二三四五六七八九十]|星/.test(f)) return false;
  for (const w of REQ_COMPARISONS) if (f.includes(w)) return true;
  return false;
});

/** True when a text names a requirement by word ("规划要求", "合同要求", "满足要求"), comparisons aside. */
export const hasRequirementWord = memo((text: string): boolean => {
  const f = fold(text);
  for (const w of REQ_STRONG) if (f.includes(w)) return true;
  return false;
});

/** True when a text starts with a comparison ("≥80%", "≤2.2"). */
export function startsWithComparison(text: string): boolean {
  const f = fold(text);
  for (const c of REQ_COMPARISONS) if (f.startsWith(c)) return true;
  return false;
}

const CONTEXTS = Object.entries(data.contexts).map(([ctx, v]) => ({ ctx, words: v.words.map(fold) }));
const REFERENCE = data.referenceOnly.words.map(fold);
const CALC = data.calculationTitles.words.map(fold);

/** True when a title names a calculation sheet or table (计算表, 计算书, 核算). */
export function isCalculationTitle(text: string): boolean {
  const f = fold(text);
  return CALC.some((w) => f.includes(w));
}

/** True when a title marks its sheet or block as for reference only ("…（按GB/T 51129-2017，供参考）"). */
export function isReferenceTitle(text: string): boolean {
  const f = fold(text);
  return REFERENCE.some((w) => f.includes(w));
}

/** The context a title or sheet name gives its block ('renewable'), if any. */
export function contextOf(text: string): string | undefined {
  const f = fold(text);
  for (const c of CONTEXTS) for (const w of c.words) if (f.includes(w)) return c.ctx;
  return undefined;
}

