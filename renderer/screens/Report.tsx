// 报告: organisation profile (seal, signatories, 骑缝章), generate PDF / Excel from the latest run,
// download, PDF preview, optional PAdES signature with the user's .p12 certificate (never stored),
// report history. The parts live in screens/report/.
import { useState } from 'react';
import { useApp } from '../state';
import { useInvoke } from '../hooks/useInvoke';
import { OverallBadge } from '../components/Badges';
import { formatTime } from '../files';
import { GeneratePanel } from './report/GeneratePanel';
import { IdentityWarnings } from './report/IdentityWarnings';
import { OrgForm } from './report/OrgForm';
import { ReportHistory } from './report/ReportHistory';
import { useOrgProfile } from './report/useOrgProfile';

export function ReportScreen() {
  const app = useApp();
  const projectId = app.projectId!;
  const profile = useOrgProfile(projectId);
  const history = useInvoke('report.list', { projectId });
  /** One Chinese message for the whole screen, shown under the buttons. */
  const [error, setError] = useState('');
  const runId = app.detail?.lastRun?.runId;

  if (runId === undefined)
    return (
      <section className="screen report" aria-labelledby="report-h">
        <h1 id="report-h">报告</h1>
        <div className="empty">
          <p>还没有审查结果，无法生成报告。</p>
          <button type="button" className="primary" onClick={() => app.go('results')}>
            去审查结果
          </button>
        </div>
      </section>
    );

  return (
    <section className="screen report" aria-labelledby="report-h">
      <div className="screen-head">
        <h1 id="report-h">报告</h1>
        <div className="toolbar">
          <span className="muted small">审查结论</span>
          <OverallBadge overall={app.detail?.lastRun?.overall} />
          <span className="muted small">审查时间 {formatTime(app.detail?.lastRun?.checkedAt)}</span>
        </div>
      </div>
      <IdentityWarnings runId={runId} />
      <div className="report-layout">
        <OrgForm profile={profile} setError={setError} />
        <div className="report-side">
          <GeneratePanel runId={runId} org={profile.org} error={error} setError={setError} onGenerated={() => void history.reload()} />
          <ReportHistory rows={history.error ? [] : (history.data ?? [])} />
        </div>
      </div>
    </section>
  );
}
