// The project store of the desktop app: one SQLite file (better-sqlite3, main process) holding
// projects, versioned condition sets, imports, check runs, overrides, issued reports,
// organisation profiles and mapping memories, plus the hash-chained audit log.
//
// Durability: journal_mode=WAL and synchronous=FULL. In WAL mode NORMAL already survives an
// application crash (kill -9), but it may lose the last transactions on power loss; FULL syncs
// the WAL at every commit, so an issued report and its audit row are on disk before the PDF is
// handed out. The cost (one fsync per user action) is invisible in an interactive app.

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CheckRun, ConditionsDoc, ImportResult, Overall, Verdict } from '../model/types.js';
import { appendAudit, chainHead, checkAnchor, readAudit, verifyChain, type AnchorVerdict, type AuditAnchor, type AuditEntry, type ChainVerdict } from './audit.js';
import { canonicalJson, pack, sha256Hex, unpack } from './canonical.js';
import { applyOverrides } from '../check/overrides';
import { VERDICT_LABEL } from '../model/verdicts';
import { StoreError } from './errors.js';
import { APPLICATION_ID, hasTable, latestVersion, loadMigrations, migrate, userVersion } from './migrate.js';
import { openDatabase, sqliteCode, type Database, type Row } from './sqlite.js';
import type {
  ConditionSetVersion,
  ImportSummary,
  MappingMemory,
  OrgProfile,
  Override,
  Project,
  ProjectQuery,
  ReportLookup,
  ReportRecord,
  RunSummary,
} from './types.js';

export interface OpenOptions {
  readonly?: boolean;
  /** Clock for timestamps (tests). */
  now?: () => Date;
  /** Folder of the NNN_name.sql migrations (default: ./migrations next to this module). */
  migrationsDir?: string;
}

export interface Store {
  readonly path: string;
  readonly readonly: boolean;
  close(): void;

  // projects
  createProject(p: { name: string; parcel?: string; notes?: string }): Project;
  getProject(id: number): Project | null;
  listProjects(q?: ProjectQuery): Project[];
  renameProject(id: number, name: string): void;
  archiveProject(id: number, archived: boolean): void;
  deleteProject(id: number): void;

  // condition sets (versioned)
  saveConditionSet(projectId: number, doc: ConditionsDoc, note?: string): { id: number; version: number };
  latestConditionSet(projectId: number): { id: number; version: number; doc: ConditionsDoc } | null;
  getConditionSet(id: number): { id: number; projectId: number; version: number; doc: ConditionsDoc } | null;
  /** Newest first. */
  conditionSetVersions(projectId: number): ConditionSetVersion[];

  // imports, runs, overrides, reports
  /** `bytes`: the workbook file itself, kept once per content hash (must match `imp.sha256`). */
  recordImport(projectId: number, imp: ImportResult, fileName: string, bytes?: Uint8Array): number;
  /** The workbook file of an import, when it was stored. */
  importBytes(importId: number): Uint8Array | null;
  getImport(importId: number): { summary: ImportSummary; result: ImportResult } | null;
  importsForProject(projectId: number): ImportSummary[];
  recordRun(projectId: number, importId: number, conditionSetId: number, run: CheckRun): number;
  getRun(runId: number): { id: number; projectId: number; importId: number; conditionSetId: number; run: CheckRun; overrides: Override[] } | null;
  /** Newest first. */
  runsForProject(projectId: number): RunSummary[];
  addOverride(runId: number, o: { conditionId: string; building: string | null; verdict: Verdict; reason: string; user?: string }): number;
  recordReport(runId: number, r: { fingerprint: string; fileName: string; kind: 'pdf' | 'xlsx'; bytes?: Uint8Array }): number;
  /** Newest first. */
  reportsForProject(projectId: number): ReportRecord[];
  findReportByFingerprint(hex: string): ReportLookup | null;
  reportBytes(reportId: number): Uint8Array | null;

  // organisation profiles, mapping memories
  /** Insert, or update the profile with the same name. */
  saveOrgProfile(p: { name: string; sealText?: string; sealPng?: Uint8Array; preparer?: string; checker?: string; approver?: string }): number;
  listOrgProfiles(): OrgProfile[];
  rememberMapping(templateKey: string, m: { indicator: string; building: string | null; cell?: string; value?: string; reason: string }): void;
  mappingsFor(templateKey: string): MappingMemory[];

  // audit
  auditLog(q?: { projectId?: number; kind?: string; limit?: number }): AuditEntry[];
  verifyAuditChain(): ChainVerdict;
  /** The newest audit row (id and hash): what an issued report records as its anchor. */
  auditHead(): AuditAnchor | null;
  /** Does this log still contain the row an issued report recorded? */
  checkAuditAnchor(anchor: AuditAnchor): AnchorVerdict;

