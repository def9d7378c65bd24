// Real reports of the sample projects (import + check + render), and their original inputs, for
// tests that verify reports end to end.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckRun } from '../../shared/model/types';
import { runCheck } from '../../shared/check/run';
import { loadConditions } from '../../shared/conditions/index';
import { renderReportPdf, type ReportOptions } from '../../shared/report/pdf';
import type { OriginalInputs } from '../../shared/report/rederive';

export const SAMPLES = join(process.cwd(), 'seeds', 'samples');
export const ISSUED = new Date('2026-11-20T02:30:00Z');

const runs = new Map<string, Promise<CheckRun>>();

export function sampleRun(name: string): Promise<CheckRun> {
  let r = runs.get(name);
  if (!r) {
    r = runCheck({ sheetPath: join(SAMPLES, `${name}.xlsx`), conditionsPath: join(SAMPLES, `${name}.conditions.json`), now: new Date('2026-11-19T09:00:00Z') });
    runs.set(name, r);
  }
  return r;
}

export async function sampleReport(name: string, opts: Partial<ReportOptions> = {}): Promise<Uint8Array> {
  return renderReportPdf(await sampleRun(name), { org: { name: '上海市某施工图审查中心', sealText: '审查专用章' }, issuedAt: ISSUED, ...opts });
}

export async function sampleInputs(name: string): Promise<OriginalInputs> {
  return {
    workbook: { bytes: readFileSync(join(SAMPLES, `${name}.xlsx`)), name: `${name}.xlsx` },
    conditions: { doc: await loadConditions(join(SAMPLES, `${name}.conditions.json`)), name: `${name}.conditions.json` },
  };
}
