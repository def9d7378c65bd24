// Overrides (改判): a reviewer's verdict on one finding of a run, always with a written reason and
// the name of who made it, kept with the evidence it was made on (evidence.ts). A re-run
// re-attaches each override whose evidence is unchanged; where the evidence changed, a carry-over
// waits for the user, who keeps or drops it with old and new evidence side by side.
// The run's effective conclusion (runs.overall, runs.counts) is recomputed with every change.

import type { CheckRun, Finding, Verdict } from '../model/types.js';
import { VERDICT_LABEL } from '../model/verdicts.js';
import { StoreError } from './errors.js';
import { textOrNull, type StoreContext } from './context.js';
import { evidenceSha256, evidenceText, findingEvidence, findingKey } from './evidence.js';
import { overridesFor, overrideWithEvidence, readRun, refreshConclusion } from './run-data.js';
import type { OverrideCarryover, OverrideEvidence } from './types.js';

export interface OverrideInput {
  conditionId: string;
  building: string | null;
  verdict: Verdict;
  reason: string;
  /** Defaults to the installation's user name. */
  user?: string;
}

export interface OverrideRecords {
  addOverride(runId: number, o: OverrideInput): number;
  /** Carry-overs of a run (pending first). */
  carryoversFor(runId: number): OverrideCarryover[];
  /** The user's decision on a pending carry-over: keep re-attaches the override to the new run. */
  resolveCarryover(carryoverId: number, keep: boolean): OverrideCarryover;
}

const VERDICTS: readonly Verdict[] = ['pass', 'fail', 'missing', 'review', 'not_applicable'];

