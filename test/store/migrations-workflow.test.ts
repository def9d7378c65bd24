// The workflow migrations (settings and cell mappings, import versions and typed values, override
// evidence and carry-overs, saved batches), each from the database just before it, with data.
// Versions are looked up by name: the numbers change when branches are merged.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadMigrations, migrate, openStore } from '../../shared/store/index.js';
import { openDatabase, type Database } from '../../shared/store/sqlite.js';
import { canonicalJson, pack, sha256Hex } from '../../shared/store/canonical.js';
import { verifyChain } from '../../shared/store/audit.js';
import { makeConditions, makeImport, makeRun, tempDir } from './fixtures.js';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

const T = '2025-01-01T00:00:00.000Z';

function versionOf(name: string): number {
  const m = loadMigrations().find((x) => x.name === name);
  if (!m) throw new Error(`no migration named ${name}`);
  return m.version;
}

/** A raw database at the version just before migration `name`, and that migration's number. */
function before(name: string): { db: Database; path: string; v: number } {
  const v = versionOf(name);
  const path = tmp.file(`${name}.db`);
  const db = openDatabase(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrate(db, { target: v - 1, now: () => new Date(T) });
  return { db, path, v };
}

function columns(db: Database, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[]).sort();
}

/** A project with a condition set, imports of the given workbooks (by seed), one run on the last, an override. */
function seed(db: Database, workbooks: string[]): void {
  const cond = makeConditions();
  const csText = canonicalJson(cond);
  db.prepare("INSERT INTO projects (id, name, parcel, archived, created_at, updated_at) VALUES (1, '复审项目', 'A-01', 0, ?, ?)").run(T, T);
  db.prepare('INSERT INTO condition_sets (id, project_id, version, doc, sha256, created_at) VALUES (1, 1, 1, ?, ?, ?)').run(csText, sha256Hex(csText), T);
  let imp = makeImport(2);
  workbooks.forEach((w, i) => {
    imp = makeImport(2, w);
    const p = pack(imp);
    db.prepare('INSERT INTO imports (id, project_id, file_name, workbook_sha256, data, data_sha256, created_at) VALUES (?, 1, ?, ?, ?, ?, ?)').run(
      i + 1,
      `${w}.xlsx`,
      imp.sha256,
      p.data,
      p.sha256,
      T,
    );
  });
  const run = pack(makeRun(imp, cond, 'fail'));
  db.prepare("INSERT INTO runs (id, project_id, import_id, condition_set_id, overall, checked_at, data, data_sha256, created_at) VALUES (1, 1, ?, 1, 'fail', ?, ?, ?, ?)").run(
    workbooks.length,
    T,
    run.data,
    run.sha256,
    T,
  );
  db.prepare("INSERT INTO overrides (id, run_id, condition_id, building, verdict, reason, created_at) VALUES (1, 1, 'C1', NULL, 'pass', '现场复核合格', ?)").run(T);
}

