// The report names the project and the contract, never the sheet's own words: a warning when the
// sheet names another project or parcel (asked again when the project is renamed).
import { useApp } from '../../state';
import { useInvoke } from '../../hooks/useInvoke';

export function IdentityWarnings({ runId }: { runId: number }) {
  const app = useApp();
  const project = app.detail?.project;
  const identity = useInvoke('report.identity', { runId }, JSON.stringify([project?.name, project?.parcel]));
  const warnings = identity.error ? [] : (identity.data?.warnings ?? []);
  if (warnings.length === 0) return null;
  return (
    <div className="panel warn-panel" role="status" data-testid="identity-warnings">
      <strong>请注意：</strong>
      {warnings.map((w, i) => (
        <div key={i}>{w}</div>
      ))}
      <div className="small muted">报告封面按本项目名称和合同条件出具，并在报告中注明上述不一致。</div>
    </div>
  );
}
