// The boundary every transport goes through: method name and input validated, handler called,
// errors turned into one Chinese message. IPC (electron/main.ts) and HTTP (shared/api/http.ts)
// both call `dispatch`, so no handler exists for one transport only.
import { z } from 'zod';
import { isMethod, schemas, type Envelope, type ErrorKind, type Handlers } from './contract';
import { isInputError } from '../errors';

/** Errors a handler may raise on purpose carry a Chinese message meant for the user. */
export class ApiError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * Deepest nesting accepted in any request. Real requests stay under 40 (a condition document
 * with rules nested to the conditions limit); the limit keeps the schema checks, the store's
 * canonical JSON and the copy to a worker thread, which all recurse, away from the stack's end.
 */
export const MAX_INPUT_DEPTH = 200;

export function refused(error: string, kind: ErrorKind): Envelope<never> {
  return { ok: false, error, kind };
}

export async function dispatch(handlers: Handlers, method: unknown, input: unknown): Promise<Envelope<unknown>> {
  if (!isMethod(method)) return refused(`未知的操作：${String(method).slice(0, 60)}`, 'unknown_method');
  const deep = tooDeep(input, MAX_INPUT_DEPTH);
  if (deep !== null) return refused(`操作 ${method} 的参数嵌套超过 ${MAX_INPUT_DEPTH} 层${deep}，已拒绝`, 'invalid');
  const parsed = (schemas[method] as z.ZodType).safeParse(input ?? {});
  if (!parsed.success) return refused(`操作 ${method} 的参数无效：${describeZodError(parsed.error)}`, 'invalid');
  try {
    const handler = handlers[method] as (i: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (e) {
    const expected = isInputError(e) || e instanceof ApiError || (e instanceof Error && (e.name === 'StoreError' || e.name === 'ApiError'));
    return expected ? { ok: false, error: userMessage(e) } : refused(userMessage(e), 'internal');
  }
}

/** A user-facing message for anything a handler threw; unexpected errors never leak a stack. */
export function userMessage(e: unknown): string {
  if (isInputError(e) || e instanceof ApiError) return e.message;
  if (e instanceof Error && (e.name === 'StoreError' || e.name === 'ApiError')) return e.message;
  const detail = e instanceof Error ? e.message : String(e);
  return `操作失败：${detail.slice(0, 300)}`;
}

/**
 * null when `value` nests at most `limit` levels; otherwise where it goes too deep, in words
 * ("（条件 C3 的规则）" when the path runs through a condition with an id). Breadth-first and
 * iterative: any depth is measured without recursion.
 */
export function tooDeep(value: unknown, limit: number): string | null {
  let level: Array<{ v: unknown; path: PropertyKey[] }> = [{ v: value, path: [] }];
  for (let depth = 0; level.length > 0; depth++) {
    if (depth > limit) return describeDeepPath(value, level[0].path);
    const next: Array<{ v: unknown; path: PropertyKey[] }> = [];
    for (const { v, path } of level) {
      if (!v || typeof v !== 'object' || ArrayBuffer.isView(v)) continue;
      const keys = Array.isArray(v) ? v.keys() : Object.keys(v);
      for (const k of keys) next.push({ v: (v as Record<PropertyKey, unknown>)[k], path: path.length < 6 ? [...path, k] : path });
    }
    level = next;
  }
  return null;
}

function describeDeepPath(root: unknown, path: PropertyKey[]): string {
  const at = path.findIndex((k, i) => k === 'conditions' && typeof path[i + 1] === 'number');
  if (at < 0) return '';
  let cur: unknown = root;
  for (const k of path.slice(0, at + 2)) cur = cur && typeof cur === 'object' ? (cur as Record<PropertyKey, unknown>)[k] : undefined;
  const id = cur && typeof cur === 'object' ? (cur as { id?: unknown }).id : undefined;
  const label = typeof id === 'string' && id.trim() ? `条件 ${id}` : `第 ${Number(path[at + 1]) + 1} 条条件`;
  return `（${label}${path[at + 2] === 'rule' ? ' 的规则' : ''}）`;
}

function describeZodError(err: z.ZodError): string {
  const first = err.issues[0];
  if (!first) return '格式不正确';
  const path = first.path.length > 0 ? first.path.join('.') : '（整体）';
  return `字段 ${path}：${first.message}`;
}
