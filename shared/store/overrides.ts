// Overrides (改判): a reviewer's verdict on one finding of a run, always with a written reason. The
// run's effective conclusion (runs.overall) is recomputed with every override.

import type { Verdict } from '../model/types.js';
import { applyOverrides } from '../check/overrides.js';
import { VERDICT_LABEL } from '../model/verdicts.js';
import { StoreError } from './errors.js';
import type { StoreContext } from './context.js';
import { overridesFor, readRun } from './run-data.js';

export interface OverrideInput {
  conditionId: string;
  building: string | null;
  verdict: Verdict;
  reason: string;
  user?: string;
}

export interface OverrideRecords {
  addOverride(runId: number, o: OverrideInput): number;
}

const VERDICTS: readonly Verdict[] = ['pass', 'fail', 'missing', 'review', 'not_applicable'];

export function overrideRecords(ctx: StoreContext): OverrideRecords {
  const { db } = ctx;
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
        const existing = overridesFor(ctx, runId);
        const building = o.building ?? null;
        const finding = found.run.result.findings.find((f) => f.conditionId === o.conditionId && (f.building ?? null) === building);
        if (!finding) throw new StoreError(`检查记录 ${runId} 中没有${where}的结论，无法改判。`, 'not_found');
        const previous = existing.filter((x) => x.conditionId === o.conditionId && x.building === building).at(-1)?.verdict ?? finding.verdict;
        const user = o.user?.trim() || null;
        const r = db
          .prepare('INSERT INTO overrides (run_id, condition_id, building, verdict, reason, user, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(runId, o.conditionId, building, o.verdict, o.reason.trim(), user, at);
        const id = Number(r.lastInsertRowid);
        const all = [...existing, { conditionId: o.conditionId, building, verdict: o.verdict, reason: o.reason, createdAt: at }];
        db.prepare('UPDATE runs SET overall = ? WHERE id = ?').run(applyOverrides(found.run, all).result.overall, runId);
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
        });
        return id;
      });
    },
  };
}
