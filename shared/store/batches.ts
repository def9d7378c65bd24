// Saved batches (批量审查): a batch keeps its summary and, per workbook, a project of its own that
// opens like any project (inspect, override, report). Those projects carry `batch_id` and are
// listed with their batch, not among the projects, until the batch is turned into projects.

import type { Overall, Verdict } from '../model/types.js';
import { StoreError } from './errors.js';
import { nonEmpty, textOrNull, type StoreContext } from './context.js';
import type { BatchItemRecord, BatchRecord } from './types.js';

export interface BatchRecords {
  createBatch(b: { name: string; fileNames: readonly string[]; org?: unknown; user?: string }): number;
  /** One workbook done (its project created), failed, or cancelled. */
  completeBatchItem(batchId: number, position: number, r: { status: 'done' | 'error' | 'cancelled'; error?: string; projectId?: number }): void;
  finishBatch(batchId: number, status: 'finished' | 'cancelled'): void;
  /** Batches still 'running' when the app stopped: marked interrupted, their pending items cancelled. */
  interruptRunningBatches(): number;
  /** Newest first. */
  listBatches(): BatchRecord[];
  getBatch(batchId: number): { batch: BatchRecord; items: BatchItemRecord[] } | null;
  /** The batch's workbooks become ordinary projects (listed among the projects); returns how many. */
  batchToProjects(batchId: number): number;
  /** Deletes the batch and the projects still in it (projects made from it stay). */
  deleteBatch(batchId: number): void;
}

interface BatchRow {
  id: number;
  name: string;
  status: BatchRecord['status'];
  total: number;
  org: string | null;
  user: string | null;
  created_at: string;
  finished_at: string | null;
  done: number;
  errors: number;
  cancelled: number;
  in_batch: number;
  pass: number;
  fail: number;
  incomplete: number;
}

const BATCH_SELECT = `
  SELECT b.*,
    (SELECT count(*) FROM batch_items i WHERE i.batch_id = b.id AND i.status = 'done') AS done,
    (SELECT count(*) FROM batch_items i WHERE i.batch_id = b.id AND i.status = 'error') AS errors,
    (SELECT count(*) FROM batch_items i WHERE i.batch_id = b.id AND i.status = 'cancelled') AS cancelled,
    (SELECT count(*) FROM projects p WHERE p.batch_id = b.id) AS in_batch,
    (SELECT count(*) FROM batch_items i JOIN runs r ON r.id = (SELECT max(id) FROM runs WHERE project_id = i.project_id)
       WHERE i.batch_id = b.id AND r.overall = 'pass') AS pass,
    (SELECT count(*) FROM batch_items i JOIN runs r ON r.id = (SELECT max(id) FROM runs WHERE project_id = i.project_id)
       WHERE i.batch_id = b.id AND r.overall = 'fail') AS fail,
    (SELECT count(*) FROM batch_items i JOIN runs r ON r.id = (SELECT max(id) FROM runs WHERE project_id = i.project_id)
       WHERE i.batch_id = b.id AND r.overall = 'incomplete') AS incomplete
  FROM batches b`;

function toBatch(r: BatchRow): BatchRecord {
  return {
    id: r.id,
    name: r.name,
    status: r.status,
    total: r.total,
    ...(r.org ? { org: JSON.parse(r.org) as unknown } : {}),
    ...(r.user ? { user: r.user } : {}),
    createdAt: r.created_at,
    ...(r.finished_at ? { finishedAt: r.finished_at } : {}),
    tally: { done: r.done, error: r.errors, cancelled: r.cancelled, pending: r.total - r.done - r.errors - r.cancelled },
    overall: { pass: r.pass, fail: r.fail, incomplete: r.incomplete },
    projectsInBatch: r.in_batch,
  };
}

interface ItemRow {
  position: number;
  file_name: string;
  status: BatchItemRecord['status'];
  error: string | null;
  project_id: number | null;
  project_name: string | null;
  batch_id: number | null;
  run_id: number | null;
  overall: Overall | null;
  counts: string | null;
}

