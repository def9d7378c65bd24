// Starting a worker thread from source or from a bundle. From source (tsx, vitest) the entry is a
// TypeScript module, loaded through tsx's API inside the new thread; from a bundle (dist/cli,
// dist/electron) it is a bundled .mjs file next to the bundle that starts it. `here` is the
// caller's import.meta.url, which tells the two apart.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

export function startThread(here: string, source: string, bundle: string, options: WorkerOptions = {}): Worker {
  // From source the caller's URL ends in .ts (possibly followed by tsx's ?namespace query).
  if (new URL(here).pathname.endsWith('.ts')) {
    const require = createRequire(here);
    const api = pathToFileURL(join(dirname(require.resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs')).href;
    const entry = new URL(source, here).href;
    const code = `import(${JSON.stringify(api)}).then((m) => m.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(here)}));`;
    return new Worker(code, { ...options, eval: true });
  }
  const bundled = new URL(bundle, here);
  if (!existsSync(fileURLToPath(bundled))) throw new Error(`${bundle} is missing next to ${fileURLToPath(here)}`);
  return new Worker(bundled, options);
}
