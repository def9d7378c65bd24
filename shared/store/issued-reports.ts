// Issued reports: one row per generated PDF/Excel (fingerprint, file name, the file's bytes and
// hash), found again by fingerprint, even after the project was deleted (from the audit log).

import type { Overall } from '../model/types.js';
import { sha256Hex } from './canonical.js';
import { StoreError } from './errors.js';
import { nonEmpty, toBuffer, toBytes, type StoreContext } from './context.js';
import type { ReportLookup, ReportRecord } from './types.js';
import { insertIssuedFile, type IssuedFileInput } from './reports.js';

export interface IssuedReportRecords {
  /** `archive`: the issued file's entry in the per-file archive (reports.ts). */
  recordReport(runId: number, r: { fingerprint: string; fileName: string; kind: 'pdf' | 'xlsx'; bytes?: Uint8Array; user?: string; archive?: IssuedFileInput }): number;
  /** Newest first. */
  reportsForProject(projectId: number): ReportRecord[];
  findReportByFingerprint(hex: string): ReportLookup | null;
  reportBytes(reportId: number): Uint8Array | null;
}

interface ReportRow {
  id: number;
  run_id: number;
  project_id: number;
  fingerprint: string;
  file_name: string;
  kind: 'pdf' | 'xlsx';
  bytes_sha256: string | null;
  created_at: string;
}

function toReport(r: ReportRow): ReportRecord {
  return {
    id: r.id,
    runId: r.run_id,
    projectId: r.project_id,
    fingerprint: r.fingerprint,
    fileName: r.file_name,
    kind: r.kind,
    ...(r.bytes_sha256 ? { bytesSha256: r.bytes_sha256 } : {}),
    createdAt: r.created_at,
  };
}

/** Lower-case hex without spaces, dashes or colons (as printed on a report), or null. */
export function normaliseFingerprint(hex: unknown): string | null {
  if (typeof hex !== 'string') return null;
  const s = hex.replace(/[\s:-]/g, '').toLowerCase();
  return /^[0-9a-f]{8,128}$/.test(s) ? s : null;
}

export function issuedReportRecords(ctx: StoreContext): IssuedReportRecords {
  const { db } = ctx;
  return {
    recordReport(runId, r) {
      const fp = normaliseFingerprint(r?.fingerprint);
      if (!fp) throw new StoreError(`报告指纹“${String(r?.fingerprint)}”无效，应为十六进制字符串。`, 'invalid');
      const fileName = nonEmpty(r.fileName, '报告文件名');
      if (r.kind !== 'pdf' && r.kind !== 'xlsx') throw new StoreError(`报告类型“${String(r.kind)}”无效，应为 pdf 或 xlsx。`, 'invalid');
      const bytes = r.bytes ? toBuffer(r.bytes) : null;
      const bytesSha = bytes ? sha256Hex(bytes) : null;
      const user = r.user?.trim() || null;
      return ctx.write((at) => {
        const run = db.prepare('SELECT project_id FROM runs WHERE id = ?').get(runId) as { project_id: number } | undefined;
        if (!run) throw new StoreError(`检查记录 ${runId} 不存在。`, 'not_found');
        const res = db
          .prepare('INSERT INTO reports (run_id, fingerprint, file_name, kind, bytes, bytes_sha256, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(runId, fp, fileName, r.kind, bytes, bytesSha, at);
        const id = Number(res.lastInsertRowid);
        if (r.archive) insertIssuedFile(db, id, at, r.archive);
        ctx.touch(run.project_id, at);
        ctx.audit(at, 'report', run.project_id, {
          reportId: id,
          runId,
          fingerprint: fp,
          fileName,
          kind: r.kind,
          bytesSha256: bytesSha,
          ...(user ? { user } : {}),
          ...(r.archive ? { shortCode: r.archive.shortCode, reportNo: r.archive.reportNo ?? null } : {}),
        });
        return id;
      });
    },

    reportsForProject(projectId) {
      const rows = db
        .prepare(
          `SELECT rp.id, rp.run_id, ru.project_id, rp.fingerprint, rp.file_name, rp.kind, rp.bytes_sha256, rp.created_at
           FROM reports rp JOIN runs ru ON ru.id = rp.run_id WHERE ru.project_id = ? ORDER BY rp.id DESC`,
        )
        .all(projectId) as unknown as ReportRow[];
      return rows.map(toReport);
    },

    findReportByFingerprint(hex) {
      const fp = normaliseFingerprint(hex);
      if (!fp) return null;
      const r = db
        .prepare(
          `SELECT rp.id, rp.run_id, ru.project_id, rp.fingerprint, rp.file_name, rp.kind, rp.bytes_sha256, rp.created_at,
                  p.name AS project_name, ru.overall
           FROM reports rp JOIN runs ru ON ru.id = rp.run_id JOIN projects p ON p.id = ru.project_id
           WHERE rp.fingerprint = ? ORDER BY rp.id DESC LIMIT 1`,
        )
        .get(fp) as (ReportRow & { project_name: string; overall: Overall }) | undefined;
      if (r) return { ...toReport(r), projectName: r.project_name, overall: r.overall, deleted: false };
      // The project was deleted: the audit log still remembers the issued report.
      const a = db
        .prepare("SELECT at, project_id, payload FROM audit_log WHERE kind = 'report' AND json_extract(payload, '$.fingerprint') = ? ORDER BY id DESC LIMIT 1")
        .get(fp) as { at: string; project_id: number; payload: string } | undefined;
      if (!a) return null;
      const p = JSON.parse(a.payload) as { reportId: number; runId: number; fileName: string; kind: 'pdf' | 'xlsx'; bytesSha256: string | null };
      const del = db.prepare("SELECT payload FROM audit_log WHERE kind = 'project.delete' AND project_id = ? ORDER BY id DESC LIMIT 1").pluck().get(a.project_id) as
        | string
        | undefined;
      return {
        id: p.reportId,
        runId: p.runId,
        projectId: a.project_id,
        fingerprint: fp,
        fileName: p.fileName,
        kind: p.kind,
        ...(p.bytesSha256 ? { bytesSha256: p.bytesSha256 } : {}),
        createdAt: a.at,
        projectName: del ? ((JSON.parse(del) as { name?: string }).name ?? null) : null,
        overall: null,
        deleted: true,
      };
    },

    reportBytes(reportId) {
      const r = db.prepare('SELECT bytes, bytes_sha256 FROM reports WHERE id = ?').get(reportId) as
        | { bytes: Buffer | null; bytes_sha256: string | null }
        | undefined;
      if (!r?.bytes) return null;
      if (sha256Hex(r.bytes) !== r.bytes_sha256) {
        throw new StoreError(`报告 ${reportId} 的文件内容与其哈希不符（数据库已损坏），请从备份恢复。`, 'corrupt', ctx.path);
      }
      return toBytes(r.bytes);
    },
  };
}
