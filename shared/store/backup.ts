// Restore a backup made by Store.backupTo. The backup is copied next to the target, checked
// there (integrity_check, LandCheck application_id, user_version not newer than the app, an
// unbroken audit chain), and only then moved over the target with one atomic rename. The
// target's WAL is folded into it first, so a crash at any point leaves either the old or the new
// database, whole. Every replaced database is kept as a timestamped copy next to it
// (`<db>.before-restore-YYYYMMDD-HHMMSS`); at RESTORE_COPY_LIMIT copies a restore is refused
// until the user moves some away — earlier data is never deleted (docs/security.md).

import { closeSync, constants, copyFileSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { appendAudit, verifyChain } from './audit.js';
import { sha256Hex } from './canonical.js';
import { StoreError } from './errors.js';
import { hasTable, latestVersion, loadMigrations } from './migrate.js';
import { openDatabase, sqliteCode } from './sqlite.js';
import { checkHeader, translate } from './store.js';
import { syncDir } from '../fsio/output.js';

export interface RestoreOptions {
  migrationsDir?: string;
  /** Keep the replaced database as `<target>.before-restore-<time>` (default true). */
  keepPrevious?: boolean;
}

/** Copies of replaced databases kept next to the database; more are refused, never deleted. */
export const RESTORE_COPY_LIMIT = 20;

export interface RestoreResult {
  /** The copy of the replaced database (null when there was none, or keepPrevious was false). */
  kept: string | null;
  /** Copies of earlier databases now next to the database. */
  copies: number;
  limit: number;
}

/** The kept copies of earlier databases of `targetPath`, oldest first. */
export function restoreCopies(targetPath: string): string[] {
  const target = resolve(targetPath);
  const prefix = `${basename(target)}.before-restore`;
  let names: string[];
  try {
    names = readdirSync(dirname(target));
  } catch {
    return [];
  }
  return names
    .filter((n) => n === prefix || (n.startsWith(`${prefix}-`) && !/-(wal|shm|journal)$/.test(n)))
    .sort()
    .map((n) => join(dirname(target), n));
}

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

/** Copies the database to a new timestamped name (never over an existing copy) and syncs it. */
function keepCopy(target: string, at: Date): string {
  const base = `${target}.before-restore-${stamp(at)}`;
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base}-${n}`;
    try {
      copyFileSync(target, name, constants.COPYFILE_EXCL);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw new StoreError(`无法保留恢复前的数据库副本 ${name}（${(e as NodeJS.ErrnoException).code ?? '写入失败'}），当前数据未改动。`, 'io', target);
    }
    syncFile(name);
    return name;
  }
}

/**
 * Replaces the database at `targetPath` with `backupFile`. The store at `targetPath` must be
 * closed (a StoreError is thrown when another connection still uses it).
 */
export function restoreFrom(backupFile: string, targetPath: string, opts: RestoreOptions & { now?: () => Date } = {}): RestoreResult {
  const src = resolve(backupFile);
  const target = resolve(targetPath);
  if (!existsSync(src)) throw new StoreError(`备份文件不存在：${src}`, 'io', src);
  if (src === target) throw new StoreError('备份文件与目标数据库是同一个文件。', 'invalid', src);
  const latest = latestVersion(loadMigrations(opts.migrationsDir));
  const keep = (opts.keepPrevious ?? true) && existsSync(target);
  const before = restoreCopies(target).length;
  if (keep && before >= RESTORE_COPY_LIMIT) {
    throw new StoreError(
      `恢复前的数据库副本已有 ${before} 份，达到上限 ${RESTORE_COPY_LIMIT} 份（在 ${dirname(target)} 中，名为 ${basename(target)}.before-restore-…）。为免删除早先的数据，请先把较早的副本移到别处，再恢复备份。当前数据未改动。`,
      'invalid',
      target,
    );
  }
  const now = opts.now?.() ?? new Date();

  // 1. Copy the backup next to the target and validate the copy (never the user's original).
  const tmp = `${target}.restore-tmp`;
  removeDb(tmp);
  try {
    copyFileSync(src, tmp);
  } catch {
    throw new StoreError(`无法读取备份文件 ${src} 或写入 ${dirname(target)}。`, 'io', src);
  }
  try {
    validate(tmp, src, latest);
    noteRestore(tmp, src, now.toISOString());
    syncFile(tmp);
  } catch (e) {
    removeDb(tmp);
    throw e;
  }

  // 2. Fold the target's WAL into its main file and leave WAL mode, so that the rename below
  //    cannot pair the new file with an old -wal. This also fails while the store is still open.
  let kept: string | null = null;
  if (existsSync(target)) {
    try {
      const db = openDatabase(target, { fileMustExist: true, timeout: 1000 });
      try {
        db.pragma('wal_checkpoint(TRUNCATE)');
        const mode = String(db.pragma('journal_mode = DELETE', { simple: true }));
        if (mode !== 'delete') throw Object.assign(new Error('busy'), { code: 'SQLITE_BUSY' });
      } finally {
        db.close();
      }
    } catch (e) {
      removeDb(tmp);
      const code = sqliteCode(e);
      if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
        throw new StoreError(`数据库 ${target} 仍在使用中，请先关闭后再恢复备份。`, 'busy', target);
      }
      if (code !== 'SQLITE_NOTADB' && code !== 'SQLITE_CORRUPT') throw translate(e, target, `无法打开数据库 ${target}。`);
      // A corrupt target is exactly what a restore is for: replace it as it is.
    }
    if (keep) {
      try {
        kept = keepCopy(target, now);
      } catch (e) {
        removeDb(tmp);
        throw e;
      }
    }
    for (const side of ['-wal', '-shm', '-journal']) rmSync(target + side, { force: true });
  }

  // 3. Atomic replace, then make the rename durable.
  renameSync(tmp, target);
  syncDir(dirname(target));
  return { kept, copies: restoreCopies(target).length, limit: RESTORE_COPY_LIMIT };
}

function validate(file: string, shownAs: string, latest: number): void {
  let db;
  try {
    db = openDatabase(file, { fileMustExist: true });
  } catch (e) {
    throw translate(e, shownAs, `无法打开备份文件 ${shownAs}。`);
  }
  try {
    checkHeader(db, shownAs, latest);
    if (Number(db.pragma('user_version', { simple: true })) === 0) {
      throw new StoreError(`备份文件 ${shownAs} 是空数据库，不能用于恢复。`, 'invalid', shownAs);
    }
    const rows = db.prepare('PRAGMA integrity_check(5)').pluck().all() as string[];
    if (rows.length !== 1 || rows[0] !== 'ok') {
      throw new StoreError(`备份文件 ${shownAs} 已损坏（完整性检查发现问题），不能用于恢复。`, 'corrupt', shownAs);
    }
    const fk = db.prepare('PRAGMA foreign_key_check').all();
    if (fk.length) throw new StoreError(`备份文件 ${shownAs} 的数据关联不完整（${fk.length} 处外键错误），不能用于恢复。`, 'corrupt', shownAs);
    // A backup whose audit chain is broken was altered after it was made: refused, not trusted.
    if (hasTable(db, 'audit_log')) {
      const chain = verifyChain(db);
      if (!chain.ok) {
        throw new StoreError(`备份文件 ${shownAs} 的审计日志不完整，备份可能被改动过，不能用于恢复：${chain.message}`, 'corrupt', shownAs);
      }
    }
  } catch (e) {
    throw translate(e, shownAs, `备份文件 ${shownAs} 无法使用。`);
  } finally {
    db.close(); // a WAL-mode copy is checkpointed and its -wal removed on close
  }
}

/**
 * Appends a 'store.restore' row to the restored copy's audit log (when it has one), so the log
 * shows that history after the backup was replaced. The user's backup file itself is not touched.
 */
function noteRestore(file: string, backupFile: string, at: string): void {
  const db = openDatabase(file, { fileMustExist: true });
  try {
    if (!hasTable(db, 'audit_log')) return;
    const sha = sha256Hex(readFileSync(backupFile));
    db.transaction(() => appendAudit(db, { kind: 'store.restore', projectId: null, at, payload: { backupFile: basename(backupFile), backupSha256: sha } })).immediate();
  } finally {
    db.close();
  }
}

function removeDb(file: string): void {
  for (const side of ['', '-wal', '-shm', '-journal']) rmSync(file + side, { force: true });
}

function syncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
