// Checks of the condition form done as the user types, with the message shown at the field
// (Chinese, naming what to write). The server's validation stays the authority (it runs too);
// these only make the common mistakes visible where they are made.
import type { Condition, ConditionsDoc, LeafRule, Rule } from '../../../shared/model/types';
import { indicator, indicatorName } from '../../../shared/model/indicators';
import { BOUND_WHAT, type FactWords } from './reading';

/**
 * Field of a condition: `${index}.id`, `${index}.value`, `${index}.b${branch}.value`, `${index}.minFloorArea`,
 * `${index}.height.lower` / `.upper` / `${index}.height` (also floors, floorArea, projectFloorArea),
 * `${index}.aggregate`, `${index}.inForce.from` / `.to`, `${index}.companion.${indicator}`.
 */
export type FieldKey = string;

export interface FormCheck {
  /** Errors at fields. */
  errors: Map<FieldKey, string>;
  /**
   * Percent values between 0 and 1 ("0.75") not yet confirmed: 75 % written as a fraction, or
   * really 0.75 %? Keyed like the fields; the value is the number asked about.
   */
  questions: Map<FieldKey, number>;
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function checkLeaf(r: LeafRule, key: FieldKey, confirmed: ReadonlySet<string>, out: FormCheck): void {
  const def = indicator(r.indicator);
  if (!def) {
    out.errors.set(`${key}.indicator`, '请选择指标');
    return;
  }
  if (def.type === 'boolean' || def.type === 'star') return;
  const v = r.value as unknown;
  if (v === undefined || v === null || v === '') return void out.errors.set(`${key}.value`, '请填写要求值');
  if (!isNum(v)) return void out.errors.set(`${key}.value`, `请填写数字${def.unit === '%' ? '（百分数，如 35）' : '，如 2.5'}`);
  if (v < 0) return void out.errors.set(`${key}.value`, '要求值不能为负数');
  if (def.unit === '%' && v > 100) return void out.errors.set(`${key}.value`, `${def.name}是百分数，应在 0 到 100 之间`);
  if (def.unit === '%' && v > 0 && v <= 1 && !confirmed.has(questionId(key, v))) out.questions.set(`${key}.value`, v);
}

/** The id under which the answer to "0.75 → 75 % or 0.75 %?" is kept. */
export function questionId(key: FieldKey, value: number): string {
  return `${key}=${value}`;
}

function branches(c: Condition | Rule): Rule[] | null {
  return 'anyOf' in c ? c.anyOf : 'allOf' in c ? c.allOf : null;
}

export function checkConditions(doc: ConditionsDoc, confirmed: ReadonlySet<string>): FormCheck {
  const out: FormCheck = { errors: new Map(), questions: new Map() };
  const seen = new Map<string, number>();
  doc.conditions.forEach((c, i) => {
    const id = c.id?.trim() ?? '';
    if (!id) out.errors.set(`${i}.id`, '请填写条件编号');
    else if (seen.has(id)) out.errors.set(`${i}.id`, `编号“${id}”与第 ${seen.get(id)! + 1} 条重复`);
    else seen.set(id, i);
    const list = branches(c);
    if (list) list.forEach((b, j) => 'indicator' in b && checkLeaf(b, `${i}.b${j}`, confirmed, out));
    else checkLeaf(c as unknown as LeafRule, `${i}`, confirmed, out);
    const min = c.appliesTo?.minFloorArea as unknown;
    if (min !== undefined && (!isNum(min) || min < 0)) out.errors.set(`${i}.minFloorArea`, '请填写不小于 0 的面积（m²）');
    checkReadingFields(c, i, out);
  });
  return out;
}

/** The fields of docs/formats.md §6: bounds, 单体/平均, dates, companion values. */
function checkReadingFields(c: Condition, i: number, out: FormCheck): void {
  const building = c.scope === 'building';
  for (const what of ['height', 'floors', 'floorArea', 'projectFloorArea'] as const) {
    const b = c.appliesTo?.[what] as Record<string, unknown> | undefined;
    if (!b) continue;
    const w = BOUND_WHAT[what];
    const lo = b.gt ?? b.gte;
    const hi = b.lt ?? b.lte;
    let bad = false;
    for (const [side, v] of [['lower', lo], ['upper', hi]] as const) {
      if (v === undefined) continue;
      if (!isNum(v)) {
        out.errors.set(`${i}.${what}.${side}`, `请填写数字（${w.unit}）`);
        bad = true;
      } else if (v < 0) {
        out.errors.set(`${i}.${what}.${side}`, `${w.name}不能为负数`);
        bad = true;
      }
    }
    if (bad) continue;
    if (lo === undefined && hi === undefined) out.errors.set(`${i}.${what}`, `请填写${w.name}的下限或上限，或清除该范围`);
    else if (isNum(lo) && isNum(hi) && (lo > hi || (lo === hi && (b.gt !== undefined || b.lt !== undefined)))) {
      out.errors.set(`${i}.${what}`, `${w.name}的下限 ${lo} ${w.unit} 高于上限 ${hi} ${w.unit}，没有任何${what === 'projectFloorArea' ? '项目' : '建筑'}在此范围内`);
    } else if (what !== 'projectFloorArea' && !building) {
      out.errors.set(`${i}.${what}`, `按${w.name}筛选单体只适用于范围为“逐栋单体”的条件，请把范围改为逐栋单体`);
    }
  }
  if (c.aggregate !== undefined) {
    if (!building) out.errors.set(`${i}.aggregate`, '“单体/平均”只适用于范围为“逐栋单体”的条件，请把范围改为逐栋单体或清除此项');
    else if (c.aggregate !== 'each') {
      const bad = leaves(c).map((l) => indicator(l.indicator)).find((d) => d && d.type !== 'number' && d.type !== 'percent');
      if (bad) out.errors.set(`${i}.aggregate`, `${bad.name}不是数值指标，不能取平均，请选择“单体”`);
    }
  }
  const f = c.inForce as { from?: unknown; to?: unknown } | undefined;
  if (f) {
    for (const k of ['from', 'to'] as const) {
      const v = f[k];
      if (v !== undefined && (typeof v !== 'string' || !isIsoDate(v))) out.errors.set(`${i}.inForce.${k}`, '请按 年-月-日 填写日期，如 2025-09-01');
    }
    if (typeof f.from === 'string' && typeof f.to === 'string' && isIsoDate(f.from) && isIsoDate(f.to) && f.from > f.to) {
      out.errors.set(`${i}.inForce.to`, `截止日期早于起始日期 ${f.from}`);
    }
  }
  for (const [id, v] of Object.entries((c.companion ?? {}) as Record<string, unknown>)) {
    const def = indicator(id);
    const key = `${i}.companion.${id}`;
    if (!def) out.errors.set(key, '请选择指标');
    else if (v === undefined || v === '') out.errors.set(key, `请填写${def.name}的数值`);
    else if (!isNum(v)) out.errors.set(key, `请填写数字${def.unit ? `（${def.unit}）` : ''}`);
    else if (v < 0) out.errors.set(key, `${def.name}不能为负数`);
    else if (def.unit === '%' && v > 100) out.errors.set(key, `${def.name}是百分数，应在 0 到 100 之间`);
  }
}

function leaves(r: Rule): LeafRule[] {
  const list = branches(r);
  return list ? list.flatMap(leaves) : [r as LeafRule];
}

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Field names of the condition format in the words of the form. */
const AGGREGATE_NAME: Record<string, string> = { '"each"': '单体', '"average"': '平均', '"eachOrAverage"': '单体或平均' };

const FIELD_WORDS: Array<[RegExp, string | ((m: string) => string)]> = [
  [/appliesTo\.(height|floors|floorArea|projectFloorArea)\.(gte|gt)\b/g, '适用的$1下限'],
  [/appliesTo\.(height|floors|floorArea|projectFloorArea)\.(lte|lt)\b/g, '适用的$1上限'],
  [/appliesTo\.height/g, '适用的建筑高度'],
  [/appliesTo\.floors/g, '适用的地上层数'],
  [/appliesTo\.floorArea/g, '适用的单体建筑面积'],
  [/appliesTo\.projectFloorArea/g, '适用的项目总建筑面积'],
  [/适用的height/g, '适用的建筑高度'],
  [/适用的floors/g, '适用的地上层数'],
  [/适用的floorArea/g, '适用的单体建筑面积'],
  [/适用的projectFloorArea/g, '适用的项目总建筑面积'],
  [/gt、gte、lt、lte 之一/g, '下限或上限'],
  [/同时写了 gt 和 gte/g, '写了两个下限'],
  [/同时写了 lt 和 lte/g, '写了两个上限'],
  [/scope 为 building/g, '范围为“逐栋单体”'],
  [/"(each|average|eachOrAverage)"/g, (m) => `“${AGGREGATE_NAME[m]}”`],
  [/\(each 单体、average 平均、eachOrAverage 单体或平均\)|（each 单体、average 平均、eachOrAverage 单体或平均）/g, ''],
  [/应为 each、average、eachOrAverage 之一/g, '应为单体、平均或单体或平均之一'],
  [/\baggregate\b/g, '单体/平均'],
  [/inForce\.from/g, '生效起始日期'],
  [/inForce\.to/g, '生效截止日期'],
  [/\binForce\b/g, '生效日期'],
  [/至少要写 from 或 to/g, '至少要写起始日期或截止日期'],
  [/YYYY-MM-DD（如 2025-09-01）/g, '年-月-日（如 2025-09-01）'],
  [/\bparcel\b/g, '地块'],
  [/\bwhen\b 引用了未知的项目事实/g, '适用前提引用了未知的项目事实'],
  [/\bwhen\b/g, '适用前提'],
  [/\bcompanion\b/g, '同时写明的数值'],
  [/\btoConfirm\b/g, '待确认说明'],
  [/\bfacts\b/g, '项目事实'],
  [/appliesTo\.minFloorArea/g, '适用的最小单体建筑面积'],
  [/appliesTo\.buildings/g, '指定单体'],
  [/appliesTo\.use/g, '适用建筑类型'],
  [/appliesTo/g, '适用范围'],
  [/\b(anyOf|allOf)\[(\d+)\]/g, '分支$2'],
  [/\b(anyOf|allOf)\b/g, '分支'],
  [/\bindicator\b/g, '指标'],
  [/\bop\b/g, '比较方式'],
  [/\bvalue\b/g, '要求值'],
  [/\bscope\b/g, '范围'],
  [/\bclause\b/g, '条款号'],
  [/\btext\b/g, '合同原文'],
  [/\bid\b/g, '编号'],
  [/true 或 false/g, '是或否'],
  [/\btrue\b/g, '是'],
  [/\bfalse\b/g, '否'],
];

/**
 * The validator's message in the words of the form: field names, indicator ids and project fact ids
 * replaced by what the user sees ("条件 C1 的 value" → "条件 C1 的 要求值", runoff_capture →
 * 年径流总量控制率, government_investment → 政府投资项目).
 */
export function formWords(message: string, facts: FactWords = []): string {
  let s = message.replace(/^条件文件 [^：]*：/, '').replace(/条件文件/g, '条件');
  s = s.replace(/\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g, (id) => (indicator(id) ? indicatorName(id) : facts.find((f) => f.id === id)?.yes ?? id));
  for (const [re, word] of FIELD_WORDS) s = typeof word === 'string' ? s.replace(re, word) : s.replace(re, word);
  return s;
}

/** The condition a validator message names ("条件 C2 …"), as its index in the document. */
export function conditionOfMessage(message: string, doc: ConditionsDoc): number | null {
  const m = /条件 (\S+?)(?: |的|$)/.exec(message);
  if (!m) return null;
  const i = doc.conditions.findIndex((c) => c.id === m[1]);
  return i < 0 ? null : i;
}
