// The Electron main process with `electron` mocked: window options, navigation guards,
// permissions, the IPC boundary (main frame of our own page only), the backend thread that
// carries the handlers, and the app:// protocol (the real binary cannot run on this machine).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeApp, FakeFrame, startApp, state } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));
let win: any;
/** An IPC event as Electron sends it for the window's main frame. */
const fromApp = () => ({ sender: win.webContents, senderFrame: win.webContents.mainFrame });

beforeAll(async () => {
  state.userData = mkdtempSync(join(tmpdir(), 'landcheck-electron-'));
  await import('../../electron/main');
  await startApp();
  win = state.windows[0];
}, 60_000);

afterAll(async () => {
  await closeApp();
  rmSync(state.userData, { recursive: true, force: true });
});

describe('Electron main process (electron mocked)', () => {
  it('creates a hardened window loading the app:// origin', () => {
    expect(state.errors).toEqual([]);
    expect(win).toBeDefined();
    const wp = win.options.webPreferences;
    expect(wp).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    // only the built-in PDF viewer, for the report preview
    expect(wp.plugins).toBe(true);
    expect(wp.preload).toMatch(/preload\.cjs$/);
    expect(win.loaded).toBe('app://landcheck/index.html');
    expect(state.privileged[0]).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true } });
  });

  it('blocks navigation away from the app, window.open, webviews and every permission (request and check)', () => {
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
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'fullscreen', 'hid', 'serial', 'usb']) {
      expect(wc.permissionCheckHandler(wc, p, 'app://landcheck', {}), p).toBe(false);
    }
  });

  it('logs the start and the opened database into <user data>/logs/landcheck.log', () => {
    const lines = readFileSync(join(state.userData, 'logs', 'landcheck.log'), 'utf8').trim().split('\n');
    expect(lines.find((l) => / INFO start program="electron" /.test(l))).toBeDefined();
    expect(lines.find((l) => l.includes(' INFO database.created ') && l.includes('landcheck.sqlite'))).toBeDefined();
    for (const l of lines) expect(l).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z (INFO|WARN|ERROR) /);
  });

  it('answers IPC only from the main frame of the app page and validates every input', async () => {
    const handle = state.ipc.get('landcheck:invoke')!;
    const denied = { ok: false, error: '拒绝来自非本应用页面的请求', kind: 'denied' };
    // another origin in the main frame (a navigation that slipped through), a subframe of our
    // own origin (the report preview), a frame of another window, a forged frame object
    win.webContents.mainFrame.url = 'https://evil.example/';
    expect(await handle(fromApp(), 'projects.list', {})).toEqual(denied);
    win.webContents.mainFrame.url = 'app://landcheck/index.html';
    expect(await handle({ sender: win.webContents, senderFrame: new FakeFrame('app://landcheck/index.html') }, 'projects.list', {})).toEqual(denied);
    expect(await handle({ sender: {}, senderFrame: win.webContents.mainFrame }, 'projects.list', {})).toEqual(denied);
    expect(await handle({ sender: win.webContents, senderFrame: null }, 'projects.list', {})).toEqual(denied);
    const created = await handle(fromApp(), 'projects.create', { name: '测试项目' });
    expect(created).toMatchObject({ ok: true, value: { name: '测试项目' } });
    const bad = await handle(fromApp(), 'projects.create', { name: 42 });
    expect(bad.ok).toBe(false);
    expect(bad.error).toContain('参数无效');
    const unknown = await handle(fromApp(), 'fs.readFile', { path: '/etc/passwd' });
    expect(unknown).toEqual({ ok: false, error: '未知的操作：fs.readFile', kind: 'unknown_method' });
  });

  it('runs the handlers off the main thread: the main event loop stays free during a long import', async () => {
    const handle = state.ipc.get('landcheck:invoke')!;
    const opened = handle(fromApp(), 'projects.openSample', { sample: 'public-mixed-songjiang' });
    // While the sample is imported, checked and stored, the main thread keeps ticking.
    let ticks = 0;
    let worst = 0;
    let last = Date.now();
    const timer = setInterval(() => {
      const now = Date.now();
      worst = Math.max(worst, now - last);
      last = now;
      ticks++;
    }, 10);
    const r = await opened;
    clearInterval(timer);
    expect(r.ok, r.error).toBe(true);
    expect(ticks).toBeGreaterThan(5);
    expect(worst).toBeLessThan(250);
  });

  it('a request too deep to pass to the backend is refused in Chinese, and the backend keeps answering', async () => {
    const handle = state.ipc.get('landcheck:invoke')!;
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    const r = await handle(fromApp(), 'projects.create', { name: deep });
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/嵌套/);
    expect((await handle(fromApp(), 'projects.list', {})).ok).toBe(true);
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
