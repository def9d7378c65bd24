// The API handlers: plain async functions over the store, the importer, the engine and the
// report. Mounted on IPC by electron/main.ts and on HTTP by shared/api/http.ts (see dispatch.ts).
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Store } from '../store/index';
import type { StoreHolder } from './store-holder';
import type { CheckRun, ConditionsDoc, ImportResult } from '../model/types';
import type {
  BatchStatus,
  Handlers,
  OrgProfileRow,
  ProjectRow,
  ReportRow,
  TemplateInfo,
} from './contract';
import { MAX_BACKUP_BYTES } from './limits';
import { ApiError, userMessage } from './dispatch';
import { validateConditions, conditionsFromText } from '../conditions/index';
import { checkImported } from '../check/run';
import { sha256Hex } from '../canonical';
import { applyOverrides } from '../check/overrides';
import { templateKey } from './corrections';
import type { OrgProfile as ReportOrg } from '../report/pdf';
import { fingerprint } from '../report/fingerprint';
// Parsing files and building documents runs in memory-limited worker threads (docs/security.md).
import {
  applyCorrections,
  correctionValue,
  describeSigner,
  importWorkbookBuffer,
  readReportFingerprint,
  renderReportPdf,
  renderReportXlsx,
  signPdf,
  verifyReport,
} from '../work/isolated';
import { auditCheck } from './audit';
import { createBatchRunner } from './batch';

export interface HandlerDeps {
  /** The open database; replaced as a whole by a restore. */
  holder: StoreHolder;
  /** The repository's seeds/ folder (templates and samples). */
  seedsDir: string;
  version: string;
}

type Project = ReturnType<Store['createProject']>;

function projectRow(p: Project): ProjectRow {
  return {
    id: p.id,
    name: p.name,
    parcel: p.parcel ?? null,
    archived: p.archived,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    lastOverall: p.lastOverall,
  };
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const fromB64 = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));

