// The built Electron entry files (npm run build:electron), not just their sources: the ESM main
// bundle must find its migrations, the seeds and the report fonts from dist/electron, and the
// sandboxed preload may require nothing but `electron`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeApp, startApp, state } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const ROOT = process.cwd();

beforeAll(async () => {
  execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'build', 'build-electron.ts')], { cwd: ROOT, stdio: 'pipe' });
  state.userData = mkdtempSync(join(tmpdir(), 'landcheck-bundle-'));
  await import(join(ROOT, 'dist', 'electron', 'main.mjs'));
  await startApp();
}, 60_000);

afterAll(async () => {
  await closeApp();
  rmSync(state.userData, { recursive: true, force: true });
});

describe('built Electron entry files', () => {
  it('the preload bundle requires only electron and exposes only invoke', () => {
    const preload = readFileSync(join(ROOT, 'dist', 'electron', 'preload.cjs'), 'utf8');
    expect([...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(preload).toContain('exposeInMainWorld("landcheck", { invoke })');
  });

  it('the backend thread and the task worker are bundled next to the main bundle', () => {
    for (const f of ['main.mjs', 'landcheck-backend.mjs', 'landcheck-worker.cjs']) {
      expect(readFileSync(join(ROOT, 'dist', 'electron', f), 'utf8').length, f).toBeGreaterThan(1000);
    }
    // the backend never loads electron (it runs in a plain worker thread)
    expect(readFileSync(join(ROOT, 'dist', 'electron', 'landcheck-backend.mjs'), 'utf8')).not.toMatch(/from "electron"/);
    // and the main process carries neither the handlers nor the database: they live in the backend
    const main = readFileSync(join(ROOT, 'dist', 'electron', 'main.mjs'), 'utf8');
    expect(main).not.toMatch(/function createHandlers|function openDatabase|from "exceljs"|from "pdfmake"/);
    expect(readFileSync(join(ROOT, 'dist', 'electron', 'landcheck-backend.mjs'), 'utf8')).toMatch(/function createHandlers/);
  });

  it('the main bundle opens its database, the samples and renders a report', async () => {
    expect(state.errors).toEqual([]);
    const handle = state.ipc.get('landcheck:invoke')!;
    const win = state.windows[0] as any;
    const ev = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
    const opened = await handle(ev, 'projects.openSample', { sample: 'residential-jiading' });
    expect(opened.ok, opened.error).toBe(true);
    const pdf = await handle(ev, 'report.render', { runId: opened.value.runId, kind: 'pdf', org: { name: '测试审图机构' } });
    expect(pdf.ok, pdf.error).toBe(true);
    expect(Buffer.from(pdf.value.dataBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });
});
