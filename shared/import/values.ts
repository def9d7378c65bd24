// Cell → normalised value of one indicator: numbers, percentages, units, stars, booleans,
// placeholders (data: shared/data/import-notations.json, shared/data/units.json).
import { energyLevel } from '../calc/energyLevel';
import notations from '../data/import-notations.json';
import { STAR_NAMES } from '../model/indicators';
import type { ImportedScalar, ImportedValue, IndicatorDef } from '../model/types';
import { formulaText, type GCell } from './grid';
import { hasRequirementWord, isRequirementText } from './roles';
import { chineseNumber, fold, INVISIBLE_CHARS, memo, trailingGroup } from './text';
import { conversionFactor, indicatorUnit, otherPeriod, parseUnit } from './units';
import { kindMismatch } from './unitKinds';
import { compoundPart } from './compoundCells';

export { chineseNumber } from './text';

const PLACEHOLDER_EXACT = new Set(notations.placeholders.exact.map(fold));
const PLACEHOLDER_NUMERIC = new Set(notations.placeholders.numericOnly.map(fold));
const PLACEHOLDER_PREFIX = notations.placeholders.prefixes.map(fold);
const BOOL = new Map<string, boolean>();
for (const t of notations.booleans.true) BOOL.set(fold(t), true);
for (const f of notations.booleans.false) if (!BOOL.has(fold(f))) BOOL.set(fold(f), false);
const STAR_WORDS = new Map<string, number>(Object.entries(notations.stars.words).map(([k, v]) => [fold(k), v]));
const STAR_PREFIXES = notations.stars.prefixes.map(fold).sort((a, b) => b.length - a.length);
const DECIMAL_HINTS = new Set(notations.percentDecimalHints.map(fold));
const ERRORS = new Map<string, string>(Object.entries(notations.errors.meanings));
const BOUNDS = new Map<string, NonNullable<ImportedValue['bound']>>();
for (const [k, words] of Object.entries(notations.bounds)) if (k !== 'source') for (const w of words as string[]) BOUNDS.set(fold(w), k as NonNullable<ImportedValue['bound']>);

export interface Reading {
  value: ImportedScalar | null;
  status: ImportedValue['status'];
  interpretation: string;
  unitRaw?: string;
  /** A warning to add to the issues (the caller adds the cell reference). */
  warning?: string;
  /** Bracketed note stripped from the text ("预评价" from "二星级（预评价）"). */
  remark?: string;
  /** Requirement text written in the cell ("（规划要求≥35%）", "满足规划要求"): never the value. */
  requirement?: string;
  /** The number was written as a bound or an approximation ("≥80%", "约12000"). */
  bound?: ImportedValue['bound'];
  /** The lower end of a 'range'. */
  low?: number;
}

export interface UnitContext {
  /** Unit from the label or a unit column, as written. */
  unitRaw?: string;
}

interface NumberText {
  n: number;
  /** Multiplier word (万/千/亿) and its factor. */
  mult?: [string, number];
  pct: boolean;
  unitText: string;
  bound?: string;
}

const MULT: Record<string, number> = { 万: 1e4, 千: 1e3, 亿: 1e8 };
const NUM_RE = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+)(万|千|亿)?(.*)$/;
const BOUND_RE = /^(≥|>=|≧|>|≤|<=|≦|<|不低于|不小于|不少于|大于|小于|不高于|不大于|不超过|以上|约|≈|~|大约)/;

