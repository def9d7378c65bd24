// Messages between a thread and the workers it runs (tasks, and the Electron backend): requests
// carry an id; errors cross as plain data and are rebuilt on the other side with their class,
// so a Chinese message and its kind (shared/errors.ts) reach the user unchanged; an unexpected
// error keeps its stack for the log file (never for the user).
import { InputError, LandCheckError, isErrorKind, type ErrorKind } from '../errors';
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
  /** Set for a LandCheckError (shared/errors.ts). */
  kind?: ErrorKind;
  file?: string;
  where?: string;
  sheet?: string;
  cell?: string;
  condition?: string;
  code?: string;
  /** Only for an unexpected error: where it happened, for the log file. */
  stack?: string;
}

export function serializeError(e: unknown): SerializedError {
  if (e instanceof Error) {
    const x = e as Error & { file?: string; where?: string; sheet?: string; cell?: string; condition?: string; code?: unknown };
    const text = (k: 'file' | 'where' | 'sheet' | 'cell' | 'condition') => (typeof x[k] === 'string' ? { [k]: x[k] } : {});
    return {
      name: e.name,
      message: e.message,
      ...(e instanceof LandCheckError ? { kind: e.kind } : typeof e.stack === 'string' ? { stack: e.stack } : {}),
      ...text('file'),
      ...text('where'),
      ...text('sheet'),
      ...text('cell'),
      ...text('condition'),
      ...(typeof x.code === 'string' ? { code: x.code } : {}),
    };
  }
  return { name: 'Error', message: String(e) };
}

/** The error as thrown on the other side: StoreError, InputError or LandCheckError with its kind, else a plain Error. */
export function deserializeError(s: SerializedError): Error {
  if (s.name === 'StoreError') return new StoreError(s.message, (s.code ?? 'io') as StoreErrorCode, s.file);
  if (isErrorKind(s.kind)) {
    const place = { file: s.file, where: s.where, sheet: s.sheet, cell: s.cell, condition: s.condition };
    const defined = Object.fromEntries(Object.entries(place).filter(([, v]) => v !== undefined));
    const e = s.name === 'InputError' ? new InputError(s.message, s.file, s.where, s.kind) : new LandCheckError(s.kind, s.message, defined);
    e.name = s.name;
    return e;
  }
  const e = s.name === 'RangeError' ? new RangeError(s.message) : new Error(s.message);
  e.name = s.name;
  if (s.stack) e.stack = s.stack;
  return e;
}
