// The answer of report.verify, as the command line gives it: 真实一致 / 已被修改（哪一页、改了什么）/
// 无法判断（需要什么）, what the report says about itself, and notes.
import type { VerifyResult } from '../../../shared/api/contract';
import { formatTime } from '../../files';

type Status = NonNullable<VerifyResult['status']>;

const TITLE: Record<Status, string> = {
  genuine: '✓ 真实一致',
  altered: '✗ 已被修改',
  undetermined: '无法判断',
  'other-version': '无法用本版本判断',
  'not-a-report': '无法核验',
};

const CLASS: Record<Status, string> = {
  genuine: 'ok',
  altered: 'bad',
  undetermined: 'neutral',
  'other-version': 'neutral',
  'not-a-report': 'bad',
};

export function VerifyResultPanel({ result }: { result: VerifyResult }) {
  const status = result.status ?? (result.ok ? 'genuine' : 'altered');
  return (
    <div className={`panel verify-result ${CLASS[status]}`} data-testid="verify-result" data-ok={String(result.ok)} data-status={status}>
      <h2>{TITLE[status]}</h2>
      <p className="strong">{result.headline}</p>
      {result.differences.length > 0 && (
        <ul className="differences">
          {result.differences.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
      )}
      {result.needs && result.needs.length > 0 && (
        <>
          <h3>请提供</h3>
          <ul className="needs" data-testid="verify-needs">
            {result.needs.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ul>
        </>
      )}
      {result.report && <ReportFacts report={result.report} />}
      {result.notes && result.notes.length > 0 && (
        <ul className="notes small muted">
          {result.notes.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** What the report says about itself (from its embedded data). */
function ReportFacts({ report }: { report: NonNullable<VerifyResult['report']> }) {
  return (
    <dl className="facts small" data-testid="verify-report">
      <dt>报告编号</dt>
      <dd>{report.reportNo ?? '—'}</dd>
      <dt>核验码</dt>
      <dd className="mono">{report.shortCode}</dd>
      <dt>出具单位</dt>
      <dd>{report.org}</dd>
      <dt>出具时间</dt>
      <dd>{formatTime(report.issuedAt)}</dd>
      <dt>审查所用指标表</dt>
      <dd>{report.workbook.file}</dd>
      {(report.overrides > 0 || report.corrections > 0) && (
        <>
          <dt>人工干预</dt>
          <dd>
            人工改判 {report.overrides} 项，人工录入或修正数值 {report.corrections} 项
          </dd>
        </>
      )}
    </dl>
  );
}