/** Reads "18,600", "1.86万", "2.5万㎡", "57.6%", "百分之六十" (f is folded text). */
export function parseNumberText(f: string): NumberText | null {
  let s = f;
  let bound: string | undefined;
  const b = BOUND_RE.exec(s);
  if (b) {
    bound = b[1];
    s = s.slice(b[0].length);
  }
  if (s.startsWith('百分之')) {
    const n = chineseNumber(s.slice(3));
    return n === null ? null : { n, pct: true, unitText: '', bound };
  }
  const m = NUM_RE.exec(s);
  if (!m) return null;
  const n = Number(m[1].replace(/,/g, ''));
  if (!Number.isFinite(n)) return null;
  let rest = m[3];
  let pct = false;
  if (rest.startsWith('%')) {
    pct = true;
    rest = rest.slice(1);
  }
  rest = rest.replace(/^\((.*)\)$/, (_, x: string) => (parseUnit(x) ? x : '')).replace(/以上$|以下$|左右$/, (w) => {
    bound ??= w;
    return '';
  });
  return { n, mult: m[2] ? [m[2], MULT[m[2]]] : undefined, pct, unitText: rest, bound };
}

function fmtNum(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(12)));
}

function show(def: IndicatorDef, v: number): string {
  if (def.type === 'percent') return `${fmtNum(v)}%`;
  if (def.type === 'star') return STAR_NAMES[v] ?? String(v);
  return def.unit ? `${fmtNum(v)} ${def.unit}` : fmtNum(v);
}

/** "star" notations: 二星级, 绿色建筑二星, ★★, 2星级, 基本级. */
export const parseStar = memo((f: string): number | null => computeStar(f));

function computeStar(f: string): number | null {
  let s = f.replace(/(标准|标识|等级|目标|及以上|以上)$/g, '');
  for (const p of STAR_PREFIXES) if (s.startsWith(p) && s.length > p.length) { s = s.slice(p.length); break; }
  const w = STAR_WORDS.get(s);
  if (w !== undefined) return w;
  if (/^★{1,3}$/.test(s)) return s.length;
  if (/^☆{1,3}$/.test(s)) return s.length;
  const m = /^([0-3])星级?$/.exec(s);
  if (m) return Number(m[1]);
  return null;
}

const placeholderNumeric = memo((f: string) => placeholder(f, true));
const placeholderOther = memo((f: string) => placeholder(f, false));

function isPlaceholder(f: string, numeric: boolean): boolean {
  return numeric ? placeholderNumeric(f) : placeholderOther(f);
}

function placeholder(f: string, numeric: boolean): boolean {
  if (PLACEHOLDER_EXACT.has(f)) return true;
  if (numeric && PLACEHOLDER_NUMERIC.has(f)) return true;
  for (const p of PLACEHOLDER_PREFIX) if (f.startsWith(p) && f.length > p.length) return true;
  // A whole bracketed note: "（住宅建筑填写）".
  if (notations.placeholders.bracketedNote && /^\(.*\)$/.test(f) && !/\d/.test(f)) return true;
  return false;
}

/** Reads one cell as a value of `def`. */
export function readCell(cell: GCell, def: IndicatorDef, ctx: UnitContext = {}): Reading {
  const formula = cell.formula ? `公式 =${formulaText(cell)}` : '';
  if (cell.noCache) {
    return {
      value: null,
      status: 'invalid',
      interpretation: `${formula} 没有缓存的计算结果（文件未经 Excel 计算保存），无法读取数值`,
      warning: `${def.name}：${formula} 没有缓存的计算结果，请在 Excel 中打开并保存后重试`,
    };
  }
  const from = formula ? `${formula} 的缓存结果` : '';
  switch (cell.kind) {
    case 'number':
      return readNumber(cell.num!, cell, def, ctx, from);
    case 'string':
      return readText(cell.str!, def, ctx, from);
    case 'boolean':
      if (def.type === 'boolean') return { value: cell.bool!, status: 'ok', interpretation: `${from || '逻辑值'} ${cell.raw} → ${cell.bool ? '是' : '否'}` };
      return invalid(`${from || '逻辑值'} ${cell.raw} 不是${def.name}的有效取值`, def);
    case 'date':
      if (def.type === 'text') return { value: cell.raw, status: 'ok', interpretation: `${from || '日期'} ${cell.raw}` };
      return invalid(`${from || '单元格'}是日期 ${cell.raw}，不是${def.name}的有效取值`, def);
    case 'error':
      return invalid(`${from || '单元格'}是错误值 ${errorName(cell.raw)}，没有数值`, def);
    default:
      return invalid('单元格没有可读取的值', def);
  }
}

