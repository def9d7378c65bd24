import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID, latestVersion, loadMigrations, migrate, defaultMigrationsDir, openStore, StoreError } from '../../shared/store/index.js';
import { openDatabase, type Database } from '../../shared/store/sqlite.js';
import { readAudit, verifyChain } from '../../shared/store/audit.js';
import { canonicalJson, pack, sha256Hex } from '../../shared/store/canonical.js';
import { makeConditions, makeImport, makeRun, tempDir } from './fixtures.js';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

const T = '2025-01-01T00:00:00.000Z';

/** The version of a migration, found by its name (numbers are renumbered when branches merge). */
function versionOf(name: string): number {
  const m = loadMigrations().find((x) => x.name === name);
  if (!m) throw new Error(`no migration named ${name}`);
  return m.version;
}

/** A raw database migrated to exactly `version`. */
function dbAt(version: number): { db: Database; path: string } {
  const path = tmp.file(`v${version}.db`);
  const db = openDatabase(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrate(db, { target: version });
  expect(db.pragma('user_version', { simple: true })).toBe(version);
  return { db, path };
}

function tables(db: Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[]);
}

function strictFlags(db: Database): Record<string, number> {
  const rows = db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string; strict: number }>;
  return Object.fromEntries(rows.map((r) => [r.name, r.strict]));
}

/** Rows a v1 database holds: a project with a condition set, an import, a run, an override, a report. */
function seedV1(db: Database): void {
  const imp = makeImport(2);
  const cond = makeConditions();
  const pi = pack(imp);
  const pr = pack(makeRun(imp, cond, 'fail'));
  const csText = canonicalJson(cond);
  db.exec(`
    INSERT INTO projects VALUES (1, '北京项目', 'A-01', NULL, 0, '${T}', '${T}');
  `);
  db.prepare('INSERT INTO condition_sets VALUES (1, 1, 1, ?, ?, NULL, ?)').run(csText, sha256Hex(csText), T);
  db.prepare('INSERT INTO imports VALUES (1, 1, ?, ?, ?, ?, ?)').run('a.xlsx', imp.sha256, pi.data, pi.sha256, T);
  db.prepare("INSERT INTO runs VALUES (1, 1, 1, 1, 'fail', ?, ?, ?, ?)").run(T, pr.data, pr.sha256, T);
  db.exec(`
    INSERT INTO overrides VALUES (1, 1, 'C1', NULL, 'pass', '现场复核合格', NULL, '${T}');
    INSERT INTO reports VALUES (1, 1, 'deadbeef00', 'r.pdf', 'pdf', NULL, NULL, '${T}');
  `);
}

describe('migration files', () => {
  it('are numbered 1..N without gaps and the newest is what openStore reaches', () => {
    const list = loadMigrations();
    expect(list.map((m) => m.version)).toEqual(list.map((_, i) => i + 1));
    expect(list.map((m) => m.name).slice(0, 4)).toEqual(['init', 'audit_log', 'profiles_mappings', 'workbook_files']);
    for (const name of ['settings_mappings', 'import_versions', 'override_evidence', 'batches']) expect(versionOf(name)).toBeGreaterThan(4);
    const s = openStore(tmp.file('new.db'));
    s.close();
    const db = openDatabase(tmp.file('new.db'));
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    // every table is STRICT
    const flags = strictFlags(db);
    expect(Object.keys(flags).length).toBeGreaterThanOrEqual(9);
    for (const [name, strict] of Object.entries(flags)) expect([name, strict]).toEqual([name, 1]);
    db.close();
  });

  it('STRICT tables reject a value of the wrong type', () => {
    const { db } = dbAt(1);
    expect(() => db.prepare("INSERT INTO projects VALUES (1, x'00', NULL, NULL, 0, ?, ?)").run(T, T)).toThrow(/cannot store BLOB value in TEXT column/);
    expect(() => db.prepare("INSERT INTO projects VALUES (1, 'n', NULL, NULL, 'no', ?, ?)").run(T, T)).toThrow(/cannot store TEXT value in INTEGER column/);
    db.close();
  });
});

