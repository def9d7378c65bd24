// Imports: the ImportResult of each workbook read into a project (gzip of canonical JSON with its
// hash), and the workbook file itself, kept once per content hash.

import type { ImportResult } from '../model/types.js';
import { pack, sha256Hex, unpack } from './canonical.js';
import { StoreError } from './errors.js';
import { nonEmpty, type StoreContext } from './context.js';
import { requireProject } from './projects.js';
import type { ImportSummary } from './types.js';

export interface ImportRecords {
  /** `bytes`: the workbook file itself, kept once per content hash (must match `imp.sha256`). */
  recordImport(projectId: number, imp: ImportResult, fileName: string, bytes?: Uint8Array): number;
  /** The workbook file of an import, when it was stored. */
  importBytes(importId: number): Uint8Array | null;
  getImport(importId: number): { summary: ImportSummary; result: ImportResult } | null;
  /** Newest first. */
  importsForProject(projectId: number): ImportSummary[];
}

interface ImportRow {
  id: number;
  project_id: number;
  file_name: string;
  workbook_sha256: string;
  created_at: string;
}

export function toImportSummary(r: ImportRow): ImportSummary {
  return { id: r.id, projectId: r.project_id, fileName: r.file_name, workbookSha256: r.workbook_sha256, createdAt: r.created_at };
}

export function importRecords(ctx: StoreContext): ImportRecords {
  const { db } = ctx;
  return {
    recordImport(projectId, imp, fileName, bytes) {
      const name = nonEmpty(fileName, '导入文件名');
      if (!imp || typeof imp.sha256 !== 'string' || !/^[0-9a-f]{64}$/i.test(imp.sha256)) {
        throw new StoreError(`记录导入失败：${name} 的导入结果缺少工作簿 SHA-256。`, 'invalid');
      }
      if (bytes && sha256Hex(bytes) !== imp.sha256.toLowerCase()) {
        throw new StoreError(`记录导入失败：${name} 的文件内容与导入结果的 SHA-256 不符。`, 'invalid');
      }
      const packed = pack(imp);
      return ctx.write((at) => {
        requireProject(ctx, projectId);
        if (bytes) {
          db.prepare('INSERT OR IGNORE INTO workbook_files (sha256, bytes, size, created_at) VALUES (?, ?, ?, ?)').run(
            imp.sha256.toLowerCase(),
            Buffer.from(bytes),
            bytes.length,
            at,
          );
        }
        const r = db
          .prepare('INSERT INTO imports (project_id, file_name, workbook_sha256, data, data_sha256, created_at) VALUES (?, ?, ?, ?, ?, ?)')
          .run(projectId, name, imp.sha256.toLowerCase(), packed.data, packed.sha256, at);
        const id = Number(r.lastInsertRowid);
        ctx.touch(projectId, at);
        ctx.audit(at, 'import', projectId, {
          importId: id,
          fileName: name,
          workbookSha256: imp.sha256.toLowerCase(),
          dataSha256: packed.sha256,
          buildings: imp.buildings?.length ?? 0,
          issues: imp.issues?.length ?? 0,
        });
        return id;
      });
    },

    getImport(importId) {
      const r = db.prepare('SELECT * FROM imports WHERE id = ?').get(importId) as (ImportRow & { data: Buffer; data_sha256: string }) | undefined;
      if (!r) return null;
      const result = unpack<ImportResult>(r.data, r.data_sha256);
      if (!result) throw new StoreError(`导入记录 ${importId} 的数据与其哈希不符（数据库已损坏），请从备份恢复。`, 'corrupt', ctx.path);
      return { summary: toImportSummary(r), result };
    },

    importBytes(importId) {
      const b = db
        .prepare('SELECT f.bytes FROM imports i JOIN workbook_files f ON f.sha256 = i.workbook_sha256 WHERE i.id = ?')
        .pluck()
        .get(importId) as Buffer | undefined;
      return b ? new Uint8Array(b) : null;
    },

    importsForProject(projectId) {
      const rows = db
        .prepare('SELECT id, project_id, file_name, workbook_sha256, created_at FROM imports WHERE project_id = ? ORDER BY id DESC')
        .all(projectId) as unknown as ImportRow[];
      return rows.map(toImportSummary);
    },
  };
}
