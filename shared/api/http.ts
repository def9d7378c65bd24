// The local web host: the same handlers over HTTP on 127.0.0.1, serving the built renderer.
// Used by the end-to-end tests in a real browser, and handy for using the app without Electron.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Handlers } from './contract';
import { MAX_BACKUP_BASE64 } from './limits';
import { dispatch } from './dispatch';

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
}

export async function startWebHost(opts: WebHostOptions): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    handle(req, res, opts).catch(() => send(res, 500, 'text/plain; charset=utf-8', '服务器内部错误'));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : opts.port;
  return { server, url: `http://127.0.0.1:${port}` };
}

async function handle(req: IncomingMessage, res: ServerResponse, opts: WebHostOptions): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname.startsWith('/api/')) {
    if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', '仅支持 POST');
    // Only same-origin pages may call the API (no CSRF from other local pages).
    const origin = req.headers.origin;
    if (origin && origin !== `http://${req.headers.host}`) return send(res, 403, 'text/plain; charset=utf-8', '拒绝跨源请求');
    const method = decodeURIComponent(url.pathname.slice(5));
    let body: unknown;
    try {
      const raw = await readBody(req, method === 'store.restore' ? MAX_RESTORE_BODY : MAX_BODY);
      body = raw.length === 0 ? {} : JSON.parse(raw.toString('utf8'));
    } catch (e) {
      if (e instanceof Error && e.message === 'too large') {
        const mb = Math.round((method === 'store.restore' ? MAX_RESTORE_BODY : MAX_BODY) / 1024 / 1024);
        return sendJson(res, 413, { ok: false, error: `请求过大（上限 ${mb} MB）：文件太大，无法通过界面提交` });
      }
      return sendJson(res, 400, { ok: false, error: '请求不是有效的 JSON' });
    }
    const envelope = await dispatch(opts.handlers, method, body);
    return sendJson(res, 200, envelope);
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
