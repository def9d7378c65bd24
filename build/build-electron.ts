// Builds the Electron entry files into dist/electron: the main process, its backend thread and
// the task worker as ESM bundles (npm packages stay external and are loaded from node_modules),
// the sandboxed preload as CommonJS that requires nothing but `electron`, and the store's
// migrations next to the bundles.
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error plain .mjs module without types
import { WORKER_CJS, WORKER_FILE } from './worker-bundle.mjs';

const root = join(import.meta.dirname, '..');
const out = join(root, 'dist', 'electron');
mkdirSync(out, { recursive: true });

// The main process and its backend thread (the handlers, electron/backend.ts) as ESM bundles, and
// the memory-limited task worker (shared/work/worker.ts) as CommonJS (build/worker-bundle.mjs),
// side by side: each thread is started from the file next to the one that starts it.
const common = { bundle: true, platform: 'node', target: 'node22', packages: 'external', sourcemap: true, logLevel: 'warning' } as const;
for (const [entry, file] of [
  [join(root, 'electron', 'main.ts'), 'main.mjs'],
  [join(root, 'electron', 'backend.ts'), 'landcheck-backend.mjs'],
]) {
  await build({ ...common, format: 'esm', entryPoints: [entry], outfile: join(out, file) });
}
await build({ ...common, ...(WORKER_CJS as object), entryPoints: [join(root, 'shared', 'work', 'worker.ts')], outfile: join(out, WORKER_FILE) });

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
// a clean copy: a migration renumbered or removed must not linger from an earlier build
rmSync(join(out, 'migrations'), { recursive: true, force: true });
cpSync(join(root, 'shared', 'store', 'migrations'), join(out, 'migrations'), { recursive: true });
console.log(`Electron 入口已构建：${out}`);
