// Check runs: the CheckRun of each check (gzip of canonical JSON with its hash), tied to the import
// and the condition set it checked. runs.overall is the run's effective conclusion (overrides
// included); the engine's own conclusion stays in the stored run data.

import type { CheckRun, Overall, Verdict } from '../model/types.js';
import { pack } from './canonical.js';
import { StoreError } from './errors.js';
import type { StoreContext } from './context.js';
import { requireProject } from './projects.js';
import { overridesFor, readRun, refreshConclusion, type StoredRun } from './run-data.js';
import { carryOverrides } from './overrides.js';
import type { Override, RunSummary } from './types.js';

export interface RunOptions {
  /**
   * Re-attach the project's previous run's overrides whose evidence is unchanged, and ask about
   * the others (overrides.ts). Default true: a re-run never silently discards a 改判.
   */
  carryOverrides?: boolean;
}

export interface RunRecords {
  recordRun(projectId: number, importId: number, conditionSetId: number, run: CheckRun, opts?: RunOptions): number;
  /** Like recordRun, with how many overrides were re-attached and how many wait for a decision. */
  recordRunWithCarry(projectId: number, importId: number, conditionSetId: number, run: CheckRun): { runId: number; kept: number; pending: number };
  getRun(runId: number): (StoredRun & { overrides: Override[] }) | null;
  /** Newest first. */
  runsForProject(projectId: number): RunSummary[];
}

const OVERALLS: readonly Overall[] = ['pass', 'fail', 'incomplete'];

export function runRecords(ctx: StoreContext): RunRecords {
  const { db } = ctx;
  const record = (projectId: number, importId: number, conditionSetId: number, run: CheckRun, carry: boolean) => {
      const overall = run?.result?.overall;
      if (!OVERALLS.includes(overall)) throw new StoreError('记录检查结果失败：结果缺少总体结论 overall。', 'invalid');
      const packed = pack(run);
      return ctx.write((at) => {
        requireProject(ctx, projectId);
        const imp = db.prepare('SELECT project_id, workbook_sha256 FROM imports WHERE id = ?').get(importId) as
          | { project_id: number; workbook_sha256: string }
          | undefined;
        if (!imp || imp.project_id !== projectId) throw new StoreError(`导入记录 ${importId} 不属于项目 ${projectId}。`, 'not_found');
        const cs = db.prepare('SELECT project_id, version FROM condition_sets WHERE id = ?').get(conditionSetId) as
          | { project_id: number; version: number }
          | undefined;
        if (!cs || cs.project_id !== projectId) throw new StoreError(`条件集 ${conditionSetId} 不属于项目 ${projectId}。`, 'not_found');
        const runSha = run.imported?.sha256?.toLowerCase();
        if (runSha && runSha !== imp.workbook_sha256) {
          throw new StoreError(`检查结果所用工作簿（SHA-256 ${runSha.slice(0, 12)}…）与导入记录 ${importId} 的工作簿不一致。`, 'invalid');
        }
        const r = db
          .prepare(
            'INSERT INTO runs (project_id, import_id, condition_set_id, overall, checked_at, data, data_sha256, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
          )
          .run(projectId, importId, conditionSetId, overall, run.checkedAt ?? at, packed.data, packed.sha256, at);
        const id = Number(r.lastInsertRowid);
        ctx.touch(projectId, at);
        ctx.audit(at, 'run', projectId, { runId: id, importId, conditionSetId, conditionSetVersion: cs.version, overall, dataSha256: packed.sha256 });
        const carried = carry ? carryOverrides(ctx, at, projectId, id, run) : { kept: 0, pending: 0 };
        refreshConclusion(ctx, id, run);
        return { runId: id, ...carried };
      });
  };

  return {
    recordRun: (projectId, importId, conditionSetId, run, opts = {}) => record(projectId, importId, conditionSetId, run, opts.carryOverrides ?? true).runId,
    recordRunWithCarry: (projectId, importId, conditionSetId, run) => record(projectId, importId, conditionSetId, run, true),

    getRun(runId) {
      const r = readRun(ctx, runId);
      return r ? { ...r, overrides: overridesFor(ctx, runId) } : null;
    },

    runsForProject(projectId) {
      const rows = db
        .prepare('SELECT id, project_id, import_id, condition_set_id, overall, counts, checked_at, created_at FROM runs WHERE project_id = ? ORDER BY id DESC')
        .all(projectId) as Array<{
        id: number;
        project_id: number;
        import_id: number;
        condition_set_id: number;
        overall: Overall;
        counts: string | null;
        checked_at: string;
        created_at: string;
      }>;
      return rows.map((r) => ({
        id: r.id,
        projectId: r.project_id,
        importId: r.import_id,
        conditionSetId: r.condition_set_id,
        overall: r.overall,
        ...(r.counts ? { counts: JSON.parse(r.counts) as Record<Verdict, number> } : {}),
        checkedAt: r.checked_at,
        createdAt: r.created_at,
      }));
    },
  };
}
