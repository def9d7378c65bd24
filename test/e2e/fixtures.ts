// Each test gets its own local web host (cli/web.ts) on a random port with a fresh SQLite file.
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';
import type { ApiInput, ApiOutputs, Method } from '../../shared/api/contract';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const SAMPLES = join(ROOT, 'seeds', 'samples');
export const SCREENS = join(ROOT, 'test-results', 'screens');

export interface Host {
  /** The address the web host printed (origin plus `#token=…`): what a user opens. */
  url: string;
  /** http://127.0.0.1:<port> */
  origin: string;
  /** This start's secret, sent as X-LandCheck-Token. */
  token: string;
  dir: string;
  /** Calls the API over HTTP as the page would (same-origin POST). */
  api: <M extends Method>(method: M, input: ApiInput<M>) => Promise<ApiOutputs[M]>;
}

/** The user name the app is set up with (the first-run prompt has its own test, with none). */
export const USER = '陈审查';
/**
 * Waiting for a verification result: the app makes the report again from its inputs in a worker,
 * which takes seconds on a loaded machine (speed is measured by `npm run bench`, not here).
 */
export const VERIFYING = { timeout: 60_000 };

async function startHost(opts: { userName: string | null } = { userName: USER }): Promise<{ host: Host; child: ChildProcess }> {
  const dir = mkdtempSync(join(tmpdir(), 'landcheck-e2e-'));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'cli/web.ts', '--db', join(dir, 'landcheck.sqlite'), '--port', '0', '--static', 'dist/renderer'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const [url, origin, token] = await new Promise<[string, string, string]>((resolveUrl, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`web host did not start in 30 s: ${stderr}`)), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /LISTENING ((http:\/\/127\.0\.0\.1:\d+)\/#token=([A-Za-z0-9_-]+))/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolveUrl([m[1]!, m[2]!, m[3]!]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited (${code}): ${stderr}`));
    });
  });
  const api = async <M extends Method>(method: M, input: ApiInput<M>): Promise<ApiOutputs[M]> => {
    const res = await fetch(`${origin}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-LandCheck-Token': token },
      body: JSON.stringify(input),
    });
    const env = (await res.json()) as { ok: boolean; value?: unknown; error?: string };
    if (!env.ok) throw new Error(`${method}: ${env.error}`);
    return env.value as ApiOutputs[M];
  };
  if (opts.userName) await api('settings.save', { userName: opts.userName });
  return { host: { url, origin, token, dir, api }, child };
}

export const test = base.extend<{ host: Host; userName: string | null }>({
  userName: [USER, { option: true }],
  host: async ({ userName }, use) => {
    const { host, child } = await startHost({ userName });
    try {
      await use(host);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      rmSync(host.dir, { recursive: true, force: true });
    }
  },
});

export { expect };

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENS, `${name}.png`) });
}

/** Browser globals used inside page.evaluate (the Node-side tsconfig has no DOM lib). */
export interface BrowserGlobals {
  document: { querySelector(selector: string): { click(): void } | null };
  requestAnimationFrame(cb: () => void): number;
}

/** A small real PNG (red ring on transparent), as a seal image for the report. */
export function sealPng(size = 96): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  const r0 = size / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - r0 + 0.5, y - r0 + 0.5);
      const on = d < r0 - 2 && d > r0 - 8;
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = 0xd4;
      raw[o + 3] = on ? 255 : 0;
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
