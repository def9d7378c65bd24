// The results every condition file under seeds/ gives on every sample workbook, in a compact form
// compared by test/conditions/compat.test.ts: condition files written before the additions of
// docs/formats.md §6 must check exactly as before.
//
// Regenerate (only when the verdict logic changes on purpose, e.g. after merging a new evidence
// policy): npx tsx test/conditions/seeds-baseline.ts --write
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { canonicalJson, sha256Hex } from '../../shared/canonical';
import { parseConditions } from '../../shared/conditions/index';
import { evaluate } from '../../shared/check/engine';
import { importWorkbook } from '../../shared/import/index';
import type { Finding, ImportResult } from '../../shared/model/types';

export const BASELINE_FILE = join(process.cwd(), 'test', 'conditions', 'fixtures', 'seeds-baseline.json');

/** Every JSON file under seeds/ that declares the conditions format, relative to the repository. */
export function seedConditionFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.json') && readFileSync(p, 'utf8').includes('"landcheck.conditions/v1"')) out.push(relative(process.cwd(), p));
    }
  };
  walk(join(process.cwd(), 'seeds'));
  return out;
}

export function sampleWorkbooks(): string[] {
  const dir = join(process.cwd(), 'seeds', 'samples');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.xlsx'))
    .sort()
    .map((f) => relative(process.cwd(), join(dir, f)));
}

/** The workbook a condition file was written for (seeds/…/name.conditions.json → name.xlsx), if any. */
export function ownWorkbook(conditionFile: string): string | undefined {
  const w = conditionFile.replace(/\.conditions\.json$/, '.xlsx');
  return w !== conditionFile && existsSync(w) ? w : undefined;
}

/** One line per finding (readable in a diff) and a hash of the whole findings (messages included). */
export function summarise(findings: Finding[]): { lines: string[]; sha256: string } {
  const stripped = findings.map(({ calculation: _c, ...f }) => f);
  return {
    lines: findings.map(
      (f) => `${f.conditionId} | ${f.building ?? '项目'} | ${f.verdict} | ${f.required} | ${JSON.stringify(f.declared)} | ${JSON.stringify(f.computed)}`,
    ),
    sha256: sha256Hex(canonicalJson(stripped)),
  };
}

export type Baseline = Record<string, { lines: string[]; sha256: string }>;

/** Every condition file on every sample workbook, and on its own workbook. */
export async function computeBaseline(conditionFiles: string[], imports: Map<string, ImportResult>): Promise<Baseline> {
  const out: Baseline = {};
  for (const c of conditionFiles) {
    const doc = parseConditions(readFileSync(c, 'utf8'), c);
    const own = ownWorkbook(c);
    const workbooks = [...sampleWorkbooks(), ...(own && !sampleWorkbooks().includes(own) ? [own] : [])];
    for (const w of workbooks) {
      if (!imports.has(w)) imports.set(w, await importWorkbook(w));
      out[`${c} × ${w}`] = summarise(evaluate(imports.get(w)!, doc));
    }
  }
  return out;
}

export async function importSamples(): Promise<Map<string, ImportResult>> {
  const imports = new Map<string, ImportResult>();
  for (const w of sampleWorkbooks()) imports.set(w, await importWorkbook(w));
  return imports;
}

if (process.argv.includes('--write')) {
  const baseline = await computeBaseline(seedConditionFiles(), await importSamples());
  writeFileSync(BASELINE_FILE, `${JSON.stringify(baseline, null, 1)}\n`);
  process.stdout.write(`wrote ${Object.keys(baseline).length} pairs to ${relative(process.cwd(), BASELINE_FILE)}\n`);
}
