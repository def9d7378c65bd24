// Builds the renderer once before the end-to-end specs (vite build, ~2 s).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

export default function globalSetup(): void {
  const root = resolve(import.meta.dirname, '..', '..');
  if (!process.env.LANDCHECK_SKIP_BUILD) {
    execFileSync(process.execPath, [resolve(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  }
  mkdirSync(resolve(root, 'test-results/screens'), { recursive: true });
}
