// The local web host as an attacker meets it: a page of another site whose name was rebound to
// 127.0.0.1 (DNS rebinding), a request without or with a wrong per-start token, a foreign Origin,
// heavy uploads all at once — and a hostile file that exhausts a worker. Raw HTTP requests, so
// the Host header is whatever the attacker chooses.
import { request } from 'node:http';
import { connect } from 'node:net';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreHolder } from '../../shared/api/store-holder';
import { createHandlers } from '../../shared/api/handlers';
import { startWebHost, type WebHost } from '../../shared/api/http';
import { runTask } from '../../shared/work/pool';
import { ROOT, SAMPLE_XLSX, TIME_BOUND_MS, gridSheet, manyBigSheets, sheetXml, tempDir, webHostChild, xlsxOf } from './hostile';
import { expectApiError, expectNoInternals } from './expect';

const tmp = tempDir();
let holder: StoreHolder;
let host: WebHost;
let port: number;
const PAGE = '<!doctype html><title>LandCheck 页面</title>';

beforeAll(async () => {
  const ui = tmp.path('ui');
  mkdirSync(ui);
  writeFileSync(join(ui, 'index.html'), PAGE);
  holder = new StoreHolder(tmp.path('web.sqlite'));
  holder.store.createProject({ name: '机密项目甲' });
  host = await startWebHost({ handlers: createHandlers({ holder, seedsDir: join(ROOT, 'seeds'), version: 'test' }), staticDir: ui });
  port = Number(new URL(host.url).port);
});
afterAll(() => {
  host.server.close();
  holder.close();
  tmp.cleanup();
});

interface Raw {
  status: number;
  body: string;
  json: { ok?: boolean; error?: string; kind?: string; value?: unknown } | null;
}

