// Saved batches: start (each workbook becomes a project of the batch, read with the same
// remembered cell mappings as a project), progress, cancel, the summary (data and Excel), one or
// all PDF reports, turning the batch into projects, deleting it.
import { basename } from 'node:path';
import type { BatchDetail, BatchRow, BatchSummary, Handlers } from '../contract';
import type { ConditionsDoc } from '../../model/types';
import type { BatchRecord } from '../../store/types';
import { isOpinion } from '../../check/resubmission';
import { checkImported } from '../../check/run';
import { renderReportPdf } from '../../work/isolated';
import { fingerprint } from '../../report/fingerprint';
import { sha256Hex } from '../../canonical';
import { ApiError } from '../dispatch';
import { createBatchRunner } from '../batch';
import { batchSummaryXlsx } from '../batch-summary';
import { zip } from '../zip';
import { b64, fromB64, type ApiContext } from './context';
import { readWithMappings } from './imports';
import { reportOrg, type ApiInputOrg } from './reports';
import { localDate } from './store';

type BatchHandlers = Pick<
  Handlers,
  | 'batch.start'
  | 'batch.list'
  | 'batch.get'
  | 'batch.cancel'
  | 'batch.report'
  | 'batch.reportsZip'
  | 'batch.summary'
  | 'batch.summaryXlsx'
  | 'batch.toProjects'
  | 'batch.delete'
>;

const safeName = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '_');

function batchRow(b: BatchRecord): BatchRow {
  const { org, ...rest } = b;
  const name = org && typeof org === 'object' && typeof (org as { name?: unknown }).name === 'string' ? (org as { name: string }).name : undefined;
  return { ...rest, ...(name ? { orgName: name } : {}) };
}

