// Making a report again from its original inputs and the options recorded in it: the workbook
// is imported, the recorded hand entries are applied, the conditions are checked at the recorded
// time, the recorded overrides are applied, and the pages are laid out with the recorded
// organisation, project identity, report number and moment of issue. Given the same LandCheck,
// the result shows exactly the pages of the issued report.
import type { CheckRun, ConditionsDoc } from '../model/types';
import { importWorkbookBuffer } from '../import/index';
import { applyCorrections } from '../api/corrections';
import { checkImported } from '../check/run';
import { applyOverrides } from '../check/overrides';
import type { Manifest } from './manifest';
import { correctionsOf, optionsFromRecord } from './options';
import { renderReportPdf } from './pdf';

export interface OriginalInputs {
  workbook: { bytes: Uint8Array; name: string };
  conditions: { doc: ConditionsDoc; name: string };
}

export async function rederiveRun(m: Manifest, inputs: OriginalInputs): Promise<CheckRun> {
  const bytes = inputs.workbook.bytes;
  // The recorded file names (a copy may have been renamed; the hashes identify the files).
  const file = m.inputs.workbook.file || inputs.workbook.name;
  const raw = await importWorkbookBuffer(bytes, file);
  const { mappings, typed } = correctionsOf(m.inputs.corrections);
  const { result: imported } = await applyCorrections(raw, mappings, typed, bytes, file);
  const run = checkImported(imported, inputs.conditions.doc, m.inputs.conditions.file || inputs.conditions.name, new Date(m.inputs.checkedAt));
  return applyOverrides(run, m.inputs.overrides);
}

export async function rederiveReport(m: Manifest, run: CheckRun, sealPng?: Uint8Array): Promise<Uint8Array> {
  return renderReportPdf(run, optionsFromRecord(m.options, { issuedAt: new Date(m.issuedAt), sealPng, auditAnchor: m.auditAnchor }));
}
