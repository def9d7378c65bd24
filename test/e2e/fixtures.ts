// Each test gets its own local web host (cli/web.ts) on a random port with a fresh SQLite file.
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ApiInput, ApiOutputs, Method } from '../../shared/api/contract';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const SAMPLES = join(ROOT, 'seeds', 'samples');
export const SCREENS = join(ROOT, 'test-results', 'screens');

export interface Host {
  url: string;
  dir: string;
  /** Calls the API over HTTP as the page would (same-origin POST). */
  api: <M extends Method>(method: M, input: ApiInput<M>) => Promise<ApiOutputs[M]>;
}

async function startHost(): Promise<{ host: Host; child: ChildProcess }> {
  const dir = mkdtempSync(join(tmpdir(), 'landcheck-e2e-'));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'cli/web.ts', '--db', join(dir, 'landcheck.sqlite'), '--port', '0', '--static', 'dist/renderer'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`web host did not start in 30 s: ${stderr}`)), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /LISTENING (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited (${code}): ${stderr}`));
    });
  });
  const api = async <M extends Method>(method: M, input: ApiInput<M>): Promise<ApiOutputs[M]> => {
    const res = await fetch(`${url}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
    const env = (await res.json()) as { ok: boolean; value?: unknown; error?: string };
    if (!env.ok) throw new Error(`${method}: ${env.error}`);
    return env.value as ApiOutputs[M];
  };
  return { host: { url, dir, api }, child };
}

export const test = base.extend<{ host: Host }>({
  host: async ({}, use) => {
    const { host, child } = await startHost();
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
