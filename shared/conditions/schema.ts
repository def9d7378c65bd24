// zod schema of a `landcheck.conditions/v1` document (../shared/spec/formats.md §2).
// Shape errors come from zod; the semantic checks (indicator known and of role 'condition',
// value fits the indicator's type) run as refinements with Chinese messages. load.ts turns the
// issues into one message naming the file, the condition and the field.
import { z } from 'zod';
import { INDICATORS, indicator } from '../model/indicators';
import { nearest } from './suggest';

export const CONDITIONS_FORMAT = 'landcheck.conditions/v1';
export const OPS = ['>=', '>', '<=', '<', '=='] as const;
export const USES = ['residential', 'public', 'industrial'] as const;
export const SCOPES = ['project', 'building'] as const;

/** Allowed keys per level, used for "unknown field … did you mean …" suggestions. */
export const RULE_KEYS = ['indicator', 'op', 'value', 'anyOf', 'allOf'] as const;
export const CONDITION_KEYS = ['id', 'clause', 'text', 'scope', 'appliesTo', 'source', 'note', 'method', ...RULE_KEYS] as const;
export const DOC_KEYS = ['format', 'contract', 'conditions', 'title', 'notes', 'jurisdiction', 'version'] as const;
export const APPLIES_TO_KEYS = ['use', 'minFloorArea', 'buildings'] as const;

const CONDITION_IDS = INDICATORS.filter((d) => d.role === 'condition').map((d) => d.id);

/** Units whose values cannot be negative (areas, lengths, depths, ratios without unit). */
const NON_NEGATIVE_UNITS = new Set(['m²', 'm', 'mm', '']);

function ruleShape() {
  return {
    indicator: z.string().min(1).optional(),
    op: z.enum(OPS).optional(),
    value: z.union([z.number(), z.boolean()]).optional(),
    anyOf: z.array(z.lazy((): z.ZodType => RuleSchema)).min(1).optional(),
    allOf: z.array(z.lazy((): z.ZodType => RuleSchema)).min(1).optional(),
  };
}

interface RawRule {
  indicator?: string;
  op?: string;
  value?: number | boolean;
  anyOf?: unknown[];
  allOf?: unknown[];
}

/** Suggestion for an unknown indicator id: nearest id, or the id whose label was written. */
function suggestIndicator(id: string): string | undefined {
  const byLabel = INDICATORS.find((d) => d.role === 'condition' && d.labels.includes(id));
  if (byLabel) return byLabel.id;
  return nearest(id, CONDITION_IDS);
}