/** "#DIV/0!（除数为零）": an Excel error value with its meaning. */
export function errorName(raw: string): string {
  const t = raw.trim().toUpperCase();
  const m = ERRORS.get(t);
  return m ? `${t}（${m}）` : t;
}

/** True for Excel error texts (#DIV/0!, #REF!, #N/A …), also when typed or pasted as text. */
export function isErrorText(text: string): boolean {
  const t = text.trim();
  return t.startsWith('#') && ERRORS.has(t.toUpperCase());
}

/**
 * A yes/no measure stated as a share ("全装修比例 100%"): yes only when it is the whole (100 %);
 * any smaller share is not the measure for the whole project (GB/T 50378-2019 §3.2.8: 全装修 of
 * the whole building), so it reads as no.
 */
function shareAsBoolean(pct: number, desc: string): Reading {
  if (pct < 0 || pct > 100.0001) return { value: null, status: 'invalid', interpretation: `${desc} 不是有效的比例` };
  const all = pct >= 99.9999;
  return { value: all, status: 'ok', interpretation: all ? `${desc} → 是（比例为全部）` : `${desc} → 否（比例低于100%，不是全部）` };
}

function invalid(why: string, def: IndicatorDef, value: ImportedScalar | null = null): Reading {
  return { value, status: 'invalid', interpretation: why, warning: `${def.name}：${why}` };
}

function readNumber(n: number, cell: GCell, def: IndicatorDef, ctx: UnitContext, from: string): Reading {
  const pctFmt = !!cell.fmt;
  const desc = from ? `${from} ${fmtNum(n)}${pctFmt ? '（百分比格式）' : ''}` : pctFmt ? `百分比格式 ${fmtNum(n)}` : `数值 ${cell.raw}`;
  switch (def.type) {
    case 'percent':
      return percent(n, pctFmt ? 'format' : null, def, ctx, desc);
    case 'number':
      if (pctFmt) return rejectPercent(def, cell.raw, desc);
      return withUnit(n, undefined, def, ctx, desc);
    case 'star':
      if (Number.isInteger(n) && n >= 0 && n <= 3) return { value: n, status: 'ok', interpretation: `${desc} → ${STAR_NAMES[n]}` };
      return invalid(`${desc} 不是有效的星级（应为 0 基本级、1–3 星）`, def);
    case 'boolean':
      if (pctFmt) return shareAsBoolean(n * 100, desc);
      if (n === 1 || n === 0) return { value: n === 1, status: 'ok', interpretation: `${desc} → ${n === 1 ? '是' : '否'}` };
      return invalid(`${desc} 不是“是/否”`, def);
    default:
      return { value: cell.raw, status: 'ok', interpretation: `${desc}（文本）` };
  }
}

/** "49.8~53.9m", "49.8－53.9 米": two figures and an optional unit. */
const RANGE = /^(\d+(?:\.\d+)?)\s*(?:~|～|-|－|—|–|至|到)\s*(\d+(?:\.\d+)?)\s*([^\d\s~～\-－—–]{0,6})$/;

