// Builds the sample projects into seeds/samples/ (or the directory given as first argument):
// <name>.xlsx, <name>.conditions.json, <name>.expected.json. Deterministic: rebuilding gives
// identical bytes (fixed document dates and zip timestamps).
//   npx tsx seeds/scripts/build-samples.ts [outDir]      (npm run samples)
import { fileURLToPath } from 'node:url';
import { runAsScript, workbookFiles, writeSeedFiles, type SeedFile } from './seed-files';
import type { Sample } from './sample';
import { residentialJiading } from './samples/residential-jiading';
import { publicMixedSongjiang } from './samples/public-mixed-songjiang';
import { messyRenovation } from './samples/messy-renovation';
import { industrialLingang } from './samples/industrial-lingang';

export const SAMPLES: readonly Sample[] = [residentialJiading, publicMixedSongjiang, messyRenovation, industrialLingang];

export const DEFAULT_OUT_DIR = fileURLToPath(new URL('../samples/', import.meta.url));

/** Writes every sample into outDir; returns the paths written. */
export async function buildSamples(outDir: string = DEFAULT_OUT_DIR): Promise<string[]> {
  const files: SeedFile[] = [];
  for (const s of SAMPLES) files.push(...(await workbookFiles(s)));
  return writeSeedFiles(outDir, files);
}

runAsScript(import.meta.url, DEFAULT_OUT_DIR, buildSamples, '生成示例失败');