/** One HTTP request with exactly these headers (Host included). */
function raw(opts: { host?: string; path?: string; method?: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: opts.path ?? '/',
        method: opts.method ?? 'GET',
        setHost: false,
        headers: { ...(opts.host !== undefined ? { Host: opts.host } : {}), ...opts.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          let json = null;
          try {
            json = JSON.parse(body);
          } catch {
            json = null;
          }
          resolve({ status: res.statusCode ?? 0, body, json });
        });
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

const self = () => `127.0.0.1:${port}`;
const api = (method: string, body: unknown, headers: Record<string, string> = {}, hostName = self()) =>
  raw({ host: hostName, path: `/api/${method}`, method: 'POST', headers: { 'Content-Type': 'application/json', 'X-LandCheck-Token': host.token, ...headers }, body: JSON.stringify(body) });

describe('DNS rebinding: another name for 127.0.0.1 gets nothing', () => {
  it('the page itself is refused to a foreign Host', async () => {
    const r = await raw({ host: `evil.example:${port}` });
    expect(r.status).toBe(421);
    expect(r.body).not.toContain('LandCheck 页面');
    expect(r.body).toContain('拒绝访问');
  });
  it('an API call with a foreign Host is refused even with the right token: no data leaves', async () => {
    const r = await api('projects.list', {}, {}, `rebind.attacker.test:${port}`);
    expect(r.status).toBe(421);
    expect(r.body).not.toContain('机密项目甲');
  });
  it('the database backup is not handed to a foreign Host', async () => {
    const r = await api('store.backup', {}, {}, `evil.example:${port}`);
    expect(r.status).toBe(421);
    expect(r.body).not.toContain('SQLite');
    expect(r.body.length).toBeLessThan(200);
  });
  it('our address on another port is refused', async () => {
    const r = await raw({ host: `127.0.0.1:${port + 1}` });
    expect(r.status).toBe(421);
  });
  it('a request with no Host at all (HTTP/1.0) is refused', async () => {
    const text = await new Promise<string>((resolve) => {
      const s = connect(port, '127.0.0.1', () => s.end('GET / HTTP/1.0\r\n\r\n'));
      let out = '';
      s.on('data', (d) => (out += d.toString()));
      s.on('close', () => resolve(out));
    });
    expect(text).toMatch(/^HTTP\/1\.[01] 421/);
    expect(text).not.toContain('LandCheck 页面');
  });
  it('localhost:<port> and 127.0.0.1:<port> are ours: the page loads without a token', async () => {
    for (const h of [self(), `localhost:${port}`, `LOCALHOST:${port}`]) {
      const r = await raw({ host: h });
      expect(r.status, h).toBe(200);
      expect(r.body).toBe(PAGE);
    }
  });
});

describe('the per-start token', () => {
  it('is part of the address printed at start, in the fragment (never sent to a server)', () => {
    expect(host.pageUrl).toBe(`${host.url}/#token=${host.token}`);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
  it('a call without the token is refused', async () => {
    const r = await raw({ host: self(), path: '/api/projects.list', method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(r.status).toBe(403);
    expectApiError(r.json!, 'denied', '访问令牌');
    expect(r.body).not.toContain('机密项目甲');
  });
  it('a wrong token of the same length is refused', async () => {
    const wrong = host.token.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    const r = await api('projects.list', {}, { 'X-LandCheck-Token': wrong });
    expect(r.status).toBe(403);
    expectApiError(r.json!, 'denied', '访问令牌');
  });
  it('the token in the query string instead of the header is refused', async () => {
    const r = await raw({ host: self(), path: `/api/projects.list?token=${host.token}`, method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(r.status).toBe(403);
  });
  it('with the token, the same call is answered', async () => {
    const r = await api('projects.list', {});
    expect(r.status).toBe(200);
    expect(r.body).toContain('机密项目甲');
  });
  it('a foreign Origin is refused even with the token (cross-site request)', async () => {
    for (const origin of ['http://evil.example', 'null', `http://localhost:${port + 1}`]) {
      const r = await api('projects.delete', { projectId: 1 }, { Origin: origin });
      expect(r.status, origin).toBe(403);
      expectApiError(r.json!, 'denied', '跨源');
    }
    expect(holder.store.listProjects()).toHaveLength(1);
  });
});

describe('heavy requests at once', () => {
  /** Starts a heavy upload and keeps its body open until `finish` is called. */
  function openUpload(method: string): { done: Promise<Raw>; finish(): void } {
    let finish!: () => void;
    const done = new Promise<Raw>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: `/api/${method}`,
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-LandCheck-Token': host.token, 'Transfer-Encoding': 'chunked' },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const body = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode ?? 0, body, json: JSON.parse(body) });
          });
        },
      );
      req.on('error', reject);
      req.write('{"projectId":1,"fileName":"慢.xlsx","dataBase64":"');
      finish = () => req.end(`${readFileSync(SAMPLE_XLSX).toString('base64')}"}`);
    });
    return { done, finish };
  }

  it('a third heavy upload gets a Chinese "busy" answer at once; light calls still answered; later ones accepted', async () => {
    const a = openUpload('import.workbook');
    const b = openUpload('import.workbook');
    await new Promise((r) => setTimeout(r, 200));
    const t = Date.now();
    const third = await api('report.verify', { dataBase64: Buffer.from('%PDF-1.4').toString('base64') });
    expect(Date.now() - t).toBeLessThan(2000);
    expect(third.status).toBe(503);
    expectApiError(third.json!, 'busy', '请稍后再试');
    const light = await api('projects.list', {});
    expect(light.status).toBe(200);
    a.finish();
    b.finish();
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect(ra.json?.ok, ra.body.slice(0, 200)).toBe(true);
    expect(rb.json?.ok, rb.body.slice(0, 200)).toBe(true);
    const again = await api('report.verify', { dataBase64: Buffer.from('%PDF-1.4').toString('base64') });
    expect(again.status).toBe(200);
  });

  it('a restore (a whole database in one request) runs alone: with one upload in flight it is told to wait', async () => {
    const a = openUpload('import.workbook');
    await new Promise((r) => setTimeout(r, 200));
    const r = await api('store.restore', { fileName: '备份.sqlite', dataBase64: Buffer.from('not a database').toString('base64') });
    expect(r.status).toBe(503);
    expectApiError(r.json!, 'busy', '请稍后再试');
    a.finish();
    expect((await a.done).json?.ok).toBe(true);
    expect(holder.store.listProjects().map((p) => p.name)).toContain('机密项目甲');
  });

  it('a body over the limit is refused with 413, and malformed JSON with 400', async () => {
    const big = await raw({ host: self(), path: '/api/report.verify', method: 'POST', headers: { 'Content-Type': 'application/json', 'X-LandCheck-Token': host.token }, body: Buffer.alloc(65 * 1024 * 1024, 0x41) });
    expect(big.status).toBe(413);
    expectApiError(big.json!, 'too_large', '请求过大');
    const bad = await raw({ host: self(), path: '/api/projects.list', method: 'POST', headers: { 'Content-Type': 'application/json', 'X-LandCheck-Token': host.token }, body: '{"a":' });
    expect(bad.status).toBe(400);
    expectApiError(bad.json!, 'invalid', '不是有效的 JSON');
  }, 60_000);
});

describe('a worker that runs out of memory or time', () => {
  const honest = () => xlsxOf([{ name: '明细', xml: gridSheet(20_000, 10) }]);
  it('is stopped with a Chinese message naming the file; the next import works', async () => {
    const t = Date.now();
    const e = await runTask('importWorkbook', { bytes: honest(), fileName: '吃内存.xlsx' }, { doing: '读取文件“吃内存.xlsx”', memoryMb: 24 }).catch((x: Error) => x);
    expect(e).toBeInstanceOf(Error);
    expect((e as Error).message).toContain('读取文件“吃内存.xlsx”时超出内存上限（24 MB）');
    expectNoInternals((e as Error).message);
    expect(Date.now() - t).toBeLessThan(TIME_BOUND_MS);
    const ok = await api('import.workbook', { projectId: 1, fileName: '正常.xlsx', dataBase64: readFileSync(SAMPLE_XLSX).toString('base64') });
    expect(ok.json?.ok, ok.body.slice(0, 200)).toBe(true);
  }, 60_000);
  it('one that takes too long is stopped with a Chinese message', async () => {
    const e = await runTask('importWorkbook', { bytes: honest(), fileName: '太慢.xlsx' }, { doing: '读取文件“太慢.xlsx”', timeoutMs: 300 }).catch((x: Error) => x);
    expect((e as Error).message).toMatch(/^读取文件“太慢\.xlsx”超过 \d+ 秒仍未完成，已停止处理：文件过大或结构异常$/);
  }, 60_000);
});

describe('the web host in its own process under hostile uploads', () => {
  it('three hostile uploads at once: each refused in Chinese, the host stays up, peak memory under 1 GB', async () => {
    const t = tempDir();
    const web = await webHostChild(t.path('child.sqlite'));
    try {
      const call = async (method: string, input: unknown) =>
        (await fetch(`${web.url}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-LandCheck-Token': web.token }, body: JSON.stringify(input) })).json() as Promise<{ ok: boolean; error?: string; kind?: string; value?: any }>;
      const p = await call('projects.create', { name: '攻击目标' });
      expect(p.ok).toBe(true);
      const rows = Array.from({ length: 1_000_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
      const uploads = [
        { fileName: '二十九表.xlsx', bytes: manyBigSheets(29, 9.9) },
        { fileName: '百万行.xlsx', bytes: xlsxOf([{ name: '明细', xml: sheetXml(rows) }]) },
        { fileName: '二十九表副本.xlsx', bytes: manyBigSheets(29, 9.9) },
      ];
      const started = Date.now();
      const answers = await Promise.all(uploads.map((u) => call('import.workbook', { projectId: p.value.id, fileName: u.fileName, dataBase64: u.bytes.toString('base64') })));
      expect(Date.now() - started).toBeLessThan(TIME_BOUND_MS);
      answers.forEach((a, i) => {
        expect(a.ok).toBe(false);
        if (a.kind === 'busy') expectApiError(a, 'busy', '请稍后再试');
        else expectApiError(a, undefined, uploads[i].fileName);
      });
      expect(answers.filter((a) => a.kind !== 'busy').length).toBeGreaterThanOrEqual(2);
      const list = await call('projects.list', {});
      expect(list.ok).toBe(true);
    } finally {
      const { rssMb, code } = await web.stop();
      t.cleanup();
      expect(code).toBe(0);
      expect(rssMb, `web host peak ${Math.round(rssMb)} MB`).toBeLessThan(1024);
    }
  }, 120_000);
});