function readText(text: string, def: IndicatorDef, ctx: UnitContext, from: string): Reading {
  const t0 = text.replace(INVISIBLE_CHARS, '').trim();
  const desc = from ? `${from}“${t0}”` : `文本“${t0}”`;
  if (def.type !== 'text' && isErrorText(t0)) return invalid(`${desc} 是错误值 ${errorName(t0)}，没有数值`, def);
  // "地上27层/82.4米", "82.4m（27层）": the part in this indicator's unit (compoundCells.ts)
  const cp = compoundPart(t0, def.id);
  if (cp?.part === null) return invalid(`${desc} 写的是${cp.others.join('、')}，没有${def.name}`, def);
  if (cp?.part) {
    const r = readText(cp.part, def, ctx, '');
    r.interpretation = `${desc} 中“${cp.part}”是${def.name}（同一单元格另有“${cp.others.join('”“')}”）；${r.interpretation}`;
    return r;
  }
  // Bracketed notes: "二星级（预评价）", "61.5%（按沪建建材〔2019〕765号）", "35%（规划要求≥35%）".
  const { text: t, notes } = def.type === 'text' ? { text: t0, notes: [] } : stripNotes(t0);
  const f = fold(t);
  const numeric = def.type === 'number' || def.type === 'percent' || def.type === 'star';
  if (def.type !== 'text' && isPlaceholder(f, numeric) && !notes.length) {
    return { value: null, status: 'placeholder', interpretation: `${desc} 是占位符，表示不适用或未填写，没有数值` };
  }
  const r = readBare(t, f, def, ctx, desc);
  if (notes.length) {
    const req = notes.filter((n) => isRequirementText(n));
    const rem = notes.filter((n) => !isRequirementText(n));
    if (req.length) r.requirement = req.join('；');
    if (rem.length) r.remark = rem.join('；');
    r.interpretation += `；括号内“${notes.join('”“')}”${req.length && !rem.length ? '是要求，不是设计值' : '作为备注保留'}`;
  } else if (r.status === 'invalid' && r.value === null && hasRequirementWord(t)) {
    // "满足规划要求", "规划要求≥35%": a requirement written where the value belongs.
    return {
      value: null,
      status: 'ambiguous',
      requirement: t,
      interpretation: `${desc} 写的是要求而不是设计值，没有可采用的申报数值`,
      warning: `${def.name}：${desc} 写的是要求而不是设计值`,
    };
  }
  return r;
}

/** Trailing bracketed notes that are not units: "二星级（预评价）" → "二星级" + ["预评价"]. */
const NO_NOTES: string[] = [];

function stripNotes(t: string): { text: string; notes: string[] } {
  if (!/[)）\]】〕]\s*$/.test(t)) return { text: t, notes: NO_NOTES };
  const notes: string[] = [];
  let s = t;
  for (let i = 0; i < 3; i++) {
    const f = s.normalize('NFKC').trimEnd();
    const g = trailingGroup(f.replace(/】$/, ']').replace(/〕$/, ')'));
    if (!g || g[0] === 0) break;
    const inner = g[1].trim();
    if (!inner || parseUnit(inner)) break;
    notes.unshift(inner);
    s = f.slice(0, g[0]).trimEnd();
  }
  return { text: s, notes };
}

const VALUE_WORDS = new Map<string, Map<string, boolean>>();

/** A cell that states `def`'s fact in its own words (交付标准 | 全装修), although its text reads like a label too. */
export function statesInOwnWords(cell: GCell, def: IndicatorDef): boolean {
  return !!def.valueWords && cell.kind === 'string' && readCell(cell, def).status === 'ok';
}

/** The yes/no a whole text states in an indicator's own words (indicators.json `valueWords`), or undefined. */
function valueWord(def: IndicatorDef, f: string): boolean | undefined {
  let m = VALUE_WORDS.get(def.id);
  if (!m) {
    m = new Map();
    for (const t of def.valueWords!.true) m.set(fold(t), true);
    for (const t of def.valueWords!.false) if (!m.has(fold(t))) m.set(fold(t), false);
    VALUE_WORDS.set(def.id, m);
  }
  return m.get(f.replace(/[。.;；]$/, ''));
}

