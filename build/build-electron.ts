// Builds the Electron entry files into dist/electron: the main process, its backend thread and
// the task worker as ESM bundles (npm packages stay external and are loaded from node_modules),
// the sandboxed preload as CommonJS that requires nothing but `electron`, and the store's
// migrations next to the bundles.
import { build } from 'esbuild';
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const out = join(root, 'dist', 'electron');
mkdirSync(out, { recursive: true });

// The main process, its backend thread (the handlers, electron/backend.ts) and the memory-limited
// task worker (shared/work/worker.ts): three ESM bundles side by side, each thread started from
// the file next to the one that starts it.
for (const [entry, file] of [
  [join(root, 'electron', 'main.ts'), 'main.mjs'],
  [join(root, 'electron', 'backend.ts'), 'landcheck-backend.mjs'],
  [join(root, 'shared', 'work', 'worker.ts'), 'landcheck-worker.mjs'],
]) {
  await build({
    entryPoints: [entry],
    outfile: join(out, file),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}

await build({
  entryPoints: [join(root, 'electron', 'preload.ts')],
  outfile: join(out, 'preload.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron'],
  logLevel: 'warning',
});

// shared/store/migrate.ts reads ./migrations next to the module that runs it.
cpSync(join(root, 'shared', 'store', 'migrations'), join(out, 'migrations'), { recursive: true });
console.log(`Electron 入口已构建：${out}`);