  // backup
  backupTo(file: string): Promise<void>;
}

const VERDICTS: readonly Verdict[] = ['pass', 'fail', 'missing', 'review', 'not_applicable'];
const OVERALLS: readonly Overall[] = ['pass', 'fail', 'incomplete'];
const VERDICT_NAMES = VERDICT_LABEL;
const collator = new Intl.Collator('zh-Hans-CN', { numeric: true });

// ------------------------------------------------------------------------------ open

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
  return new SqliteStore(db, file, readonly, opts.now ?? (() => new Date()));
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

// ------------------------------------------------------------------------------ rows

interface ProjectRow {
  id: number;
  name: string;
  parcel: string | null;
  notes: string | null;
  archived: number;
  created_at: string;
  updated_at: string;
  last_overall: Overall | null;
  last_checked_at: string | null;
}

function toProject(r: ProjectRow): Project {
  return {
    id: r.id,
    name: r.name,
    ...(r.parcel != null ? { parcel: r.parcel } : {}),
    ...(r.notes != null ? { notes: r.notes } : {}),
    archived: r.archived === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    lastOverall: r.last_overall,
    lastCheckedAt: r.last_checked_at,
  };
}

const PROJECT_SELECT = `
  SELECT p.id, p.name, p.parcel, p.notes, p.archived, p.created_at, p.updated_at,
         r.overall AS last_overall, r.checked_at AS last_checked_at
  FROM projects p
  LEFT JOIN runs r ON r.id = (SELECT max(id) FROM runs WHERE project_id = p.id)`;

const VERDICT_RANK: Record<string, number> = { fail: 0, incomplete: 1, pass: 2 };

function opt<T>(v: T | null | undefined): T | undefined {
  return v == null ? undefined : v;
}

function nonEmpty(s: unknown, what: string): string {
  if (typeof s !== 'string' || s.trim() === '') throw new StoreError(`${what}不能为空。`, 'invalid');
  return s.trim();
}

function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function toBuffer(b: Uint8Array): Buffer {
  return Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}

// ------------------------------------------------------------------------------ store

class SqliteStore implements Store {
  constructor(
    private readonly db: Database,
    readonly path: string,
    readonly readonly: boolean,
    private readonly now: () => Date,
  ) {}

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** Runs `fn` as one transaction (with its audit rows); maps SQLite errors to StoreError. */
  private write<T>(fn: (at: string) => T): T {
    if (this.readonly) throw new StoreError(`数据库 ${this.path} 以只读方式打开，不能写入。`, 'readonly', this.path);
    const at = this.now().toISOString();
    try {
      // IMMEDIATE: take the write lock at BEGIN, so a read-then-write never fails on a snapshot
      // another process (CLI, second window) committed meanwhile; it waits up to 5 s instead.
      return this.db.transaction(() => fn(at)).immediate();
    } catch (e) {
      throw translate(e, this.path, `写入数据库 ${this.path} 失败。`);
    }
  }

  private audit(at: string, kind: string, projectId: number | null, payload: unknown): void {
    appendAudit(this.db, { kind, projectId, at, payload });
  }

  private touch(projectId: number, at: string): void {
    this.db.prepare('UPDATE projects SET updated_at = ? WHERE id = ?').run(at, projectId);
  }

  private requireProject(id: number): ProjectRow {
    const r = this.db.prepare('SELECT * FROM projects WHERE id = ?').get(id) as ProjectRow | undefined;
    if (!r) throw new StoreError(`项目 ${id} 不存在。`, 'not_found');
    return r;
  }

  // ---------------------------------------------------------------- projects

  createProject(p: { name: string; parcel?: string; notes?: string }): Project {
    const name = nonEmpty(p.name, '项目名称');
    const id = this.write((at) => {
      const r = this.db
        .prepare('INSERT INTO projects (name, parcel, notes, archived, created_at, updated_at) VALUES (?, ?, ?, 0, ?, ?)')
        .run(name, opt(p.parcel?.trim()) || null, opt(p.notes) ?? null, at, at);
      const id = Number(r.lastInsertRowid);
      this.audit(at, 'project.create', id, { name, parcel: p.parcel ?? null });
      return id;
    });
    return this.getProject(id)!;
  }

  getProject(id: number): Project | null {
    const r = this.db.prepare(`${PROJECT_SELECT} WHERE p.id = ?`).get(id) as ProjectRow | undefined;
    return r ? toProject(r) : null;
  }

