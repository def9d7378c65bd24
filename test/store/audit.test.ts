import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson, GENESIS_HASH, latestVersion, openStore } from '../../shared/store/index.js';
import { sha256Hex } from '../../shared/store/canonical.js';
import { openDatabase, type Database } from '../../shared/store/sqlite.js';
import { makeConditions, makeImport, makeRun, tempDir } from './fixtures.js';

let tmp: ReturnType<typeof tempDir>;
let path: string;
/** Migrations 2..N each log one 'store.migrate' row before the rows below; `row(n)` is row n as numbered with 3 of them. */
const MIGRATE_ROWS = latestVersion() - 1;
const row = (n: number) => n - 3 + MIGRATE_ROWS;

beforeEach(() => {
  tmp = tempDir();
  path = tmp.file('audit.db');
  const s = openStore(path);
  const p = s.createProject({ name: '审计项目' });
  const cs = s.saveConditionSet(p.id, makeConditions());
  const imp = makeImport(2);
  const importId = s.recordImport(p.id, imp, imp.file);
  const runId = s.recordRun(p.id, importId, cs.id, makeRun(imp, makeConditions(), 'fail'));
  s.addOverride(runId, { conditionId: 'C1', building: null, verdict: 'pass', reason: '复核通过' });
  s.recordReport(runId, { fingerprint: 'ab'.repeat(32), fileName: 'r.pdf', kind: 'pdf' });
  s.close();
});
afterEach(() => tmp.cleanup());

/** Opens the file raw with the append-only triggers dropped (what a tamperer would do). */
function tamper(fn: (db: Database) => void): void {
  const db = openDatabase(path);
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  fn(db);
  db.close();
}

function kinds(): string[] {
  const s = openStore(path);
  const k = s.auditLog().map((e) => e.kind);
  s.close();
  return k;
}

function verify() {
  const s = openStore(path);
  const v = s.verifyAuditChain();
  s.close();
  return v;
}

