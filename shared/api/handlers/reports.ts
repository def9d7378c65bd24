// Reports: render a run's PDF/Excel report (optionally signed), list issued reports, verify a
// report PDF; the organisation profiles the reports are issued under.
import type { Handlers, OrgProfileRow, ReportRow } from '../contract';
import { ApiError } from '../dispatch';
import { sha256Hex } from '../../canonical';
import { renderReportPdf, type OrgProfile as ReportOrg } from '../../report/pdf';
import { renderReportXlsx } from '../../report/excel';
import { describeSigner, signPdf } from '../../report/sign';
import { fingerprint } from '../../report/fingerprint';
import { readReportFingerprint } from '../../report/manifest';
import { verifyReport } from '../../report/verify';
import { b64, fromB64, type ApiContext } from './context';

type ReportHandlers = Pick<Handlers, 'report.render' | 'report.list' | 'report.verify' | 'org.list' | 'org.save'>;

export type ApiInputOrg = { name: string; sealText?: string; sealPngBase64?: string; preparer?: string; checker?: string; approver?: string; crossPageSeal?: boolean };

/** The organisation as sent, completed from its saved profile (same name): seal image, signatories. */
export function reportOrg(ctx: ApiContext, o: ApiInputOrg): ReportOrg {
  const saved = ctx.db().listOrgProfiles().find((p) => p.name === o.name);
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
}

export function reportRow(r: { id: number; runId: number; fingerprint: string; fileName: string; kind: 'pdf' | 'xlsx'; createdAt: string }): ReportRow {
  return { id: r.id, runId: r.runId, fingerprint: r.fingerprint, fileName: r.fileName, kind: r.kind, createdAt: r.createdAt };
}

function orgRow(o: { id: number; name: string; sealText?: string; sealPng?: Uint8Array; preparer?: string; checker?: string; approver?: string }): OrgProfileRow {
  return { id: o.id, name: o.name, sealText: o.sealText, hasSealPng: !!o.sealPng, preparer: o.preparer, checker: o.checker, approver: o.approver };
}

export function reportHandlers(ctx: ApiContext): ReportHandlers {
  const { db, mustProject, mustRun } = ctx;
  return {
    'report.render': async ({ runId, kind, org, reportNo, sign }) => {
      const r = mustRun(runId);
      const opts = { org: reportOrg(ctx, org), reportNo };
      let bytes = kind === 'pdf' ? await renderReportPdf(r.run, opts) : await renderReportXlsx(r.run, opts);
      const fp = fingerprint(r.run);
      let signedBy: string | undefined;
      if (sign) {
        if (kind !== 'pdf') throw new ApiError('只有 PDF 报告可以加数字签名');
        const p12 = fromB64(sign.p12Base64);
        const certFile = sign.fileName ?? '证书文件';
        signedBy = describeSigner(p12, sign.password, certFile).subject;
        bytes = signPdf(bytes, p12, sign.password, { certFile, reason: `出具审查报告（报告指纹 ${fp.short}）` });
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
      const hex = readReportFingerprint(pdf);
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
      const outcome = verifyReport(pdf, r.run);
      const differences = [...outcome.differences];
      // The manifest proves the content; the archived copy proves the file itself was not altered.
      const archived = db().reportBytes(found.id);
      if (archived && sha256Hex(archived) !== sha256Hex(pdf)) {
        differences.push(`文件本身与本机存档的报告（${found.fileName}）不一致：可能被修改、截断或另存过`);
      }
      return { ok: differences.length === 0, fingerprint: outcome.fingerprint, differences, runId: found.runId };
    },
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
  };
}
