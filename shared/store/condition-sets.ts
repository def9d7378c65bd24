// Condition sets: never edited in place; each save with a different document is a new version.

import type { ConditionsDoc } from '../model/types.js';
import { canonicalJson, sha256Hex } from './canonical.js';
import { StoreError } from './errors.js';
import type { StoreContext } from './context.js';
import { requireProject } from './projects.js';
import type { ConditionSetVersion } from './types.js';

export interface ConditionSetRecords {
  saveConditionSet(projectId: number, doc: ConditionsDoc, note?: string): { id: number; version: number };
  latestConditionSet(projectId: number): { id: number; version: number; doc: ConditionsDoc } | null;
  getConditionSet(id: number): { id: number; projectId: number; version: number; doc: ConditionsDoc } | null;
  /** Newest first. */
  conditionSetVersions(projectId: number): ConditionSetVersion[];
}

export function conditionSetRecords(ctx: StoreContext): ConditionSetRecords {
  const { db } = ctx;
  return {
    saveConditionSet(projectId, doc, note) {
      if (!doc || doc.format !== 'landcheck.conditions/v1' || !Array.isArray(doc.conditions)) {
        throw new StoreError(`保存条件集失败：文档格式不是 landcheck.conditions/v1。`, 'invalid');
      }
      const text = canonicalJson(doc);
      const sha = sha256Hex(text);
      return ctx.write((at) => {
        requireProject(ctx, projectId);
        const last = db
          .prepare('SELECT id, version, sha256 FROM condition_sets WHERE project_id = ? ORDER BY version DESC LIMIT 1')
          .get(projectId) as { id: number; version: number; sha256: string } | undefined;
        if (last && last.sha256 === sha) return { id: last.id, version: last.version };
        const version = (last?.version ?? 0) + 1;
        const r = db
          .prepare('INSERT INTO condition_sets (project_id, version, doc, sha256, note, created_at) VALUES (?, ?, ?, ?, ?, ?)')
          .run(projectId, version, text, sha, note?.trim() || null, at);
        const id = Number(r.lastInsertRowid);
        ctx.touch(projectId, at);
        ctx.audit(at, 'conditions.save', projectId, {
          conditionSetId: id,
          version,
          sha256: sha,
          conditions: doc.conditions.length,
          note: note?.trim() || null,
        });
        return { id, version };
      });
    },

    latestConditionSet(projectId) {
      const r = db
        .prepare('SELECT id, version, doc FROM condition_sets WHERE project_id = ? ORDER BY version DESC LIMIT 1')
        .get(projectId) as { id: number; version: number; doc: string } | undefined;
      return r ? { id: r.id, version: r.version, doc: JSON.parse(r.doc) as ConditionsDoc } : null;
    },

    getConditionSet(id) {
      const r = db.prepare('SELECT id, project_id, version, doc FROM condition_sets WHERE id = ?').get(id) as
        | { id: number; project_id: number; version: number; doc: string }
        | undefined;
      return r ? { id: r.id, projectId: r.project_id, version: r.version, doc: JSON.parse(r.doc) as ConditionsDoc } : null;
    },

    conditionSetVersions(projectId) {
      const rows = db
        .prepare('SELECT id, version, sha256, note, created_at FROM condition_sets WHERE project_id = ? ORDER BY version DESC')
        .all(projectId) as Array<{ id: number; version: number; sha256: string; note: string | null; created_at: string }>;
      return rows.map((r) => ({ id: r.id, version: r.version, sha256: r.sha256, createdAt: r.created_at, ...(r.note ? { note: r.note } : {}) }));
    },
  };
}