describe('settings_mappings', () => {
  it('keeps cell mappings, drops remembered typed values, adds who and where; settings hold the user name', () => {
    const { db, path, v } = before('settings_mappings');
    const ins = db.prepare('INSERT INTO mapping_memories (template_key, indicator, building, cell, value, reason, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    ins.run('tpl', 'green_ratio', null, '项目指标!C9', null, '绿地率在 C9', T, T);
    ins.run('tpl', 'far', null, null, '2.0', '手工确认', T, T);
    ins.run('tpl', 'prefab_ratio', '1#楼', '单体!H4', null, '装配率列', T, T);
    expect(migrate(db, { target: v, now: () => new Date(T) })).toEqual({ from: v - 1, to: v });
    expect(db.prepare('SELECT indicator FROM mapping_memories ORDER BY indicator').pluck().all()).toEqual(['green_ratio', 'prefab_ratio']);
    expect(columns(db, 'mapping_memories')).not.toContain('value');
    expect(columns(db, 'mapping_memories')).toEqual(expect.arrayContaining(['user', 'file_name', 'cell']));
    expect(columns(db, 'settings')).toEqual(['key', 'updated_at', 'value']);
    expect(verifyChain(db).ok).toBe(true);
    db.close();
    const s = openStore(path);
    expect(s.mappingsFor('tpl').map((m) => [m.indicator, m.cell])).toEqual([
      ['green_ratio', '项目指标!C9'],
      ['prefab_ratio', '单体!H4'],
    ]);
    expect(s.userName()).toBeNull();
    s.setUserName('  张  审查 ');
    expect(s.userName()).toBe('张 审查');
    expect(s.auditLog({ kind: 'settings.user' })[0]!.payload).toEqual({ from: null, to: '张 审查', user: '张 审查' });
    s.close();
  });
});

describe('import_versions', () => {
  it('numbers the existing imports as versions (consecutive imports of one workbook are one version) and adds typed values', () => {
    const { db, path, v } = before('import_versions');
    seed(db, ['a', 'a', 'b', 'b', 'c']);
    migrate(db, { target: v, now: () => new Date(T) });
    expect(db.prepare('SELECT version FROM imports ORDER BY id').pluck().all()).toEqual([1, 1, 2, 2, 3]);
    db.prepare("INSERT INTO typed_values (import_id, indicator, building, value, reason, created_at) VALUES (5, 'far', NULL, '2.0', '以许可证为准', ?)").run(T);
    expect(() => db.prepare("INSERT INTO typed_values (import_id, indicator, value, reason, created_at) VALUES (5, 'far', '2.1', '重复', ?)").run(T)).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO typed_values (import_id, indicator, value, reason, created_at) VALUES (5, 'x', '1', ' ', ?)").run(T)).toThrow(/CHECK/);
    db.close();
    const s = openStore(path);
    expect(s.importsForProject(1).map((i) => i.version)).toEqual([3, 2, 2, 1, 1]);
    expect(s.typedValuesFor(5)).toMatchObject([{ indicator: 'far', value: '2.0', reason: '以许可证为准' }]);
    // A new file is the next version; a correction keeps its version and must be the same workbook.
    const imp = makeImport(2, 'd');
    const id = s.recordImport(1, imp, 'd.xlsx');
    expect(s.getImport(id)!.summary.version).toBe(4);
    const fix = s.recordImport(1, imp, 'd.xlsx', undefined, { corrects: id, typed: [{ indicator: 'far', building: null, value: '2.2', reason: '复核' }] });
    expect(s.getImport(fix)!.summary).toMatchObject({ version: 4, corrects: id });
    expect(() => s.recordImport(1, makeImport(2, 'e'), 'e.xlsx', undefined, { corrects: id })).toThrow(/同一份工作簿/);
    s.deleteProject(1);
    s.close();
    const raw = openDatabase(path);
    expect(raw.prepare('SELECT count(*) FROM typed_values').pluck().get()).toBe(0);
    raw.close();
  });
});

describe('override_evidence', () => {
  it('keeps old overrides (evidence derived from their run) and carries them to a re-run with the same evidence', () => {
    const { db, path, v } = before('override_evidence');
    seed(db, ['a']);
    migrate(db, { target: v, now: () => new Date(T) });
    expect(columns(db, 'overrides')).toEqual(expect.arrayContaining(['evidence', 'evidence_sha256', 'carried_from']));
    expect(columns(db, 'runs')).toContain('counts');
    db.close();
    const s = openStore(path);
    expect(s.getRun(1)!.overrides).toMatchObject([{ id: 1, reason: '现场复核合格' }]);
    expect(s.getRun(1)!.overrides[0]!.evidenceSha256).toBeUndefined();
    expect(s.runsForProject(1)[0]!.counts).toBeUndefined();
    // The same evidence checked again: the override made before evidence was kept is re-attached.
    const imp = makeImport(2, 'a');
    const again = s.recordRunWithCarry(1, 1, 1, makeRun(imp, makeConditions(), 'fail'));
    expect(again).toMatchObject({ kept: 1, pending: 0 });
    expect(s.getRun(again.runId)!.overrides).toMatchObject([{ carriedFrom: 1, verdict: 'pass', reason: '现场复核合格' }]);
    expect(s.runsForProject(1)[0]).toMatchObject({ overall: 'pass', counts: { pass: 3, fail: 0 } });
    s.close();
  });
});

describe('batches', () => {
  it('adds saved batches; existing projects stay outside any batch and listed', () => {
    const { db, path, v } = before('batches');
    seed(db, ['a']);
    migrate(db, { target: v, now: () => new Date(T) });
    expect(columns(db, 'projects')).toContain('batch_id');
    db.close();
    const s = openStore(path);
    expect(s.listProjects().map((p) => p.name)).toEqual(['复审项目']);
    const b = s.createBatch({ name: '第一批', fileNames: ['x.xlsx', 'y.xlsx'] });
    const p = s.createProject({ name: '批内项目', batchId: b });
    s.completeBatchItem(b, 0, { status: 'done', projectId: p.id });
    s.completeBatchItem(b, 1, { status: 'error', error: '无法读取' });
    s.finishBatch(b, 'finished');
    expect(s.listProjects().map((x) => x.name)).toEqual(['复审项目']);
    expect(s.listProjects({ batchId: b }).map((x) => x.name)).toEqual(['批内项目']);
    expect(s.getBatch(b)!.batch).toMatchObject({ status: 'finished', tally: { done: 1, error: 1 }, projectsInBatch: 1 });
    s.deleteBatch(b);
    expect(s.getProject(p.id)).toBeNull();
    expect(s.getProject(1)).not.toBeNull();
    expect(s.verifyAuditChain().ok).toBe(true);
    s.close();
  });
});
