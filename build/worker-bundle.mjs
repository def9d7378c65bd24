// esbuild options of the task worker bundle (shared/work/worker.ts → landcheck-worker.cjs), used
// by build/run-cli.mjs and build/build-electron.ts. CommonJS, so that each task's libraries load
// on first use (an ESM bundle hoists every package import to its start); import.meta.url gets
// its CommonJS value for the modules that locate files with it.
export const WORKER_FILE = 'landcheck-worker.cjs';

export const WORKER_CJS = {
  format: 'cjs',
  define: { 'import.meta.url': '__landcheckModuleUrl' },
  banner: { js: 'const __landcheckModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
};
