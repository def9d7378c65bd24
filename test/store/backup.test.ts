import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { latestVersion, openStore, RESTORE_COPY_LIMIT, restoreCopies, restoreFrom, StoreError } from '../../shared/store/index.js';
import { openDatabase } from '../../shared/store/sqlite.js';
import { makeConditions, makeImport, makeRun, tempDir } from './fixtures.js';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

function fill(path: string) {
  const s = openStore(path);
  const p = s.createProject({ name: '备份项目', parcel: 'B-7' });
  const cs = s.saveConditionSet(p.id, makeConditions());
  const imp = makeImport(5);
  const importId = s.recordImport(p.id, imp, imp.file);
  const runId = s.recordRun(p.id, importId, cs.id, makeRun(imp, makeConditions(), 'fail'));
  s.addOverride(runId, { conditionId: 'C1', building: null, verdict: 'pass', reason: '补充材料后符合' });
  s.recordReport(runId, { fingerprint: 'cd'.repeat(32), fileName: '报告.pdf', kind: 'pdf', bytes: new Uint8Array([37, 80, 68, 70]) });
  s.saveOrgProfile({ name: '某院', sealText: '审查专用章' });
  return { s, p, runId };
}

function errorOf(fn: () => unknown): StoreError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(StoreError);
    return e as StoreError;
  }
  throw new Error('expected a StoreError');
}

