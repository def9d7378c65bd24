// Electron main process: window, menu, the app:// protocol and the IPC mount of the handlers.
// Thin on purpose — everything else is in shared/ and tested without Electron.
import { app, BrowserWindow, Menu, ipcMain, protocol, net, dialog } from 'electron';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { StoreHolder } from '../shared/api/store-holder';
import { createHandlers } from '../shared/api/handlers';
import { dispatch } from '../shared/api/dispatch';
import { ENGINE } from '../shared/check/versions';
import { APP_ORIGIN, APP_SCHEME, CSP, installGuards, isTrustedSender, resolveAppPath, windowOptions } from './security';

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const root = app.getAppPath();
const rendererDir = join(root, 'dist', 'renderer');
let holder: StoreHolder | null = null;

function createWindow(): BrowserWindow {
  const win = new BrowserWindow(windowOptions(join(root, 'dist', 'electron', 'preload.cjs')));
  installGuards(win.webContents);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

// Keyboard shortcuts of the main actions (Ctrl+N, Ctrl+O, Ctrl+Enter, Ctrl+P) are handled by the
// renderer itself, so the menu only carries the standard roles.
function buildMenu(win: BrowserWindow): void {
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
                detail: '离线审查建设项目指标表与土地出让合同绿色生态条件。',
              }),
          },
        ],
      },
    ]),
  );
}

app.whenReady().then(() => {
  try {
    // The bundle sits in dist/electron with the migrations copied next to it (build/build-electron.ts).
    holder = new StoreHolder(join(app.getPath('userData'), 'landcheck.sqlite'));
  } catch (e) {
    dialog.showErrorBox('无法打开项目数据库', e instanceof Error ? e.message : String(e));
    app.quit();
    return;
  }
  const handlers = createHandlers({ holder, seedsDir: join(root, 'seeds'), version: ENGINE.version });

  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppPath(rendererDir, request.url, join, normalize, sep);
    if (!file) return new Response('拒绝访问', { status: 403 });
    const res = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(res.headers);
    headers.set('Content-Security-Policy', CSP);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(res.body, { status: res.status, headers });
  });

  ipcMain.handle('landcheck:invoke', async (event, method: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url)) return { ok: false, error: '拒绝来自非本应用页面的请求' };
    return dispatch(handlers, method, input);
  });

  const win = createWindow();
  buildMenu(win);
});

app.on('web-contents-created', (_e, contents) => installGuards(contents));
app.on('window-all-closed', () => {
  holder?.close();
  holder = null;
  app.quit();
});
