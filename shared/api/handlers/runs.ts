// Check runs: run the check of a project, read a run, override a finding.
import type { CheckRun } from '../../model/types';
import type { Handlers } from '../contract';
import { ApiError } from '../dispatch';
import { checkImported } from '../../check/run';
import type { ApiContext } from './context';

type RunHandlers = Pick<Handlers, 'check.run' | 'check.get' | 'check.override'>;

/** Check the project's latest import against its latest conditions. */
export function runProject(ctx: ApiContext, projectId: number): { runId: number; run: CheckRun } {
  const db = ctx.db();
  const cond = db.latestConditionSet(projectId);
  if (!cond) throw new ApiError('该项目尚未设置出让条件：请先在“出让条件”中选择模板、粘贴合同条文或导入条件文件');
  const imp = db.importsForProject(projectId)[0];
  if (!imp) throw new ApiError('该项目尚未导入指标表：请先在“导入指标表”中选择 .xlsx 文件');
  const got = db.getImport(imp.id)!;
  const run = checkImported(got.result, cond.doc, `条件第 ${cond.version} 版`);
  const runId = db.recordRun(projectId, imp.id, cond.id, run);
  return { runId, run };
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
      return { runId, run: r.run };
    },
    'check.override': async ({ runId, conditionId, building, verdict, reason }) => {
      const r = mustRun(runId);
      const exists = r.run.result.findings.some((f) => f.conditionId === conditionId && f.building === building);
      if (!exists) throw new ApiError(`审查记录中没有条件 ${conditionId}${building ? `（${building}）` : ''} 的结论`);
      db().addOverride(runId, { conditionId, building, verdict, reason });
      return { runId, run: mustRun(runId).run };
    },
  };
}
