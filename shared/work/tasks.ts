// The work that runs in a memory-limited worker thread (shared/work/pool.ts): everything that
// parses a file someone else made, or builds a large document. Each task is a plain function of
// structured-clonable data; the worker (worker.ts) looks it up by name. Modules are loaded on
// first use, so a worker that only reads workbooks never loads the PDF or signature libraries.
import type { ImportOptions } from '../import/index';
import type { CellMapping, TypedCorrection } from '../api/corrections';
import type { ReportOptions } from '../report/pdf';
import type { SignOptions } from '../report/sign';
import type { CheckRun, ImportResult } from '../model/types';
import type { OriginalInputs } from '../report/rederive';

export interface AuditAnchorInReport {
  id: number;
  hash: string;
}

const importer = () => import('../import/index');
const corrections = () => import('../api/corrections');
const manifest = () => import('../report/manifest');

export const tasks = {
  importWorkbook: async (i: { bytes: Uint8Array; fileName: string; opts?: ImportOptions }) => (await importer()).importWorkbookBuffer(i.bytes, i.fileName, i.opts),
  importWorkbookFile: async (i: { path: string; opts?: ImportOptions }) => (await importer()).importWorkbook(i.path, i.opts),
  mappedValue: async (i: { mapping: CellMapping; bytes: Uint8Array; fileName: string }) => (await corrections()).mappedValue(i.mapping, i.bytes, i.fileName),
  applyCorrections: async (i: { imported: ImportResult; mappings: CellMapping[]; typed: TypedCorrection[]; bytes: Uint8Array | null; fileName: string }) =>
    (await corrections()).applyCorrections(i.imported, i.mappings, i.typed, i.bytes, i.fileName),
  renderPdf: async (i: { run: CheckRun; opts: ReportOptions }) => (await import('../report/pdf')).renderReportPdf(i.run, i.opts),
  renderXlsx: async (i: { run: CheckRun; opts: ReportOptions }) => (await import('../report/excel')).renderReportXlsx(i.run, i.opts),
  describeSigner: async (i: { p12: Uint8Array; password: string; certFile?: string }) => (await import('../report/sign')).describeSigner(i.p12, i.password, i.certFile),
  signPdf: async (i: { pdf: Uint8Array; p12: Uint8Array; password: string; opts?: SignOptions }) => (await import('../report/sign')).signPdf(i.pdf, i.p12, i.password, i.opts),
  /** Verification of a report, with its original inputs when given (shared/report/verify.ts). */
  verifyReportFile: async (i: { pdf: Uint8Array; inputs?: OriginalInputs }) => (await import('../report/verify')).verifyReportFile(i.pdf, i.inputs),
  /** What a report records about its inputs (to find them in the records), or null. */
  reportInputs: async (i: { pdf: Uint8Array }) => {
    const m = (await import('../report/verify')).inspectReport(i.pdf).manifest;
    return m ? { workbook: m.inputs.workbook, conditions: m.inputs.conditions } : null;
  },
  readFingerprint: async (i: { pdf: Uint8Array }) => (await manifest()).readReportFingerprint(i.pdf),
  /** The audit-chain anchor a report carries in its manifest (`auditAnchor`), if any. */
  readAuditAnchor: async (i: { pdf: Uint8Array }): Promise<{ fingerprint: string | null; anchor: AuditAnchorInReport | null }> => {
    const { readReportManifest, readReportFingerprint } = await manifest();
    const m = readReportManifest(i.pdf) as (ReturnType<typeof readReportManifest> & { auditAnchor?: unknown }) | null;
    const a = m?.auditAnchor as { id?: unknown; hash?: unknown } | undefined;
    const anchor =
      a && typeof a.id === 'number' && Number.isInteger(a.id) && typeof a.hash === 'string' && /^[0-9a-f]{64}$/.test(a.hash) ? { id: a.id, hash: a.hash } : null;
    return { fingerprint: m?.fingerprint ?? readReportFingerprint(i.pdf), anchor };
  },
};

export type Tasks = typeof tasks;
export type TaskName = keyof Tasks;
export type TaskInput<K extends TaskName> = Parameters<Tasks[K]>[0];
export type TaskOutput<K extends TaskName> = Awaited<ReturnType<Tasks[K]>>;
