// Reads shared by runs.ts and overrides.ts: a run's stored CheckRun (hash-checked) and its overrides.

import type { CheckRun, Verdict } from '../model/types.js';
import { unpack } from './canonical.js';
import { StoreError } from './errors.js';
import type { StoreContext } from './context.js';
import { applyOverrides } from '../check/overrides.js';
import { findingEvidence } from './evidence.js';
import type { Override, OverrideEvidence } from './types.js';

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
  carried_from: number | null;
  evidence_sha256: string | null;
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
    ...(o.carried_from != null ? { carriedFrom: o.carried_from } : {}),
    ...(o.evidence_sha256 ? { evidenceSha256: o.evidence_sha256 } : {}),
  };
}

const OVERRIDE_COLUMNS = 'id, run_id, condition_id, building, verdict, reason, user, created_at, carried_from, evidence_sha256';

/** The overrides of a run, oldest first (the latest of a finding wins). */
export function overridesFor(ctx: StoreContext, runId: number): Override[] {
  const rows = ctx.db.prepare(`SELECT ${OVERRIDE_COLUMNS} FROM overrides WHERE run_id = ? ORDER BY id`).all(runId) as unknown as OverrideRow[];
  return rows.map(toOverride);
}

/** One override with the evidence it was made on (stored, or derived from its run for old rows). */
export function overrideWithEvidence(ctx: StoreContext, overrideId: number): { override: Override; evidence: OverrideEvidence | null } | null {
  const row = ctx.db.prepare(`SELECT ${OVERRIDE_COLUMNS}, evidence FROM overrides WHERE id = ?`).get(overrideId) as
    | (OverrideRow & { evidence: string | null })
    | undefined;
  if (!row) return null;
  const override = toOverride(row);
  if (row.evidence) return { override, evidence: JSON.parse(row.evidence) as OverrideEvidence };
  const run = readRun(ctx, row.run_id);
  const f = run?.run.result.findings.find((x) => x.conditionId === row.condition_id && (x.building ?? null) === row.building);
  return { override, evidence: f ? findingEvidence(f) : null };
}

/** Sets the run's effective conclusion and counts (runs.overall, runs.counts) from its overrides. */
export function refreshConclusion(ctx: StoreContext, runId: number, run: CheckRun): void {
  const effective = applyOverrides(run, overridesFor(ctx, runId)).result;
  ctx.db.prepare('UPDATE runs SET overall = ?, counts = ? WHERE id = ?').run(effective.overall, JSON.stringify(countOf(effective.findings)), runId);
}

export function countOf(findings: ReadonlyArray<{ verdict: Verdict }>): Record<Verdict, number> {
  const c: Record<Verdict, number> = { pass: 0, fail: 0, missing: 0, review: 0, not_applicable: 0 };
  for (const f of findings) c[f.verdict]++;
  return c;
}
