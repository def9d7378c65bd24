// Reads shared by runs.ts and overrides.ts: a run's stored CheckRun (hash-checked) and its overrides.

import type { CheckRun, Verdict } from '../model/types.js';
import { unpack } from './canonical.js';
import { StoreError } from './errors.js';
import type { StoreContext } from './context.js';
import type { Override } from './types.js';

export interface StoredRun {
  id: number;
  projectId: number;
  importId: number;
  conditionSetId: number;
  /** The engine's run as checked (overrides not applied). */
  run: CheckRun;
}

export function readRun(ctx: StoreContext, runId: number): StoredRun | null {
  const r = ctx.db.prepare('SELECT id, project_id, import_id, condition_set_id, data, data_sha256 FROM runs WHERE id = ?').get(runId) as
    | { id: number; project_id: number; import_id: number; condition_set_id: number; data: Buffer; data_sha256: string }
    | undefined;
  if (!r) return null;
  const run = unpack<CheckRun>(r.data, r.data_sha256);
  if (!run) throw new StoreError(`检查记录 ${runId} 的数据与其哈希不符（数据库已损坏），请从备份恢复。`, 'corrupt', ctx.path);
  return { id: r.id, projectId: r.project_id, importId: r.import_id, conditionSetId: r.condition_set_id, run };
}

interface OverrideRow {
  id: number;
  run_id: number;
  condition_id: string;
  building: string | null;
  verdict: Verdict;
  reason: string;
  user: string | null;
  created_at: string;
}

export function toOverride(o: OverrideRow): Override {
  return {
    id: o.id,
    runId: o.run_id,
    conditionId: o.condition_id,
    building: o.building,
    verdict: o.verdict,
    reason: o.reason,
    ...(o.user ? { user: o.user } : {}),
    createdAt: o.created_at,
  };
}

/** The overrides of a run, oldest first (the latest of a finding wins). */
export function overridesFor(ctx: StoreContext, runId: number): Override[] {
  const rows = ctx.db.prepare('SELECT * FROM overrides WHERE run_id = ? ORDER BY id').all(runId) as unknown as OverrideRow[];
  return rows.map(toOverride);
}
