// The project store of the desktop app: one SQLite file (better-sqlite3, main process). This module
// opens and migrates the file and composes the record modules into one `Store`; each kind of
// record lives in its own module (projects.ts, condition-sets.ts, imports.ts, runs.ts,
// overrides.ts, issued-reports.ts, org-profiles.ts, mappings.ts, settings.ts, batches.ts), all
// sharing one StoreContext
// (context.ts): the database, the clock, and one write transaction with its audit rows.
//
// Durability: journal_mode=WAL and synchronous=FULL. In WAL mode NORMAL already survives an
// application crash (kill -9), but it may lose the last transactions on power loss; FULL syncs
// the WAL at every commit, so an issued report and its audit row are on disk before the PDF is
// handed out. The cost (one fsync per user action) is invisible in an interactive app.

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chainHead, checkAnchor, readAudit, verifyChain, type AnchorVerdict, type AuditAnchor, type AuditEntry, type ChainVerdict } from './audit.js';
import { StoreError } from './errors.js';
import { APPLICATION_ID, hasTable, latestVersion, loadMigrations, migrate, userVersion } from './migrate.js';
import { openDatabase, sqliteCode, type Database } from './sqlite.js';
import { createContext, translate, type StoreContext } from './context.js';
import { projectRecords, type ProjectRecords } from './projects.js';
import { conditionSetRecords, type ConditionSetRecords } from './condition-sets.js';
import { importRecords, type ImportRecords } from './imports.js';
import { runRecords, type RunRecords } from './runs.js';
import { overrideRecords, type OverrideRecords } from './overrides.js';
import { issuedReportRecords, type IssuedReportRecords } from './issued-reports.js';
import { orgProfileRecords, type OrgProfileRecords } from './org-profiles.js';
import { mappingRecords, type MappingRecords } from './mappings.js';
import { settingRecords, type SettingRecords } from './settings.js';
import { batchRecords, type BatchRecords } from './batches.js';
import { reportArchiveRecords, type ReportArchiveRecords } from './reports.js';

export { translate } from './context.js';
export { normaliseFingerprint } from './issued-reports.js';

export interface OpenOptions {
  readonly?: boolean;
  /** Clock for timestamps (tests). */
  now?: () => Date;
  /** Folder of the NNN_name.sql migrations (default: ./migrations next to this module). */
  migrationsDir?: string;
}

interface StoreBase {
  readonly path: string;
  readonly readonly: boolean;
  close(): void;
  auditLog(q?: { projectId?: number; kind?: string; limit?: number }): AuditEntry[];
  verifyAuditChain(): ChainVerdict;
  /** The newest audit row (id and hash): what an issued report records as its anchor. */
  auditHead(): AuditAnchor | null;
  /** Does this log still contain the row an issued report recorded? */
  checkAuditAnchor(anchor: AuditAnchor): AnchorVerdict;
  /** Online backup (SQLite backup API) to one self-contained file; an existing file is replaced. */
  backupTo(file: string): Promise<void>;
  /** Runs several writes as one transaction (each store write inside becomes a savepoint). */
  transaction<T>(fn: () => T): T;
}

export type Store = StoreBase &
  ProjectRecords &
  ConditionSetRecords &
  ImportRecords &
  RunRecords &
  OverrideRecords &
  IssuedReportRecords &
  OrgProfileRecords &
  MappingRecords &
  SettingRecords &
  BatchRecords &
  ReportArchiveRecords;

/**
 * Opens (creating if needed) and migrates the store at `path`.
 * Throws StoreError when the file is not a LandCheck database, is corrupt, or was written by a
 * newer version of the app (user_version above the newest migration known here).
 */
