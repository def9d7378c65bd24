// The audit log as a tamperer meets it: an edited row, a chain recomputed from scratch after the
// edit, rows cut off — detected by `npm run audit` (exit 1, a message saying where), by the API
// the 关于与审计 panel calls, and when the database is opened; issued reports anchor the chain
// outside the database. Restores refuse a backup with a broken chain and keep every earlier
// database.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson, latestVersion, openStore, restoreCopies, RESTORE_COPY_LIMIT, type AuditAnchor } from '../../shared/store/index';
import { sha256Hex } from '../../shared/store/canonical';
import { openDatabase, type Database } from '../../shared/store/sqlite';
import { StoreHolder } from '../../shared/api/store-holder';
import { createHandlers } from '../../shared/api/handlers';
import { dispatch } from '../../shared/api/dispatch';
import { buildManifest, embedManifest } from '../../shared/report/manifest';
import { tinyPdf } from '../report/forge';
import { makeRun as makeReportRun } from '../report/fixtures';
import { makeConditions, makeImport, makeRun } from '../store/fixtures';
import { ROOT, cli, tempDir } from './hostile';
import { expectApiError } from './expect';

/** Each migration after the first logs one row before the rows below; `row(n)` is row n as numbered with 4 migrations. */
const row = (n: number) => n + latestVersion() - 4;

let tmp: ReturnType<typeof tempDir>;
let db: string;
beforeEach(() => {
  tmp = tempDir('landcheck-audit-');
  db = tmp.path('审计.sqlite');
  const s = openStore(db);
  const p = s.createProject({ name: '审计项目' });
  const cs = s.saveConditionSet(p.id, makeConditions());
  const imp = makeImport(2);
  const importId = s.recordImport(p.id, imp, imp.file);
  const runId = s.recordRun(p.id, importId, cs.id, makeRun(imp, makeConditions(), 'fail'));
  s.addOverride(runId, { conditionId: 'C1', building: null, verdict: 'pass', reason: '复核通过' });
  s.close();
});
afterEach(() => tmp.cleanup());

/** Head of the chain now: what a report issued now records in its manifest. */
function head(): AuditAnchor {
  const s = openStore(db, { readonly: true });
  const h = s.auditHead()!;
  s.close();
  return h;
}

/** A report PDF whose manifest records `anchor` (as the report branch writes it: `auditAnchor`). */
function reportWith(anchor: AuditAnchor, name: string): string {
  const m = { ...buildManifest(makeReportRun(), { org: { name: '审计测试机构' } }, { issuedAt: new Date(), pages: [], corrections: [], overrides: [] }), auditAnchor: anchor };
  const path = tmp.path(name);
  writeFileSync(path, embedManifest(tinyPdf(), m));
  return path;
}

function tamper(fn: (d: Database) => void): void {
  const d = openDatabase(db);
  d.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
  fn(d);
  d.close();
}

/** Edit one row, then recompute every hash from it to the end (the documented formula). */
function rewriteChain(d: Database, editId: number): void {
  const rows = d.prepare('SELECT * FROM audit_log ORDER BY id').all() as Array<{ id: number; at: string; kind: string; project_id: number | null; payload: string; prev_hash: string; hash: string }>;
  let prev = rows.find((r) => r.id === editId - 1)?.hash ?? '0'.repeat(64);
  for (const r of rows.filter((x) => x.id >= editId)) {
    const payload = r.id === editId ? r.payload.replace('复核通过', '无需复核') : r.payload;
    const hash = sha256Hex(prev + canonicalJson({ id: r.id, at: r.at, kind: r.kind, projectId: r.project_id, payload }));
    d.prepare('UPDATE audit_log SET payload = ?, prev_hash = ?, hash = ? WHERE id = ?').run(payload, prev, hash, r.id);
    prev = hash;
  }
}

async function apiAudit(reports: string[] = []) {
  const holder = new StoreHolder(db);
  try {
    const handlers = createHandlers({ holder, seedsDir: join(ROOT, 'seeds'), version: 'test' });
    const env = await dispatch(handlers, 'audit.verify', { reports: reports.map((p) => ({ fileName: p.split('/').pop()!, dataBase64: readFileSync(p).toString('base64') })) });
    return { env: env as { ok: true; value: import('../../shared/api/contract').AuditCheck }, openedAudit: holder.audit };
  } finally {
    holder.close();
  }
}

