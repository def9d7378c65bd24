// Every bundled sample checks with the verdicts its contract implies (seeds/samples/*.expected.json,
// derived by hand from the domain rules): the engine end to end on the shipped files.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../shared/check/run';

const DIR = join(process.cwd(), 'seeds', 'samples');
const samples = readdirSync(DIR)
  .filter((f) => f.endsWith('.xlsx'))
  .map((f) => f.replace(/\.xlsx$/, ''));

interface Expected {
  overall: string;
  exit: number;
  findings: Array<{ conditionId: string; building: string | null; verdict: string; why: string }>;
}

describe('bundled samples', () => {
  it('there are at least three, covering pass, fail and incomplete', () => {
    expect(samples.length).toBeGreaterThanOrEqual(3);
    const overall = samples.map((s) => (JSON.parse(readFileSync(join(DIR, `${s}.expected.json`), 'utf8')) as Expected).overall);
    expect(new Set(overall)).toEqual(new Set(['pass', 'fail', 'incomplete']));
  });

  for (const s of samples) {
    it(`${s}: every finding has the expected verdict`, async () => {
      const expected = JSON.parse(readFileSync(join(DIR, `${s}.expected.json`), 'utf8')) as Expected;
      const run = await runCheck({ sheetPath: join(DIR, `${s}.xlsx`), conditionsPath: join(DIR, `${s}.conditions.json`) });
      const got = run.result.findings.map((f) => `${f.conditionId} ${f.building ?? '（项目）'} → ${f.verdict}`);
      const want = expected.findings.map((f) => `${f.conditionId} ${f.building ?? '（项目）'} → ${f.verdict}`);
      expect(got).toEqual(want);
      expect(run.result.overall).toBe(expected.overall);
      // every finding cites a cell of this workbook (or says why it has none)
      for (const f of run.result.findings) {
        if (f.verdict === 'missing' && f.source === null) continue;
        expect(f.source, `${f.conditionId} ${f.building}`).toMatch(/^[^!]+![A-Z]+\d+$/);
        expect(run.imported.sheets).toContain(f.source!.split('!')[0]);
      }
    });
  }
});
