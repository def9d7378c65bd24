// Imports: the ImportResult of each workbook read into a project (gzip of canonical JSON with its
// hash), the workbook file itself (kept once per content hash), the version of the sheet it is
// (复审: every file read starts a new version; a correction is a new row of the same version) and
// the values typed by hand for it, which belong to that import and its corrections only.

import type { ImportResult } from '../model/types.js';
import { pack, sha256Hex, unpack } from './canonical.js';
import { StoreError } from './errors.js';
import { nonEmpty, textOrNull, type StoreContext } from './context.js';
import { requireProject } from './projects.js';
import type { ImportSummary, TypedValue } from './types.js';

export interface ImportOptions {
  /** The import this one corrects: same version, same workbook. */
  corrects?: number;
  /** The workbook's layout (its remembered cell mappings were applied). */
  layoutKey?: string;
  /** Values typed by hand for this import (replacing none of another import's). */
  typed?: ReadonlyArray<Omit<TypedValue, 'createdAt'> & { createdAt?: string }>;
}

export interface ImportRecords {
  /** `bytes`: the workbook file itself, kept once per content hash (must match `imp.sha256`). */
  recordImport(projectId: number, imp: ImportResult, fileName: string, bytes?: Uint8Array, opts?: ImportOptions): number;
  /** The workbook file of an import, when it was stored. */
  importBytes(importId: number): Uint8Array | null;
  getImport(importId: number): { summary: ImportSummary; result: ImportResult } | null;
  /** Newest first. */
  importsForProject(projectId: number): ImportSummary[];
  /** The values typed by hand for one import. */
  typedValuesFor(importId: number): TypedValue[];
}

interface ImportRow {
  id: number;
  project_id: number;
  file_name: string;
  workbook_sha256: string;
  created_at: string;
  version: number;
  corrects: number | null;
  layout_key: string | null;
}

export function toImportSummary(r: ImportRow): ImportSummary {
  return {
    id: r.id,
    projectId: r.project_id,
    fileName: r.file_name,
    workbookSha256: r.workbook_sha256,
    createdAt: r.created_at,
    version: r.version,
    ...(r.corrects != null ? { corrects: r.corrects } : {}),
    ...(r.layout_key ? { layoutKey: r.layout_key } : {}),
  };
}

const SUMMARY = 'SELECT id, project_id, file_name, workbook_sha256, created_at, version, corrects, layout_key FROM imports';

export function importRecords(ctx: StoreContext): ImportRecords {
  const { db } = ctx;

  const typedValuesFor = (importId: number): TypedValue[] => {
    const rows = db
      .prepare('SELECT indicator, building, value, reason, user, created_at FROM typed_values WHERE import_id = ? ORDER BY id')
      .all(importId) as Array<{ indicator: string; building: string | null; value: string; reason: string; user: string | null; created_at: string }>;
    return rows.map((r) => ({
      indicator: r.indicator,
      building: r.building,
      value: r.value,
      reason: r.reason,
      ...(r.user ? { user: r.user } : {}),
      createdAt: r.created_at,
    }));
  };

  return {
    recordImport(projectId, imp, fileName, bytes, opts = {}) {
      const name = nonEmpty(fileName, '导入文件名');
      if (!imp || typeof imp.sha256 !== 'string' || !/^[0-9a-f]{64}$/i.test(imp.sha256)) {
        throw new StoreError(`记录导入失败：${name} 的导入结果缺少工作簿 SHA-256。`, 'invalid');
      }
      if (bytes && sha256Hex(bytes) !== imp.sha256.toLowerCase()) {
        throw new StoreError(`记录导入失败：${name} 的文件内容与导入结果的 SHA-256 不符。`, 'invalid');
      }
      const typed = opts.typed ?? [];
      for (const t of typed) {
        nonEmpty(t.value, `手工填写的${t.indicator}数值`);
        nonEmpty(t.reason, `手工填写${t.indicator}的理由`);
      }
      const packed = pack(imp);
      const sha = imp.sha256.toLowerCase();
      return ctx.write((at) => {
        requireProject(ctx, projectId);
        let version: number;
        if (opts.corrects !== undefined) {
          const base = db.prepare('SELECT project_id, version, workbook_sha256 FROM imports WHERE id = ?').get(opts.corrects) as
            | { project_id: number; version: number; workbook_sha256: string }
            | undefined;
          if (!base || base.project_id !== projectId) throw new StoreError(`导入记录 ${opts.corrects} 不属于项目 ${projectId}。`, 'not_found');
          if (base.workbook_sha256 !== sha) throw new StoreError(`更正只能基于同一份工作簿：${name} 与导入记录 ${opts.corrects} 的文件不同。`, 'invalid');
          version = base.version;
        } else {
          version = Number(db.prepare('SELECT ifnull(max(version), 0) FROM imports WHERE project_id = ?').pluck().get(projectId)) + 1;
        }
        if (bytes) {
          db.prepare('INSERT OR IGNORE INTO workbook_files (sha256, bytes, size, created_at) VALUES (?, ?, ?, ?)').run(sha, Buffer.from(bytes), bytes.length, at);
        }
        const r = db
          .prepare(
            'INSERT INTO imports (project_id, file_name, workbook_sha256, data, data_sha256, created_at, version, corrects, layout_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
          )
          .run(projectId, name, sha, packed.data, packed.sha256, at, version, opts.corrects ?? null, opts.layoutKey ?? null);
        const id = Number(r.lastInsertRowid);
        const insertTyped = db.prepare(
          'INSERT INTO typed_values (import_id, indicator, building, value, reason, user, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        );
        for (const t of typed) {
          insertTyped.run(id, t.indicator, t.building ?? null, t.value.trim(), t.reason.trim(), textOrNull(t.user) ?? ctx.user(), t.createdAt ?? at);
        }
        ctx.touch(projectId, at);
        ctx.audit(at, 'import', projectId, {
          importId: id,
          fileName: name,
          workbookSha256: sha,
          dataSha256: packed.sha256,
          buildings: imp.buildings?.length ?? 0,
          issues: imp.issues?.length ?? 0,
          version,
          ...(opts.corrects !== undefined ? { corrects: opts.corrects } : {}),
          ...(typed.length ? { typedValues: typed.map((t) => ({ indicator: t.indicator, building: t.building ?? null, value: t.value.trim(), reason: t.reason.trim() })) } : {}),
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
      const rows = db.prepare(`${SUMMARY} WHERE project_id = ? ORDER BY id DESC`).all(projectId) as unknown as ImportRow[];
      return rows.map(toImportSummary);
    },

    typedValuesFor,
  };
}
