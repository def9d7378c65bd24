// Condition files written before the additions of docs/formats.md §6 load and check exactly as
// before: every condition file under seeds/ is evaluated on every sample workbook and compared,
// finding by finding (messages included, through a hash), with the baseline recorded before the
// additions (test/conditions/fixtures/seeds-baseline.json; see seeds-baseline.ts to regenerate).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseConditions } from '../../shared/conditions/index';
import type { ImportResult } from '../../shared/model/types';
import { BASELINE_FILE, computeBaseline, importSamples, seedConditionFiles, type Baseline } from './seeds-baseline';

const baseline = JSON.parse(readFileSync(BASELINE_FILE, 'utf8')) as Baseline;
const recordedFiles = [...new Set(Object.keys(baseline).map((k) => k.split(' × ')[0]))];
/** When the verdict logic changes on purpose (a new evidence policy), the baseline is recorded again. */
const AGAIN = '（verdict logic changed on purpose? record again: npx tsx test/conditions/seeds-baseline.ts --write）';

describe('condition files written before the additions', () => {
  let imports: Map<string, ImportResult>;
  beforeAll(async () => {
    imports = await importSamples();
  });

  it('every condition file under seeds/ still loads', () => {
    const files = seedConditionFiles();
    expect(files.length).toBeGreaterThanOrEqual(recordedFiles.length);
    for (const f of files) expect(() => parseConditions(readFileSync(f, 'utf8'), f), f).not.toThrow();
  });

  for (const file of recordedFiles) {
    it(`${file}: identical findings on every sample workbook`, async () => {
      const now = await computeBaseline([file], imports);
      for (const key of Object.keys(baseline).filter((k) => k.startsWith(`${file} × `))) {
        expect(now[key]?.lines, `${key} ${AGAIN}`).toEqual(baseline[key].lines);
        expect(now[key]?.sha256, `${key}: same verdicts, but a message or field changed ${AGAIN}`).toBe(baseline[key].sha256);
      }
    });
  }
});
