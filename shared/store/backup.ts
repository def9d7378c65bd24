// Restore a backup made by Store.backupTo. The backup is copied next to the target, checked
// there (integrity_check, LandCheck application_id, user_version not newer than the app), and
// only then moved over the target with one atomic rename. The target's WAL is folded into it
// first, so a crash at any point leaves either the old or the new database, whole.

import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { appendAudit } from './audit.js';
import { sha256Hex } from './canonical.js';
import { StoreError } from './errors.js';
import { hasTable, latestVersion, loadMigrations } from './migrate.js';
import { openDatabase, sqliteCode } from './sqlite.js';
import { checkHeader, translate } from './store.js';

export interface RestoreOptions {
  migrationsDir?: string;
  /** Keep the replaced database as `<target>.before-restore` (default true). */
  keepPrevious?: boolean;
}

/**
 * Replaces the database at `targetPath` with `backupFile`. The store at `targetPath` must be
 * closed (a StoreError is thrown when another connection still uses it).
 */
export function restoreFrom(backupFile: string, targetPath: string, opts: RestoreOptions & { now?: () => Date } = {}): void {
  const src = resolve(backupFile);
  const target = resolve(targetPath);
  if (!existsSync(src)) throw new StoreError(`备份文件不存在：${src}`, 'io', src);
  if (src === target) throw new StoreError('备份文件与目标数据库是同一个文件。', 'invalid', src);
  const latest = latestVersion(loadMigrations(opts.migrationsDir));

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
    noteRestore(tmp, src, (opts.now?.() ?? new Date()).toISOString());
    syncFile(tmp);
  } catch (e) {
    removeDb(tmp);
    throw e;
  }

  // 2. Fold the target's WAL into its main file and leave WAL mode, so that the rename below
  //    cannot pair the new file with an old -wal. This also fails while the store is still open.
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
    if (opts.keepPrevious ?? true) copyFileSync(target, `${target}.before-restore`);
    for (const side of ['-wal', '-shm', '-journal']) rmSync(target + side, { force: true });
  }

  // 3. Atomic replace, then make the rename durable.
  renameSync(tmp, target);
  syncDir(dirname(target));
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

function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Directories cannot be opened for fsync on Windows; the rename is still atomic there.
  }
}
