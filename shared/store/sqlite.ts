// Typed loader for better-sqlite3 (the project carries no @types/better-sqlite3): only the parts
// the store uses. Loaded through createRequire so ESM, tsx and a CommonJS bundle all work.

import { createRequire } from 'node:module';

export type SqlValue = number | bigint | string | Uint8Array | Buffer | null;
export type Row = Record<string, unknown>;

export interface RunResult {
  changes: number;
  lastInsertRowid: number | bigint;
}

export interface Statement {
  run(...params: unknown[]): RunResult;
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  iterate(...params: unknown[]): IterableIterator<unknown>;
  pluck(on?: boolean): Statement;
}

export interface Database {
  readonly open: boolean;
  readonly readonly: boolean;
  readonly inTransaction: boolean;
  readonly name: string;
  prepare(sql: string): Statement;
  exec(sql: string): Database;
  pragma(sql: string, opts?: { simple?: boolean }): unknown;
  transaction<A extends unknown[], R>(fn: (...args: A) => R): Transaction<A, R>;
  backup(destination: string, opts?: { progress?: (info: { totalPages: number; remainingPages: number }) => number }): Promise<unknown>;
  function(name: string, fn: (...args: unknown[]) => unknown): Database;
  close(): Database;
}

/** A better-sqlite3 transaction function; `immediate` takes the write lock at BEGIN. */
export type Transaction<A extends unknown[], R> = ((...args: A) => R) & {
  deferred(...args: A): R;
  immediate(...args: A): R;
  exclusive(...args: A): R;
};

export interface DatabaseOptions {
  readonly?: boolean;
  fileMustExist?: boolean;
  timeout?: number;
}

type DatabaseCtor = new (file: string, opts?: DatabaseOptions) => Database;

const require = createRequire(import.meta.url);
let ctor: DatabaseCtor | undefined;

/** Opens a SQLite database with better-sqlite3 (loaded on first use). */
export function openDatabase(file: string, opts?: DatabaseOptions): Database {
  ctor ??= require('better-sqlite3') as DatabaseCtor;
  return new ctor(file, opts);
}

/** The SQLite error code of a better-sqlite3 error ('SQLITE_NOTADB', …), if any. */
export function sqliteCode(e: unknown): string | undefined {
  if (e && typeof e === 'object' && 'code' in e && typeof (e as { code: unknown }).code === 'string') {
    return (e as { code: string }).code;
  }
  return undefined;
}