export function createHandlers(deps: HandlerDeps): Handlers {
  /** The current store (a restore replaces it). */
  const db = (): Store => deps.holder.store;

  const mustProject = (id: number): Project => {
    const p = db().getProject(id);
    if (!p) throw new ApiError(`项目 ${id} 不存在（可能已被删除）`);
    return p;
  };

  const mustRun = (runId: number) => {
    const r = db().getRun(runId);
    if (!r) throw new ApiError(`审查记录 ${runId} 不存在`);
    return { ...r, run: applyOverrides(r.run, r.overrides) };
  };

  const validate = (doc: unknown, label = '条件') => validateConditions(doc, label);

  /** The organisation as sent, completed from its saved profile (same name): seal image, signatories. */
  const reportOrg = (o: ApiInputOrg): ReportOrg => {
    const saved = db().listOrgProfiles().find((p) => p.name === o.name);
    return {
      name: o.name,
      sealText: o.sealText ?? saved?.sealText,
      sealPng: o.sealPngBase64 ? fromB64(o.sealPngBase64) : saved?.sealPng,
      signatories: {
        preparer: o.preparer ?? saved?.preparer,
        checker: o.checker ?? saved?.checker,
        approver: o.approver ?? saved?.approver,
      },
      crossPageSeal: o.crossPageSeal,
    };
  };

  const templates = async (): Promise<TemplateInfo[]> => {
    const dir = join(deps.seedsDir, 'templates');
    const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
    const out: TemplateInfo[] = [];
    for (const n of names) {
      const doc = validate(JSON.parse(await readFile(join(dir, n), 'utf8')), n);
      out.push({ id: n.replace(/\.json$/, ''), title: doc.title ?? n, jurisdiction: doc.jurisdiction, doc });
    }
    return out;
  };

  const samples = async () => {
    const dir = join(deps.seedsDir, 'samples');
    const index = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as { samples: Array<{ id: string; title: string }> };
    const titles = new Map(index.samples.map((s) => [s.id, s.title]));
    const names = (await readdir(dir)).filter((n) => n.endsWith('.xlsx')).sort();
    return names.map((n) => {
      const id = n.replace(/\.xlsx$/, '');
      return { id, title: titles.get(id) ?? id };
    });
  };

  /** Import bytes for a project: interpret, apply the corrections remembered for this layout, store. */
  const importInto = async (projectId: number, fileName: string, bytes: Uint8Array, read?: ImportResult) => {
    const raw = read ?? (await importWorkbookBuffer(bytes, fileName));
    const key = templateKey(raw);
    const memories = db().mappingsFor(key);
    const imported = await applyCorrections(raw, memories, bytes);
    const importId = db().recordImport(projectId, imported, fileName, bytes);
    return { importId, imported, corrections: memories.length };
  };

  /** Check the project's latest import against its latest conditions. */
  const runProject = (projectId: number): { runId: number; run: CheckRun } => {
    const cond = db().latestConditionSet(projectId);
    if (!cond) throw new ApiError('该项目尚未设置出让条件：请先在“出让条件”中选择模板、粘贴合同条文或导入条件文件');
    const imp = db().importsForProject(projectId)[0];
    if (!imp) throw new ApiError('该项目尚未导入指标表：请先在“导入指标表”中选择 .xlsx 文件');
    const got = db().getImport(imp.id)!;
    const run = checkImported(got.result, cond.doc, `条件第 ${cond.version} 版`);
    const runId = db().recordRun(projectId, imp.id, cond.id, run);
    return { runId, run };
  };

  const batch = createBatchRunner({
    check: async (fileName, bytes, doc) => {
      const imported = await importWorkbookBuffer(bytes, fileName);
      return checkImported(imported, doc, 'conditions');
    },
    validate,
    render: (run, org) => renderReportPdf(run, { org: reportOrg(org ?? { name: '出让条件合规审查' }) }),
  });

  const handlers: Handlers = {
    'app.info': async () => ({ version: deps.version, samples: await samples() }),

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
      return {
        project: projectRow(project),
        conditions,
        versions: db().conditionSetVersions(projectId),
        lastImport: imp && lastImp ? { importId: lastImp.id, fileName: lastImp.fileName, imported: imp.result } : null,
        lastRun: lastRun
          ? { runId: lastRun.id, overall: lastRun.run.result.overall, counts: lastRun.run.result.counts!, checkedAt: lastRun.run.checkedAt }
          : null,
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
      const known = (await samples()).find((s) => s.id === sample);
      if (!known) throw new ApiError(`没有名为“${sample}”的样例项目`);
      const dir = join(deps.seedsDir, 'samples');
      const bytes = new Uint8Array(await readFile(join(dir, `${sample}.xlsx`)));
      const doc = validate(JSON.parse(await readFile(join(dir, `${sample}.conditions.json`), 'utf8')), `${sample}.conditions.json`);
      const project = db().createProject({ name: `样例：${known.title}`, parcel: doc.contract?.parcel });
      db().saveConditionSet(project.id, doc, '样例合同条件');
      await importInto(project.id, `${sample}.xlsx`, bytes);
      const { runId } = runProject(project.id);
      return { projectId: project.id, runId };
    },

    'conditions.templates': templates,
    'conditions.get': async ({ projectId }) => {
      mustProject(projectId);
      return { latest: db().latestConditionSet(projectId), versions: db().conditionSetVersions(projectId) };
    },
    'conditions.save': async ({ projectId, doc, note }) => {
      mustProject(projectId);
      const valid = validate(doc);
      const saved = db().saveConditionSet(projectId, valid, note);
      return { ...saved, doc: valid };
    },
    'conditions.version': async ({ projectId, version }) => {
      mustProject(projectId);
      const v = db().conditionSetVersions(projectId).find((x) => x.version === version);
      const set = v ? db().getConditionSet(v.id) : null;
      if (!set) throw new ApiError(`该项目没有第 ${version} 版出让条件`);
      return { id: set.id, version: set.version, doc: set.doc };
    },
    'conditions.validate': async ({ doc }) => {
      const valid = validate(doc);
      return { ok: true as const, count: valid.conditions.length, doc: valid };
    },
    'conditions.fromText': async ({ text }) => conditionsFromText(text),

    'import.workbook': async ({ projectId, fileName, dataBase64 }) => {
      mustProject(projectId);
      return importInto(projectId, fileName, fromB64(dataBase64));
    },
    'import.correct': async ({ projectId, indicator, building, cell, value, reason }) => {
      mustProject(projectId);
      const last = db().importsForProject(projectId)[0];
      if (!last) throw new ApiError('该项目尚未导入指标表');
      const bytes = db().importBytes(last.id);
      if (!bytes) throw new ApiError('本次导入未保存工作簿文件，无法修正：请重新导入指标表');
      const memory = { indicator, building, cell, value, reason };
      // Validate the correction against the workbook before remembering it.
      await correctionValue(memory, bytes);
      const raw = await importWorkbookBuffer(bytes, last.fileName);
      db().rememberMapping(templateKey(raw), memory);
      const { importId, imported } = await importInto(projectId, last.fileName, bytes, raw);
      return { importId, imported };
    },
    'check.run': async ({ projectId }) => {
      mustProject(projectId);
      return runProject(projectId);
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

    'report.render': async ({ runId, kind, org, reportNo, sign }) => {
      const r = mustRun(runId);
      const opts = { org: reportOrg(org), reportNo };
      let bytes = kind === 'pdf' ? await renderReportPdf(r.run, opts) : await renderReportXlsx(r.run, opts);
      const fp = fingerprint(r.run);
      let signedBy: string | undefined;
      if (sign) {
        if (kind !== 'pdf') throw new ApiError('只有 PDF 报告可以加数字签名');
        const p12 = fromB64(sign.p12Base64);
        const certFile = sign.fileName ?? '证书文件';
        signedBy = (await describeSigner(p12, sign.password, certFile)).subject;
        bytes = await signPdf(bytes, p12, sign.password, { certFile, reason: `出具审查报告（报告指纹 ${fp.short}）` });
      }
      const base = (r.run.result.project?.name ?? `项目${r.projectId}`).replace(/[\\/:*?"<>|\s]+/g, '_');
      const fileName = `${base}_审查报告_${fp.short}.${kind}`;
      const reportId = db().recordReport(runId, { fingerprint: fp.hex, fileName, kind, bytes });
      return { fileName, dataBase64: b64(bytes), fingerprint: fp.hex, reportId, ...(signedBy ? { signedBy } : {}) };
    },
    'report.list': async ({ projectId }) => {
      mustProject(projectId);
      return db().reportsForProject(projectId).map(reportRow);
    },
    'report.verify': async ({ dataBase64 }) => {
      const pdf = fromB64(dataBase64);
      const hex = await readReportFingerprint(pdf);
      if (!hex) {
        return { ok: false, fingerprint: null, runId: null, differences: ['该文件不是 LandCheck 生成的报告，或报告元数据已被破坏：未找到指纹'] };
      }
      const found = db().findReportByFingerprint(hex);
      if (!found || found.deleted) {
        return {
          ok: false,
          fingerprint: hex,
          runId: null,
          differences: [`本机记录中没有指纹为 ${hex.slice(0, 16)}… 的报告：请用“npm run verify”对照原始指标表和条件文件校验`],
        };
      }
      const r = mustRun(found.runId);
      const outcome = await verifyReport(pdf, r.run);
      const differences = [...outcome.differences];
      // The manifest proves the content; the archived copy proves the file itself was not altered.
      const archived = db().reportBytes(found.id);
      if (archived && sha256Hex(archived) !== sha256Hex(pdf)) {
        differences.push(`文件本身与本机存档的报告（${found.fileName}）不一致：可能被修改、截断或另存过`);
      }
      return { ok: differences.length === 0, fingerprint: outcome.fingerprint, differences, runId: found.runId };
    },

    'store.backup': async () => {
      const bytes = await deps.holder.backup();
      if (bytes.length > MAX_BACKUP_BYTES) {
        const mb = (n: number) => `${Math.ceil(n / 1024 / 1024)} MB`;
        throw new ApiError(
          `数据库有 ${mb(bytes.length)}，超过界面备份与恢复的上限 ${mb(MAX_BACKUP_BYTES)}：请退出程序后直接复制数据库文件 ${deps.holder.path}`,
        );
      }
      return { fileName: `LandCheck备份_${localDate(new Date())}.sqlite`, dataBase64: b64(bytes) };
    },
    'store.restore': async ({ fileName, dataBase64 }) => {
      let kept;
      try {
        kept = deps.holder.restore(fromB64(dataBase64));
      } catch (e) {
        throw new ApiError(`无法从“${fileName}”恢复，当前数据未改动：${userMessage(e).replace(/[^\s：]*restore\.sqlite/g, fileName)}`);
      }
      return { projects: db().listProjects({ includeArchived: true }).length, kept: kept.kept, copies: kept.copies, copyLimit: kept.limit };
    },
    'audit.verify': async ({ reports }) =>
      auditCheck(db(), deps.holder.path, (reports ?? []).map((r) => ({ fileName: r.fileName, pdf: fromB64(r.dataBase64) }))),
    'org.list': async () => db().listOrgProfiles().map(orgRow),
    'org.save': async ({ profile }) => {
      const id = db().saveOrgProfile({
        name: profile.name,
        sealText: profile.sealText,
        sealPng: profile.sealPngBase64 ? fromB64(profile.sealPngBase64) : undefined,
        preparer: profile.preparer,
        checker: profile.checker,
        approver: profile.approver,
      });
      const row = db().listOrgProfiles().find((o) => o.id === id);
      if (!row) throw new ApiError('保存机构信息失败');
      return { ...orgRow(row), crossPageSeal: profile.crossPageSeal };
    },

    'batch.start': async ({ items, conditions, org }) =>
      batch.start(
        items.map((i) => ({ fileName: i.fileName, bytes: fromB64(i.dataBase64), conditions: i.conditions as ConditionsDoc | undefined })),
        conditions as ConditionsDoc | undefined,
        org,
      ),
    'batch.status': async ({ jobId }): Promise<BatchStatus> => batch.status(jobId),
    'batch.cancel': async ({ jobId }) => batch.cancel(jobId),
    'batch.report': async ({ jobId, index }) => {
      const { run, bytes } = await batch.report(jobId, index);
      const fp = fingerprint(run);
      return { fileName: `${run.result.input.file.replace(/\.xlsx$/i, '')}_审查报告_${fp.short}.pdf`, dataBase64: b64(bytes), fingerprint: fp.hex };
    },
  };
  return handlers;
}

type ApiInputOrg = { name: string; sealText?: string; sealPngBase64?: string; preparer?: string; checker?: string; approver?: string; crossPageSeal?: boolean };

/** The user's calendar date (the backup's file name), not UTC's: 2026-11-22 at 07:00 in Shanghai. */
export function localDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

function reportRow(r: { id: number; runId: number; fingerprint: string; fileName: string; kind: 'pdf' | 'xlsx'; createdAt: string }): ReportRow {
  return { id: r.id, runId: r.runId, fingerprint: r.fingerprint, fileName: r.fileName, kind: r.kind, createdAt: r.createdAt };
}

function orgRow(o: { id: number; name: string; sealText?: string; sealPng?: Uint8Array; preparer?: string; checker?: string; approver?: string }): OrgProfileRow {
  return { id: o.id, name: o.name, sealText: o.sealText, hasSealPng: !!o.sealPng, preparer: o.preparer, checker: o.checker, approver: o.approver };
}

