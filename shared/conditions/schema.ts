// zod schema of a `landcheck.conditions/v1` document (docs/formats.md §2, §2.1).
// Shape errors come from zod; the semantic checks (indicator known and of role 'condition',
// value fits the indicator's type) run as refinements with Chinese messages. load.ts turns the
// issues into one message naming the file, the condition and the field.
import { z } from 'zod';
import { INDICATORS, indicator } from '../model/indicators';
import { FACT_IDS } from './facts';
import { nearest } from './suggest';

export const CONDITIONS_FORMAT = 'landcheck.conditions/v1';
export const OPS = ['>=', '>', '<=', '<', '=='] as const;
export const USES = ['residential', 'public', 'industrial'] as const;
export const SCOPES = ['project', 'building'] as const;
export const AGGREGATES = ['each', 'average', 'eachOrAverage'] as const;

/** Allowed keys per level, used for "unknown field … did you mean …" suggestions. */
export const RULE_KEYS = ['indicator', 'op', 'value', 'anyOf', 'allOf'] as const;
export const CONDITION_KEYS = [
  'id', 'clause', 'text', 'scope', 'appliesTo', 'source', 'note', 'method', ...RULE_KEYS,
  'aggregate', 'parcel', 'inForce', 'when', 'companion', 'toConfirm',
] as const;
export const DOC_KEYS = ['format', 'contract', 'conditions', 'title', 'notes', 'jurisdiction', 'version', 'facts'] as const;
export const APPLIES_TO_KEYS = ['use', 'minFloorArea', 'buildings', 'height', 'floors', 'floorArea', 'projectFloorArea'] as const;
export const BOUND_KEYS = ['gt', 'gte', 'lt', 'lte'] as const;
export const IN_FORCE_KEYS = ['from', 'to'] as const;

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

/** gt/gte/lt/lte on a non-negative quantity (docs/formats.md §2 `appliesTo`). */
export const BoundSchema = z
  .strictObject({
    gt: z.number().min(0).optional(),
    gte: z.number().min(0).optional(),
    lt: z.number().min(0).optional(),
    lte: z.number().min(0).optional(),
  })
  .superRefine((b, ctx) => {
    const bad = (message: string) => ctx.addIssue({ code: 'custom', path: [], message });
    if (b.gt === undefined && b.gte === undefined && b.lt === undefined && b.lte === undefined) {
      return bad('{C}{F} 至少要写 gt、gte、lt、lte 之一');
    }
    if (b.gt !== undefined && b.gte !== undefined) return bad('{C}{F} 同时写了 gt 和 gte，下限只能写一个');
    if (b.lt !== undefined && b.lte !== undefined) return bad('{C}{F} 同时写了 lt 和 lte，上限只能写一个');
    const lo = b.gt ?? b.gte;
    const hi = b.lt ?? b.lte;
    if (lo !== undefined && hi !== undefined && (lo > hi || (lo === hi && (b.gt !== undefined || b.lt !== undefined)))) {
      bad(`{C}{F} 的下限 ${lo} 与上限 ${hi} 之间没有任何数值`);
    }
  });

export const AppliesToSchema = z.strictObject({
  use: z.array(z.enum(USES)).min(1).optional(),
  minFloorArea: z.number().min(0).optional(),
  buildings: z.array(z.string().min(1)).min(1).optional(),
  height: BoundSchema.optional(),
  floors: BoundSchema.optional(),
  floorArea: BoundSchema.optional(),
  projectFloorArea: BoundSchema.optional(),
});

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

const DateSchema = z.string().refine(isIsoDate, { message: '{C}{F} 不是有效日期，应写作 YYYY-MM-DD（如 2025-09-01）' });

export const InForceSchema = z
  .strictObject({ from: DateSchema.optional(), to: DateSchema.optional() })
  .superRefine((v, ctx) => {
    if (v.from === undefined && v.to === undefined) ctx.addIssue({ code: 'custom', path: [], message: '{C}{F} 至少要写 from 或 to' });
    else if (v.from !== undefined && v.to !== undefined && v.from > v.to) {
      ctx.addIssue({ code: 'custom', path: [], message: `{C}{F} 的起始日期 ${v.from} 晚于截止日期 ${v.to}` });
    }
  });

