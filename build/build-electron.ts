// Builds the Electron entry files into dist/electron: the main process as one ESM bundle (npm
// packages stay external and are loaded from node_modules), the sandboxed preload as CommonJS
// that requires nothing but `electron`, and the store's migrations next to the bundle.
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const out = join(root, 'dist', 'electron');
mkdirSync(out, { recursive: true });

await build({
  entryPoints: [join(root, 'electron', 'main.ts')],
  outfile: join(out, 'main.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});

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
