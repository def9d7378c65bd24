// The Electron main process with `electron` mocked: window options, navigation guards,
// the IPC boundary and the app:// protocol (the real binary cannot run on this machine).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, state } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));
let win: any;

beforeAll(async () => {
  state.userData = mkdtempSync(join(tmpdir(), 'landcheck-electron-'));
  await import('../../electron/main');
  await startApp();
  win = state.windows[0];
});

afterAll(() => {
  state.appEvents.get('window-all-closed')?.();
  rmSync(state.userData, { recursive: true, force: true });
});

describe('Electron main process (electron mocked)', () => {
  it('creates a hardened window loading the app:// origin', () => {
    expect(win).toBeDefined();
    const wp = win.options.webPreferences;
    expect(wp).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    // only the built-in PDF viewer, for the report preview
    expect(wp.plugins).toBe(true);
    expect(wp.preload).toMatch(/preload\.cjs$/);
    expect(win.loaded).toBe('app://landcheck/index.html');
    expect(state.privileged[0]).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true } });
  });

  it('blocks navigation away from the app, window.open, webviews and permissions', () => {
    const wc = win.webContents;
    const prevented = (ev: string, url?: string) => {
      let p = false;
      wc.handlers.get(ev)({ preventDefault: () => (p = true) }, url);
      return p;
    };
    expect(prevented('will-navigate', 'https://example.com/')).toBe(true);
    expect(prevented('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(prevented('will-navigate', 'app://landcheck/index.html#/results')).toBe(false);
    expect(prevented('will-redirect', 'http://127.0.0.1:9/')).toBe(true);
    expect(prevented('will-attach-webview')).toBe(true);
    expect(wc.openHandler({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    let granted: boolean | undefined;
    wc.permissionHandler(null, 'media', (g: boolean) => (granted = g));
    expect(granted).toBe(false);
  });

  it('answers IPC only from the app page and validates every input', async () => {
    const handle = state.ipc.get('landcheck:invoke')!;
    const fromApp = { senderFrame: { url: 'app://landcheck/index.html' } };
    expect(await handle({ senderFrame: { url: 'https://evil.example/' } }, 'projects.list', {})).toEqual({
      ok: false,
      error: '拒绝来自非本应用页面的请求',
    });
    const created = await handle(fromApp, 'projects.create', { name: '测试项目' });
    expect(created).toMatchObject({ ok: true, value: { name: '测试项目' } });
    const bad = await handle(fromApp, 'projects.create', { name: 42 });
    expect(bad.ok).toBe(false);
    expect(bad.error).toContain('参数无效');
    const unknown = await handle(fromApp, 'fs.readFile', { path: '/etc/passwd' });
    expect(unknown).toEqual({ ok: false, error: '未知的操作：fs.readFile' });
  });

  it('serves the renderer with the CSP and refuses paths outside it', async () => {
    const ok = await state.protocolHandler!({ url: 'app://landcheck/index.html' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('Content-Security-Policy')).toContain("default-src 'self'");
    expect(ok.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
    expect(ok.headers.get('Content-Security-Policy')).toContain("object-src 'none'");
    expect(ok.headers.get('Content-Security-Policy')).toContain('frame-src blob:;');
    const escape = await state.protocolHandler!({ url: 'app://landcheck/..%2F..%2Fpackage.json' });
    expect(escape.status).toBe(403);
    const other = await state.protocolHandler!({ url: 'app://other/index.html' });
    expect(other.status).toBe(403);
  });
});
