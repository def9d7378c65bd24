// Opening a database whose audit chain was edited: the app still starts (the data stays usable),
// and says so loudly at once — a warning box naming the row where the chain breaks.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeApp, startApp, state } from './fake-electron';
import { latestVersion, openStore } from '../../shared/store/index';
import { openDatabase } from '../../shared/store/sqlite';

vi.mock('electron', () => import('./fake-electron'));

beforeAll(async () => {
  state.userData = mkdtempSync(join(tmpdir(), 'landcheck-electron-audit-'));
  const file = join(state.userData, 'landcheck.sqlite');
  const s = openStore(file);
  s.createProject({ name: '被改过的项目' });
  s.close();
  const db = openDatabase(file);
  db.exec('DROP TRIGGER audit_log_no_update');
  db.exec("UPDATE audit_log SET payload = replace(payload, '被改过的项目', '另一个名字') WHERE kind = 'project.create'");
  db.close();
  await import('../../electron/main');
  await startApp();
}, 60_000);

afterAll(async () => {
  await closeApp();
  rmSync(state.userData, { recursive: true, force: true });
});

describe('a broken audit chain at start', () => {
  it('the window opens and a warning says where the chain breaks', async () => {
    expect(state.errors).toEqual([]);
    expect(state.windows).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 50));
    expect(state.messages.join('\n')).toContain('审计日志的哈希链已断裂');
    // the project row comes after one 'store.migrate' row per migration after the first
    expect(state.messages.join('\n')).toContain(`审计日志第 ${latestVersion()} 条记录的内容与其哈希不符`);
  });
});
