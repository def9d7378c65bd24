// Reports: render a run's PDF/Excel report (optionally signed) and archive the file, list issued
// reports, the warnings on whose report it is, verify a received report as `npm run verify` does,
// look one up by its code
// (shared/api/reports.ts); the organisation profiles the reports are issued under.
import type { Handlers, OrgProfileRow, ReportRow } from '../contract';
import { ApiError } from '../dispatch';
import type { OrgProfile as ReportOrg } from '../../report/pdf';
import { identityOf } from '../../report/identity';
import { createReportHandlers } from '../reports';
import { fromB64, type ApiContext } from './context';

type ReportHandlers = Pick<Handlers, 'report.render' | 'report.list' | 'report.identity' | 'report.verify' | 'report.lookup' | 'org.list' | 'org.save'>;

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
  const { db, mustProject } = ctx;
  const reports = createReportHandlers({ db, reportOrg: (o) => reportOrg(ctx, o), mustRun: ctx.mustRun, validate: ctx.validate });
  return {
    'report.render': async (input) => reports.render(input),
    'report.list': async ({ projectId }) => {
      mustProject(projectId);
      return db().reportsForProject(projectId).map(reportRow);
    },
    // the report names the project and the contract; the UI warns when the sheet names another one
    'report.identity': async ({ runId }) => {
      const r = ctx.mustRun(runId);
      const project = db().getProject(r.projectId);
      return { warnings: identityOf(r.run, { name: project?.name, parcel: project?.parcel ?? undefined }).warnings };
    },
    'report.verify': async (q) => reports.verify(q),
    'report.lookup': async (q) => reports.lookup(q),
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
