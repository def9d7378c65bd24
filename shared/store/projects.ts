// Projects: create, read, list (search, sort, paging), rename, archive, delete. A project's
// conclusion in the list is the effective overall of its latest run (overrides included).

import type { Overall } from '../model/types.js';
import { sortProjects } from '../model/order.js';
import { StoreError } from './errors.js';
import { likePattern, nonEmpty, opt, type StoreContext } from './context.js';
import type { Project, ProjectQuery } from './types.js';

export interface ProjectRecords {
  /** `batchId`: a workbook's project inside a saved batch (hidden from the list until turned into a project). */
  createProject(p: { name: string; parcel?: string; notes?: string; batchId?: number }): Project;
  getProject(id: number): Project | null;
  listProjects(q?: ProjectQuery): Project[];
  renameProject(id: number, name: string): void;
  archiveProject(id: number, archived: boolean): void;
  deleteProject(id: number): void;
}

export interface ProjectRow {
  id: number;
  name: string;
  parcel: string | null;
  notes: string | null;
  archived: number;
  created_at: string;
  updated_at: string;
  last_overall: Overall | null;
  last_checked_at: string | null;
  batch_id: number | null;
}

export function toProject(r: ProjectRow): Project {
  return {
    id: r.id,
    name: r.name,
    ...(r.parcel != null ? { parcel: r.parcel } : {}),
    ...(r.notes != null ? { notes: r.notes } : {}),
    archived: r.archived === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    lastOverall: r.last_overall,
    lastCheckedAt: r.last_checked_at,
    ...(r.batch_id != null ? { batchId: r.batch_id } : {}),
  };
}

export const PROJECT_SELECT = `
  SELECT p.id, p.name, p.parcel, p.notes, p.archived, p.created_at, p.updated_at, p.batch_id,
         r.overall AS last_overall, r.checked_at AS last_checked_at
  FROM projects p
  LEFT JOIN runs r ON r.id = (SELECT max(id) FROM runs WHERE project_id = p.id)`;

/** The project row, or StoreError('not_found'). */
export function requireProject(ctx: StoreContext, id: number): ProjectRow {
  const r = ctx.db.prepare('SELECT * FROM projects WHERE id = ?').get(id) as ProjectRow | undefined;
  if (!r) throw new StoreError(`项目 ${id} 不存在。`, 'not_found');
  return r;
}

export function projectRecords(ctx: StoreContext): ProjectRecords {
  const { db } = ctx;
  const getProject = (id: number): Project | null => {
    const r = db.prepare(`${PROJECT_SELECT} WHERE p.id = ?`).get(id) as ProjectRow | undefined;
    return r ? toProject(r) : null;
  };

  return {
    createProject(p) {
      const name = nonEmpty(p.name, '项目名称');
      const id = ctx.write((at) => {
        const r = db
          .prepare('INSERT INTO projects (name, parcel, notes, archived, created_at, updated_at, batch_id) VALUES (?, ?, ?, 0, ?, ?, ?)')
          .run(name, opt(p.parcel?.trim()) || null, opt(p.notes) ?? null, at, at, p.batchId ?? null);
        const id = Number(r.lastInsertRowid);
        ctx.audit(at, 'project.create', id, { name, parcel: p.parcel ?? null, ...(p.batchId !== undefined ? { batchId: p.batchId } : {}) });
        return id;
      });
      return getProject(id)!;
    },

    getProject,

    listProjects(q: ProjectQuery = {}) {
      const where: string[] = [];
      const args: unknown[] = [];
      if (!q.includeArchived) where.push('p.archived = 0');
      // A saved batch's workbooks are listed with their batch, not here, until turned into projects.
      if (q.batchId !== undefined) {
        where.push('p.batch_id = ?');
        args.push(q.batchId);
      } else where.push('p.batch_id IS NULL');
      for (const word of (q.search ?? '').split(/\s+/).filter(Boolean)) {
        const like = likePattern(word);
        where.push("(p.name LIKE ? ESCAPE '\\' OR p.parcel LIKE ? ESCAPE '\\' OR p.notes LIKE ? ESCAPE '\\')");
        args.push(like, like, like);
      }
      const offset = q.offset ?? 0;
      const limit = q.limit;
      if ((limit !== undefined && !(Number.isInteger(limit) && limit >= 0)) || !(Number.isInteger(offset) && offset >= 0)) {
        throw new StoreError('分页参数 limit/offset 必须是非负整数。', 'invalid');
      }
      const sql = PROJECT_SELECT + (where.length ? ` WHERE ${where.join(' AND ')}` : '');
      // One order for every list (shared/model/order.ts): pinyin needs ICU, which SQLite here
      // lacks, so the sort is in JS. 1,000 projects take about a millisecond.
      const rows = (db.prepare(sql).all(...args) as unknown as ProjectRow[]).map(toProject);
      const sorted = sortProjects(rows, q.sort ?? 'updated');
      return sorted.slice(offset, limit === undefined ? undefined : offset + limit);
    },

    renameProject(id, name) {
      const to = nonEmpty(name, '项目名称');
      ctx.write((at) => {
        const old = requireProject(ctx, id);
        if (old.name === to) return;
        db.prepare('UPDATE projects SET name = ?, updated_at = ? WHERE id = ?').run(to, at, id);
        ctx.audit(at, 'project.rename', id, { from: old.name, to });
      });
    },

    archiveProject(id, archived) {
      ctx.write((at) => {
        const old = requireProject(ctx, id);
        if ((old.archived === 1) === archived) return;
        db.prepare('UPDATE projects SET archived = ?, updated_at = ? WHERE id = ?').run(archived ? 1 : 0, at, id);
        ctx.audit(at, 'project.archive', id, { name: old.name, archived });
      });
    },

    deleteProject(id) {
      ctx.write((at) => {
        const old = requireProject(ctx, id);
        const count = (t: string) => Number(db.prepare(`SELECT count(*) FROM ${t} WHERE project_id = ?`).pluck().get(id));
        const payload = { name: old.name, conditionSets: count('condition_sets'), imports: count('imports'), runs: count('runs') };
        db.prepare('DELETE FROM projects WHERE id = ?').run(id);
        // Workbook files no other import refers to go with the project.
        db.prepare('DELETE FROM workbook_files WHERE sha256 NOT IN (SELECT workbook_sha256 FROM imports)').run();
        ctx.audit(at, 'project.delete', id, payload);
      });
    },
  };
}