describe('backup and restore', () => {
  it('round trip: backup of an open store is one self-contained file; restore brings back exactly that state', async () => {
    const path = tmp.file('main.db');
    const bak = tmp.file('备份 2025-01-01.landcheck');
    const { s, p, runId } = fill(path);
    await s.backupTo(bak);
    expect(existsSync(`${bak}-wal`)).toBe(false);
    expect(readFileSync(bak).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    // changes after the backup
    s.createProject({ name: '备份之后的项目' });
    s.renameProject(p.id, '改名之后');
    const auditAfter = s.auditLog().length;
    expect(errorOf(() => restoreFrom(bak, path)).message).toContain('仍在使用中'); // the store is still open
    s.close();

    restoreFrom(bak, path);
    const r = openStore(path);
    expect(r.listProjects().map((x) => x.name)).toEqual(['备份项目']);
    const run = r.getRun(runId)!;
    expect(run.run.result.overall).toBe('fail');
    expect(run.overrides.map((o) => o.reason)).toEqual(['补充材料后符合']);
    expect(r.findReportByFingerprint('cd'.repeat(32))).toMatchObject({ projectName: '备份项目', deleted: false });
    expect(r.listOrgProfiles().map((o) => o.sealText)).toEqual(['审查专用章']);
    expect(r.verifyAuditChain().ok).toBe(true);
    const log = r.auditLog();
    expect(log.length).toBe(auditAfter - 2 + 1); // the two later changes are gone, the restore is noted
    expect(log.at(-1)).toMatchObject({ kind: 'store.restore', payload: { backupFile: '备份 2025-01-01.landcheck' } });
    expect((log.at(-1)!.payload as { backupSha256: string }).backupSha256).toMatch(/^[0-9a-f]{64}$/);
    const integrity = openDatabase(path, { readonly: true });
    expect(integrity.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
    integrity.close();
    r.close();
    // the replaced database was kept
    const [kept] = restoreCopies(path);
    expect(kept).toMatch(/main\.db\.before-restore-\d{8}-\d{6}$/);
    const prev = openStore(kept!, { readonly: true });
    expect(prev.listProjects({ sort: 'name' }).map((x) => x.name)).toEqual(['备份之后的项目', '改名之后']);
    prev.close();
    expect(existsSync(`${path}.restore-tmp`)).toBe(false);
  });

  it('restores into a path with no database yet', async () => {
    const { s } = fill(tmp.file('a.db'));
    await s.backupTo(tmp.file('a.bak'));
    s.close();
    restoreFrom(tmp.file('a.bak'), tmp.file('new/../b.db'));
    const b = openStore(tmp.file('b.db'));
    expect(b.listProjects()).toHaveLength(1);
    b.close();
  });

  it('refuses a damaged, foreign, empty or newer backup and leaves the target untouched', async () => {
    const path = tmp.file('main.db');
    const { s } = fill(path);
    await s.backupTo(tmp.file('good.bak'));
    s.close();
    const before = readFileSync(path);

    writeFileSync(tmp.file('junk.bak'), Buffer.alloc(8192, 7));
    expect(errorOf(() => restoreFrom(tmp.file('junk.bak'), path)).code).toBe('corrupt');

    const foreign = openDatabase(tmp.file('foreign.bak'));
    foreign.exec('CREATE TABLE x (y)');
    foreign.close();
    expect(errorOf(() => restoreFrom(tmp.file('foreign.bak'), path)).message).toContain('不是 LandCheck 项目数据库');

    openDatabase(tmp.file('empty.bak')).close();
    expect(errorOf(() => restoreFrom(tmp.file('empty.bak'), path)).message).toContain('空数据库');

    const newer = openDatabase(tmp.file('good.bak'));
    newer.pragma(`user_version = ${latestVersion() + 5}`);
    newer.close();
    const e = errorOf(() => restoreFrom(tmp.file('good.bak'), path));
    expect(e.code).toBe('newer');
    expect(e.message).toContain('请升级软件');

    expect(errorOf(() => restoreFrom(tmp.file('missing.bak'), path)).message).toContain('备份文件不存在');
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(`${path}.restore-tmp`)).toBe(false);
    const again = openStore(path);
    expect(again.listProjects()).toHaveLength(1);
    again.close();
  });

  it('refuses a backup with a damaged page (integrity_check)', async () => {
    const path = tmp.file('main.db');
    const { s } = fill(path);
    for (let i = 0; i < 80; i++) s.rememberMapping('t', { indicator: `i${i}`, building: null, cell: '表!A1', reason: '说明'.repeat(80) });
    await s.backupTo(tmp.file('b.bak'));
    s.close();
    const buf = readFileSync(tmp.file('b.bak'));
    const page = buf.readUInt16BE(16);
    // scramble the last pages (table b-tree leaves), keep the header page
    for (let i = buf.length - page * 3; i < buf.length; i++) buf[i] = (i * 13) & 0xff;
    writeFileSync(tmp.file('b.bak'), buf);
    const e = errorOf(() => restoreFrom(tmp.file('b.bak'), path));
    expect(e.code).toBe('corrupt');
    expect(e.message).toMatch(/已损坏/);
  });

  it('backupTo refuses its own file', async () => {
    const path = tmp.file('main.db');
    const s = openStore(path);
    await expect(s.backupTo(path)).rejects.toThrow('备份文件不能与当前数据库是同一个文件。');
    s.close();
  });
});

describe('restore keeps every earlier database', () => {
  it('each restore keeps the replaced database under its own timestamped name, never over another', async () => {
    const path = tmp.file('main.db');
    const { s } = fill(path);
    await s.backupTo(tmp.file('b.bak'));
    s.close();
    const at = new Date(2026, 10, 22, 7, 30, 5);
    const r1 = restoreFrom(tmp.file('b.bak'), path, { now: () => at });
    const r2 = restoreFrom(tmp.file('b.bak'), path, { now: () => at }); // same second
    expect(r1).toEqual({ kept: `${path}.before-restore-20261122-073005`, copies: 1, limit: RESTORE_COPY_LIMIT });
    expect(r2).toEqual({ kept: `${path}.before-restore-20261122-073005-2`, copies: 2, limit: RESTORE_COPY_LIMIT });
    expect(restoreCopies(path)).toEqual([r1.kept, r2.kept]);
  });

  it(`at ${RESTORE_COPY_LIMIT} copies a restore is refused before anything changes`, async () => {
    const path = tmp.file('main.db');
    const { s } = fill(path);
    await s.backupTo(tmp.file('b.bak'));
    s.close();
    for (let i = 0; i < RESTORE_COPY_LIMIT; i++) writeFileSync(`${path}.before-restore-2025010${Math.floor(i / 10)}-00000${i % 10}`, 'x');
    const before = readFileSync(path);
    const e = errorOf(() => restoreFrom(tmp.file('b.bak'), path));
    expect(e.message).toContain(`达到上限 ${RESTORE_COPY_LIMIT} 份`);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(restoreCopies(path)).toHaveLength(RESTORE_COPY_LIMIT);
  });

  it('a backup whose audit chain was edited is refused, naming the row', async () => {
    const path = tmp.file('main.db');
    const { s } = fill(path);
    await s.backupTo(tmp.file('b.bak'));
    s.close();
    const db = openDatabase(tmp.file('b.bak'));
    db.exec('DROP TRIGGER audit_log_no_update');
    db.exec("UPDATE audit_log SET at = '2000-01-01T00:00:00.000Z' WHERE id = 5");
    db.close();
    const e = errorOf(() => restoreFrom(tmp.file('b.bak'), path));
    expect(e.code).toBe('corrupt');
    expect(e.message).toContain('审计日志不完整');
    expect(e.message).toContain('审计日志第 5 条记录的内容与其哈希不符');
    expect(restoreCopies(path)).toEqual([]);
  });
});