describe('audit chain', () => {
  it('records imports, edits, overrides and reports, each row chained to the previous one', () => {
    expect(kinds()).toEqual([...Array<string>(MIGRATE_ROWS).fill('store.migrate'), 'project.create', 'conditions.save', 'import', 'run', 'override', 'report']);
    const s = openStore(path);
    const log = s.auditLog();
    expect(log[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < log.length; i++) expect(log[i]!.prevHash).toBe(log[i - 1]!.hash);
    // the documented hash formula, recomputed independently
    const e = log[row(8) - 1]!;
    expect(e.kind).toBe('override');
    expect(e.hash).toBe(sha256Hex(e.prevHash + canonicalJson({ id: e.id, at: e.at, kind: e.kind, projectId: e.projectId, payload: canonicalJson(e.payload) })));
    expect(s.verifyAuditChain()).toEqual({ ok: true, count: row(9) });
    s.close();
  });

  it('the triggers make the log append-only through SQL', () => {
    const db = openDatabase(path);
    expect(() => db.exec(`UPDATE audit_log SET payload = '{}' WHERE id = ${row(8)}`)).toThrow('审计日志只能追加，不能修改');
    expect(() => db.exec(`DELETE FROM audit_log WHERE id = ${row(9)}`)).toThrow('审计日志只能追加，不能删除');
    db.close();
    expect(verify().ok).toBe(true);
  });

  it('detects a row edited with the triggers dropped', () => {
    tamper((db) => db.prepare("UPDATE audit_log SET payload = replace(payload, '复核通过', '无需理由') WHERE kind = 'override'").run());
    const v = verify();
    expect(v).toMatchObject({ ok: false, brokenAt: row(8) });
    expect(v.message).toBe(`审计日志第 ${row(8)} 条记录的内容与其哈希不符，该记录被修改过。`);
  });

  it('detects an edited row whose own hash was recomputed (the next row no longer links)', () => {
    tamper((db) => {
      const r = db.prepare(`SELECT * FROM audit_log WHERE id = ${row(8)}`).get() as { id: number; at: string; kind: string; project_id: number; payload: string; prev_hash: string };
      const payload = r.payload.replace('复核通过', '无需理由');
      const hash = sha256Hex(r.prev_hash + canonicalJson({ id: r.id, at: r.at, kind: r.kind, projectId: r.project_id, payload }));
      db.prepare(`UPDATE audit_log SET payload = ?, hash = ? WHERE id = ${row(8)}`).run(payload, hash);
    });
    expect(verify()).toMatchObject({ ok: false, brokenAt: row(9), message: `审计日志第 ${row(9)} 条记录的前序哈希与上一条不符，日志被删改过。` });
  });

  it('detects a deleted row in the middle and rows cut off at the end', () => {
    tamper((db) => db.exec('DELETE FROM audit_log WHERE id = 5'));
    expect(verify()).toMatchObject({ ok: false, brokenAt: 6, message: '审计日志第 5 条记录缺失（下一条为第 6 条），日志被删改过。' });
  });

  it('detects rows cut off at the end of the log', () => {
    tamper((db) => db.exec(`DELETE FROM audit_log WHERE id >= ${row(8)}`));
    expect(verify()).toMatchObject({ ok: false, brokenAt: row(8), message: `审计日志末尾缺少第 ${row(8)} 至第 ${row(9)} 条记录，日志被删改过。` });
  });

  it('a broken chain does not stop the app: the store opens and new rows still append', () => {
    tamper((db) => db.exec("UPDATE audit_log SET at = '2000-01-01T00:00:00.000Z' WHERE id = 4"));
    const s = openStore(path);
    s.createProject({ name: '新项目' });
    expect(s.verifyAuditChain()).toMatchObject({ ok: false, brokenAt: 4 });
    expect(s.auditLog().at(-1)!.kind).toBe('project.create');
    s.close();
  });

  it('a change and its audit row are one transaction: if the audit row fails, the change is not saved', () => {
    const db = openDatabase(path);
    db.exec("CREATE TRIGGER fail_override_audit BEFORE INSERT ON audit_log WHEN NEW.kind = 'override' BEGIN SELECT RAISE(ABORT, 'audit refused'); END;");
    db.close();
    const s = openStore(path);
    const runId = s.runsForProject(1)[0]!.id;
    expect(() => s.addOverride(runId, { conditionId: 'C1', building: null, verdict: 'fail', reason: '再次改判' })).toThrow('audit refused');
    expect(s.getRun(runId)!.overrides.map((o) => o.reason)).toEqual(['复核通过']);
    s.createProject({ name: '其他写入不受影响' });
    expect(s.verifyAuditChain()).toMatchObject({ ok: true, count: row(10) });
    s.close();
  });
});

describe('anchoring the chain outside the database', () => {
  it('the head is the newest row; an anchor taken from it is found while the log is unchanged', () => {
    const s = openStore(path);
    const head = s.auditHead()!;
    expect(head).toEqual({ id: row(9), hash: s.auditLog().at(-1)!.hash });
    expect(s.checkAuditAnchor(head)).toEqual({ ok: true });
    s.createProject({ name: '之后的记录' });
    expect(s.checkAuditAnchor(head)).toEqual({ ok: true }); // later rows do not disturb an earlier anchor
    s.close();
  });

  it('a chain recomputed after an edit passes verifyChain but contradicts the anchor', () => {
    const s0 = openStore(path);
    const anchor = s0.auditHead()!;
    s0.close();
    tamper((db) => {
      const rows = db.prepare('SELECT * FROM audit_log ORDER BY id').all() as Array<{ id: number; at: string; kind: string; project_id: number | null; payload: string }>;
      let prev = GENESIS_HASH;
      for (const r of rows) {
        const payload = r.id === row(8) ? r.payload.replace('复核通过', '无需理由') : r.payload;
        const hash = sha256Hex(prev + canonicalJson({ id: r.id, at: r.at, kind: r.kind, projectId: r.project_id, payload }));
        db.prepare('UPDATE audit_log SET payload = ?, prev_hash = ?, hash = ? WHERE id = ?').run(payload, prev, hash, r.id);
        prev = hash;
      }
    });
    const s = openStore(path);
    expect(s.verifyAuditChain().ok).toBe(true);
    const v = s.checkAuditAnchor(anchor);
    expect(v.ok).toBe(false);
    expect(v.message).toBe(`报告记载的审计日志第 ${row(9)} 条（哈希 ${anchor.hash.slice(0, 12)}…）与本机日志中的第 ${row(9)} 条不符：审计日志在出具该报告之后被改写过。`);
    s.close();
  });

  it('an anchor beyond the end of the log: truncated, or an older database', () => {
    const s = openStore(path);
    const v = s.checkAuditAnchor({ id: 40, hash: 'a'.repeat(64) });
    expect(v).toEqual({ ok: false, message: `报告记载的审计日志已有 40 条，而本机日志只有 ${row(9)} 条：日志被截断，或数据库被换成了更早的版本（例如从较早的备份恢复）。` });
    s.close();
  });
});
