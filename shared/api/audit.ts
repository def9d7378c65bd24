// The audit check on demand (API `audit.verify`, `npm run audit`): walk the whole hash chain,
// and compare it with the chain heads recorded by reports already issued (their manifest's
// `auditAnchor`), which live outside the database — so an edited row, a deleted row, and even a
// chain recomputed from scratch after an edit are all reported, with where (docs/security.md).
import type { Store } from '../store/index';
import { RESTORE_COPY_LIMIT, restoreCopies } from '../store/index';
import type { AuditCheck, AuditReportCheck } from './contract';
import { readAuditAnchor } from '../work/isolated';

export interface ReportFile {
  fileName: string;
  pdf: Uint8Array;
}

/** Anchors issued reports carry (the report branch writes `auditAnchor` into the manifest). */
export async function checkReports(store: Store, reports: readonly ReportFile[]): Promise<AuditReportCheck[]> {
  const out: AuditReportCheck[] = [];
  for (const r of reports) {
    let found: Awaited<ReturnType<typeof readAuditAnchor>>;
    try {
      found = await readAuditAnchor(r.pdf, r.fileName);
    } catch (e) {
      out.push({ fileName: r.fileName, status: 'unreadable', message: e instanceof Error ? e.message : String(e) });
      continue;
    }
    if (!found.anchor) {
      out.push({
        fileName: r.fileName,
        status: 'none',
        message: found.fingerprint
          ? '该报告没有记载审计日志链头（由较早的版本生成），不能用来核对审计日志'
          : '该文件不是 LandCheck 生成的报告，或报告元数据已被破坏',
      });
      continue;
    }
    const v = store.checkAuditAnchor(found.anchor);
    out.push(
      v.ok
        ? { fileName: r.fileName, status: 'match', message: `与本机审计日志一致（报告出具时日志共 ${found.anchor.id} 条）` }
        : { fileName: r.fileName, status: 'mismatch', message: v.message ?? '与本机审计日志不符' },
    );
  }
  return out;
}

/** The whole check: chain, anchors of the given reports, and the kept pre-restore copies. */
export async function auditCheck(store: Store, dbPath: string, reports: readonly ReportFile[] = []): Promise<AuditCheck> {
  const chain = store.verifyAuditChain();
  const head = store.auditHead();
  const checked = await checkReports(store, reports);
  const mismatches = checked.filter((c) => c.status === 'mismatch').length;
  const message = !chain.ok
    ? `审计日志在第 ${chain.brokenAt} 条处断裂：${chain.message}`
    : mismatches > 0
      ? `审计日志本身首尾相连（共 ${chain.count} 条），但与 ${mismatches} 份已出具报告记载的链头不符：日志可能被整体改写过`
      : `审计日志完整：共 ${chain.count} 条记录，逐条核对无误`;
  return {
    ok: chain.ok && mismatches === 0,
    count: chain.count,
    brokenAt: chain.ok ? null : (chain.brokenAt ?? null),
    message,
    head,
    reports: checked,
    copies: { count: restoreCopies(dbPath).length, limit: RESTORE_COPY_LIMIT },
  };
}