function readBare(t: string, f: string, def: IndicatorDef, ctx: UnitContext, desc: string): Reading {
  const numeric = def.type === 'number' || def.type === 'percent' || def.type === 'star';
  if (def.type !== 'text' && isPlaceholder(f, numeric)) {
    return { value: null, status: 'placeholder', interpretation: `${desc} 是占位符，表示不适用或未填写，没有数值` };
  }
  switch (def.type) {
    case 'text':
      return { value: t, status: 'ok', interpretation: desc };
    case 'boolean': {
      const w = def.valueWords ? valueWord(def, f) : undefined;
      if (w !== undefined) return { value: w, status: 'ok', interpretation: `${desc} → ${w ? '是' : '否'}（${def.name}）` };
      const b = BOOL.get(f);
      if (b !== undefined) return { value: b, status: 'ok', interpretation: `${desc} → ${b ? '是' : '否'}` };
      // 能效等级 “近零能耗建筑” for 是否超低能耗建筑 (shared/data/energy-levels.json, GB/T 51350-2019 tiers)
      const level = def.readsEnergyLevel ? energyLevel(t) : null;
      if (level) return { value: level.ultraLow, status: 'ok', interpretation: `${desc} 是建筑节能等级（${level.name}${level.negated ? '，写明不是' : ''}）→ ${level.ultraLow ? '是（超低能耗或要求更高的等级）' : '否'}` };
      // "1项不满足（第5.1.9条）", "满足（除第5.1.9条不满足外）": a stated shortfall anywhere is no
      if (/不满足|未满足|不符合|未达到|不达标/.test(f)) return { value: false, status: 'ok', interpretation: `${desc} 写明有不满足之处 → 否` };
      const lead = /^(是|有|采用|满足)/.test(f) ? true : /^(否|无|不|未)/.test(f) ? false : null;
      if (lead !== null) return { value: lead, status: 'ambiguous', interpretation: `${desc} 按开头的字读作“${lead ? '是' : '否'}”，请复核`, warning: `${def.name}：${desc} 不是明确的是/否，按“${lead ? '是' : '否'}”读取` };
      const share = parseNumberText(f);
      if (share && share.pct && !share.bound && !share.unitText) return shareAsBoolean(share.n, desc);
      return invalid(`${desc} 不是“是/否”`, def);
    }
    case 'star': {
      const s = parseStar(f);
      if (s !== null) {
        // "二星级及以上", "不低于二星级": the contract's wording repeated, not the level the design declares.
        if (/(及以上|以上)$/.test(f) || /^(不低于|不少于|≥|>=|达到)/.test(f)) {
          return {
            value: null,
            status: 'ambiguous',
            requirement: t,
            interpretation: `${desc} 是要求的写法（${STAR_NAMES[s]}及以上），不是设计申报的星级，没有可采用的申报值`,
            warning: `${def.name}：${desc} 写的是要求而不是申报的星级`,
          };
        }
        return { value: s, status: 'ok', interpretation: `${desc} → ${STAR_NAMES[s]}` };
      }
      const num = parseNumberText(f);
      if (num && !num.pct && !num.unitText && Number.isInteger(num.n) && num.n >= 0 && num.n <= 3) {
        return { value: num.n, status: 'ok', interpretation: `${desc} → ${STAR_NAMES[num.n]}` };
      }
      return invalid(`${desc} 不是可识别的星级写法（基本级/一星级/二星级/三星级）`, def);
    }
    default:
      break;
  }
  // "49.8~53.9m" for a figure that is the largest of the buildings' (建筑高度, several towers): a
  // range whose whole span the check weighs; for any other indicator a range stays no reading
  const span = def.projectIsMaxOfBuildings ? RANGE.exec(f) : null;
  if (span) {
    const hiText = `${span[2]}${span[3]}`;
    const hi = readBare(hiText, fold(hiText), def, ctx, desc);
    if (hi.status === 'ok' && typeof hi.value === 'number' && Number(span[1]) <= Number(span[2])) {
      const lo = readBare(`${span[1]}${span[3]}`, fold(`${span[1]}${span[3]}`), def, ctx, desc);
      if (lo.status === 'ok' && typeof lo.value === 'number') {
        return { ...hi, bound: 'range', low: lo.value, interpretation: `${desc} 是数值范围 ${show(def, lo.value)}～${show(def, hi.value)}：整个范围满足要求才可判定满足` };
      }
    }
  }
  const num = parseNumberText(f);
  if (!num) return invalid(`${desc} 不是数值`, def);
  let r: Reading;
  const n = num.mult ? num.n * num.mult[1] : num.n;
  const multNote = num.mult ? `（“${num.mult[0]}” ×${num.mult[1]}）` : '';
  if (def.type === 'percent') {
    if (num.mult) return invalid(`${desc} 带“${num.mult[0]}”，不是百分数`, def);
    if (num.unitText) {
      const u = parseUnit(num.unitText);
      if (!u || u.dimension !== 'percent') return invalid(`${desc} 的单位“${num.unitText}”不是百分比`, def);
      r = percent(n, 'text', def, { unitRaw: num.unitText }, desc);
    } else r = percent(n, num.pct ? 'text' : null, def, ctx, desc);
    if (num.pct) r.unitRaw = '%';
  } else {
    if (num.pct) return rejectPercent(def, t, desc);
    r = withUnit(n, num.unitText || undefined, def, ctx, desc + multNote);
  }
  if (num.bound && r.status === 'ok') {
    const b = BOUNDS.get(num.bound);
    if (b) {
      r.bound = b;
      r.interpretation += b === 'about' ? `；原文“${num.bound}”表示约数，按所写数值读取` : `；原文“${num.bound}”是${b === 'atLeast' ? '下限' : '上限'}表述，按所写数值读取（只能说明${b === 'atLeast' ? '不低于' : '不高于'}该值）`;
    } else {
      r.status = 'ambiguous';
      r.interpretation += `；原文“${num.bound}”是范围表述，不是确定值，请复核`;
      r.warning = `${def.name}：${desc} 是范围表述（${num.bound}），不是确定值`;
    }
  }
  return r;
}