describe('audit chain: edits are detected and located', () => {
  it('an intact chain, and a report anchored in it: exit 0', async () => {
    const report = reportWith(head(), '报告.pdf');
    const r = await cli('audit', [db, report]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('审计日志完整');
    expect(r.stdout).toContain('报告 报告.pdf：与本机审计日志一致');
  });

  it('one edited row: exit 1, the command says which row', async () => {
    tamper((d) => d.prepare("UPDATE audit_log SET payload = replace(payload, '复核通过', '无需复核') WHERE kind = 'override'").run());
    const r = await cli('audit', [db]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`审计日志在第 ${row(8)} 条处断裂`);
    expect(r.stdout).toContain('该记录被修改过');
  });

  it('one edited row: the API the panel calls, and the check when the database is opened', async () => {
    tamper((d) => d.prepare(`UPDATE audit_log SET at = '2000-01-01T00:00:00.000Z' WHERE id = ${row(5)}`).run());
    const { env, openedAudit } = await apiAudit();
    expect(openedAudit).toMatchObject({ ok: false, brokenAt: row(5) });
    expect(env.ok).toBe(true);
    expect(env.value).toMatchObject({ ok: false, brokenAt: row(5) });
    expect(env.value.message).toContain(`审计日志在第 ${row(5)} 条处断裂`);
  });

  it('the whole chain rewritten after an edit: the chain itself checks out, but an issued report contradicts it', async () => {
    const report = reportWith(head(), '已出具报告.pdf');
    tamper((d) => rewriteChain(d, row(8)));
    const r = await cli('audit', [db, report]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('但与 1 份已出具报告记载的链头不符');
    expect(r.stdout).toContain(`已出具报告.pdf：报告记载的审计日志第 ${row(8)} 条`);
    expect(r.stdout).toContain('被改写过');
    const { env } = await apiAudit([report]);
    expect(env.value.ok).toBe(false);
    expect(env.value.reports[0]).toMatchObject({ fileName: '已出具报告.pdf', status: 'mismatch' });
  });

  it('rows cut off the end (and the sequence rewritten to hide it): an issued report contradicts the log', async () => {
    const report = reportWith(head(), '截断前报告.pdf');
    tamper((d) => {
      d.exec(`DELETE FROM audit_log WHERE id >= ${row(7)}`);
      d.exec(`UPDATE sqlite_sequence SET seq = ${row(6)} WHERE name = 'audit_log'`);
    });
    const r = await cli('audit', [db, report]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`而本机日志只有 ${row(6)} 条`);
  });
});

describe('restore', () => {
  async function backupOf(from: string, to: string): Promise<string> {
    const s = openStore(from);
    await s.backupTo(to);
    s.close();
    return to;
  }

  it('a backup whose audit chain is broken is refused; the current data stays', async () => {
    const bak = await backupOf(db, tmp.path('改过的备份.sqlite'));
    const d = openDatabase(bak);
    d.exec('DROP TRIGGER audit_log_no_update');
    d.exec("UPDATE audit_log SET payload = replace(payload, '复核通过', '无需复核') WHERE kind = 'override'");
    d.close();
    const holder = new StoreHolder(db);
    holder.store.createProject({ name: '恢复前新建' });
    const handlers = createHandlers({ holder, seedsDir: join(ROOT, 'seeds'), version: 'test' });
    const env = await dispatch(handlers, 'store.restore', { fileName: '改过的备份.sqlite', dataBase64: readFileSync(bak).toString('base64') });
    expectApiError(env, undefined, '改过的备份.sqlite', '审计日志不完整', `第 ${row(8)} 条`, '当前数据未改动');
    expect(holder.store.listProjects().map((p) => p.name)).toContain('恢复前新建');
    expect(restoreCopies(db)).toEqual([]);
    holder.close();
  });

  it('two restores in a row keep both earlier databases, each readable', async () => {
    const bak = await backupOf(db, tmp.path('备份.sqlite'));
    const holder = new StoreHolder(db);
    const handlers = createHandlers({ holder, seedsDir: join(ROOT, 'seeds'), version: 'test' });
    const restore = () => dispatch(handlers, 'store.restore', { fileName: '备份.sqlite', dataBase64: readFileSync(bak).toString('base64') });
    holder.store.createProject({ name: '第一次恢复前' });
    const first = (await restore()) as { ok: true; value: { kept: string; copies: number; copyLimit: number } };
    holder.store.createProject({ name: '第二次恢复前' });
    const second = (await restore()) as { ok: true; value: { kept: string; copies: number; copyLimit: number } };
    holder.close();
    expect(first.value.copies).toBe(1);
    expect(second.value).toMatchObject({ copies: 2, copyLimit: RESTORE_COPY_LIMIT });
    expect(first.value.kept).not.toBe(second.value.kept);
    const names = (p: string) => {
      const s = openStore(p, { readonly: true });
      const n = s.listProjects().map((x) => x.name);
      s.close();
      return n;
    };
    expect(names(first.value.kept)).toContain('第一次恢复前');
    expect(names(second.value.kept)).toContain('第二次恢复前');
    expect(names(db)).toEqual(['审计项目']);
    const s = openStore(db, { readonly: true });
    expect(s.verifyAuditChain().ok).toBe(true);
    s.close();
  });

  it(`at ${RESTORE_COPY_LIMIT} kept copies a restore is refused (nothing deleted), naming the limit and the folder`, async () => {
    const bak = await backupOf(db, tmp.path('备份2.sqlite'));
    for (let i = 0; i < RESTORE_COPY_LIMIT; i++) copyFileSync(db, `${db}.before-restore-20250101-0000${String(i).padStart(2, '0')}`);
    const holder = new StoreHolder(db);
    holder.store.createProject({ name: '不应丢失' });
    const handlers = createHandlers({ holder, seedsDir: join(ROOT, 'seeds'), version: 'test' });
    const env = await dispatch(handlers, 'store.restore', { fileName: '备份2.sqlite', dataBase64: readFileSync(bak).toString('base64') });
    expectApiError(env, undefined, `上限 ${RESTORE_COPY_LIMIT} 份`, tmp.dir, '当前数据未改动');
    expect(holder.store.listProjects().map((p) => p.name)).toContain('不应丢失');
    expect(restoreCopies(db)).toHaveLength(RESTORE_COPY_LIMIT);
    holder.close();
  });
});