export function batchRecords(ctx: StoreContext): BatchRecords {
  const { db } = ctx;
  const requireBatch = (id: number): BatchRow => {
    const r = db.prepare(`${BATCH_SELECT} WHERE b.id = ?`).get(id) as BatchRow | undefined;
    if (!r) throw new StoreError(`批量审查 ${id} 不存在。`, 'not_found');
    return r;
  };
  return {
    createBatch(b) {
      const name = nonEmpty(b.name, '批量审查名称');
      return ctx.write((at) => {
        const user = textOrNull(b.user) ?? ctx.user();
        const r = db
          .prepare("INSERT INTO batches (name, status, total, org, user, created_at) VALUES (?, 'running', ?, ?, ?, ?)")
          .run(name, b.fileNames.length, b.org === undefined ? null : JSON.stringify(b.org), user, at);
        const id = Number(r.lastInsertRowid);
        const item = db.prepare("INSERT INTO batch_items (batch_id, position, file_name, status) VALUES (?, ?, ?, 'pending')");
        b.fileNames.forEach((f, i) => item.run(id, i, f));
        ctx.audit(at, 'batch.start', null, { batchId: id, name, files: b.fileNames.length, user });
        return id;
      });
    },

    completeBatchItem(batchId, position, r) {
      ctx.write(() => {
        const res = db
          .prepare('UPDATE batch_items SET status = ?, error = ?, project_id = ? WHERE batch_id = ? AND position = ?')
          .run(r.status, r.error ?? null, r.projectId ?? null, batchId, position);
        if (res.changes !== 1) throw new StoreError(`批量审查 ${batchId} 中没有第 ${position + 1} 个文件。`, 'not_found');
      });
    },

    finishBatch(batchId, status) {
      ctx.write((at) => {
        const b = requireBatch(batchId);
        db.prepare("UPDATE batch_items SET status = 'cancelled' WHERE batch_id = ? AND status = 'pending'").run(batchId);
        db.prepare('UPDATE batches SET status = ?, finished_at = ? WHERE id = ?').run(status, at, batchId);
        const t = toBatch(requireBatch(batchId)).tally;
        ctx.audit(at, 'batch.finish', null, { batchId, name: b.name, status, done: t.done, errors: t.error, cancelled: t.cancelled });
      });
    },

    interruptRunningBatches() {
      const running = db.prepare("SELECT id FROM batches WHERE status = 'running'").pluck().all() as number[];
      if (running.length === 0 || ctx.readonly) return 0;
      ctx.write((at) => {
        for (const id of running) {
          db.prepare("UPDATE batch_items SET status = 'cancelled', error = '程序在审查该文件前关闭' WHERE batch_id = ? AND status = 'pending'").run(id);
          db.prepare("UPDATE batches SET status = 'interrupted', finished_at = ? WHERE id = ?").run(at, id);
          ctx.audit(at, 'batch.finish', null, { batchId: id, status: 'interrupted' });
        }
      });
      return running.length;
    },

    listBatches() {
      return (db.prepare(`${BATCH_SELECT} ORDER BY b.id DESC`).all() as unknown as BatchRow[]).map(toBatch);
    },

    getBatch(batchId) {
      const b = db.prepare(`${BATCH_SELECT} WHERE b.id = ?`).get(batchId) as BatchRow | undefined;
      if (!b) return null;
      const rows = db
        .prepare(
          `SELECT i.position, i.file_name, i.status, i.error, i.project_id, p.name AS project_name, p.batch_id,
                  r.id AS run_id, r.overall, r.counts
           FROM batch_items i
           LEFT JOIN projects p ON p.id = i.project_id
           LEFT JOIN runs r ON r.id = (SELECT max(id) FROM runs WHERE project_id = i.project_id)
           WHERE i.batch_id = ? ORDER BY i.position`,
        )
        .all(batchId) as unknown as ItemRow[];
      const items = rows.map(
        (r): BatchItemRecord => ({
          position: r.position,
          fileName: r.file_name,
          status: r.status,
          ...(r.error ? { error: r.error } : {}),
          ...(r.project_id != null
            ? {
                projectId: r.project_id,
                projectName: r.project_name ?? undefined,
                inBatch: r.batch_id === batchId,
                ...(r.run_id != null ? { runId: r.run_id } : {}),
                ...(r.overall ? { overall: r.overall } : {}),
                ...(r.counts ? { counts: JSON.parse(r.counts) as Record<Verdict, number> } : {}),
              }
            : {}),
        }),
      );
      return { batch: toBatch(b), items };
    },

    batchToProjects(batchId) {
      return ctx.write((at) => {
        const b = requireBatch(batchId);
        if (b.status === 'running') throw new StoreError('批量审查尚未完成，不能转为项目。', 'invalid');
        const ids = db.prepare('SELECT id FROM projects WHERE batch_id = ? ORDER BY id').pluck().all(batchId) as number[];
        db.prepare('UPDATE projects SET batch_id = NULL, updated_at = ? WHERE batch_id = ?').run(at, batchId);
        ctx.audit(at, 'batch.toProjects', null, { batchId, name: b.name, projectIds: ids });
        return ids.length;
      });
    },

    deleteBatch(batchId) {
      ctx.write((at) => {
        const b = requireBatch(batchId);
        if (b.status === 'running') throw new StoreError('批量审查正在进行，请先取消再删除。', 'invalid');
        const projects = Number(db.prepare('SELECT count(*) FROM projects WHERE batch_id = ?').pluck().get(batchId));
        db.prepare('DELETE FROM batches WHERE id = ?').run(batchId);
        db.prepare('DELETE FROM workbook_files WHERE sha256 NOT IN (SELECT workbook_sha256 FROM imports)').run();
        ctx.audit(at, 'batch.delete', null, { batchId, name: b.name, projects });
      });
    },
  };
}
