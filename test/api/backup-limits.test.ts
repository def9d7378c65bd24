// Backup and restore at their edges: the file name carries the user's date, a restore waits for
// a running backup, and a whole-database backup larger than one workbook still goes over HTTP.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startWebHost } from '../../shared/api/http';
import { createHandlers } from '../../shared/api/handlers';
import { apiHarness, ROOT } from './harness';
import { join } from 'node:path';

const api = apiHarness();
const { call } = api;

describe('backup file name', () => {
  const tz = process.env.TZ;
  afterEach(() => {
    vi.useRealTimers();
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  });

  it('uses the local calendar date, not UTC (07:30 in Shanghai is still the 21st in UTC)', async () => {
    process.env.TZ = 'Asia/Shanghai';
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-21T23:30:00Z'));
    const b = await call('store.backup', {});
    expect(b.fileName).toBe('LandCheck备份_2026-11-22.sqlite');
  });
});

describe('restore while a backup is running', () => {
  it('is refused with a Chinese message; the backup completes and nothing changes', async () => {
    await call('projects.create', { name: '并发备份' });
    const earlier = await call('store.backup', {});
    await call('projects.create', { name: '备份之后' });
    const running = call('store.backup', {});
    const refused = await api.raw('store.restore', { fileName: earlier.fileName, dataBase64: earlier.dataBase64 });
    expect(refused).toEqual({ ok: false, error: `无法从“${earlier.fileName}”恢复，当前数据未改动：正在备份数据库，请等备份完成后再恢复`, kind: 'busy' });
    const done = await running;
    expect(Buffer.from(done.dataBase64, 'base64').subarray(0, 15).toString()).toBe('SQLite format 3');
    expect((await call('projects.list', {})).items.map((p) => p.name).sort()).toEqual(['备份之后', '并发备份'].sort());
    // once the backup is done the same restore goes through
    await call('store.restore', { fileName: earlier.fileName, dataBase64: earlier.dataBase64 });
    expect((await call('projects.list', {})).items.map((p) => p.name)).toEqual(['并发备份']);
  });
});

describe('restore over HTTP', () => {
  it('accepts a backup larger than the 64 MB limit of the other methods', async () => {
    const handlers = createHandlers({ holder: api.holder, seedsDir: join(ROOT, 'seeds'), version: 'test' });
    const { server, url, token } = await startWebHost({ handlers, staticDir: join(api.dir, 'no-ui') });
    try {
      // 70 M base64 characters (≈ 52 MB of zero bytes): valid base64, but not a database.
      const body = JSON.stringify({ fileName: '大文件.sqlite', dataBase64: 'A'.repeat(70_000_000) });
      const post = async (method: string) =>
        (await fetch(`${url}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-LandCheck-Token': token }, body })).json();
      const restore = (await post('store.restore')) as { ok: boolean; error?: string };
      expect(restore.ok).toBe(false);
      expect(restore.error).toContain('无法从“大文件.sqlite”恢复，当前数据未改动');
      expect(restore.error).not.toContain('请求过大');
      expect(await post('report.verify')).toEqual({ ok: false, error: '请求过大（上限 64 MB）：文件太大，无法通过界面提交', kind: 'too_large' });
      expect((await call('projects.list', {})).total).toBe(1);
    } finally {
      server.close();
    }
  }, 60_000);
});
