// Builds the sample projects into seeds/samples/ (or the directory given as first argument):
// <name>.xlsx, <name>.conditions.json, <name>.expected.json. Deterministic: rebuilding gives
// identical bytes (fixed document dates and zip timestamps).
//   npx tsx seeds/scripts/build-samples.ts [outDir]      (npm run samples)
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { xlsxBytes } from './sheet-kit';
import type { Sample } from './sample';
import { residentialJiading } from './samples/residential-jiading';
import { publicMixedSongjiang } from './samples/public-mixed-songjiang';
import { messyRenovation } from './samples/messy-renovation';
import { industrialLingang } from './samples/industrial-lingang';

export const SAMPLES: readonly Sample[] = [residentialJiading, publicMixedSongjiang, messyRenovation, industrialLingang];

export const DEFAULT_OUT_DIR = fileURLToPath(new URL('../samples/', import.meta.url));

const json = (x: unknown) => `${JSON.stringify(x, null, 2)}\n`;

/** Writes every sample into outDir; returns the paths written. */
export async function buildSamples(outDir: string = DEFAULT_OUT_DIR): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const s of SAMPLES) {
    const files: [string, Buffer | string][] = [
      [`${s.name}.xlsx`, await xlsxBytes(s.workbook())],
      [`${s.name}.conditions.json`, json(s.conditions)],
      [`${s.name}.expected.json`, json(s.expected)],
    ];
    for (const [file, data] of files) {
      const p = path.join(outDir, file);
      await writeFile(p, data);
      written.push(p);
    }
  }
  return written;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const out = process.argv[2] ? path.resolve(process.argv[2]) : DEFAULT_OUT_DIR;
  buildSamples(out).then(
    (files) => {
      for (const f of files) console.log(`已生成 ${path.relative(process.cwd(), f)}`);
    },
    (e: unknown) => {
      console.error(`生成示例失败：${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
