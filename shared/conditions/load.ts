// Reading and validating condition files (landcheck.conditions/v1, docs/formats.md §2).
// Every problem becomes one InputError with a Chinese message naming the file, the condition
// (its id, or its position when it has none) and the field.
import { basename } from 'node:path';
import type { z } from 'zod';
import { InputError } from '../errors';
import { indicatorName } from '../model/indicators';
import type { ConditionsDoc, Rule } from '../model/types';
import {
  AGGREGATES,
  APPLIES_TO_KEYS,
  BOUND_KEYS,
  CONDITION_KEYS,
  CONDITIONS_FORMAT,
  ConditionsDocSchema,
  DOC_KEYS,
  IN_FORCE_KEYS,
  OPS,
  RULE_KEYS,
  SCOPES,
  USES,
} from './schema';
import { nearest } from './suggest';
import { readInputFile } from '../fsio/read';

/**
 * Limits of a condition file (docs/security.md): its size, how deep anyOf/allOf may nest in one
 * condition (real contracts: 1–3), and the JSON nesting of the whole document.
 */
export const CONDITIONS_LIMITS = { maxBytes: 4 * 1024 * 1024, maxRuleDepth: 10, maxJsonDepth: 64 };

type Path = ReadonlyArray<PropertyKey>;

/** Parses and validates the text of a condition file. */
export function parseConditions(jsonText: string, fileName: string): ConditionsDoc {
  const text = jsonText.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new InputError(`条件文件 ${fileName} 为空`, fileName);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new InputError(`条件文件 ${fileName} 不是有效的 JSON：${jsonProblem(text, e)}`, fileName);
  }
  return validateConditions(data, fileName);
}

/** Reads a condition file (UTF-8, BOM allowed) and validates it. */
export async function loadConditions(path: string): Promise<ConditionsDoc> {
  const name = basename(path);
  const bytes = await readInputFile(path, { what: '条件文件', maxBytes: CONDITIONS_LIMITS.maxBytes, missing: `条件文件 ${path} 不存在` });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`条件文件 ${name} 不是 UTF-8 编码的文本（请另存为 UTF-8 的 JSON 文件）`, name);
  }
  return parseConditions(text, name);
}

/** Validates an already parsed value; returns the document with `scope` defaulted to 'project'. */
export function validateConditions(doc: unknown, fileName: string): ConditionsDoc {
  checkNesting(doc, fileName);
  const r = ConditionsDocSchema.safeParse(doc);
  if (r.success) {
    const out = r.data as ConditionsDoc;
    return { ...out, conditions: out.conditions.map((c) => ({ ...c, scope: c.scope ?? 'project' })) };
  }
  const issues = [...r.error.issues].sort((a, b) => issueOrder(a) - issueOrder(b));
  const first = issueMessage(issues[0], doc);
  const more = issues.length > 1 ? `（另有 ${issues.length - 1} 处问题）` : '';
  const where = conditionLabel(issues[0].path, doc);
  throw new InputError(`条件文件 ${fileName}：${first}${more}`, fileName, where);
}

/**
 * Refuses documents nested deeper than CONDITIONS_LIMITS before the (recursive) schema sees them,
 * naming the condition. Iterative, so any depth is measured without exhausting the stack.
 */
