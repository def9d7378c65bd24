// The work that runs in a memory-limited worker thread (shared/work/pool.ts): everything that
// parses a file someone else made, or builds a large document. Each task is a plain function of
// structured-clonable data; the worker (worker.ts) looks it up by name.
import { importWorkbook, importWorkbookBuffer, type ImportOptions } from '../import/index';
import { applyCorrections, correctionValue, type Correction } from '../api/corrections';
import { renderReportPdf, type ReportOptions } from '../report/pdf';
import { renderReportXlsx } from '../report/excel';
import { describeSigner, signPdf, type SignOptions } from '../report/sign';
import { verifyReport } from '../report/verify';
import { readReportFingerprint, readReportManifest } from '../report/manifest';
import type { CheckRun, ImportResult } from '../model/types';

export interface AuditAnchorInReport {
  id: number;
  hash: string;
}

export const tasks = {
  importWorkbook: (i: { bytes: Uint8Array; fileName: string; opts?: ImportOptions }) => importWorkbookBuffer(i.bytes, i.fileName, i.opts),
  importWorkbookFile: (i: { path: string; opts?: ImportOptions }) => importWorkbook(i.path, i.opts),
  correctionValue: (i: { correction: Correction; bytes: Uint8Array | null }) => correctionValue(i.correction, i.bytes),
  applyCorrections: (i: { imported: ImportResult; corrections: Correction[]; bytes: Uint8Array | null }) =>
    applyCorrections(i.imported, i.corrections, i.bytes),
  renderPdf: (i: { run: CheckRun; opts: ReportOptions }) => renderReportPdf(i.run, i.opts),
  renderXlsx: (i: { run: CheckRun; opts: ReportOptions }) => renderReportXlsx(i.run, i.opts),
  describeSigner: async (i: { p12: Uint8Array; password: string; certFile?: string }) => describeSigner(i.p12, i.password, i.certFile),
  signPdf: async (i: { pdf: Uint8Array; p12: Uint8Array; password: string; opts?: SignOptions }) => signPdf(i.pdf, i.p12, i.password, i.opts),
  verifyReport: async (i: { pdf: Uint8Array; run: CheckRun }) => verifyReport(i.pdf, i.run),
  readFingerprint: async (i: { pdf: Uint8Array }) => readReportFingerprint(i.pdf),
  /** The audit-chain anchor a report carries in its manifest (`auditAnchor`), if any. */
  readAuditAnchor: async (i: { pdf: Uint8Array }): Promise<{ fingerprint: string | null; anchor: AuditAnchorInReport | null }> => {
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
