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
  messages: [] as string[],
};

let resolveReady!: () => void;
const ready = new Promise<void>((r) => (resolveReady = r));
let resolveQuit!: () => void;
const quitted = new Promise<void>((r) => (resolveQuit = r));

/** Let `app.whenReady()` resolve, then wait until the main process has mounted IPC (or failed). */
export async function startApp(): Promise<void> {
  resolveReady();
  await ready;
  const t0 = Date.now();
  while (!state.ipc.has('landcheck:invoke') && state.errors.length === 0 && Date.now() - t0 < 30_000) {
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Close the window as a user would and wait until the app has quit (its backend closed). */
export async function closeApp(): Promise<void> {
  state.appEvents.get('window-all-closed')?.();
  await Promise.race([quitted, new Promise((r) => setTimeout(r, 10_000))]);
}

let frameIds = 1;
/** A frame as Electron's WebFrameMain (only what the main process looks at). */
export class FakeFrame {
  routingId = frameIds++;
  processId = 1;
  constructor(public url: string) {}
}

class FakeContents {
  handlers = new Map<string, Listener>();
  openHandler: Listener | null = null;
  permissionHandler: Listener | null = null;
  permissionCheckHandler: Listener | null = null;
  mainFrame = new FakeFrame('app://landcheck/index.html');
  session = {
    setPermissionRequestHandler: (h: Listener) => (this.permissionHandler = h),
    setPermissionCheckHandler: (h: Listener) => (this.permissionCheckHandler = h),
  };
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
  quit: () => resolveQuit(),
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
  showMessageBox: async (_win: unknown, opts: { message?: string; detail?: string }) => {
    state.messages.push(`${opts?.message ?? ''} ${opts?.detail ?? ''}`);
    return {};
  },
};
export default { app, BrowserWindow, Menu, ipcMain, protocol, net, dialog };
