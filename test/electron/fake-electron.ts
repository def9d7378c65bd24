// A stand-in for the `electron` module (the real binary cannot run here): records what the
// main process asks of it so the tests can drive the window, IPC and protocol handlers.
type Listener = (...args: any[]) => any;

export const state = {
  windows: [] as FakeWindow[],
  ipc: new Map<string, Listener>(),
  appEvents: new Map<string, Listener>(),
  protocolHandler: null as null | ((req: { url: string }) => Promise<Response>),
  privileged: [] as any[],
  userData: '',
  appPath: process.cwd(),
  errors: [] as string[],
};

let resolveReady!: () => void;
const ready = new Promise<void>((r) => (resolveReady = r));
/** Let `app.whenReady()` resolve, then wait for the main process's start-up to settle. */
export async function startApp(): Promise<void> {
  resolveReady();
  await ready;
  await new Promise((r) => setTimeout(r, 50));
}

class FakeContents {
  handlers = new Map<string, Listener>();
  openHandler: Listener | null = null;
  permissionHandler: Listener | null = null;
  session = { setPermissionRequestHandler: (h: Listener) => (this.permissionHandler = h) };
  on(ev: string, l: Listener) {
    this.handlers.set(ev, l);
    return this;
  }
  setWindowOpenHandler(h: Listener) {
    this.openHandler = h;
  }
}

export class FakeWindow {
  webContents = new FakeContents();
  loaded = '';
  constructor(public options: any) {
    state.windows.push(this);
  }
  once() {}
  show() {}
  loadURL(url: string) {
    this.loaded = url;
    return Promise.resolve();
  }
}

export const app = {
  getAppPath: () => state.appPath,
  getPath: () => state.userData,
  whenReady: () => ready,
  on: (ev: string, l: Listener) => state.appEvents.set(ev, l),
  quit: () => {},
};
export const BrowserWindow = FakeWindow;
export const Menu = { setApplicationMenu: () => {}, buildFromTemplate: (t: unknown) => t };
export const ipcMain = { handle: (ch: string, l: Listener) => state.ipc.set(ch, l) };
export const protocol = {
  registerSchemesAsPrivileged: (s: any[]) => state.privileged.push(...s),
  handle: (_scheme: string, h: any) => (state.protocolHandler = h),
};
export const net = {
  fetch: async (url: string) => new Response(`served ${url}`, { status: 200, headers: { 'Content-Type': 'text/html' } }),
};
export const dialog = {
  showErrorBox: (title: string, msg: string) => state.errors.push(`${title}: ${msg}`),
  showMessageBox: async () => ({}),
};
export default { app, BrowserWindow, Menu, ipcMain, protocol, net, dialog };
