// What every record module of the store shares: the open database, the clock, one write
// transaction with its audit rows, and small row helpers. The record modules (projects.ts,
// condition-sets.ts, imports.ts, runs.ts, overrides.ts, issued-reports.ts, org-profiles.ts,
// mappings.ts, settings.ts, batches.ts) each take a StoreContext and return their methods.

import { appendAudit } from './audit.js';
import { StoreError } from './errors.js';
import { sqliteCode, type Database } from './sqlite.js';
import { hasTable } from './migrate.js';

export interface StoreContext {
  readonly db: Database;
  readonly path: string;
  readonly readonly: boolean;
  readonly now: () => Date;
  /** Runs `fn` as one IMMEDIATE transaction (with its audit rows); SQLite errors become StoreError. */
  write<T>(fn: (at: string) => T): T;
  /**
   * Appends an audit row. An object payload without `user` gets the installation's user name
   * (settings.ts), so the audit trail says who did what.
   */
  audit(at: string, kind: string, projectId: number | null, payload: unknown): void;
  /** The installation's user name (settings.ts), or null before it was set. */
  user(): string | null;
  /** Marks the project as changed (its `updated_at`). */
  touch(projectId: number, at: string): void;
}

export function createContext(db: Database, path: string, readonly: boolean, now: () => Date): StoreContext {
  return {
    db,
    path,
    readonly,
    now,
    write<T>(fn: (at: string) => T): T {
      if (readonly) throw new StoreError(`数据库 ${path} 以只读方式打开，不能写入。`, 'readonly', path);
      const at = now().toISOString();
      try {
        // IMMEDIATE: take the write lock at BEGIN, so a read-then-write never fails on a snapshot
        // another process (CLI, second window) committed meanwhile; it waits up to 5 s instead.
        return db.transaction(() => fn(at)).immediate();
      } catch (e) {
        throw translate(e, path, `写入数据库 ${path} 失败。`);
      }
    },
    audit(at, kind, projectId, payload) {
      const who = readUserName(db);
      const withUser =
        who && payload && typeof payload === 'object' && !Array.isArray(payload) && !('user' in payload) ? { ...payload, user: who } : payload;
      appendAudit(db, { kind, projectId, at, payload: withUser });
    },
    user: () => readUserName(db),
    touch(projectId, at) {
      db.prepare('UPDATE projects SET updated_at = ? WHERE id = ?').run(at, projectId);
    },
  };
}

/** Maps SQLite failures to one Chinese StoreError; StoreError/InputError pass through. */
export function translate(e: unknown, file: string, fallback: string): Error {
  if (e instanceof StoreError) return e;
  switch (sqliteCode(e)) {
    case 'SQLITE_NOTADB':
    case 'SQLITE_CORRUPT':
      return new StoreError(`数据库 ${file} 已损坏或不是数据库文件，请从备份恢复。`, 'corrupt', file);
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return new StoreError(`数据库 ${file} 正被其他程序占用，请稍后重试。`, 'busy', file);
    case 'SQLITE_READONLY':
      return new StoreError(`数据库 ${file} 是只读的，不能写入。`, 'readonly', file);
    case 'SQLITE_FULL':
      return new StoreError(`磁盘空间不足，无法写入数据库 ${file}。`, 'io', file);
    case 'SQLITE_CANTOPEN':
    case 'SQLITE_IOERR':
    case 'SQLITE_PERM':
      return new StoreError(fallback, 'io', file);
  }
  return e instanceof Error ? e : new Error(String(e));
}

export const USER_NAME_KEY = 'user.name';

/** The installation's user name straight from the database (settings.ts sets it). */
export function readUserName(db: Database): string | null {
  if (!hasTable(db, 'settings')) return null;
  const v = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(USER_NAME_KEY) as string | undefined;
  return v ?? null;
}

// ------------------------------------------------------------------------------ row helpers

export function opt<T>(v: T | null | undefined): T | undefined {
  return v == null ? undefined : v;
}

export function nonEmpty(s: unknown, what: string): string {
  if (typeof s !== 'string' || s.trim() === '') throw new StoreError(`${what}不能为空。`, 'invalid');
  return s.trim();
}

/** The trimmed text, or null when empty or absent (optional columns). */
export function textOrNull(s: string | null | undefined): string | null {
  const t = s?.trim();
  return t ? t : null;
}

export function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function toBuffer(b: Uint8Array): Buffer {
  return Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}

export function toBytes(b: Buffer): Uint8Array {
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

/** Chinese collation for names: pinyin order, digits numerically (no ICU in SQLite here). */
export const collator = new Intl.Collator('zh-Hans-CN', { numeric: true });
