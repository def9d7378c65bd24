// Backup to one file and restore through the API (the live database is swapped under the
// handlers), old condition versions, and a signed report from the app.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiHarness, ROOT } from './harness';

const api = apiHarness();
const { call } = api;
const dispatchRaw = (method: string, input: unknown) => api.raw(method, input);

describe('backup and restore', () => {
  it('restores the database as it was at the backup; the audit chain verifies', async () => {
    await call('projects.openSample', { sample: 'residential-jiading' });
    const backup = await call('store.backup', {});
    expect(backup.fileName).toMatch(/^LandCheck备份_\d{4}-\d{2}-\d{2}\.sqlite$/);
    expect(Buffer.from(backup.dataBase64, 'base64').subarray(0, 15).toString()).toBe('SQLite format 3');
    await call('projects.create', { name: '备份之后新建的项目' });
    expect((await call('projects.list', {})).total).toBe(2);

    const restored = await call('store.restore', { fileName: backup.fileName, dataBase64: backup.dataBase64 });
    expect(restored.projects).toBe(1);
    expect(restored).toMatchObject({ copies: 1, copyLimit: 20 });
    const list = await call('projects.list', {});
    expect(list.items.map((p) => p.name)).toEqual(['样例：嘉定新城住宅小区（全部符合）']);
    expect(api.holder.store.verifyAuditChain().ok).toBe(true);
    expect(api.holder.store.auditLog().at(-1)!.kind).toBe('store.restore');
    // the previous database is kept next to it, under a timestamped name
    expect(restored.kept).toMatch(/app\.sqlite\.before-restore-\d{8}-\d{6}$/);
    expect(readFileSync(restored.kept!).subarray(0, 15).toString()).toBe('SQLite format 3');
  });

  it('refuses a file that is not a LandCheck database, or a truncated one, and changes nothing', async () => {
    const before = (await call('projects.list', {})).total;
    const notDb = await dispatchRaw('store.restore', { fileName: '随便.sqlite', dataBase64: Buffer.from('hello').toString('base64') });
    expect(notDb.ok).toBe(false);
    if (!notDb.ok) {
      expect(notDb.error).toContain('随便.sqlite');
      expect(notDb.error).toContain('当前数据未改动');
      expect(notDb.error).not.toContain('/tmp/');
    }
    const backup = Buffer.from((await call('store.backup', {})).dataBase64, 'base64');
    const cut = await dispatchRaw('store.restore', { fileName: '截断.sqlite', dataBase64: backup.subarray(0, 4096).toString('base64') });
    expect(cut.ok).toBe(false);
    expect((await call('projects.list', {})).total).toBe(before);
  });
});

describe('condition versions', () => {
  it('every saved version can be read back', async () => {
    const p = await call('projects.create', { name: '条件版本' });
    const doc = JSON.parse(readFileSync(join(ROOT, 'seeds', 'samples', 'residential-jiading.conditions.json'), 'utf8'));
    await call('conditions.save', { projectId: p.id, doc });
    doc.conditions[0].value = 2.5;
    await call('conditions.save', { projectId: p.id, doc, note: '补充协议放宽容积率' });
    const v1 = await call('conditions.version', { projectId: p.id, version: 1 });
    const v2 = await call('conditions.version', { projectId: p.id, version: 2 });
    expect((v1.doc.conditions[0] as { value: number }).value).toBe(2);
    expect((v2.doc.conditions[0] as { value: number }).value).toBe(2.5);
    const none = await dispatchRaw('conditions.version', { projectId: p.id, version: 9 });
    expect(none).toEqual({ ok: false, error: '该项目没有第 9 版出让条件', kind: 'not_found' });
  });
});

describe('signed report from the app', () => {
  it('signs the PDF with a PKCS#12 certificate; a wrong password is a Chinese message', async () => {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'k.pem', '-out', 'c.pem', '-days', '30', '-subj', '/CN=LandCheck API Test'], { cwd: api.dir, stdio: 'pipe' });
    execFileSync('openssl', ['pkcs12', '-export', '-in', 'c.pem', '-inkey', 'k.pem', '-out', 's.p12', '-passout', 'pass:secret'], { cwd: api.dir, stdio: 'pipe' });
    const p12Base64 = readFileSync(join(api.dir, 's.p12')).toString('base64');
    const { runId } = await call('projects.openSample', { sample: 'industrial-lingang' });
    const signed = await call('report.render', { runId, kind: 'pdf', org: { name: '签名测试机构' }, sign: { p12Base64, password: 'secret', fileName: 's.p12' } });
    expect(signed.signedBy).toBe('LandCheck API Test');
    const bytes = Buffer.from(signed.dataBase64, 'base64');
    expect(bytes.includes(Buffer.from('/SubFilter /ETSI.CAdES.detached'))).toBe(true);
    expect((await call('report.verify', { dataBase64: signed.dataBase64 })).ok).toBe(true);
    const wrong = await dispatchRaw('report.render', { runId, kind: 'pdf', org: { name: '签名测试机构' }, sign: { p12Base64, password: 'nope', fileName: 's.p12' } });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error).toContain('s.p12');
  });
});
