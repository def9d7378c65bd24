// The report methods of the API: issue a report (PDF or Excel) and archive the file, verify a
// received file as `npm run verify` does, look a report up by the code a receiver has
// (mounted by handlers/reports.ts).
import { createHash } from 'node:crypto';
import type { CheckRun, ConditionsDoc } from '../model/types';
import type { Store } from '../store/index';
import { codeFromText, type IssuedFile } from '../store/index';
import type { ApiOutputs, IssuedFileRow, VerifyResult } from './contract';
import { ApiError } from './dispatch';
import { checkImported } from '../check/run';
import { applyOverrides } from '../check/overrides';
import type { OrgProfile, ReportOptions } from '../report/pdf';
import { fingerprint, shortCode } from '../report/fingerprint';
import { correctionsOf, handEntriesOf, overridesOf } from '../report/options';
import type { VerifyOutcome } from '../report/verify';
import type { OriginalInputs } from '../report/rederive';
// Parsing files and building documents runs in memory-limited worker threads (docs/security.md).
import {
  applyCorrections,
  describeSigner,
  importWorkbookBuffer,
  renderReportPdf,
  renderReportXlsx,
  reportInputs,
  signPdf,
  verifyReportFile,
} from '../work/isolated';

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const fromB64 = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Names a seal may not carry: the product's own (a report needs a real organisation). */
const PRODUCT_NAMES = ['landcheck', '出让条件合规审查', '出让条件合规自查'];

export function isRealOrg(name: string | undefined): boolean {
  const n = (name ?? '').trim().toLowerCase();
  return n.length > 0 && !PRODUCT_NAMES.includes(n);
}

export interface ReportDeps {
  db: () => Store;
  /** The organisation as sent, completed from its saved profile. */
  reportOrg: (o: { name: string; sealText?: string; sealPngBase64?: string; preparer?: string; checker?: string; approver?: string; crossPageSeal?: boolean }) => OrgProfile;
  mustRun: (runId: number) => { id: number; projectId: number; importId: number; run: CheckRun };
  validate: (doc: unknown, label?: string) => ConditionsDoc;
}

function issuedRow(f: IssuedFile): IssuedFileRow {
  return {
    fileName: f.fileName,
    kind: f.kind,
    projectId: f.projectId,
    projectName: f.projectName,
    runId: f.runId,
    reportNo: f.reportNo,
    orgName: f.orgName,
    issuedAt: f.issuedAt,
    overall: f.overall,
    shortCode: f.shortCode,
    fileSha256: f.fileSha256,
    ...(typeof f.meta.signedBy === 'string' ? { signedBy: f.meta.signedBy } : {}),
  };
}