function insertOverride(
  ctx: StoreContext,
  runId: number,
  o: { conditionId: string; building: string | null; verdict: Verdict; reason: string; user: string | null; createdAt: string; carriedFrom?: number },
  evidence: OverrideEvidence | null,
): number {
  const r = ctx.db
    .prepare(
      `INSERT INTO overrides (run_id, condition_id, building, verdict, reason, user, created_at, evidence, evidence_sha256, carried_from)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      runId,
      o.conditionId,
      o.building,
      o.verdict,
      o.reason,
      o.user,
      o.createdAt,
      evidence ? evidenceText(evidence) : null,
      evidence ? evidenceSha256(evidence) : null,
      o.carriedFrom ?? null,
    );
  return Number(r.lastInsertRowid);
}

interface CarryRow {
  id: number;
  run_id: number;
  override_id: number;
  condition_id: string;
  building: string | null;
  new_evidence: string | null;
  status: OverrideCarryover['status'];
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
}

function toCarryover(ctx: StoreContext, r: CarryRow): OverrideCarryover {
  const origin = overrideWithEvidence(ctx, r.override_id);
  if (!origin) throw new StoreError(`改判记录 ${r.override_id} 不存在。`, 'not_found');
  return {
    id: r.id,
    runId: r.run_id,
    conditionId: r.condition_id,
    building: r.building,
    status: r.status,
    override: origin.override,
    fromRunId: origin.override.runId,
    oldEvidence: origin.evidence,
    newEvidence: r.new_evidence ? (JSON.parse(r.new_evidence) as OverrideEvidence) : null,
    ...(r.decided_by ? { decidedBy: r.decided_by } : {}),
    ...(r.decided_at ? { decidedAt: r.decided_at } : {}),
    createdAt: r.created_at,
  };
}

/**
 * Inside recordRun's transaction: re-attach the previous run's overrides (and its undecided
 * carry-overs) to the new run. Unchanged evidence → the override is copied (carried_from); changed
 * or gone → a pending carry-over. Returns how many of each.
 */
export function carryOverrides(ctx: StoreContext, at: string, projectId: number, runId: number, run: CheckRun): { kept: number; pending: number } {
  const { db } = ctx;
  const prev = db.prepare('SELECT max(id) FROM runs WHERE project_id = ? AND id < ?').pluck().get(projectId, runId) as number | null;
  if (prev == null) return { kept: 0, pending: 0 };
  // The latest override of each finding of the previous run, then the carry-overs it left undecided.
  const origins = new Map<string, number>();
  for (const o of overridesFor(ctx, prev)) origins.set(findingKey(o.conditionId, o.building), o.id);
  const undecided = db
    .prepare("SELECT condition_id, building, override_id FROM override_carryovers WHERE run_id = ? AND status = 'pending' ORDER BY id")
    .all(prev) as Array<{ condition_id: string; building: string | null; override_id: number }>;
  for (const c of undecided) {
    const key = findingKey(c.condition_id, c.building);
    if (!origins.has(key)) origins.set(key, c.override_id);
  }
  if (origins.size === 0) return { kept: 0, pending: 0 };

  const findings = new Map<string, Finding>(run.result.findings.map((f) => [findingKey(f.conditionId, f.building ?? null), f]));
  const kept: number[] = [];
  const pending: number[] = [];
  const insertCarry = db.prepare(
    "INSERT INTO override_carryovers (run_id, override_id, condition_id, building, new_evidence, status, created_at) VALUES (?, ?, ?, ?, ?, 'pending', ?)",
  );
  for (const [key, overrideId] of origins) {
    const origin = overrideWithEvidence(ctx, overrideId)!;
    const o = origin.override;
    const f = findings.get(key);
    const now = f ? findingEvidence(f) : null;
    if (now && origin.evidence && evidenceSha256(now) === evidenceSha256(origin.evidence)) {
      insertOverride(ctx, runId, { ...o, user: o.user ?? null, carriedFrom: o.id }, now);
      kept.push(o.id);
    } else {
      insertCarry.run(runId, o.id, o.conditionId, o.building, now ? evidenceText(now) : null, at);
      pending.push(o.id);
    }
  }
  ctx.audit(at, 'override.carry', projectId, { fromRunId: prev, runId, kept, pending });
  return { kept: kept.length, pending: pending.length };
}

export function overrideRecords(ctx: StoreContext): OverrideRecords {
  const { db } = ctx;
  const carryRow = (id: number) => db.prepare('SELECT * FROM override_carryovers WHERE id = ?').get(id) as CarryRow | undefined;

  return {
    addOverride(runId, o) {
      const where = `条件 ${o?.conditionId ?? '?'}${o?.building ? `（${o.building}）` : ''}`;
      if (typeof o?.reason !== 'string' || o.reason.trim() === '') {
        throw new StoreError(`人工改判${where}必须填写理由。`, 'invalid');
      }
      if (!VERDICTS.includes(o.verdict)) {
        throw new StoreError(`人工改判${where}的结论“${String(o.verdict)}”无效，应为：${VERDICTS.map((v) => VERDICT_LABEL[v]).join('、')}。`, 'invalid');
      }
      return ctx.write((at) => {
        const found = readRun(ctx, runId);
        if (!found) throw new StoreError(`检查记录 ${runId} 不存在。`, 'not_found');
        const building = o.building ?? null;
        const finding = found.run.result.findings.find((f) => f.conditionId === o.conditionId && (f.building ?? null) === building);
        if (!finding) throw new StoreError(`检查记录 ${runId} 中没有${where}的结论，无法改判。`, 'not_found');
        const existing = overridesFor(ctx, runId);
        const previous = existing.filter((x) => x.conditionId === o.conditionId && x.building === building).at(-1)?.verdict ?? finding.verdict;
        const user = textOrNull(o.user) ?? ctx.user();
        const evidence = findingEvidence(finding);
        const id = insertOverride(ctx, runId, { conditionId: o.conditionId, building, verdict: o.verdict, reason: o.reason.trim(), user, createdAt: at }, evidence);
        // A new judgment on this finding settles an undecided carry-over of it.
        db.prepare(
          "UPDATE override_carryovers SET status = 'dropped', decided_by = ?, decided_at = ? WHERE run_id = ? AND condition_id = ? AND ifnull(building, '') = ifnull(?, '') AND status = 'pending'",
        ).run(user, at, runId, o.conditionId, building);
        refreshConclusion(ctx, runId, found.run);
        ctx.touch(found.projectId, at);
        ctx.audit(at, 'override', found.projectId, {
          overrideId: id,
          runId,
          conditionId: o.conditionId,
          building,
          from: previous,
          to: o.verdict,
          reason: o.reason.trim(),
          user,
          evidenceSha256: evidenceSha256(evidence),
        });
        return id;
      });
    },

    carryoversFor(runId) {
      const rows = db
        .prepare("SELECT * FROM override_carryovers WHERE run_id = ? ORDER BY status = 'pending' DESC, id")
        .all(runId) as unknown as CarryRow[];
      return rows.map((r) => toCarryover(ctx, r));
    },

    resolveCarryover(carryoverId, keep) {
      ctx.write((at) => {
        const row = carryRow(carryoverId);
        if (!row) throw new StoreError(`待确认的改判 ${carryoverId} 不存在。`, 'not_found');
        if (row.status !== 'pending') throw new StoreError('该改判已经确认过，不能重复确认。', 'invalid');
        const found = readRun(ctx, row.run_id);
        if (!found) throw new StoreError(`检查记录 ${row.run_id} 不存在。`, 'not_found');
        const origin = overrideWithEvidence(ctx, row.override_id)!.override;
        const user = ctx.user();
        let overrideId: number | null = null;
        if (keep) {
          const f = found.run.result.findings.find((x) => x.conditionId === row.condition_id && (x.building ?? null) === row.building);
          if (!f) throw new StoreError(`本次审查已没有条件 ${row.condition_id}${row.building ? `（${row.building}）` : ''} 的结论，该改判无法保留。`, 'invalid');
          overrideId = insertOverride(
            ctx,
            row.run_id,
            { conditionId: row.condition_id, building: row.building, verdict: origin.verdict, reason: origin.reason, user, createdAt: at, carriedFrom: origin.id },
            findingEvidence(f),
          );
          refreshConclusion(ctx, row.run_id, found.run);
        }
        db.prepare('UPDATE override_carryovers SET status = ?, decided_by = ?, decided_at = ? WHERE id = ?').run(keep ? 'kept' : 'dropped', user, at, carryoverId);
        ctx.touch(found.projectId, at);
        ctx.audit(at, 'override.decide', found.projectId, {
          carryoverId,
          runId: row.run_id,
          conditionId: row.condition_id,
          building: row.building,
          fromOverrideId: origin.id,
          decision: keep ? 'kept' : 'dropped',
          overrideId,
          verdict: origin.verdict,
          reason: origin.reason,
        });
      });
      return toCarryover(ctx, carryRow(carryoverId)!);
    },
  };
}