  listProjects(q: ProjectQuery = {}): Project[] {
    const where: string[] = [];
    const args: unknown[] = [];
    if (!q.includeArchived) where.push('p.archived = 0');
    for (const word of (q.search ?? '').split(/\s+/).filter(Boolean)) {
      const like = likePattern(word);
      where.push("(p.name LIKE ? ESCAPE '\\' OR p.parcel LIKE ? ESCAPE '\\' OR p.notes LIKE ? ESCAPE '\\')");
      args.push(like, like, like);
    }
    const sort = q.sort ?? 'updated';
    const offset = q.offset ?? 0;
    const limit = q.limit;
    if ((limit !== undefined && !(Number.isInteger(limit) && limit >= 0)) || !(Number.isInteger(offset) && offset >= 0)) {
      throw new StoreError('分页参数 limit/offset 必须是非负整数。', 'invalid');
    }
    let sql = PROJECT_SELECT + (where.length ? ` WHERE ${where.join(' AND ')}` : '');
    if (sort === 'updated') {
      sql += ' ORDER BY p.updated_at DESC, p.id DESC';
      if (limit !== undefined || offset) (sql += ' LIMIT ? OFFSET ?'), args.push(limit ?? -1, offset);
      return (this.db.prepare(sql).all(...args) as unknown as ProjectRow[]).map(toProject);
    }
    // Pinyin order needs ICU, which SQLite here lacks (and better-sqlite3 cannot register a
    // collation): sort in JS. 1,000 projects take about a millisecond.
    const rows = (this.db.prepare(sql).all(...args) as unknown as ProjectRow[]).map(toProject);
    const byName = (a: Project, b: Project) => collator.compare(a.name, b.name) || a.id - b.id;
    if (sort === 'name') rows.sort(byName);
    else rows.sort((a, b) => (VERDICT_RANK[a.lastOverall ?? ''] ?? 3) - (VERDICT_RANK[b.lastOverall ?? ''] ?? 3) || byName(a, b));
    return rows.slice(offset, limit === undefined ? undefined : offset + limit);
  }

  renameProject(id: number, name: string): void {
    const to = nonEmpty(name, '项目名称');
    this.write((at) => {
      const old = this.requireProject(id);
      if (old.name === to) return;
      this.db.prepare('UPDATE projects SET name = ?, updated_at = ? WHERE id = ?').run(to, at, id);
      this.audit(at, 'project.rename', id, { from: old.name, to });
    });
  }

  archiveProject(id: number, archived: boolean): void {
    this.write((at) => {
      const old = this.requireProject(id);
      if ((old.archived === 1) === archived) return;
      this.db.prepare('UPDATE projects SET archived = ?, updated_at = ? WHERE id = ?').run(archived ? 1 : 0, at, id);
      this.audit(at, 'project.archive', id, { name: old.name, archived });
    });
  }

  deleteProject(id: number): void {
    this.write((at) => {
      const old = this.requireProject(id);
      const count = (t: string) => Number(this.db.prepare(`SELECT count(*) FROM ${t} WHERE project_id = ?`).pluck().get(id));
      const payload = { name: old.name, conditionSets: count('condition_sets'), imports: count('imports'), runs: count('runs') };
      this.db.prepare('DELETE FROM projects WHERE id = ?').run(id);
      // Workbook files no other import refers to go with the project.
      this.db.prepare('DELETE FROM workbook_files WHERE sha256 NOT IN (SELECT workbook_sha256 FROM imports)').run();
      this.audit(at, 'project.delete', id, payload);
    });
  }

  // ---------------------------------------------------------------- condition sets