export function openStore(path: string, opts: OpenOptions = {}): Store {
  const file = resolve(path);
  const migrations = loadMigrations(opts.migrationsDir);
  const latest = latestVersion(migrations);
  const readonly = opts.readonly ?? false;
  if (readonly && !existsSync(file)) throw new StoreError(`数据库文件不存在：${file}`, 'io', file);

  let db: Database;
  try {
    db = openDatabase(file, { readonly, fileMustExist: readonly, timeout: 5000 });
  } catch (e) {
    throw translate(e, file, `无法打开数据库文件：${file}`);
  }
  try {
    checkHeader(db, file, latest);
    if (!readonly) {
      const mode = String(db.pragma('journal_mode = WAL', { simple: true }));
      if (mode !== 'wal') throw new StoreError(`无法把数据库 ${file} 切换到 WAL 日志模式（当前为 ${mode}）。`, 'io', file);
    }
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    quickCheck(db, file);
    const v = userVersion(db);
    if (v < latest) {
      if (readonly) {
        throw new StoreError(`数据库 ${file} 的版本（${v}）较旧，需要先以读写方式打开完成升级，不能以只读方式打开。`, 'outdated', file);
      }
      migrate(db, { migrations, now: opts.now });
    }
  } catch (e) {
    db.close();
    throw translate(e, file, `数据库 ${file} 无法使用。`);
  }
  return composeStore(createContext(db, file, readonly, opts.now ?? (() => new Date())));
}

function composeStore(ctx: StoreContext): Store {
  const { db } = ctx;
  const base: StoreBase = {
    path: ctx.path,
    readonly: ctx.readonly,
    close: () => {
      if (db.open) db.close();
    },
    auditLog: (q) => readAudit(db, q),
    verifyAuditChain: () => (hasTable(db, 'audit_log') ? verifyChain(db) : { ok: true, count: 0 }),
    auditHead: () => (hasTable(db, 'audit_log') ? chainHead(db) : null),
    checkAuditAnchor: (anchor) => checkAnchor(db, anchor),
    transaction: (fn) => ctx.write(() => fn()),
    async backupTo(file) {
      const dest = resolve(file);
      if (dest === ctx.path) throw new StoreError('备份文件不能与当前数据库是同一个文件。', 'invalid', dest);
      try {
        await db.backup(dest);
      } catch (e) {
        throw translate(e, dest, `无法写入备份文件：${dest}`);
      }
    },
  };
  return {
    ...base,
    ...projectRecords(ctx),
    ...conditionSetRecords(ctx),
    ...importRecords(ctx),
    ...runRecords(ctx),
    ...overrideRecords(ctx),
    ...issuedReportRecords(ctx),
    ...orgProfileRecords(ctx),
    ...mappingRecords(ctx),
    ...settingRecords(ctx),
    ...batchRecords(ctx),
    ...reportArchiveRecords(ctx),
  };
}

/** Refuses files that are not SQLite, not ours, or newer than this app. */
export function checkHeader(db: Database, file: string, latest: number): void {
  let v: number;
  let appId: number;
  try {
    v = userVersion(db);
    appId = Number(db.pragma('application_id', { simple: true }));
  } catch (e) {
    if (sqliteCode(e) === 'SQLITE_NOTADB') {
      throw new StoreError(`文件 ${file} 不是有效的数据库文件（可能已损坏）。`, 'corrupt', file);
    }
    throw e;
  }
  if (v === 0 && appId === 0) {
    const tables = Number(db.prepare("SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").pluck().get());
    if (tables > 0) throw new StoreError(`文件 ${file} 不是 LandCheck 项目数据库。`, 'foreign', file);
    return; // empty: a new store
  }
  if (appId !== APPLICATION_ID) throw new StoreError(`文件 ${file} 不是 LandCheck 项目数据库。`, 'foreign', file);
  if (v > latest) {
    throw new StoreError(
      `数据库 ${file} 由更新版本的 LandCheck 创建（数据库版本 ${v}，本程序最高支持 ${latest}），请升级软件后再打开。`,
      'newer',
      file,
    );
  }
}

function quickCheck(db: Database, file: string): void {
  const rows = db.prepare('PRAGMA quick_check(5)').pluck().all() as string[];
  if (rows.length !== 1 || rows[0] !== 'ok') {
    throw new StoreError(`数据库 ${file} 已损坏（完整性检查发现问题），请从备份恢复。`, 'corrupt', file);
  }
}