function rejectPercent(def: IndicatorDef, raw: string, desc: string): Reading {
  return {
    value: null,
    status: 'invalid',
    interpretation: `${desc} 带百分号，${def.name}不应是百分数`,
    warning: `${def.name} ${raw} 不是合理的${def.name}（${def.name}不是百分数）`,
  };
}

/** A number for a percent indicator; `pct` says where a % sign was seen. */
function percent(n: number, pct: 'format' | 'text' | null, def: IndicatorDef, ctx: UnitContext, desc: string): Reading {
  if (pct === 'format') return rangeCheck({ value: n * 100, status: 'ok', interpretation: `${desc} → ${fmtNum(n * 100)}%` }, def);
  if (pct === 'text') return rangeCheck({ value: n, status: 'ok', interpretation: `${desc} → ${fmtNum(n)}%` }, def);
  const unitRaw = ctx.unitRaw;
  if (unitRaw) {
    const fu = fold(unitRaw);
    if (DECIMAL_HINTS.has(fu)) {
      return rangeCheck({ value: n * 100, status: 'ok', unitRaw, interpretation: `${desc}，表头注明“${unitRaw}” → ${fmtNum(n * 100)}%` }, def);
    }
    const u = parseUnit(unitRaw);
    if (u && u.dimension === 'percent') {
      // 0.305 under a “%” unit: the fraction 30.5 % written as a decimal, or 0.305 %? Ask.
      if (n > 0 && n < 1) {
        return {
          value: n,
          status: 'ambiguous',
          unitRaw,
          interpretation: `${desc}，单位为 %，但数值小于 1：无法确定是 ${fmtNum(n)}% 还是按小数写的 ${fmtNum(n * 100)}%，请复核`,
          warning: `${def.name} ${fmtNum(n)}（单位 %）无法确定是 ${fmtNum(n)}% 还是 ${fmtNum(n * 100)}%`,
        };
      }
      return rangeCheck({ value: n, status: 'ok', unitRaw, interpretation: `${desc}，单位 % → ${fmtNum(n)}%` }, def);
    }
    if (u && u.dimension !== 'none') return invalid(`${desc} 的单位“${unitRaw}”不是百分比`, def);
  }
  if (n > 1 || n === 0) {
    return rangeCheck({ value: n, status: 'ok', unitRaw, interpretation: n === 0 ? `${desc} → 0%` : `${desc} 大于 1，按百分数读取 → ${fmtNum(n)}%` }, def);
  }
  if (n < 0) return rangeCheck({ value: n, status: 'ok', unitRaw, interpretation: `${desc}` }, def);
  const p = fmtNum(n * 100);
  return {
    value: n * 100,
    status: 'ambiguous',
    unitRaw,
    interpretation: `${desc}：无法确定是 ${fmtNum(n)}% 还是 ${p}%（单元格不是百分比格式，标签和单位也未注明 %），暂按 ${p}% 记录，请复核`,
    warning: `${def.name} ${fmtNum(n)} 无法确定是 ${fmtNum(n)}% 还是 ${p}%`,
  };
}