interface RawCondition extends RawRule {
  scope?: string;
  aggregate?: string;
  appliesTo?: { height?: unknown; floors?: unknown; floorArea?: unknown };
  when?: Record<string, unknown>;
  companion?: Record<string, unknown>;
}

function leavesOf(r: RawRule): RawRule[] {
  if (r.anyOf) return (r.anyOf as RawRule[]).flatMap(leavesOf);
  if (r.allOf) return (r.allOf as RawRule[]).flatMap(leavesOf);
  return [r];
}

/** The checks between fields of one condition added by docs/formats.md §6 (contract text). */
function checkExtensions(c: RawCondition, ctx: z.RefinementCtx): void {
  const add = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const building = c.scope === 'building';
  if (c.aggregate !== undefined && !building) {
    add(['aggregate'], '{P} 的 aggregate 字段只能用于 scope 为 building 的条件（按单体审查时才有“单体/平均”之分）');
  }
  for (const k of ['height', 'floors', 'floorArea'] as const) {
    if (c.appliesTo?.[k] !== undefined && !building) {
      add(['appliesTo', k], `{P} 的 appliesTo.${k} 字段按单体筛选，只能用于 scope 为 building 的条件`);
    }
  }
  if (c.aggregate === 'average' || c.aggregate === 'eachOrAverage') {
    for (const leaf of leavesOf(c)) {
      const def = leaf.indicator ? indicator(leaf.indicator) : undefined;
      if (def && def.type !== 'number' && def.type !== 'percent') {
        add(['aggregate'], `{P} 的 aggregate 字段无效（"${c.aggregate}"）：${def.name}（${def.id}）不是数值指标，不能取平均`);
        break;
      }
    }
  }
  for (const key of Object.keys(c.when ?? {})) {
    if (!FACT_IDS.includes(key)) {
      const s = nearest(key, FACT_IDS);
      add(['when', key], `{P} 的 when 引用了未知的项目事实 "${key}"${s ? `（是否应为 "${s}"？）` : `（可用：${FACT_IDS.join('、')}）`}`);
    }
  }
  for (const [key, v] of Object.entries(c.companion ?? {})) {
    const def = indicator(key);
    if (!def || def.role !== 'condition') {
      const s = suggestIndicator(key);
      add(['companion', key], `{P} 的 companion 引用了未知指标 "${key}"${s ? `（是否应为 "${s}"？）` : ''}`);
    } else if (def.type !== 'number' && def.type !== 'percent') {
      add(['companion', key], `{P} 的 companion 中 ${def.name}（${def.id}）不是数值指标`);
    } else if (typeof v === 'number' && (v < 0 || (def.type === 'percent' && v > 100))) {
      add(['companion', key], `{P} 的 companion 中 ${def.name} 的数值 ${v} 超出范围`);
    }
  }
}

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
    aggregate: z.enum(AGGREGATES).optional(),
    parcel: z.string().trim().min(1).optional(),
    inForce: InForceSchema.optional(),
    when: z.record(z.string(), z.boolean()).optional(),
    companion: z.record(z.string(), z.number()).optional(),
    toConfirm: z.string().trim().min(1).optional(),
  })
  .superRefine(checkRule)
  .superRefine((c, ctx) => checkExtensions(c as RawCondition, ctx));

export const ConditionsDocSchema = z
  .strictObject({
    format: z.literal(CONDITIONS_FORMAT),
    contract: z.looseObject({}).optional(),
    conditions: z.array(ConditionSchema).min(1),
    title: z.string().optional(),
    notes: z.string().optional(),
    jurisdiction: z.string().optional(),
    version: z.string().optional(),
    facts: z.record(z.string(), z.boolean()).optional(),
  })
  .superRefine((doc, ctx) => {
    for (const key of Object.keys(doc.facts ?? {})) {
      if (!FACT_IDS.includes(key)) {
        const s = nearest(key, FACT_IDS);
        ctx.addIssue({
          code: 'custom',
          path: ['facts', key],
          message: `facts 中有未知的项目事实 "${key}"${s ? `（是否应为 "${s}"？）` : `（可用：${FACT_IDS.join('、')}）`}`,
        });
      }
    }
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