  saveConditionSet(projectId: number, doc: ConditionsDoc, note?: string): { id: number; version: number } {
    if (!doc || doc.format !== 'landcheck.conditions/v1' || !Array.isArray(doc.conditions)) {
      throw new StoreError(`保存条件集失败：文档格式不是 landcheck.conditions/v1。`, 'invalid');
    }
    const text = canonicalJson(doc);
    const sha = sha256Hex(text);
    return this.write((at) => {
      this.requireProject(projectId);
      const last = this.db
        .prepare('SELECT id, version, sha256 FROM condition_sets WHERE project_id = ? ORDER BY version DESC LIMIT 1')
        .get(projectId) as { id: number; version: number; sha256: string } | undefined;
      if (last && last.sha256 === sha) return { id: last.id, version: last.version };
      const version = (last?.version ?? 0) + 1;
      const r = this.db
        .prepare('INSERT INTO condition_sets (project_id, version, doc, sha256, note, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(projectId, version, text, sha, note?.trim() || null, at);
      const id = Number(r.lastInsertRowid);
      this.touch(projectId, at);
      this.audit(at, 'conditions.save', projectId, {
        conditionSetId: id,
        version,
        sha256: sha,
        conditions: doc.conditions.length,
        note: note?.trim() || null,
      });
      return { id, version };
    });
  }

  latestConditionSet(projectId: number): { id: number; version: number; doc: ConditionsDoc } | null {
    const r = this.db
      .prepare('SELECT id, version, doc FROM condition_sets WHERE project_id = ? ORDER BY version DESC LIMIT 1')
      .get(projectId) as { id: number; version: number; doc: string } | undefined;
    return r ? { id: r.id, version: r.version, doc: JSON.parse(r.doc) as ConditionsDoc } : null;
  }

  getConditionSet(id: number): { id: number; projectId: number; version: number; doc: ConditionsDoc } | null {
    const r = this.db.prepare('SELECT id, project_id, version, doc FROM condition_sets WHERE id = ?').get(id) as
      | { id: number; project_id: number; version: number; doc: string }
      | undefined;
    return r ? { id: r.id, projectId: r.project_id, version: r.version, doc: JSON.parse(r.doc) as ConditionsDoc } : null;
  }

  conditionSetVersions(projectId: number): ConditionSetVersion[] {
    const rows = this.db
      .prepare('SELECT id, version, sha256, note, created_at FROM condition_sets WHERE project_id = ? ORDER BY version DESC')
      .all(projectId) as Array<{ id: number; version: number; sha256: string; note: string | null; created_at: string }>;
    return rows.map((r) => ({ id: r.id, version: r.version, sha256: r.sha256, createdAt: r.created_at, ...(r.note ? { note: r.note } : {}) }));
  }

  // ---------------------------------------------------------------- imports

  recordImport(projectId: number, imp: ImportResult, fileName: string, bytes?: Uint8Array): number {
    const name = nonEmpty(fileName, '导入文件名');
    if (!imp || typeof imp.sha256 !== 'string' || !/^[0-9a-f]{64}$/i.test(imp.sha256)) {
      throw new StoreError(`记录导入失败：${name} 的导入结果缺少工作簿 SHA-256。`, 'invalid');
    }
    if (bytes && sha256Hex(bytes) !== imp.sha256.toLowerCase()) {
      throw new StoreError(`记录导入失败：${name} 的文件内容与导入结果的 SHA-256 不符。`, 'invalid');
    }
    const packed = pack(imp);
    return this.write((at) => {
      this.requireProject(projectId);
      if (bytes) {
        this.db
          .prepare('INSERT OR IGNORE INTO workbook_files (sha256, bytes, size, created_at) VALUES (?, ?, ?, ?)')
          .run(imp.sha256.toLowerCase(), Buffer.from(bytes), bytes.length, at);
      }
      const r = this.db
        .prepare('INSERT INTO imports (project_id, file_name, workbook_sha256, data, data_sha256, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(projectId, name, imp.sha256.toLowerCase(), packed.data, packed.sha256, at);
      const id = Number(r.lastInsertRowid);
      this.touch(projectId, at);
      this.audit(at, 'import', projectId, {
        importId: id,
        fileName: name,
        workbookSha256: imp.sha256.toLowerCase(),
        dataSha256: packed.sha256,
        buildings: imp.buildings?.length ?? 0,
        issues: imp.issues?.length ?? 0,
      });
      return id;
    });
  }

  getImport(importId: number): { summary: ImportSummary; result: ImportResult } | null {
    const r = this.db.prepare('SELECT * FROM imports WHERE id = ?').get(importId) as
      | { id: number; project_id: number; file_name: string; workbook_sha256: string; data: Buffer; data_sha256: string; created_at: string }
      | undefined;
    if (!r) return null;
    const result = unpack<ImportResult>(r.data, r.data_sha256);
    if (!result) throw new StoreError(`导入记录 ${importId} 的数据与其哈希不符（数据库已损坏），请从备份恢复。`, 'corrupt', this.path);
    return { summary: toImportSummary(r), result };
  }

  importBytes(importId: number): Uint8Array | null {
    const b = this.db
      .prepare('SELECT f.bytes FROM imports i JOIN workbook_files f ON f.sha256 = i.workbook_sha256 WHERE i.id = ?')
      .pluck()
      .get(importId) as Buffer | undefined;
    return b ? new Uint8Array(b) : null;
  }

  importsForProject(projectId: number): ImportSummary[] {
    return (this.db.prepare('SELECT id, project_id, file_name, workbook_sha256, created_at FROM imports WHERE project_id = ? ORDER BY id DESC').all(projectId) as never[]).map(
      toImportSummary,
    );
  }

  // ---------------------------------------------------------------- runs

  recordRun(projectId: number, importId: number, conditionSetId: number, run: CheckRun): number {
    const overall = run?.result?.overall;
    if (!OVERALLS.includes(overall)) throw new StoreError('记录检查结果失败：结果缺少总体结论 overall。', 'invalid');
    const packed = pack(run);
    return this.write((at) => {
      this.requireProject(projectId);
      const imp = this.db.prepare('SELECT project_id, workbook_sha256 FROM imports WHERE id = ?').get(importId) as
        | { project_id: number; workbook_sha256: string }
        | undefined;
      if (!imp || imp.project_id !== projectId) throw new StoreError(`导入记录 ${importId} 不属于项目 ${projectId}。`, 'not_found');
      const cs = this.db.prepare('SELECT project_id, version FROM condition_sets WHERE id = ?').get(conditionSetId) as
        | { project_id: number; version: number }
        | undefined;
      if (!cs || cs.project_id !== projectId) throw new StoreError(`条件集 ${conditionSetId} 不属于项目 ${projectId}。`, 'not_found');
      const runSha = run.imported?.sha256?.toLowerCase();
      if (runSha && runSha !== imp.workbook_sha256) {
        throw new StoreError(`检查结果所用工作簿（SHA-256 ${runSha.slice(0, 12)}…）与导入记录 ${importId} 的工作簿不一致。`, 'invalid');
      }
      const r = this.db
        .prepare(
          'INSERT INTO runs (project_id, import_id, condition_set_id, overall, checked_at, data, data_sha256, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(projectId, importId, conditionSetId, overall, run.checkedAt ?? at, packed.data, packed.sha256, at);
      const id = Number(r.lastInsertRowid);
      this.touch(projectId, at);
      this.audit(at, 'run', projectId, {
        runId: id,
        importId,
        conditionSetId,
        conditionSetVersion: cs.version,
        overall,
        dataSha256: packed.sha256,
      });
      return id;
    });
  }

  getRun(runId: number): { id: number; projectId: number; importId: number; conditionSetId: number; run: CheckRun; overrides: Override[] } | null {
    const r = this.db.prepare('SELECT id, project_id, import_id, condition_set_id, data, data_sha256 FROM runs WHERE id = ?').get(runId) as
      | { id: number; project_id: number; import_id: number; condition_set_id: number; data: Buffer; data_sha256: string }
      | undefined;
    if (!r) return null;
    const run = unpack<CheckRun>(r.data, r.data_sha256);
    if (!run) throw new StoreError(`检查记录 ${runId} 的数据与其哈希不符（数据库已损坏），请从备份恢复。`, 'corrupt', this.path);
    return { id: r.id, projectId: r.project_id, importId: r.import_id, conditionSetId: r.condition_set_id, run, overrides: this.overridesFor(runId) };
  }

  private overridesFor(runId: number): Override[] {
    const rows = this.db.prepare('SELECT * FROM overrides WHERE run_id = ? ORDER BY id').all(runId) as Array<{
      id: number;
      run_id: number;
      condition_id: string;
      building: string | null;
      verdict: Verdict;
      reason: string;
      user: string | null;
      created_at: string;
    }>;
    return rows.map((o) => ({
      id: o.id,
      runId: o.run_id,
      conditionId: o.condition_id,
      building: o.building,
      verdict: o.verdict,
      reason: o.reason,
      ...(o.user ? { user: o.user } : {}),
      createdAt: o.created_at,
    }));
  }

  runsForProject(projectId: number): RunSummary[] {
    const rows = this.db
      .prepare('SELECT id, project_id, import_id, condition_set_id, overall, checked_at, created_at FROM runs WHERE project_id = ? ORDER BY id DESC')
      .all(projectId) as Array<Row & { id: number; project_id: number; import_id: number; condition_set_id: number; overall: Overall; checked_at: string; created_at: string }>;
    return rows.map((r) => ({
      id: r.id,
      projectId: r.project_id,
      importId: r.import_id,
      conditionSetId: r.condition_set_id,
      overall: r.overall,
      checkedAt: r.checked_at,
      createdAt: r.created_at,
    }));
  }

  // ---------------------------------------------------------------- overrides

  addOverride(runId: number, o: { conditionId: string; building: string | null; verdict: Verdict; reason: string; user?: string }): number {
    const where = `条件 ${o?.conditionId ?? '?'}${o?.building ? `（${o.building}）` : ''}`;
    if (typeof o?.reason !== 'string' || o.reason.trim() === '') {
      throw new StoreError(`人工改判${where}必须填写理由。`, 'invalid');
    }
    if (!VERDICTS.includes(o.verdict)) {
      throw new StoreError(`人工改判${where}的结论“${String(o.verdict)}”无效，应为：${VERDICTS.map((v) => VERDICT_NAMES[v]).join('、')}。`, 'invalid');
    }
    return this.write((at) => {
      const found = this.getRun(runId);
      if (!found) throw new StoreError(`检查记录 ${runId} 不存在。`, 'not_found');
      const building = o.building ?? null;
      const finding = found.run.result.findings.find((f) => f.conditionId === o.conditionId && (f.building ?? null) === building);
      if (!finding) throw new StoreError(`检查记录 ${runId} 中没有${where}的结论，无法改判。`, 'not_found');
      const previous = found.overrides.filter((x) => x.conditionId === o.conditionId && x.building === building).at(-1)?.verdict ?? finding.verdict;
      const r = this.db
        .prepare('INSERT INTO overrides (run_id, condition_id, building, verdict, reason, user, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(runId, o.conditionId, building, o.verdict, o.reason.trim(), o.user?.trim() || null, at);
      const id = Number(r.lastInsertRowid);
      // runs.overall is the run's effective conclusion (the project list shows it): the engine's
      // own conclusion stays in the stored run data.
      const overrides = [...found.overrides, { conditionId: o.conditionId, building, verdict: o.verdict, reason: o.reason, createdAt: at }];
      this.db.prepare('UPDATE runs SET overall = ? WHERE id = ?').run(applyOverrides(found.run, overrides).result.overall, runId);
      this.touch(found.projectId, at);
      this.audit(at, 'override', found.projectId, {
        overrideId: id,
        runId,
        conditionId: o.conditionId,
        building,
        from: previous,
        to: o.verdict,
        reason: o.reason.trim(),
        user: o.user?.trim() || null,
      });
      return id;
    });
  }

  // ---------------------------------------------------------------- reports

  recordReport(runId: number, r: { fingerprint: string; fileName: string; kind: 'pdf' | 'xlsx'; bytes?: Uint8Array }): number {
    const fp = normaliseFingerprint(r?.fingerprint);
    if (!fp) throw new StoreError(`报告指纹“${String(r?.fingerprint)}”无效，应为十六进制字符串。`, 'invalid');
    const fileName = nonEmpty(r.fileName, '报告文件名');
    if (r.kind !== 'pdf' && r.kind !== 'xlsx') throw new StoreError(`报告类型“${String(r.kind)}”无效，应为 pdf 或 xlsx。`, 'invalid');
    const bytes = r.bytes ? toBuffer(r.bytes) : null;
    const bytesSha = bytes ? sha256Hex(bytes) : null;
    return this.write((at) => {
      const run = this.db.prepare('SELECT project_id FROM runs WHERE id = ?').get(runId) as { project_id: number } | undefined;
      if (!run) throw new StoreError(`检查记录 ${runId} 不存在。`, 'not_found');
      const res = this.db
        .prepare('INSERT INTO reports (run_id, fingerprint, file_name, kind, bytes, bytes_sha256, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(runId, fp, fileName, r.kind, bytes, bytesSha, at);
      const id = Number(res.lastInsertRowid);
      this.touch(run.project_id, at);
      this.audit(at, 'report', run.project_id, { reportId: id, runId, fingerprint: fp, fileName, kind: r.kind, bytesSha256: bytesSha });
      return id;
    });
  }

  reportsForProject(projectId: number): ReportRecord[] {
    const rows = this.db
      .prepare(
        `SELECT rp.id, rp.run_id, ru.project_id, rp.fingerprint, rp.file_name, rp.kind, rp.bytes_sha256, rp.created_at
         FROM reports rp JOIN runs ru ON ru.id = rp.run_id WHERE ru.project_id = ? ORDER BY rp.id DESC`,
      )
      .all(projectId) as unknown as ReportRow[];
    return rows.map(toReport);
  }

  findReportByFingerprint(hex: string): ReportLookup | null {
    const fp = normaliseFingerprint(hex);
    if (!fp) return null;
    const r = this.db
      .prepare(
        `SELECT rp.id, rp.run_id, ru.project_id, rp.fingerprint, rp.file_name, rp.kind, rp.bytes_sha256, rp.created_at,
                p.name AS project_name, ru.overall
         FROM reports rp JOIN runs ru ON ru.id = rp.run_id JOIN projects p ON p.id = ru.project_id
         WHERE rp.fingerprint = ? ORDER BY rp.id DESC LIMIT 1`,
      )
      .get(fp) as (ReportRow & { project_name: string; overall: Overall }) | undefined;
    if (r) return { ...toReport(r), projectName: r.project_name, overall: r.overall, deleted: false };
    // The project was deleted: the audit log still remembers the issued report.
    const a = this.db
      .prepare("SELECT at, project_id, payload FROM audit_log WHERE kind = 'report' AND json_extract(payload, '$.fingerprint') = ? ORDER BY id DESC LIMIT 1")
      .get(fp) as { at: string; project_id: number; payload: string } | undefined;
    if (!a) return null;
    const p = JSON.parse(a.payload) as { reportId: number; runId: number; fileName: string; kind: 'pdf' | 'xlsx'; bytesSha256: string | null };
    const del = this.db.prepare("SELECT payload FROM audit_log WHERE kind = 'project.delete' AND project_id = ? ORDER BY id DESC LIMIT 1").pluck().get(a.project_id) as
      | string
      | undefined;
    return {
      id: p.reportId,
      runId: p.runId,
      projectId: a.project_id,
      fingerprint: fp,
      fileName: p.fileName,
      kind: p.kind,
      ...(p.bytesSha256 ? { bytesSha256: p.bytesSha256 } : {}),
      createdAt: a.at,
      projectName: del ? ((JSON.parse(del) as { name?: string }).name ?? null) : null,
      overall: null,
      deleted: true,
    };
  }

  reportBytes(reportId: number): Uint8Array | null {
    const r = this.db.prepare('SELECT bytes, bytes_sha256 FROM reports WHERE id = ?').get(reportId) as
      | { bytes: Buffer | null; bytes_sha256: string | null }
      | undefined;
    if (!r?.bytes) return null;
    if (sha256Hex(r.bytes) !== r.bytes_sha256) {
      throw new StoreError(`报告 ${reportId} 的文件内容与其哈希不符（数据库已损坏），请从备份恢复。`, 'corrupt', this.path);
    }
    return new Uint8Array(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength);
  }

  // ---------------------------------------------------------------- org profiles

  saveOrgProfile(p: { name: string; sealText?: string; sealPng?: Uint8Array; preparer?: string; checker?: string; approver?: string }): number {
    const name = nonEmpty(p?.name, '单位名称');
    const png = p.sealPng ? toBuffer(p.sealPng) : null;
    if (png && !(png.length > 8 && png.readUInt32BE(0) === 0x89504e47)) {
      throw new StoreError(`单位“${name}”的印章图片不是 PNG 文件。`, 'invalid');
    }
    const fields = [p.sealText?.trim() || null, png, p.preparer?.trim() || null, p.checker?.trim() || null, p.approver?.trim() || null];
    return this.write((at) => {
      const old = this.db.prepare('SELECT id FROM org_profiles WHERE name = ?').pluck().get(name) as number | undefined;
      let id: number;
      if (old !== undefined) {
        this.db
          .prepare('UPDATE org_profiles SET seal_text = ?, seal_png = ?, preparer = ?, checker = ?, approver = ?, updated_at = ? WHERE id = ?')
          .run(...fields, at, old);
        id = old;
      } else {
        const r = this.db
          .prepare(
            'INSERT INTO org_profiles (name, seal_text, seal_png, preparer, checker, approver, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
          )
          .run(name, ...fields, at, at);
        id = Number(r.lastInsertRowid);
      }
      this.audit(at, 'org.save', null, {
        orgProfileId: id,
        name,
        sealText: fields[0],
        sealPngSha256: png ? sha256Hex(png) : null,
        preparer: fields[2],
        checker: fields[3],
        approver: fields[4],
      });
      return id;
    });
  }

  listOrgProfiles(): OrgProfile[] {
    const rows = this.db.prepare('SELECT * FROM org_profiles').all() as Array<{
      id: number;
      name: string;
      seal_text: string | null;
      seal_png: Buffer | null;
      preparer: string | null;
      checker: string | null;
      approver: string | null;
      created_at: string;
      updated_at: string;
    }>;
    return rows
      .map((r) => ({
        id: r.id,
        name: r.name,
        ...(r.seal_text ? { sealText: r.seal_text } : {}),
        ...(r.seal_png ? { sealPng: new Uint8Array(r.seal_png.buffer, r.seal_png.byteOffset, r.seal_png.byteLength) } : {}),
        ...(r.preparer ? { preparer: r.preparer } : {}),
        ...(r.checker ? { checker: r.checker } : {}),
        ...(r.approver ? { approver: r.approver } : {}),
        createdAt: r.created_at,
        updatedAt: r.updated_at,
      }))
      .sort((a, b) => collator.compare(a.name, b.name));
  }

  // ---------------------------------------------------------------- mapping memories

  rememberMapping(templateKey: string, m: { indicator: string; building: string | null; cell?: string; value?: string; reason: string }): void {
    const key = nonEmpty(templateKey, '模板标识');
    const indicator = nonEmpty(m?.indicator, '指标');
    const reason = nonEmpty(m.reason, `指标 ${indicator} 的对应关系说明`);
    const building = m.building ?? null;
    this.write((at) => {
      const old = this.db
        .prepare("SELECT id FROM mapping_memories WHERE template_key = ? AND indicator = ? AND ifnull(building, '') = ifnull(?, '')")
        .pluck()
        .get(key, indicator, building) as number | undefined;
      if (old !== undefined) {
        this.db
          .prepare('UPDATE mapping_memories SET building = ?, cell = ?, value = ?, reason = ?, updated_at = ? WHERE id = ?')
          .run(building, m.cell ?? null, m.value ?? null, reason, at, old);
      } else {
        this.db
          .prepare(
            'INSERT INTO mapping_memories (template_key, indicator, building, cell, value, reason, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
          )
          .run(key, indicator, building, m.cell ?? null, m.value ?? null, reason, at, at);
      }
      this.audit(at, 'mapping.remember', null, { templateKey: key, indicator, building, cell: m.cell ?? null, value: m.value ?? null, reason });
    });
  }

  mappingsFor(templateKey: string): MappingMemory[] {
    const rows = this.db
      .prepare('SELECT indicator, building, cell, value, reason, updated_at FROM mapping_memories WHERE template_key = ? ORDER BY indicator, building')
      .all(templateKey) as Array<{ indicator: string; building: string | null; cell: string | null; value: string | null; reason: string; updated_at: string }>;
    return rows.map((r) => ({
      indicator: r.indicator,
      building: r.building,
      ...(r.cell != null ? { cell: r.cell } : {}),
      ...(r.value != null ? { value: r.value } : {}),
      reason: r.reason,
      updatedAt: r.updated_at,
    }));
  }

  // ---------------------------------------------------------------- audit

  auditLog(q?: { projectId?: number; kind?: string; limit?: number }): AuditEntry[] {
    return readAudit(this.db, q);
  }

  verifyAuditChain(): ChainVerdict {
    if (!hasTable(this.db, 'audit_log')) return { ok: true, count: 0 };
    return verifyChain(this.db);
  }

  auditHead(): AuditAnchor | null {
    return hasTable(this.db, 'audit_log') ? chainHead(this.db) : null;
  }

  checkAuditAnchor(anchor: AuditAnchor): AnchorVerdict {
    return checkAnchor(this.db, anchor);
  }

  // ---------------------------------------------------------------- backup

  /** Online backup (SQLite backup API) to one self-contained file; an existing file is replaced. */
  async backupTo(file: string): Promise<void> {
    const dest = resolve(file);
    if (dest === this.path) throw new StoreError('备份文件不能与当前数据库是同一个文件。', 'invalid', dest);
    try {
      await this.db.backup(dest);
    } catch (e) {
      throw translate(e, dest, `无法写入备份文件：${dest}`);
    }
  }
}

interface ReportRow {
  id: number;
  run_id: number;
  project_id: number;
  fingerprint: string;
  file_name: string;
  kind: 'pdf' | 'xlsx';
  bytes_sha256: string | null;
  created_at: string;
}

function toReport(r: ReportRow): ReportRecord {
  return {
    id: r.id,
    runId: r.run_id,
    projectId: r.project_id,
    fingerprint: r.fingerprint,
    fileName: r.file_name,
    kind: r.kind,
    ...(r.bytes_sha256 ? { bytesSha256: r.bytes_sha256 } : {}),
    createdAt: r.created_at,
  };
}

function toImportSummary(r: { id: number; project_id: number; file_name: string; workbook_sha256: string; created_at: string }): ImportSummary {
  return { id: r.id, projectId: r.project_id, fileName: r.file_name, workbookSha256: r.workbook_sha256, createdAt: r.created_at };
}

/** Lower-case hex without spaces, dashes or colons (as printed on a report), or null. */
export function normaliseFingerprint(hex: unknown): string | null {
  if (typeof hex !== 'string') return null;
  const s = hex.replace(/[\s:-]/g, '').toLowerCase();
  return /^[0-9a-f]{8,128}$/.test(s) ? s : null;
}
