// The local web host: the same handlers over HTTP on 127.0.0.1, serving the built renderer.
// Used by the end-to-end tests in a real browser, and handy for using the app without Electron.
//
// Who may talk to it (docs/security.md, "Web host"):
// - every request must name this host in `Host` (127.0.0.1:<port> or localhost:<port>): a page
//   of another site whose name was rebound to 127.0.0.1 (DNS rebinding) gets a refusal, nothing
//   else — not even the page;
// - every API call must carry the secret of this start in `X-LandCheck-Token` (the page reads it
//   once from the address printed at start, `#token=…`), and a same-origin `Origin` if any;
// - heavy calls (imports, reports, batches, restore) run at most MAX_HEAVY at a time; others get
//   a Chinese "busy" answer at once, before their body is read.
// Every refusal is an envelope with its kind (shared/errors.ts); a failure of the host itself is
// written to the log file (shared/log/) and answered with a neutral 500.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Handlers, Method } from './contract';
import { MAX_BACKUP_BASE64, HEAVY_METHODS, MAX_HEAVY, TOKEN_HEADER } from './limits';
import { dispatch } from './dispatch';
import { logInternal } from '../log/index';

const MAX_BODY = 64 * 1024 * 1024;
/** store.restore carries a whole database (see MAX_BACKUP_BYTES in contract.ts). */
const MAX_RESTORE_BODY = MAX_BACKUP_BASE64 + 64 * 1024;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

/**
 * The same Content-Security-Policy as the Electron window. The only frame source is `blob:`, for
 * the preview of a report the page itself just generated.
 */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self'; frame-src blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

export interface WebHostOptions {
  handlers: Handlers;
  /** Folder of the built renderer (vite build output). */
  staticDir: string;
  port?: number;
  /** The secret API calls must carry (default: 32 random bytes, new at every start). */
  token?: string;
}

export interface WebHost {
  server: Server;
  /** http://127.0.0.1:<port> */
  url: string;
  /** The secret of this start (X-LandCheck-Token). */
  token: string;
  /** The address to open: `${url}/#token=…`; the page keeps the token and drops it from the bar. */
  pageUrl: string;
}

export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const token = opts.token ?? randomBytes(32).toString('base64url');
  const state = { port: 0, heavy: 0, token: Buffer.from(token) };
  const server = createServer((req, res) => {
    handle(req, res, opts, state).catch((e: unknown) => {
      logInternal(e, { doing: 'web host', path: (req.url ?? '').split('?')[0]!.slice(0, 100) });
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', '服务器内部错误');
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const addr = server.address();
  state.port = typeof addr === 'object' && addr ? addr.port : (opts.port ?? 0);
  const url = `http://127.0.0.1:${state.port}`;
  return { server, url, token, pageUrl: `${url}/#token=${token}` };
}

interface HostState {
  port: number;
  heavy: number;
  token: Buffer;
}

/** Only our own names for this port: no DNS-rebound name, no other port. */
function hostAllowed(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const h = host.toLowerCase();
  return h === `127.0.0.1:${port}` || h === `localhost:${port}`;
}

function tokenAllowed(header: string | string[] | undefined, token: Buffer): boolean {
  if (typeof header !== 'string') return false;
  const got = Buffer.from(header);
  return got.length === token.length && timingSafeEqual(got, token);
}

async function handle(req: IncomingMessage, res: ServerResponse, opts: WebHostOptions, state: HostState): Promise<void> {
  if (!hostAllowed(req.headers.host, state.port)) {
    // DNS rebinding: a page of another site reached us under its own name. It gets nothing.
    res.shouldKeepAlive = false;
    return send(res, 421, 'text/plain; charset=utf-8', '拒绝访问：请求的主机名不是本机审查服务的地址');
  }
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname.startsWith('/api/')) {
    if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', '仅支持 POST');
    // Only same-origin pages may call the API (no CSRF from other local pages).
    const origin = req.headers.origin;
    if (origin && origin !== `http://${req.headers.host}`) {
      await drain(req, MAX_BODY);
      return refuse(res, 403, '拒绝跨源请求：只有本机审查服务自己的页面可以调用', 'denied');
    }
    if (!tokenAllowed(req.headers[TOKEN_HEADER], state.token)) {
      await drain(req, MAX_BODY);
      return refuse(res, 403, '访问令牌缺失或不正确：请用启动审查服务时显示的完整地址（含 #token=…）打开页面', 'denied');
    }
    const method = decodeURIComponent(url.pathname.slice(5));
    // A restore carries a whole database: it runs alone (it takes every heavy slot).
    const heavy = !(HEAVY_METHODS as readonly string[]).includes(method) ? 0 : method === 'store.restore' ? MAX_HEAVY : 1;
    if (heavy > 0 && state.heavy + heavy > MAX_HEAVY) {
      // The body is read and dropped (never kept), so the client gets this answer, not a reset.
      await drain(req, method === 'store.restore' ? MAX_RESTORE_BODY : MAX_BODY);
      return refuse(res, 503, `正在处理其他文件（导入、报告、批量审查或恢复最多同时 ${MAX_HEAVY} 项），请稍后再试`, 'busy');
    }
    state.heavy += heavy;
    try {
      const max = method === 'store.restore' ? MAX_RESTORE_BODY : MAX_BODY;
      let body: unknown;
      try {
        const raw = await readBody(req, max);
        body = raw.length === 0 ? {} : JSON.parse(raw.toString('utf8'));
      } catch (e) {
        if (e instanceof Error && e.message === 'too large') {
          return refuse(res, 413, `请求过大（上限 ${Math.round(max / 1024 / 1024)} MB）：文件太大，无法通过界面提交`, 'too_large');
        }
        return refuse(res, 400, '请求不是有效的 JSON', 'invalid');
      }
      const envelope = await dispatch(opts.handlers, method as Method, body);
      return sendJson(res, 200, envelope);
    } finally {
      state.heavy -= heavy;
    }
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', '不支持的请求');
  const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
  const file = normalize(join(opts.staticDir, rel));
  if (!file.startsWith(normalize(opts.staticDir) + sep)) return send(res, 403, 'text/plain; charset=utf-8', '拒绝访问');
  try {
    const data = await readFile(file);
    send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', data);
  } catch {
    // single-page app: unknown paths get the index
    try {
      send(res, 200, TYPES['.html'], await readFile(join(opts.staticDir, 'index.html')));
    } catch {
      send(res, 404, 'text/plain; charset=utf-8', '界面尚未构建：请先运行 npm run build:web');
    }
  }
}

/**
 * The body, up to `max` bytes. A larger body is read to its end and dropped (not kept in memory),
 * so the client gets the answer instead of a reset connection; far beyond the limit the connection
 * is cut.
 */
function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        chunks.length = 0;
        if (size > 4 * max) req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => (size > max ? reject(new Error('too large')) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
    req.on('close', () => size > max && reject(new Error('too large'))); // cut off: settle anyway
  });
}

/** Reads a refused request's body to its end without keeping it; far beyond `max` the connection is cut. */
function drain(req: IncomingMessage, max: number): Promise<void> {
  return new Promise((resolve) => {
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) req.destroy();
    });
    req.on('end', () => resolve());
    req.on('close', () => resolve());
    req.on('error', () => resolve());
  });
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function refuse(res: ServerResponse, status: number, error: string, kind: 'denied' | 'busy' | 'too_large' | 'invalid'): void {
  sendJson(res, status, { ok: false, error, kind });
}
