// Messages between a thread and the workers it runs (tasks, and the Electron backend): requests
// carry an id; errors cross as plain data and are rebuilt on the other side with their class,
// so a Chinese InputError/StoreError/ApiError message reaches the user unchanged.
import { InputError } from '../errors';
import { StoreError, type StoreErrorCode } from '../store/errors';

export interface TaskRequest {
  id: number;
  task: string;
  input: unknown;
}

export type TaskReply =
  | { id: number; ok: true; value: unknown; heapUsed: number }
  | { id: number; ok: false; error: SerializedError; heapUsed: number };

export interface SerializedError {
  name: string;
  message: string;
  file?: string;
  where?: string;
  code?: string;
}

export function serializeError(e: unknown): SerializedError {
  if (e instanceof Error) {
    const x = e as Error & { file?: string; where?: string; code?: unknown };
    return {
      name: e.name,
      message: e.message,
      ...(typeof x.file === 'string' ? { file: x.file } : {}),
      ...(typeof x.where === 'string' ? { where: x.where } : {}),
      ...(typeof x.code === 'string' ? { code: x.code } : {}),
    };
  }
  return { name: 'Error', message: String(e) };
}

/** The error as thrown on the other side (InputError, StoreError, ApiError-named Error, Error). */
export function deserializeError(s: SerializedError): Error {
  if (s.name === 'StoreError') return new StoreError(s.message, (s.code ?? 'io') as StoreErrorCode, s.file);
  if (s.name === 'InputError') return new InputError(s.message, s.file, s.where);
  const e = s.name === 'RangeError' ? new RangeError(s.message) : new Error(s.message);
  e.name = s.name;
  return e;
}