describe('001_init', () => {
  it('creates the core tables on an empty file, with foreign keys and checks', () => {
    const { db } = dbAt(1);
    expect(tables(db)).toEqual(['condition_sets', 'imports', 'overrides', 'projects', 'reports', 'runs']);
    seedV1(db);
    // an override without reason is refused by the schema itself
    expect(() => db.prepare("INSERT INTO overrides (run_id, condition_id, verdict, reason, created_at) VALUES (1, 'C1', 'pass', '  ', ?)").run(T)).toThrow(
      /CHECK constraint failed/,
    );
    // a run pointing to a missing import is refused
    expect(() => db.prepare("INSERT INTO runs VALUES (2, 1, 99, 1, 'pass', ?, x'00', 'x', ?)").run(T, T)).toThrow(/FOREIGN KEY/);
    db.close();
  });
});

describe('002_audit_log', () => {
  it('migrates a v1 database with data to v2: data kept, audit log added and chained from the migration on', () => {
    const { db } = dbAt(1);
    seedV1(db);
    expect(migrate(db, { target: 2, now: () => new Date(T) })).toEqual({ from: 1, to: 2 });
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare('SELECT name, parcel FROM projects').all()).toEqual([{ name: '北京项目', parcel: 'A-01' }]);
    expect(db.prepare('SELECT count(*) FROM runs').pluck().get()).toBe(1);
    expect(db.prepare('SELECT reason FROM overrides').pluck().get()).toBe('现场复核合格');
    expect(db.prepare('SELECT fingerprint FROM reports').pluck().get()).toBe('deadbeef00');
    expect(tables(db)).toContain('audit_log');
    expect(tables(db)).not.toContain('org_profiles');
    expect(readAudit(db).map((e) => [e.kind, e.payload])).toEqual([['store.migrate', { from: 1, to: 2, name: 'audit_log' }]]);
    expect(verifyChain(db)).toEqual({ ok: true, count: 1 });
    db.close();
  });

  it('the audit table refuses UPDATE and DELETE with a Chinese message', () => {
    const { db } = dbAt(2);
    db.prepare("INSERT INTO audit_log (at, kind, payload, prev_hash, hash) VALUES (?, 'x', '{}', '0', '1')").run(T);
    expect(() => db.exec("UPDATE audit_log SET kind = 'y'")).toThrow('审计日志只能追加，不能修改');
    expect(() => db.exec('DELETE FROM audit_log')).toThrow('审计日志只能追加，不能删除');
    db.close();
  });
});

describe('003_profiles_mappings', () => {
  it('migrates a v2 database with data to v3: projects, runs, overrides and the audit chain are kept', () => {
    const { db, path } = dbAt(2);
    seedV1(db);
    db.close();
    const s = openStore(path);
    expect(s.listProjects().map((p) => [p.name, p.lastOverall])).toEqual([['北京项目', 'fail']]);
    const run = s.getRun(1)!;
    expect(run.run.result.overall).toBe('fail');
    expect(run.run.imported.buildings.map((b) => b.name)).toEqual(['1#楼', '2#楼']);
    expect(run.overrides).toMatchObject([{ conditionId: 'C1', verdict: 'pass', reason: '现场复核合格' }]);
    expect(s.latestConditionSet(1)).toMatchObject({ version: 1, doc: makeConditions() });
    expect(s.getImport(1)!.result).toEqual(makeImport(2));
    expect(s.auditLog().find((e) => e.kind === 'store.migrate' && (e.payload as { to: number }).to === 3)).toMatchObject({
      payload: { from: 2, to: 3, name: 'profiles_mappings' },
    });
    expect(s.verifyAuditChain().ok).toBe(true);
    // the new tables work
    s.saveOrgProfile({ name: '某设计院', preparer: '张三' });
    s.rememberMapping('tpl-1', { indicator: 'green_ratio', building: null, cell: '项目指标!C5', reason: '绿地率在 C5' });
    expect(s.listOrgProfiles().map((o) => o.name)).toEqual(['某设计院']);
    expect(s.mappingsFor('tpl-1')).toHaveLength(1);
    s.close();
  });
});