function checkRule(r: RawRule, ctx: z.RefinementCtx): void {
  const compound = (r.anyOf ? 1 : 0) + (r.allOf ? 1 : 0);
  if (r.indicator !== undefined && compound > 0) {
    ctx.addIssue({
      code: 'custom',
      path: [r.anyOf ? 'anyOf' : 'allOf'],
      message: `{C} 同时写了 indicator 和 ${r.anyOf ? 'anyOf' : 'allOf'}，二者只能选一`,
    });
    return;
  }
  if (compound === 2) {
    ctx.addIssue({ code: 'custom', path: ['allOf'], message: '{C} 同时写了 anyOf 和 allOf，二者只能选一（可将其一嵌套在另一个之中）' });
    return;
  }
  if (compound === 1) {
    for (const k of ['op', 'value'] as const) {
      if (r[k] !== undefined) {
        ctx.addIssue({ code: 'custom', path: [k], message: `{C} 的 ${k} 字段只能与 indicator 一起使用，不能与 ${r.anyOf ? 'anyOf' : 'allOf'} 并列` });
        return;
      }
    }
    return;
  }
  if (r.indicator === undefined) {
    ctx.addIssue({ code: 'custom', path: ['indicator'], message: '{C} 缺少 indicator 字段（或 anyOf/allOf）' });
    return;
  }
  const def = indicator(r.indicator);
  if (!def) {
    const s = suggestIndicator(r.indicator);
    ctx.addIssue({
      code: 'custom',
      path: ['indicator'],
      message: `{C} 引用了未知指标 "${r.indicator}"${s ? `（是否应为 "${s}"？）` : ''}`,
    });
    return;
  }
  if (def.role !== 'condition') {
    ctx.addIssue({
      code: 'custom',
      path: ['indicator'],
      message: `{C} 的指标 "${r.indicator}"（${def.name}）是计算输入项，不是合同指标，不能用于条件`,
    });
    return;
  }
  if (r.op === undefined) {
    ctx.addIssue({ code: 'custom', path: ['op'], message: '{C} 缺少 op 字段' });
    return;
  }
  if (r.value === undefined) {
    ctx.addIssue({ code: 'custom', path: ['value'], message: '{C} 缺少 value 字段' });
    return;
  }
  const v = r.value;
  const name = `${def.name}（${def.id}）`;
  const bad = (field: 'op' | 'value', message: string) => ctx.addIssue({ code: 'custom', path: [field], message });
  switch (def.type) {
    case 'boolean':
      if (r.op !== '==') return bad('op', `{C} 的 op 字段无效（"${r.op}"）：${name} 是是否型指标，op 只能为 ==`);
      if (typeof v !== 'boolean') return bad('value', `{C} 的 value 字段无效（${JSON.stringify(v)}）：${name} 是是否型指标，value 应为 true 或 false`);
      return;
    case 'text':
      return bad('value', `{C} 的 value 字段无效：${name} 是文本指标，不能比较`);
    default:
      break;
  }
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    return bad('value', `{C} 的 value 字段无效（${JSON.stringify(v)}）：${name} 应为数值`);
  }
  if (def.type === 'star' && !(Number.isInteger(v) && v >= 0 && v <= 3)) {
    return bad('value', `{C} 的 value 字段无效（${v}）：${name} 应为 0–3 的整数（0 基本级、1 一星级、2 二星级、3 三星级）`);
  }
  if (def.type === 'percent' && (v < 0 || v > 100)) {
    return bad('value', `{C} 的 value 字段无效（${v}）：${name} 以百分数计，应在 0–100 之间（60 表示 60%）`);
  }
  if (def.type === 'number' && NON_NEGATIVE_UNITS.has(def.unit) && v < 0) {
    return bad('value', `{C} 的 value 字段无效（${v}）：${name} 不能为负数`);
  }
}

export const RuleSchema: z.ZodType = z.strictObject(ruleShape()).superRefine(checkRule);

export const AppliesToSchema = z.strictObject({
  use: z.array(z.enum(USES)).min(1).optional(),
  minFloorArea: z.number().min(0).optional(),
  buildings: z.array(z.string().min(1)).min(1).optional(),
});

export const ConditionSchema = z
  .strictObject({
    ...ruleShape(),
    id: z.string().min(1),
    clause: z.string().optional(),
    text: z.string().optional(),
    scope: z.enum(SCOPES).optional(),
    appliesTo: AppliesToSchema.optional(),
    source: z.string().optional(),
    note: z.string().optional(),
    method: z.string().optional(),
  })
  .superRefine(checkRule);

export const ConditionsDocSchema = z
  .strictObject({
    format: z.literal(CONDITIONS_FORMAT),
    contract: z.looseObject({}).optional(),
    conditions: z.array(ConditionSchema).min(1),
    title: z.string().optional(),
    notes: z.string().optional(),
    jurisdiction: z.string().optional(),
    version: z.string().optional(),
  })
  .superRefine((doc, ctx) => {
    const seen = new Map<string, number>();
    doc.conditions.forEach((c, i) => {
      const first = seen.get(c.id);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['conditions', i, 'id'],
          message: `{C} 的 id 与第 ${first + 1} 条条件重复，条件 id 必须唯一`,
        });
      } else seen.set(c.id, i);
    });
  });
