// The same functions as the importer, the report renderers and the verifier, run in a
// memory-limited worker thread (pool.ts). The API handlers and the CLI call these, so a hostile
// workbook or PDF can stop a worker, never the app or the web host. Signatures mirror the
// originals (all async).
import { basename } from 'node:path';
import type { ImportOptions } from '../import/index';
import type { CellMapping, TypedCorrection } from '../api/corrections';
import type { ReportOptions } from '../report/pdf';
import type { SignOptions, SignerIdentity } from '../report/sign';
import type { VerifyOutcome } from '../report/verify';
import type { OriginalInputs } from '../report/rederive';
import type { CheckRun, ImportedValue, ImportResult } from '../model/types';
import { runTask } from './pool';

const reading = (name: string) => `读取文件“${basename(name)}”`;

export function importWorkbookBuffer(bytes: Uint8Array, fileName: string, opts?: ImportOptions): Promise<ImportResult> {
  return runTask('importWorkbook', { bytes, fileName, opts }, { doing: reading(fileName) });
}

export function importWorkbook(path: string, opts?: ImportOptions): Promise<ImportResult> {
  return runTask('importWorkbookFile', { path, opts }, { doing: reading(path) });
}

export function mappedValue(mapping: CellMapping, bytes: Uint8Array, fileName: string): Promise<ImportedValue> {
  return runTask('mappedValue', { mapping, bytes, fileName }, { doing: '读取修正所指的单元格' });
}

export function applyCorrections(
  imported: ImportResult,
  mappings: readonly CellMapping[],
  typed: readonly TypedCorrection[],
  bytes: Uint8Array | null,
  fileName: string,
): Promise<{ result: ImportResult; mappingsApplied: number }> {
  return runTask('applyCorrections', { imported, mappings: [...mappings], typed: [...typed], bytes, fileName }, { doing: `读取文件“${basename(fileName)}”` });
}

export function renderReportPdf(run: CheckRun, opts: ReportOptions): Promise<Uint8Array> {
  return runTask('renderPdf', { run, opts }, { doing: '生成 PDF 报告' });
}

export function renderReportXlsx(run: CheckRun, opts: ReportOptions): Promise<Uint8Array> {
  return runTask('renderXlsx', { run, opts }, { doing: '生成 Excel 结果' });
}

export function describeSigner(p12: Uint8Array, password: string, certFile?: string): Promise<SignerIdentity> {
  return runTask('describeSigner', { p12, password, certFile }, { doing: `读取签名证书“${certFile ?? '证书文件'}”` });
}

export function signPdf(pdf: Uint8Array, p12: Uint8Array, password: string, opts?: SignOptions): Promise<Uint8Array> {
  return runTask('signPdf', { pdf, p12, password, opts }, { doing: `用签名证书“${opts?.certFile ?? '证书文件'}”签名` });
}

export function verifyReportFile(pdf: Uint8Array, inputs?: OriginalInputs, fileName = '报告'): Promise<VerifyOutcome> {
  return runTask('verifyReportFile', { pdf, inputs }, { doing: `核验报告“${basename(fileName)}”` });
}

export function reportInputs(pdf: Uint8Array, fileName = '报告'): Promise<{ workbook: { file: string; sha256: string }; conditions: { file: string; sha256: string } } | null> {
  return runTask('reportInputs', { pdf }, { doing: `读取报告“${basename(fileName)}”` });
}

export function readReportFingerprint(pdf: Uint8Array, fileName = '报告'): Promise<string | null> {
  return runTask('readFingerprint', { pdf }, { doing: `读取报告“${basename(fileName)}”` });
}

export function readAuditAnchor(pdf: Uint8Array, fileName = '报告') {
  return runTask('readAuditAnchor', { pdf }, { doing: `读取报告“${basename(fileName)}”` });
}