export function createReportHandlers(deps: ReportDeps) {
  const { db } = deps;

  /**
   * The run a report is made from, made again from the stored workbook, the corrections it
   * carries and its overrides: what verification will make. A stored run that a fresh check no
   * longer reproduces (an earlier version of the program) must be checked again first.
   */
  const reproducibleRun = async (runId: number): Promise<CheckRun> => {
    const r = deps.mustRun(runId);
    const bytes = db().importBytes(r.importId);
    if (!bytes) return r.run; // imports from before the workbook files were kept
    const file = r.run.result.input.file;
    const raw = await importWorkbookBuffer(bytes, file);
    const { mappings, typed } = correctionsOf(await handEntriesOf(r.run.imported));
    const { result: imported } = await applyCorrections(raw, mappings, typed, bytes, file);
    const fresh = applyOverrides(checkImported(imported, r.run.conditions, r.run.conditionsFile, new Date(r.run.checkedAt)), overridesOf(r.run));
    if (fingerprint(fresh).hex !== fingerprint(r.run).hex) {
      throw new ApiError('该审查记录由较早版本的程序生成，按当前版本重新审查的结果与之不同：请先重新运行审查，再出具报告');
    }
    return fresh;
  };

  const render = async (input: {
    runId: number;
    kind: 'pdf' | 'xlsx';
    org: Parameters<ReportDeps['reportOrg']>[0];
    reportNo?: string;
    sign?: { p12Base64: string; password: string; fileName?: string };
  }): Promise<ApiOutputs['report.render']> => {
    const { runId, kind, sign } = input;
    if (!isRealOrg(input.org.name)) throw new ApiError('请填写出具报告的审查单位名称（报告上的印章和落款使用该名称，不能使用本软件的名称）');
    const stored = deps.mustRun(runId);
    const project = db().getProject(stored.projectId);
    const run = await reproducibleRun(runId);
    // the head of the audit chain, recorded in the report (docs/security.md: anchors)
    const auditAnchor = db().auditHead() ?? undefined;
    const opts: ReportOptions = {
      org: deps.reportOrg(input.org),
      reportNo: input.reportNo,
      issuedAt: new Date(),
      project: { name: project?.name, parcel: project?.parcel },
      auditAnchor,
    };
    let bytes = kind === 'pdf' ? await renderReportPdf(run, opts) : await renderReportXlsx(run, opts);
    const fp = fingerprint(run);
    let signedBy: string | undefined;
    if (sign) {
      if (kind !== 'pdf') throw new ApiError('只有 PDF 报告可以加数字签名');
      const p12 = fromB64(sign.p12Base64);
      const certFile = sign.fileName ?? '证书文件';
      signedBy = (await describeSigner(p12, sign.password, certFile)).subject;
      bytes = await signPdf(bytes, p12, sign.password, { certFile, reason: `出具审查报告（报告核验码 ${fp.short}）` });
    }
    const base = (project?.name ?? run.result.project?.name ?? `项目${stored.projectId}`).replace(/[\\/:*?"<>|\s]+/g, '_');
    const fileName = `${base}_审查意见书_${fp.short}.${kind}`;
    const reportId = db().recordReport(runId, {
      fingerprint: fp.hex,
      fileName,
      kind,
      bytes,
      archive: {
        fileSha256: sha256(bytes),
        shortCode: fp.short,
        reportNo: input.reportNo,
        orgName: opts.org.name,
        meta: { ...(signedBy ? { signedBy } : {}), ...(auditAnchor ? { auditAnchor } : {}) },
      },
    });
    return { fileName, dataBase64: b64(bytes), fingerprint: fp.hex, reportId, ...(signedBy ? { signedBy } : {}) };
  };

  /** The original inputs of a report: as given, from a project, or found in the records by their hashes. */
  const inputsFor = async (
    pdf: Uint8Array,
    q: { workbook?: { fileName: string; dataBase64: string }; conditions?: Record<string, unknown>; conditionsFileName?: string; projectId?: number },
  ): Promise<{ inputs: OriginalInputs | undefined; from: VerifyResult['inputsFrom']; problems: string[] }> => {
    if (q.workbook && q.conditions) {
      const doc = deps.validate(q.conditions, q.conditionsFileName ?? '条件文件');
      return { inputs: { workbook: { bytes: fromB64(q.workbook.dataBase64), name: q.workbook.fileName }, conditions: { doc, name: q.conditionsFileName ?? '条件文件' } }, from: 'given', problems: [] };
    }
    if ((q.workbook && !q.conditions) || (!q.workbook && q.conditions)) {
      throw new ApiError(q.workbook ? '还需要合同条件文件（.json），或选择本机的项目' : '还需要指标表文件（.xlsx），或选择本机的项目');
    }
    const recorded = await reportInputs(pdf);
    if (!recorded) return { inputs: undefined, from: null, problems: [] };
    const m = { inputs: recorded };
    const wb = db().workbookBySha(m.inputs.workbook.sha256);
    const cs = db().conditionSetBySha(m.inputs.conditions.sha256);
    if (q.projectId !== undefined) {
      const project = db().getProject(q.projectId);
      if (!project) throw new ApiError(`项目 ${q.projectId} 不存在（可能已被删除）`);
      const problems: string[] = [];
      const imports = db().importsForProject(q.projectId);
      const imp = imports.find((i) => i.workbookSha256 === m.inputs.workbook.sha256) ?? imports[0];
      const bytes = imp ? db().importBytes(imp.id) : null;
      const sets = db().conditionSetVersions(q.projectId);
      const version = sets.find((v) => v.sha256 === m.inputs.conditions.sha256) ?? sets[0];
      const set = version ? db().getConditionSet(version.id) : null;
      if (!bytes) problems.push(`项目“${project.name}”中没有保存指标表文件，请直接提供指标表`);
      if (!set) problems.push(`项目“${project.name}”尚未设置出让条件`);
      if (problems.length || !bytes || !set || !imp) return { inputs: undefined, from: null, problems };
      return { inputs: { workbook: { bytes, name: imp.fileName }, conditions: { doc: set.doc, name: `条件第 ${set.version} 版` } }, from: 'project', problems: [] };
    }
    if (wb && cs) {
      return { inputs: { workbook: { bytes: wb.bytes, name: wb.fileName }, conditions: { doc: deps.validate(cs.doc, '条件'), name: m.inputs.conditions.file } }, from: 'records', problems: [] };
    }
    return { inputs: undefined, from: null, problems: [] };
  };

  const toResult = (o: VerifyOutcome, extra: Partial<VerifyResult>): VerifyResult => ({
    ok: o.ok,
    fingerprint: o.fingerprint,
    differences: o.details,
    runId: null,
    status: o.status,
    headline: o.headline,
    needs: o.needs,
    notes: o.notes,
    report: o.report,
    ...extra,
  });

  const verify = async (q: {
    dataBase64: string;
    fileName?: string;
    workbook?: { fileName: string; dataBase64: string };
    conditions?: Record<string, unknown>;
    conditionsFileName?: string;
    projectId?: number;
  }): Promise<VerifyResult> => {
    const bytes = fromB64(q.dataBase64);
    const archivedFile = db().issuedFile(sha256(bytes));
    const archived = archivedFile ? issuedRow(archivedFile) : null;
    const isPdf = Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';
    const archiveNote = archived
      ? `与本机存档的出具文件“${archived.fileName}”完全相同（${archived.orgName ?? '本单位'}于 ${archived.issuedAt.slice(0, 16).replace('T', ' ')}（UTC）出具，项目“${archived.projectName}”）`
      : null;
    if (!isPdf) {
      // an Excel record can only be matched against the archive
      if (archived) {
        return { ok: true, fingerprint: archivedFile!.fingerprint, differences: [], runId: archived.runId, status: 'genuine', headline: '真实一致：与本机存档的出具文件完全相同', needs: [], notes: [archiveNote!], report: null, archived, inputsFrom: null };
      }
      return {
        ok: false,
        fingerprint: null,
        differences: [],
        runId: null,
        status: 'undetermined',
        headline: '无法判断：本机存档中没有这份文件',
        needs: ['Excel 审查记录只能与出具单位的存档核对：请在出具单位的 LandCheck 中核验，或核验同一次审查出具的 PDF 意见书'],
        notes: [],
        report: null,
        archived: null,
        inputsFrom: null,
      };
    }
    const { inputs, from, problems } = await inputsFor(bytes, q);
    const o = await verifyReportFile(bytes, inputs, q.fileName);
    const notes = [...o.notes];
    if (from === 'records') notes.unshift('已使用本机存档中记录的原始指标表和合同条件进行核验');
    if (from === 'project') notes.unshift('已使用所选项目中保存的指标表和合同条件进行核验');
    if (archiveNote) notes.unshift(archiveNote);
    const runId = archived?.runId ?? null;
    if (archived && o.status !== 'altered' && o.status !== 'not-a-report') {
      // the office's own copy, byte for byte: the strongest answer there is
      return toResult(o, { ok: true, status: 'genuine', headline: '真实一致：与本机存档的出具文件完全相同', notes, archived, runId, inputsFrom: from });
    }
    if (o.fingerprint && !archived) {
      const same = db().issuedFiles({ fingerprint: o.fingerprint });
      if (same.length) notes.push(`本机存档中有同一审查记录出具的 ${same.length} 份文件（项目“${same[0].projectName}”），但没有与该文件完全相同的一份`);
    }
    return toResult(o, { notes, needs: [...problems, ...o.needs], archived, runId, inputsFrom: from });
  };

  const lookup = async ({ text }: { text: string }): Promise<ApiOutputs['report.lookup']> => {
    const q = codeFromText(text);
    if (!q) throw new ApiError('请输入报告页脚的核验码（如 LC-3F9A-1C2B-77D0）或扫描二维码得到的文字');
    const files = db().issuedFiles(q).map(issuedRow);
    return { query: 'code' in q ? q.code : `${shortCode(q.fingerprint)}（指纹 ${q.fingerprint.slice(0, 16)}…）`, files };
  };

  return { render, verify, lookup };
}
