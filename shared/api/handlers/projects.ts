// Projects: list, create, open, rename, archive, delete, and the bundled sample projects.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Handlers } from '../contract';
import { ApiError } from '../dispatch';
import { logFilePath } from '../../log/index';
import { projectRow, type ApiContext } from './context';
import { importInto } from './imports';
import { runProject } from './runs';
import { reportRow } from './reports';

type ProjectHandlers = Pick<Handlers, 'app.info' | 'projects.list' | 'projects.create' | 'projects.get' | 'projects.rename' | 'projects.archive' | 'projects.delete' | 'projects.openSample'>;

/** The bundled sample workbooks (seeds/samples/*.xlsx) with their titles. */
export async function samples(ctx: ApiContext): Promise<Array<{ id: string; title: string }>> {
  const dir = join(ctx.deps.seedsDir, 'samples');
  const index = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as { samples: Array<{ id: string; title: string }> };
  const titles = new Map(index.samples.map((s) => [s.id, s.title]));
  const names = (await readdir(dir)).filter((n) => n.endsWith('.xlsx')).sort();
  return names.map((n) => {
    const id = n.replace(/\.xlsx$/, '');
    return { id, title: titles.get(id) ?? id };
  });
}

export function projectHandlers(ctx: ApiContext): ProjectHandlers {
  const { db, mustProject, mustRun } = ctx;
  return {
    'app.info': async () => ({ version: ctx.deps.version, samples: await samples(ctx), logFile: logFilePath() }),

    'projects.list': async (q) => {
      const all = db().listProjects({ search: q.search, includeArchived: q.includeArchived, sort: q.sort });
      const offset = q.offset ?? 0;
      const items = all.slice(offset, q.limit ? offset + q.limit : undefined);
      return { items: items.map(projectRow), total: all.length };
    },
    'projects.create': async (p) => projectRow(db().createProject({ name: p.name, parcel: p.parcel })),
    'projects.get': async ({ projectId }) => {
      const project = mustProject(projectId);
      const conditions = db().latestConditionSet(projectId);
      const lastImp = db().importsForProject(projectId)[0];
      const imp = lastImp ? db().getImport(lastImp.id) : null;
      const lastRunRow = db().runsForProject(projectId)[0];
      const lastRun = lastRunRow ? mustRun(lastRunRow.id) : null;
      const batch = project.batchId !== undefined ? db().getBatch(project.batchId)?.batch : undefined;
      return {
        project: projectRow(project),
        conditions,
        versions: db().conditionSetVersions(projectId),
        lastImport:
          imp && lastImp
            ? {
                importId: lastImp.id,
                fileName: lastImp.fileName,
                imported: imp.result,
                version: lastImp.version,
                typed: db().typedValuesFor(lastImp.id),
                mappings: lastImp.layoutKey ? db().mappingsFor(lastImp.layoutKey) : [],
              }
            : null,
        lastRun: lastRun
          ? { runId: lastRun.id, overall: lastRun.run.result.overall, counts: lastRun.run.result.counts!, checkedAt: lastRun.run.checkedAt }
          : null,
        batch: batch ? { batchId: batch.id, name: batch.name } : null,
        reports: db().reportsForProject(projectId).map(reportRow),
      };
    },
    'projects.rename': async ({ projectId, name }) => {
      mustProject(projectId);
      db().renameProject(projectId, name);
      return projectRow(mustProject(projectId));
    },
    'projects.archive': async ({ projectId, archived }) => {
      mustProject(projectId);
      db().archiveProject(projectId, archived);
      return projectRow(mustProject(projectId));
    },
    'projects.delete': async ({ projectId }) => {
      mustProject(projectId);
      db().deleteProject(projectId);
      return { deleted: true as const };
    },
    'projects.openSample': async ({ sample }) => {
      const known = (await samples(ctx)).find((s) => s.id === sample);
      if (!known) throw new ApiError(`没有名为“${sample}”的样例项目`);
      const dir = join(ctx.deps.seedsDir, 'samples');
      const bytes = new Uint8Array(await readFile(join(dir, `${sample}.xlsx`)));
      const doc = ctx.validate(JSON.parse(await readFile(join(dir, `${sample}.conditions.json`), 'utf8')), `${sample}.conditions.json`);
      const project = db().createProject({ name: `样例：${known.title}`, parcel: doc.contract?.parcel });
      db().saveConditionSet(project.id, doc, '样例合同条件');
      await importInto(ctx, project.id, `${sample}.xlsx`, bytes);
      const { runId } = runProject(ctx, project.id);
      return { projectId: project.id, runId };
    },
  };
}
