// The archive of issued report files (migration 005_report_files): each file handed out is kept
// with its own SHA-256 and the code printed in its footer, so that
// - any of several PDFs and Excel files of one run is recognised by its bytes,
// - a receiver's code (核验码 LC-XXXX-XXXX-XXXX, or the fingerprint from the QR code) finds the
//   issuing office's records,
// - the original inputs of a report (workbook by hash, condition set by hash) can be found to make
//   it again for verification.
// A record module of the store (store.ts composes it); insertIssuedFile runs inside the report's
// own write (issued-reports.ts).
import type { Database } from './sqlite.js';
import { canonicalJson } from './canonical.js';
import type { Overall } from '../model/types.js';
import type { StoreContext } from './context.js';

export interface ReportArchiveRecords {
  /** The issued file with exactly these bytes (SHA-256), if this office issued it. */
  issuedFile(sha256: string): IssuedFile | null;
  /** Every file issued under a footer code or a fingerprint, newest first. */
  issuedFiles(q: { code: string } | { fingerprint: string }): IssuedFile[];
  /** A stored workbook file by its SHA-256 (the original input of a report). */
  workbookBySha(sha256: string): { bytes: Uint8Array; fileName: string } | null;
  /** A stored condition set by the SHA-256 of its canonical JSON. */
  conditionSetBySha(sha256: string): { doc: unknown; projectId: number; version: number } | null;
}

export function reportArchiveRecords(ctx: StoreContext): ReportArchiveRecords {
  const { db } = ctx;
  return {
    issuedFile: (sha) => issuedFileBySha(db, sha),
    issuedFiles: (q) => issuedFilesByCode(db, q),
    workbookBySha: (sha) => workbookBySha(db, sha),
    conditionSetBySha: (sha) => conditionSetBySha(db, sha),
  };
}

export interface IssuedFileInput {
  fileSha256: string;
  shortCode: string;
  reportNo?: string;
  orgName?: string;
  meta?: Record<string, unknown>;
}

export interface IssuedFile {
  reportId: number;
  runId: number;
  projectId: number;
  projectName: string;
  fingerprint: string;
  fileName: string;
  kind: 'pdf' | 'xlsx';
  fileSha256: string;
  shortCode: string;
  reportNo: string | null;
  orgName: string | null;
  issuedAt: string;
  overall: Overall;
  meta: Record<string, unknown>;
}

/** 'LC-3F9A-1C2B-77D0' from anything a receiver may type or scan: the code, the QR text, the fingerprint. */
export function codeFromText(text: string): { code: string } | { fingerprint: string } | null {
  const hex = /\b([0-9a-f]{64})\b/i.exec(text);
  if (hex) return { fingerprint: hex[1].toLowerCase() };
  const m = /LC[-\s]*([0-9A-F]{4})[-\s]*([0-9A-F]{4})[-\s]*([0-9A-F]{4})/i.exec(text.replace(/[－—–]/g, '-'));
  return m ? { code: `LC-${m[1]}-${m[2]}-${m[3]}`.toUpperCase() } : null;
}

export function insertIssuedFile(db: Database, reportId: number, at: string, f: IssuedFileInput): void {
  db.prepare('INSERT INTO report_files (report_id, file_sha256, short_code, report_no, org_name, issued_at, meta) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    reportId,
    f.fileSha256,
    f.shortCode,
    f.reportNo ?? null,
    f.orgName ?? null,
    at,
    canonicalJson(f.meta ?? {}),
  );
}

const SELECT = `
  SELECT rf.report_id, rp.run_id, ru.project_id, p.name AS project_name, rp.fingerprint, rp.file_name, rp.kind,
         rf.file_sha256, rf.short_code, rf.report_no, rf.org_name, rf.issued_at, ru.overall, rf.meta
  FROM report_files rf
  JOIN reports rp ON rp.id = rf.report_id
  JOIN runs ru ON ru.id = rp.run_id
  JOIN projects p ON p.id = ru.project_id`;

interface Row {
  report_id: number;
  run_id: number;
  project_id: number;
  project_name: string;
  fingerprint: string;
  file_name: string;
  kind: 'pdf' | 'xlsx';
  file_sha256: string;
  short_code: string;
  report_no: string | null;
  org_name: string | null;
  issued_at: string;
  overall: Overall;
  meta: string;
}

function toIssued(r: Row): IssuedFile {
  let meta: Record<string, unknown> = {};
  try {
    meta = JSON.parse(r.meta) as Record<string, unknown>;
  } catch {
    meta = {};
  }
  return {
    reportId: r.report_id,
    runId: r.run_id,
    projectId: r.project_id,
    projectName: r.project_name,
    fingerprint: r.fingerprint,
    fileName: r.file_name,
    kind: r.kind,
    fileSha256: r.file_sha256,
    shortCode: r.short_code,
    reportNo: r.report_no,
    orgName: r.org_name,
    issuedAt: r.issued_at,
    overall: r.overall,
    meta,
  };
}

/** The issued file with exactly these bytes, if this office issued it. */
export function issuedFileBySha(db: Database, sha256: string): IssuedFile | null {
  const r = db.prepare(`${SELECT} WHERE rf.file_sha256 = ? ORDER BY rf.id DESC LIMIT 1`).get(sha256.toLowerCase()) as Row | undefined;
  return r ? toIssued(r) : null;
}

/** Every file issued under a code or a fingerprint (several files of one run share it), newest first. */
export function issuedFilesByCode(db: Database, q: { code: string } | { fingerprint: string }): IssuedFile[] {
  const rows =
    'code' in q
      ? (db.prepare(`${SELECT} WHERE rf.short_code = ? ORDER BY rf.id DESC LIMIT 200`).all(q.code) as Row[])
      : (db.prepare(`${SELECT} WHERE rp.fingerprint = ? ORDER BY rf.id DESC LIMIT 200`).all(q.fingerprint) as Row[]);
  return rows.map(toIssued);
}

/** A stored workbook file by its SHA-256 (the original input of a report). */
export function workbookBySha(db: Database, sha256: string): { bytes: Uint8Array; fileName: string } | null {
  const r = db
    .prepare('SELECT wf.bytes, (SELECT file_name FROM imports i WHERE i.workbook_sha256 = wf.sha256 ORDER BY i.id DESC LIMIT 1) AS file_name FROM workbook_files wf WHERE wf.sha256 = ?')
    .get(sha256) as { bytes: Buffer; file_name: string | null } | undefined;
  return r ? { bytes: new Uint8Array(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength), fileName: r.file_name ?? 'workbook.xlsx' } : null;
}

/** A stored condition set by the SHA-256 of its canonical JSON. */
export function conditionSetBySha(db: Database, sha256: string): { doc: unknown; projectId: number; version: number } | null {
  const r = db.prepare('SELECT doc, project_id, version FROM condition_sets WHERE sha256 = ? ORDER BY id DESC LIMIT 1').get(sha256) as
    | { doc: string; project_id: number; version: number }
    | undefined;
  return r ? { doc: JSON.parse(r.doc), projectId: r.project_id, version: r.version } : null;
}