/** A number with an optional unit (from the value text, else label/unit column). */
function withUnit(n: number, valueUnit: string | undefined, def: IndicatorDef, ctx: UnitContext, desc: string): Reading {
  const unitRaw = valueUnit ?? ctx.unitRaw;
  const target = indicatorUnit(def.unit);
  if (unitRaw) {
    const period = otherPeriod(unitRaw, def.unit);
    if (period) {
      const why = `单位“${unitRaw}”按${period}计，${def.name}的单位是 ${def.unit}（按年计），不能直接换算`;
      return { value: n, status: 'ambiguous', unitRaw, interpretation: `${desc}（${why}），需复核`, warning: `${def.name} ${fmtNum(n)} 的${why}` };
    }
    const u = parseUnit(unitRaw);
    const kinds = u ? kindMismatch(u, target, unitRaw, def.name) : null;
    if (kinds) return { value: n, status: 'ambiguous', unitRaw, interpretation: `${desc}（${kinds}），需复核`, warning: `${def.name} ${fmtNum(n)}：${kinds}` };
    if (!u) {
      if (valueUnit) return invalid(`${desc} 含无法识别的内容“${valueUnit}”`, def);
      // An unknown unit in the label: keep the number, say so.
      return rangeCheck({ value: n, status: 'ok', unitRaw, interpretation: `${desc}（单位“${unitRaw}”未识别，按 ${def.unit || '无单位'} 读取） → ${show(def, n)}` }, def);
    }
    if (u.dimension === 'percent' && target.dimension !== 'percent') {
      return rejectPercent(def, `${fmtNum(n)}${unitRaw}`, desc);
    }
    const k = conversionFactor(u, target);
    if (k === null) {
      if (u.dimension === 'none') return rangeCheck({ value: n, status: 'ok', unitRaw, interpretation: `${desc} → ${show(def, n)}` }, def);
      return invalid(`${desc} 的单位“${unitRaw}”不能换算为${def.name}的单位 ${def.unit || '（无单位）'}`, def);
    }
    const v = k === 1 ? n : Number((n * k).toPrecision(12));
    const conv = k === 1 ? '' : `，${u.unit} ×${fmtNum(k)}`;
    return rangeCheck({ value: v, status: 'ok', unitRaw, interpretation: `${desc}${valueUnit ? '' : `（单位 ${unitRaw}）`}${conv} → ${show(def, v)}` }, def);
  }
  return rangeCheck({ value: n, status: 'ok', interpretation: `${desc} → ${show(def, n)}` }, def);
}

/** Range of the indicator: outside → keep the value, status invalid, warning. */
function rangeCheck(r: Reading, def: IndicatorDef): Reading {
  if (r.status !== 'ok' || typeof r.value !== 'number' || !def.range) return r;
  const lo = def.range[0];
  const hi = def.range[1];
  if (r.value < lo || r.value > hi) {
    r.status = 'invalid';
    r.interpretation += `；超出${def.name}的合理范围 ${lo}–${hi}`;
    r.warning = `${def.name} ${show(def, r.value)} 不是合理的${def.name}（合理范围 ${lo}–${hi}）`;
  }
  return r;
}

/** True when a cell looks like a building-table data value (not a label, not empty). */
export function isNumericLike(cell: GCell): boolean {
  if (cell.kind === 'number') return true;
  if (cell.kind !== 'string') return false;
  return parseNumberText(fold(cell.str!)) !== null;
}
