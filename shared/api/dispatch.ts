// The boundary every transport goes through: method name and input validated, handler called,
// errors turned into one Chinese message. IPC (electron/main.ts) and HTTP (shared/api/http.ts)
// both call `dispatch`, so no handler exists for one transport only.
import { z } from 'zod';
import { isMethod, schemas, type Envelope, type Handlers } from './contract';
import { isInputError } from '../errors';

/** Errors a handler may raise on purpose carry a Chinese message meant for the user. */
export class ApiError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ApiError';
  }
}

export async function dispatch(handlers: Handlers, method: unknown, input: unknown): Promise<Envelope<unknown>> {
  if (!isMethod(method)) return { ok: false, error: `未知的操作：${String(method).slice(0, 60)}` };
  const parsed = (schemas[method] as z.ZodType).safeParse(input ?? {});
  if (!parsed.success) return { ok: false, error: `操作 ${method} 的参数无效：${describeZodError(parsed.error)}` };
  try {
    const handler = handlers[method] as (i: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (e) {
    return { ok: false, error: userMessage(e) };
  }
}

/** A user-facing message for anything a handler threw; unexpected errors never leak a stack. */
export function userMessage(e: unknown): string {
  if (isInputError(e) || e instanceof ApiError) return e.message;
  if (e instanceof Error && e.name === 'StoreError') return e.message;
  const detail = e instanceof Error ? e.message : String(e);
  return `操作失败：${detail.slice(0, 300)}`;
}

function describeZodError(err: z.ZodError): string {
  const first = err.issues[0];
  if (!first) return '格式不正确';
  const path = first.path.length > 0 ? first.path.join('.') : '（整体）';
  return `字段 ${path}：${first.message}`;
}