function checkNesting(doc: unknown, fileName: string): void {
  const { maxRuleDepth, maxJsonDepth } = CONDITIONS_LIMITS;
  const conditions = doc && typeof doc === 'object' ? (doc as { conditions?: unknown }).conditions : undefined;
  if (Array.isArray(conditions)) {
    conditions.forEach((c, i) => {
      const rule = c && typeof c === 'object' ? (c as { rule?: unknown }).rule : undefined;
      let level: Array<unknown> = [rule];
      for (let depth = 0; level.length > 0; depth++) {
        if (depth >= maxRuleDepth) {
          const where = conditionLabel(['conditions', i], doc)!;
          throw new InputError(`条件文件 ${fileName}：${where} 的规则嵌套超过 ${maxRuleDepth} 层（anyOf/allOf 层层套用），请简化该条件`, fileName, where);
        }
        const next: unknown[] = [];
        for (const r of level) {
          if (!r || typeof r !== 'object') continue;
          for (const k of ['anyOf', 'allOf'] as const) {
            const list = (r as Record<string, unknown>)[k];
            if (Array.isArray(list)) next.push(...list);
          }
        }
        level = next;
      }
    });
  }
  // Any other deep structure (e.g. in contract): breadth-first, one level at a time.
  let level: Array<{ v: unknown; path: PropertyKey[] }> = [{ v: doc, path: [] }];
  for (let depth = 0; level.length > 0; depth++) {
    if (depth > maxJsonDepth) {
      const path = level[0].path;
      const where = conditionLabel(path, doc);
      throw new InputError(
        `条件文件 ${fileName}：${where ?? formatPath(path.slice(0, 3))} 嵌套超过 ${maxJsonDepth} 层，不是有效的条件文件`,
        fileName,
        where,
      );
    }
    const next: Array<{ v: unknown; path: PropertyKey[] }> = [];
    for (const { v, path } of level) {
      if (!v || typeof v !== 'object') continue;
      const keys = Array.isArray(v) ? v.keys() : Object.keys(v);
      for (const k of keys) next.push({ v: (v as Record<PropertyKey, unknown>)[k], path: path.length < 3 ? [...path, k] : path });
    }
    level = next;
  }
}

/**
 * Compact rendering of a rule's requirement: ">= 2" for a leaf;
 * "预制率 >= 40 或 装配率 >= 60" for compound rules (nested ones in （）).
 */
export function describeRule(rule: Rule): string {
  if ('indicator' in rule) return `${rule.op} ${rule.value}`;
  return describeCompound(rule);
}

/** A compound rule's words, once per rule (every building's finding of the condition asks). */
const compoundWords = new WeakMap<Rule, string>();

function describeCompound(rule: Rule): string {
  let words = compoundWords.get(rule);
  if (words === undefined) compoundWords.set(rule, (words = compoundText(rule)));
  return words;
}

function compoundText(rule: Rule): string {
  const [list, word] = 'anyOf' in rule ? [rule.anyOf, '或'] : 'allOf' in rule ? [rule.allOf, '且'] : [[], ''];
  return list.map((r) => ('indicator' in r ? `${indicatorName(r.indicator)} ${r.op} ${r.value}` : `（${describeCompound(r)}）`)).join(` ${word} `);
}

// ---------------------------------------------------------------- messages

function jsonProblem(text: string, e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  const m = /position (\d+)/.exec(msg);
  const pos = m ? Number(m[1]) : /end of JSON|Unterminated/i.test(msg) ? text.length : -1;
  if (pos < 0) return '格式错误';
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const col = pos - before.lastIndexOf('\n');
  if (pos >= text.length) return `第 ${line} 行第 ${col} 列附近文件意外结束（括号或引号未闭合）`;
  const lineText = text.split('\n')[line - 1].trim();
  const snippet = lineText.length > 40 ? `${lineText.slice(0, 40)}…` : lineText;
  return `第 ${line} 行第 ${col} 列附近有多余或缺少的符号（逗号、引号或括号），该行内容：${snippet}`;
}

function issueOrder(issue: z.core.$ZodIssue): number {
  const p = issue.path;
  const idx = p[0] === 'conditions' && typeof p[1] === 'number' ? p[1] : -1;
  return (idx + 1) * 10 + (issue.code === 'unrecognized_keys' ? 0 : 1);
}

