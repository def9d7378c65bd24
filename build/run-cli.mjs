// Starts a command-line entry (cli/<name>.ts) fast: the entry is bundled once with esbuild into
// dist/cli/<name>.mjs (npm packages stay external) and rebuilt only when a source file is newer,
// so `npm run check` needs no build step and does not pay for a TypeScript loader on every run.
import { cpSync, existsSync, readdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WORKER_CJS, WORKER_FILE } from './worker-bundle.mjs';

const root = join(import.meta.dirname, '..');
const name = process.argv[2];
if (!name || !/^[a-z-]+$/.test(name) || !existsSync(join(root, 'cli', `${name}.ts`))) {
  process.stderr.write(`错误：未知的命令 ${name ?? ''}\n`);
  process.exit(3);
}
process.argv.splice(2, 1); // the entry sees its own arguments only

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const out = join(root, 'dist', 'cli', `${name}.mjs`);
// The task worker (shared/work/worker.ts) is bundled next to the entries: shared/work/pool.ts
// loads it from there when it runs from a bundle (build/worker-bundle.mjs).
const worker = join(root, 'dist', 'cli', WORKER_FILE);
const sourcesTime = Math.max(
  newest(join(root, 'shared')),
  newest(join(root, 'cli')),
  statSync(join(root, 'package.json')).mtimeMs,
  statSync(join(root, 'build', 'worker-bundle.mjs')).mtimeMs,
);
const common = { bundle: true, platform: 'node', target: 'node20', packages: 'external', logLevel: 'error' };
/** @type {[entry: string, file: string, options: Record<string, unknown>][]} */
const bundles = [
  [join(root, 'cli', `${name}.ts`), out, { format: 'esm' }],
  [join(root, 'shared', 'work', 'worker.ts'), worker, WORKER_CJS],
];
for (const [entry, file, options] of bundles) {
  if (existsSync(file) && statSync(file).mtimeMs >= sourcesTime) continue;
  const { build } = await import('esbuild'); // only when something must be rebuilt
  const tmp = `${file}.${process.pid}.tmp`;
  await build({ ...common, ...options, entryPoints: [entry], outfile: tmp });
  renameSync(tmp, file); // atomic: a concurrent run sees the old or the new bundle, never half of one
}
// shared/store/migrate.ts reads ./migrations next to the module that runs it (npm run audit).
if (!existsSync(join(root, 'dist', 'cli', 'migrations')) || statSync(join(root, 'dist', 'cli', 'migrations')).mtimeMs < newest(join(root, 'shared', 'store', 'migrations'))) {
  cpSync(join(root, 'shared', 'store', 'migrations'), join(root, 'dist', 'cli', 'migrations'), { recursive: true });
}
await import(pathToFileURL(out).href);