export function batchHandlers(ctx: ApiContext): BatchHandlers {
  const { db } = ctx;
  // A batch still 'running' in the database was cut off when the app stopped.
  db().interruptRunningBatches();

  const runner = createBatchRunner({
    validate: ctx.validate,
    create: (fileNames, meta) => db().createBatch({ name: meta.name, fileNames, org: meta.org }),
    process: async (batchId, item) => {
      const { key, imported } = await readWithMappings(ctx, item.fileName, item.bytes);
      const checked = checkImported(imported, item.conditions, '条件第 1 版');
      const name = checked.result.project?.name ?? basename(item.fileName).replace(/\.xlsx$/i, '');
      return db().transaction(() => {
        const project = db().createProject({ name, parcel: item.conditions.contract?.parcel, batchId });
        const cs = db().saveConditionSet(project.id, item.conditions, '批量审查时的条件');
        const importId = db().recordImport(project.id, imported, item.fileName, item.bytes, { layoutKey: key });
        db().recordRun(project.id, importId, cs.id, checked, { carryOverrides: false });
        return project.id;
      });
    },
    complete: (batchId, position, r) => db().completeBatchItem(batchId, position, r),
    finish: (batchId, status) => db().finishBatch(batchId, status),
  });

  const detail = (batchId: number): BatchDetail => {
    const got = db().getBatch(batchId);
    if (!got) throw new ApiError(`批量审查 ${batchId} 不存在（可能已被删除）`, 'not_found');
    return { batch: batchRow(got.batch), items: got.items, running: runner.isRunning(batchId) };
  };

  /** The org a batch report is issued under: a saved profile, never a made-up name. */
  const savedOrg = (o: ApiInputOrg) => {
    if (!db().listOrgProfiles().some((p) => p.name === o.name)) {
      throw new ApiError(`没有名为“${o.name}”的审查单位资料：请先在“报告”页保存单位名称、印章和签字人，再生成批量报告`);
    }
    return reportOrg(ctx, o);
  };

  const renderItem = async (batchId: number, index: number, org: ApiInputOrg) => {
    const item = detail(batchId).items[index];
    if (!item) throw new ApiError(`批量审查中没有第 ${index + 1} 个文件`);
    if (item.status !== 'done' || item.runId === undefined) throw new ApiError(`${item.fileName} 未能审查（${item.error ?? '尚未完成'}），无法生成报告`);
    const r = ctx.mustRun(item.runId);
    const bytes = await renderReportPdf(r.run, { org: savedOrg(org) });
    const fp = fingerprint(r.run);
    const fileName = `${String(index + 1).padStart(3, '0')}_${safeName(item.fileName.replace(/\.xlsx$/i, ''))}_审查报告_${fp.short}.pdf`;
    db().recordReport(item.runId, { fingerprint: fp.hex, fileName, kind: 'pdf', bytes, archive: { fileSha256: sha256Hex(bytes), shortCode: fp.short, orgName: org.name } });
    return { fileName, bytes, fingerprint: fp.hex };
  };

  const summary = (batchId: number): BatchSummary => {
    const d = detail(batchId);
    return {
      batch: d.batch,
      rows: d.items.map((i) => {
        const base = { position: i.position, fileName: i.fileName, status: i.status, ...(i.error ? { error: i.error } : {}) };
        if (i.runId === undefined) return { ...base, overrides: 0, opinions: [] };
        const r = ctx.mustRun(i.runId);
        const project = db().getProject(r.projectId);
        const findings = r.run.result.findings;
        return {
          ...base,
          projectName: project?.name,
          ...(project?.parcel ? { parcel: project.parcel } : {}),
          overall: r.run.result.overall,
          counts: r.run.result.counts,
          overrides: findings.filter((f) => f.override).length,
          opinions: findings
            .filter((f) => isOpinion(f.verdict))
            .map((f) => ({ conditionId: f.conditionId, ...(f.clause ? { clause: f.clause } : {}), building: f.building, verdict: f.verdict, message: f.message })),
        };
      }),
    };
  };

  return {
    'batch.start': async ({ items, conditions, org, name }) => {
      ctx.requireUser('批量审查');
      return runner.start(
        items.map((i) => ({ fileName: i.fileName, bytes: fromB64(i.dataBase64), conditions: i.conditions as ConditionsDoc | undefined })),
        conditions as ConditionsDoc | undefined,
        { name: name?.trim() || `批量审查 ${localDate(new Date())}（${items.length} 份）`, ...(org ? { org: { name: org.name } } : {}) },
      );
    },
    'batch.list': async () => db().listBatches().map(batchRow),
    'batch.get': async ({ batchId }) => detail(batchId),
    'batch.cancel': async ({ batchId }) => {
      runner.cancel(batchId);
      return detail(batchId);
    },
    'batch.report': async ({ batchId, index, org }) => {
      const r = await renderItem(batchId, index, org);
      return { fileName: r.fileName, dataBase64: b64(r.bytes), fingerprint: r.fingerprint };
    },
    'batch.reportsZip': async ({ batchId, org }) => {
      const d = detail(batchId);
      if (d.running) throw new ApiError('批量审查尚未完成，请完成后再导出全部报告');
      savedOrg(org);
      const entries = [];
      for (const i of d.items) if (i.status === 'done' && i.runId !== undefined) entries.push(await renderItem(batchId, i.position, org));
      if (entries.length === 0) throw new ApiError('该批量审查没有审查完成的指标表，没有报告可导出');
      const bytes = zip(entries.map((e) => ({ name: e.fileName, data: e.bytes })));
      return { fileName: `${safeName(d.batch.name)}_全部报告.zip`, dataBase64: b64(bytes), reports: entries.length };
    },
    'batch.summary': async ({ batchId }) => summary(batchId),
    'batch.summaryXlsx': async ({ batchId }) => {
      const s = summary(batchId);
      return { fileName: `${safeName(s.batch.name)}_汇总.xlsx`, dataBase64: b64(await batchSummaryXlsx(s)) };
    },
    'batch.toProjects': async ({ batchId }) => {
      detail(batchId);
      return { projects: db().batchToProjects(batchId) };
    },
    'batch.delete': async ({ batchId }) => {
      if (runner.isRunning(batchId)) throw new ApiError('批量审查正在进行，请先取消再删除');
      detail(batchId);
      db().deleteBatch(batchId);
      return { deleted: true as const };
    },
  };
}
