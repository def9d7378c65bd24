// Check runs: run the check of a project (re-attaching the previous run's overrides whose
// evidence is unchanged), read a run, override a finding, decide on the overrides whose evidence
// changed, and compare two runs (复审).
import type { CheckRun } from '../../model/types';
import type { Handlers, RunListItem } from '../contract';
import { ApiError } from '../dispatch';
import { checkImported } from '../../check/run';
import { compareRuns, type RunRef } from '../../check/resubmission';
import type { ApiContext } from './context';

type RunHandlers = Pick<
  Handlers,
  'check.run' | 'check.get' | 'check.override' | 'check.carryovers' | 'check.decideCarryover' | 'runs.list' | 'runs.compare'
>;

/** Check the project's latest import against its latest conditions; overrides are carried over. */
export function runProject(ctx: ApiContext, projectId: number): { runId: number; run: CheckRun; carried: { kept: number; pending: number } } {
  const db = ctx.db();
  const cond = db.latestConditionSet(projectId);
  if (!cond) throw new ApiError('该项目尚未设置出让条件：请先在“出让条件”中选择模板、粘贴合同条文或导入条件文件');
  const imp = db.importsForProject(projectId)[0];
  if (!imp) throw new ApiError('该项目尚未导入指标表：请先在“导入指标表”中选择 .xlsx 文件');
  const got = db.getImport(imp.id)!;
  const checked = checkImported(got.result, cond.doc, `条件第 ${cond.version} 版`);
  const { runId, kept, pending } = db.recordRunWithCarry(projectId, imp.id, cond.id, checked);
  return { runId, run: ctx.mustRun(runId).run, carried: { kept, pending } };
}

const pendingOf = (ctx: ApiContext, runId: number) => ctx.db().carryoversFor(runId).filter((c) => c.status === 'pending').length;

/** Which run a run is: its sheet version and file, its condition version, its effective conclusion. */
function runRef(ctx: ApiContext, runId: number): { ref: RunRef; run: CheckRun; overrides: number } {
  const r = ctx.mustRun(runId);
  const imp = ctx.db().getImport(r.importId)!.summary;
  const cs = ctx.db().getConditionSet(r.conditionSetId)!;
  const result = r.run.result;
  return {
    ref: {
      runId,
      checkedAt: r.run.checkedAt,
      importVersion: imp.version,
      fileName: imp.fileName,
      conditionsVersion: cs.version,
      overall: result.overall,
      counts: result.counts!,
    },
    run: r.run,
    overrides: result.findings.filter((f) => f.override).length,
  };
}

export function runHandlers(ctx: ApiContext): RunHandlers {
  const { db, mustProject, mustRun } = ctx;
  return {
    'check.run': async ({ projectId }) => {
      mustProject(projectId);
      return runProject(ctx, projectId);
    },
    'check.get': async ({ runId }) => {
      const r = mustRun(runId);
      return { runId, run: r.run, pendingCarryovers: pendingOf(ctx, runId) };
    },
    'check.override': async ({ runId, conditionId, building, verdict, reason }) => {
      const r = mustRun(runId);
      const user = ctx.requireUser('改判');
      const exists = r.run.result.findings.some((f) => f.conditionId === conditionId && f.building === building);
      if (!exists) throw new ApiError(`审查记录中没有条件 ${conditionId}${building ? `（${building}）` : ''} 的结论`);
      db().addOverride(runId, { conditionId, building, verdict, reason, user });
      return { runId, run: mustRun(runId).run };
    },
    'check.carryovers': async ({ runId }) => {
      mustRun(runId);
      return db().carryoversFor(runId);
    },
    'check.decideCarryover': async ({ carryoverId, keep }) => {
      ctx.requireUser('确认改判');
      const carryover = db().resolveCarryover(carryoverId, keep);
      return { carryover, run: mustRun(carryover.runId).run, pendingCarryovers: pendingOf(ctx, carryover.runId) };
    },
    'runs.list': async ({ projectId }) => {
      mustProject(projectId);
      return db()
        .runsForProject(projectId)
        .map((s): RunListItem => {
          const { ref, overrides } = runRef(ctx, s.id);
          return { ...ref, overrides, pendingCarryovers: pendingOf(ctx, s.id) };
        });
    },
    'runs.compare': async ({ fromRunId, toRunId }) => {
      const a = runRef(ctx, fromRunId);
      const b = runRef(ctx, toRunId);
      const pa = mustRun(fromRunId).projectId;
      if (pa !== mustRun(toRunId).projectId) throw new ApiError('只能比较同一项目的两次审查');
      return compareRuns({ ref: a.ref, run: a.run }, { ref: b.ref, run: b.run });
    },
  };
}