describe('opening refuses', () => {
  it('a database newer than the app, with a Chinese message, and leaves it untouched', () => {
    const path = tmp.file('newer.db');
    openStore(path).close();
    const db = openDatabase(path);
    db.pragma(`user_version = ${latestVersion() + 1}`);
    db.close();
    let err: unknown;
    try {
      openStore(path);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).code).toBe('newer');
    expect((err as Error).message).toContain('由更新版本的 LandCheck 创建');
    expect((err as Error).message).toContain(`数据库版本 ${latestVersion() + 1}`);
    const db2 = openDatabase(path);
    expect(db2.pragma('user_version', { simple: true })).toBe(latestVersion() + 1);
    db2.close();
  });

  it('a file that is not a database, and a SQLite database of another program', () => {
    const junk = tmp.file('junk.db');
    writeFileSync(junk, 'this is not sqlite '.repeat(300));
    expect(() => openStore(junk)).toThrow(/不是有效的数据库文件/);
    const other = tmp.file('other.db');
    const db = openDatabase(other);
    db.exec('CREATE TABLE t (x)');
    db.close();
    expect(() => openStore(other)).toThrow(/不是 LandCheck 项目数据库/);
  });

  it('a corrupt database (damaged pages)', () => {
    const path = tmp.file('corrupt.db');
    const s = openStore(path);
    const p = s.createProject({ name: '项目' });
    for (let i = 0; i < 100; i++) s.rememberMapping('t', { indicator: `i${i}`, building: null, cell: '表!A1', reason: '理由'.repeat(60) });
    s.renameProject(p.id, '项目二');
    s.close();
    // overwrite pages 3.. with garbage, keep the header page intact
    const buf = readFileSync(path);
    const page = buf.readUInt16BE(16) === 1 ? 65536 : buf.readUInt16BE(16);
    for (let i = page * 2; i < Math.min(buf.length, page * 6); i++) buf[i] = (i * 31) & 0xff;
    writeFileSync(path, buf);
    expect(() => openStore(path)).toThrow(StoreError);
    expect(() => openStore(path)).toThrow(`数据库 ${path} 已损坏（完整性检查发现问题），请从备份恢复。`);
  });

  it('read-only opening of an outdated database (it cannot migrate)', () => {
    const { db, path } = dbAt(1);
    db.close();
    expect(() => openStore(path, { readonly: true })).toThrow(/版本（1）较旧/);
  });
});

describe('each migration is one transaction', () => {
  it('a failing migration leaves the database at the previous version with nothing half-applied', () => {
    const dir = join(tmp.dir, 'migs');
    mkdirSync(dir);
    for (const m of loadMigrations()) copyFileSync(join(defaultMigrationsDir(), `${String(m.version).padStart(3, '0')}_${m.name}.sql`), join(dir, `${String(m.version).padStart(3, '0')}_${m.name}.sql`));
    const n = latestVersion() + 1;
    writeFileSync(join(dir, `${String(n).padStart(3, '0')}_broken.sql`), 'CREATE TABLE half (x INTEGER) STRICT;\nINSERT INTO no_such_table VALUES (1);');
    const path = tmp.file('m.db');
    openStore(path).close();
    expect(() => openStore(path, { migrationsDir: dir })).toThrow(/no such table/);
    const db = openDatabase(path);
    expect(db.pragma('user_version', { simple: true })).toBe(n - 1);
    expect(tables(db)).not.toContain('half');
    db.close();
    const s = openStore(path);
    expect(s.verifyAuditChain().ok).toBe(true);
    s.close();
  });
});

describe('004_workbook_files', () => {
  it('migrates a v3 database with data to v4: imports kept, workbook files stored once and removed with their project', () => {
    const { db, path } = dbAt(3);
    seedV1(db);
    migrate(db, { target: 4 });
    expect(tables(db)).toContain('workbook_files');
    db.close();
    const s = openStore(path);
    expect(s.getImport(1)!.result).toEqual(makeImport(2));
    expect(s.importBytes(1)).toBeNull(); // imports from before v4 have no file
    expect(s.auditLog().find((e) => e.kind === 'store.migrate' && (e.payload as { name: string }).name === 'workbook_files')).toMatchObject({
      payload: { from: 3, to: 4 },
    });
    const bytes = new TextEncoder().encode('PK fake workbook bytes');
    const imp = { ...makeImport(1), sha256: sha256Hex(bytes) };
    const a = s.recordImport(1, imp, 'b.xlsx', bytes);
    const b = s.recordImport(1, imp, 'b-again.xlsx', bytes);
    expect(Buffer.from(s.importBytes(a)!).toString()).toBe('PK fake workbook bytes');
    expect(Buffer.from(s.importBytes(b)!).toString()).toBe('PK fake workbook bytes');
    // bytes that do not match the import's hash are refused
    expect(() => s.recordImport(1, imp, 'c.xlsx', new TextEncoder().encode('other'))).toThrow(/SHA-256 不符/);
    s.deleteProject(1);
    s.close();
    const raw = openDatabase(path);
    expect(raw.prepare('SELECT count(*) FROM workbook_files').pluck().get()).toBe(0);
    raw.close();
  });
});
