// The boundary every transport goes through: method name and input validated, handler called,
// errors turned into the envelope's kind and one Chinese message (never a stack). IPC
// (electron/main.ts, via the backend thread) and HTTP (shared/api/http.ts) both call `dispatch`,
// so no handler exists for one transport only. An unexpected error (not a LandCheckError,
// shared/errors.ts) becomes kind `internal` with a neutral message and goes to the log file.
import { z } from 'zod';
import { isMethod, schemas, type Envelope, type ErrorKind, type Handlers } from './contract';
import { isInputError, LandCheckError, userMessage as messageFor } from '../errors';
import { logInternal } from '../log/index';

/** Errors a handler raises on purpose: a Chinese message meant for the user, of a kind (default `invalid`). */
export class ApiError extends LandCheckError {
  constructor(message: string, kind: ErrorKind = 'invalid') {
    super(kind, message);
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
    return errorEnvelope(e, method);
  }
}

/** The envelope of anything a handler threw: its kind and message, or `internal` (logged) with the neutral message. */
export function errorEnvelope(e: unknown, method: string): Envelope<never> {
  return refused(userMessage(e, method), isInputError(e) ? e.kind : 'internal');
}

/**
 * The Chinese message for anything thrown while doing `doing` (an API method, a batch item): a
 * deliberate error's own message; an unexpected one is logged and gets the neutral message.
 */
export function userMessage(e: unknown, doing = ''): string {
  if (!isInputError(e)) logInternal(e, doing ? { doing } : {});
  return messageFor(e);
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
