// Writing the generated seed files and running a generator as a script, shared by
// build-samples.ts and build-corpus.ts. Each workbook is three files: <name>.xlsx,
// <name>.conditions.json and <name>.expected.json (xlsxBytes: fixed dates and zip timestamps, so
// rebuilding gives identical bytes).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type ExcelJS from 'exceljs';
import { xlsxBytes } from './sheet-kit';

export type SeedFile = [name: string, data: Buffer | string];

/** JSON as the seed files write it: two-space indent, final newline. */
export const json = (x: unknown) => `${JSON.stringify(x, null, 2)}\n`;

/** The three files of one generated workbook (a sample or a corpus workbook). */
export async function workbookFiles(s: { name: string; workbook(): ExcelJS.Workbook; conditions: unknown; expected: unknown }): Promise<SeedFile[]> {
  return [
    [`${s.name}.xlsx`, await xlsxBytes(s.workbook())],
    [`${s.name}.conditions.json`, json(s.conditions)],
    [`${s.name}.expected.json`, json(s.expected)],
  ];
}

/** Writes the files into outDir (created when missing), in order; returns the paths written. */
export async function writeSeedFiles(outDir: string, files: SeedFile[]): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const [file, data] of files) {
    const p = path.join(outDir, file);
    await writeFile(p, data);
    written.push(p);
  }
  return written;
}

/**
 * When the module `moduleUrl` is the script node was started with: builds into the directory given
 * as first argument (or `defaultDir`), prints each file written, or one Chinese message and exit 1.
 */
export function runAsScript(moduleUrl: string, defaultDir: string, build: (outDir: string) => Promise<string[]>, failure: string): void {
  const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(moduleUrl);
  if (!isMain) return;
  const out = process.argv[2] ? path.resolve(process.argv[2]) : defaultDir;
  build(out).then(
    (files) => {
      for (const f of files) console.log(`已生成 ${path.relative(process.cwd(), f)}`);
    },
    (e: unknown) => {
      console.error(`${failure}：${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