function get(root: unknown, path: Path): unknown {
  let v = root;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

function formatPath(path: Path): string {
  let s = '';
  for (const k of path) s += typeof k === 'number' ? `[${k}]` : s ? `.${String(k)}` : String(k);
  return s;
}

/** "条件 A1", or "第 3 条条件（无 id）"; undefined for document-level issues. */
function conditionLabel(path: Path, root: unknown): string | undefined {
  if (path[0] !== 'conditions' || typeof path[1] !== 'number') return undefined;
  const id = get(root, ['conditions', path[1], 'id']);
  return typeof id === 'string' && id.trim() !== '' ? `条件 ${id}` : `第 ${path[1] + 1} 条条件（无 id）`;
}

function show(v: unknown): string {
  if (v === undefined) return '空';
  const s = JSON.stringify(v);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

const TYPE_NAMES: Record<string, string> = {
  string: '文字（字符串）',
  number: '数字',
  boolean: 'true 或 false',
  array: '数组 [...]',
  object: '对象 {...}',
};

function allowedKeys(path: Path): readonly string[] {
  if (path.length === 0) return DOC_KEYS;
  if (path.length === 2 && path[0] === 'conditions') return CONDITION_KEYS;
  const last = path[path.length - 1];
  if (last === 'appliesTo') return APPLIES_TO_KEYS;
  if (last === 'inForce') return IN_FORCE_KEYS;
  if (path[path.length - 2] === 'appliesTo') return BOUND_KEYS;
  return RULE_KEYS;
}

function enumHint(field: string, values: readonly unknown[]): string {
  if (field === 'op') return `应为 ${OPS.join('、')} 之一`;
  if (field === 'scope') return `应为 ${SCOPES.join('、')} 之一`;
  if (field === 'aggregate') return `应为 ${AGGREGATES.join('、')} 之一（each 单体、average 平均、eachOrAverage 单体或平均）`;
  if (field === 'format') return `应为 "${CONDITIONS_FORMAT}"`;
  if (values.length && values.every((v) => (USES as readonly unknown[]).includes(v))) return `应为 ${USES.join('、')} 之一`;
  return `应为 ${values.map((v) => String(v)).join('、')} 之一`;
}

function issueMessage(issue: z.core.$ZodIssue, root: unknown): string {
  const path = issue.path;
  const cond = conditionLabel(path, root);
  const inCondition = cond !== undefined;
  // Subject: the condition plus the nested rule the issue is about (without the field itself).
  const last = path[path.length - 1];
  const fieldLen = issue.code === 'unrecognized_keys' ? 0 : typeof last === 'number' ? 2 : 1;
  const nest = inCondition ? formatPath(path.slice(2, path.length - fieldLen)) : '';
  const C = inCondition ? `${cond}${nest ? ` 的 ${nest}` : ''}` : '';
  const field = inCondition ? (typeof last === 'number' ? formatPath(path.slice(-2)) : String(last)) : formatPath(path);
  const value = get(root, path);
  const subject = inCondition ? `${cond} 的 ${formatPath(path.slice(2))}` : field;

  switch (issue.code) {
    case 'custom':
      return issue.message
        .replace('{C}{F}', inCondition ? `${cond} 的 ${formatPath(path.slice(2))}` : formatPath(path))
        .replace('{P}', cond ?? '')
        .replace('{C}', C);
    case 'unrecognized_keys': {
      const allowed = allowedKeys(path);
      const parts = issue.keys.map((k) => {
        const s = nearest(k, allowed);
        return `"${k}"${s ? `（是否应为 "${s}"？）` : ''}`;
      });
      const who = inCondition ? C : path.length === 0 ? '顶层' : formatPath(path);
      const hint = parts.some((p) => p.includes('是否应为')) ? '' : `；允许的字段：${allowed.join('、')}`;
      return `${who} 含有未知字段 ${parts.join('、')}${hint}`;
    }
    case 'invalid_type': {
      if (path.length === 0) return '内容应为 JSON 对象 {...}';
      if (inCondition && path.length === 2) return `${cond} 应为 JSON 对象 {...}`;
      if (value === undefined) return inCondition ? `${C} 缺少 ${field} 字段` : `缺少 ${field} 字段${field === 'conditions' ? '（条件列表）' : ''}`;
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      return `${subject} 字段类型错误（${show(value)}），应为${expected}`;
    }
    case 'invalid_value':
      return `${subject} 字段无效（${show(value)}），${enumHint(String(last), issue.values)}`;
    case 'invalid_union':
      return `${subject} 字段类型错误（${show(value)}），应为数字或 true/false`;
    case 'too_small':
      if (issue.origin === 'array') {
        if (!inCondition && field === 'conditions') return 'conditions 为空，至少需要一条条件';
        return `${subject} 不能为空`;
      }
      if (issue.origin === 'string') return `${subject} 不能为空`;
      return `${subject} 字段无效（${show(value)}），不能为负数`;
    default:
      return `${subject} 字段无效（${show(value)}）`;
  }
}
