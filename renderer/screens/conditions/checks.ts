// Checks of the condition form done as the user types, with the message shown at the field
// (Chinese, naming what to write). The server's validation stays the authority (it runs too);
// these only make the common mistakes visible where they are made.
import type { Condition, ConditionsDoc, LeafRule, Rule } from '../../../shared/model/types';
import { indicator, indicatorName } from '../../../shared/model/indicators';

/** Field of a condition: `${index}.id`, `${index}.value`, `${index}.b${branch}.value`, `${index}.minFloorArea`. */
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
  });
  return out;
}

/** Field names of the condition format in the words of the form. */
const FIELD_WORDS: Array<[RegExp, string]> = [
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
 * The validator's message in the words of the form: field names and indicator ids replaced by
 * what the user sees ("条件 C1 的 value" → "条件 C1 的 要求值", runoff_capture → 年径流总量控制率).
 */
export function formWords(message: string): string {
  let s = message.replace(/^条件文件 [^：]*：/, '').replace(/条件文件/g, '条件');
  s = s.replace(/\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g, (id) => (indicator(id) ? indicatorName(id) : id));
  for (const [re, word] of FIELD_WORDS) s = s.replace(re, word);
  return s;
}

/** The condition a validator message names ("条件 C2 …"), as its index in the document. */
export function conditionOfMessage(message: string, doc: ConditionsDoc): number | null {
  const m = /条件 (\S+?)(?: |的|$)/.exec(message);
  if (!m) return null;
  const i = doc.conditions.findIndex((c) => c.id === m[1]);
  return i < 0 ? null : i;
}
