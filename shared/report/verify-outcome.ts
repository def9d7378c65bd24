// The three answers of verification (and the two edge cases) as the user reads them: status,
// headline, what differs (at most MAX_LINES lines), the report's own summary.
import type { SignatureCheck } from './signature-check';

export type VerifyStatus = 'genuine' | 'altered' | 'undetermined' | 'other-version' | 'not-a-report';

export interface ReportSummary {
  reportNo: string | null;
  shortCode: string;
  fingerprint: string;
  /** "LandCheck 0.1.0" */
  generator: string;
  issuedAt: string;
  org: string;
  project: string | null;
  overall: string;
  workbook: { file: string; sha256: string };
  conditions: { file: string; sha256: string };
  corrections: number;
  overrides: number;
}

export interface VerifyOutcome {
  status: VerifyStatus;
  ok: boolean;
  /** One Chinese sentence: the answer. */
  headline: string;
  /** Where and what (altered), what differs (inputs), or why it cannot be read. */
  details: string[];
  /** What to provide to get an answer (undetermined). */
  needs: string[];
  /** Signatures, who made the report, what verification does and does not prove. */
  notes: string[];
  report: ReportSummary | null;
  signatures: SignatureCheck[];
  /** The report's fingerprint (from its embedded data), when readable. */
  fingerprint: string | null;
  /** Same as `details` (earlier API). */
  differences: string[];
}

export const MAX_LINES = 30;
export const HEADLINE: Record<VerifyStatus, string> = {
  genuine: '真实一致：报告各页内容与按原始输入重新生成的报告完全一致，未被改动',
  altered: '已被修改：报告与 LandCheck 按记录的输入出具的报告不一致',
  undetermined: '无法判断：需要原始输入才能核对报告各页内容',
  'other-version': '无法用本版本判断：报告由其他版本的 LandCheck 出具',
  'not-a-report': '无法核验：该文件不是可识别的 LandCheck 审查报告',
};

export function outcome(status: VerifyStatus, parts: Partial<VerifyOutcome> & { headline?: string }): VerifyOutcome {
  const details = parts.details ?? [];
  return {
    status,
    ok: status === 'genuine',
    headline: parts.headline ?? HEADLINE[status],
    details,
    needs: parts.needs ?? [],
    notes: parts.notes ?? [],
    report: parts.report ?? null,
    signatures: parts.signatures ?? [],
    fingerprint: parts.fingerprint ?? null,
    differences: details,
  };
}

export function capped(lines: string[], out: string[]): void {
  out.push(...lines.slice(0, MAX_LINES));
  if (lines.length > MAX_LINES) out.push(`……另有 ${lines.length - MAX_LINES} 处同类差异`);
}
