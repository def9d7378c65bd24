// Window hardening, kept free of any `electron` import so it can be unit-tested:
// the main process passes the Electron objects in.
import { CSP } from '../shared/api/http';

/** The renderer is served from this custom protocol (never file://, never http). */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://landcheck`;

export { CSP };

export function windowOptions(preloadPath: string) {
  return {
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    backgroundColor: '#f5f6f8',
    title: 'LandCheck 出让条件合规审查',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // Chromium's built-in PDF viewer, for the report preview (a blob: frame; see CSP frame-src).
      plugins: true,
      devTools: process.env.LANDCHECK_DEVTOOLS === '1',
    },
  } as const;
}

/** Only our own pages may be shown; everything else is refused. */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

interface Preventable {
  preventDefault(): void;
}

/** The subset of WebContents the guards use. */
export interface GuardedContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (e: Preventable, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (e: Preventable) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  session: {
    setPermissionRequestHandler(handler: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
    setPermissionCheckHandler(handler: (wc: unknown, permission: string) => boolean): void;
  };
}

export function installGuards(contents: GuardedContents): void {
  contents.on('will-navigate', (e, url) => {
    if (!isAppUrl(url)) e.preventDefault();
  });
  contents.on('will-redirect', (e, url) => {
    if (!isAppUrl(url)) e.preventDefault();
  });
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // No web permission is ever granted: neither when the page asks (request) nor when Chromium
  // only checks whether it would be (check), e.g. before showing a prompt or for sensors.
  contents.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler(() => false);
}

/** The parts of a frame (Electron's WebFrameMain) the IPC check uses. */
export interface FrameLike {
  url: string;
  routingId?: number;
  processId?: number;
}

/**
 * IPC messages are accepted only from the window's main frame showing our own page — not from a
 * subframe (the report preview is a frame), not from a page that navigated elsewhere.
 */
export function isTrustedSender(frame: FrameLike | null | undefined, mainFrame: FrameLike | null | undefined): boolean {
  if (!frame || !mainFrame) return false;
  const same = frame === mainFrame || (frame.routingId !== undefined && frame.routingId === mainFrame.routingId && frame.processId === mainFrame.processId);
  return same && isAppUrl(frame.url);
}

/** Resolve a request path of the app protocol inside the renderer folder (no escaping it). */
export function resolveAppPath(rootDir: string, requestUrl: string, join: (...p: string[]) => string, normalize: (p: string) => string, sep: string): string | null {
  let pathname: string;
  try {
    const u = new URL(requestUrl);
    if (`${u.protocol}//${u.host}` !== APP_ORIGIN) return null;
    pathname = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  const rel = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const full = normalize(join(rootDir, rel));
  return full.startsWith(normalize(rootDir) + sep) ? full : null;
}
