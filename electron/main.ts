// Electron main process: window, menu, the app:// protocol and the IPC mount of the handlers.
// Thin on purpose — everything else is in shared/ and tested without Electron. The handlers run
// in a backend thread (electron/backend.ts), so the window never waits on an import, a report or
// a batch; IPC is answered only for the main frame of our own page (docs/security.md). The log
// file (shared/log/) is <user data>/logs/landcheck.log: the start is logged here, the database
// and unexpected errors of the handlers by the backend thread.
import { app, BrowserWindow, Menu, ipcMain, protocol, net, dialog } from 'electron';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ENGINE } from '../shared/check/versions';
import { logEvent, openLog } from '../shared/log/index';
import { logStart } from '../shared/log/startup';
import { startBackend, type Backend } from './backend-client';
import { APP_ORIGIN, APP_SCHEME, CSP, installGuards, isTrustedSender, resolveAppPath, windowOptions } from './security';

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const root = app.getAppPath();
const rendererDir = join(root, 'dist', 'renderer');
let backend: Backend | null = null;

function createWindow(): BrowserWindow {
  const win = new BrowserWindow(windowOptions(join(root, 'dist', 'electron', 'preload.cjs')));
  installGuards(win.webContents);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

// Keyboard shortcuts of the main actions (Ctrl+N, Ctrl+O, Ctrl+Enter, Ctrl+P) are handled by the
// renderer itself, so the menu only carries the standard roles.
function buildMenu(win: BrowserWindow, logFile: string): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      { label: '文件', submenu: [{ label: '退出', role: 'quit' }] },
      {
        label: '编辑',
        submenu: [
          { role: 'undo', label: '撤销' },
          { role: 'redo', label: '重做' },
          { type: 'separator' },
          { role: 'cut', label: '剪切' },
          { role: 'copy', label: '复制' },
          { role: 'paste', label: '粘贴' },
          { role: 'selectAll', label: '全选' },
        ],
      },
      {
        label: '帮助',
        submenu: [
          {
            label: '关于 LandCheck',
            click: () =>
              void dialog.showMessageBox(win, {
                message: `LandCheck 出让条件合规审查 ${ENGINE.version}`,
                detail: `离线审查建设项目指标表与土地出让合同绿色生态条件。\n日志文件位置：${logFile}`,
              }),
          },
        ],
      },
    ]),
  );
}

void app.whenReady().then(async () => {
  // The bundle sits in dist/electron with the migrations copied next to it (build/build-electron.ts).
  const logDir = join(app.getPath('userData'), 'logs');
  const log = openLog(logDir);
  logStart('electron', ENGINE.version, { electron: process.versions.electron ?? '' });
  const started = startBackend(import.meta.url, { dbPath: join(app.getPath('userData'), 'landcheck.sqlite'), seedsDir: join(root, 'seeds'), logDir });
  let audit;
  try {
    audit = await started.ready;
  } catch (e) {
    logEvent('ERROR', 'start.failed', { message: e instanceof Error ? e.message : String(e) });
    dialog.showErrorBox('无法打开项目数据库', e instanceof Error ? e.message : String(e));
    await started.close();
    app.quit();
    return;
  }
  backend = started;

  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppPath(rendererDir, request.url, join, normalize, sep);
    if (!file) return new Response('拒绝访问', { status: 403 });
    const res = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(res.headers);
    headers.set('Content-Security-Policy', CSP);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(res.body, { status: res.status, headers });
  });

  const win = createWindow();
  ipcMain.handle('landcheck:invoke', async (event, method: unknown, input: unknown) => {
    if (event.sender !== win.webContents || !isTrustedSender(event.senderFrame, win.webContents.mainFrame)) {
      return { ok: false, error: '拒绝来自非本应用页面的请求', kind: 'denied' };
    }
    return started.call(method, input);
  });
  buildMenu(win, log.path);
  if (!audit.ok) {
    // Said loudly, once, at start; the 关于与审计 panel shows it too.
    void dialog.showMessageBox(win, {
      type: 'warning',
      title: '审计日志不完整',
      message: '本机审计日志的哈希链已断裂，记录可能被改动过',
      detail: `${audit.message ?? ''}\n可在“关于与审计”中查看详情；如有备份，请从备份恢复。`,
    });
  }
});

app.on('web-contents-created', (_e, contents) => installGuards(contents));
app.on('window-all-closed', () => {
  const b = backend;
  backend = null;
  if (!b) return app.quit();
  void b.close().finally(() => app.quit());
});
