// 操作记录: the project's audit trail in words — who did what, when (imports, corrections,
// condition versions, checks, overrides and the decisions on them, reports).
import { useApp } from '../state';
import { useInvoke } from '../hooks/useInvoke';
import { ErrorPanel } from '../components/ErrorLine';
import { formatTime } from '../files';
import { TableHead } from '../components/TableHead';

export function HistoryScreen() {
  const app = useApp();
  const trail = useInvoke('audit.project', { projectId: app.projectId! });
  return (
    <section className="screen history" aria-labelledby="history-h">
      <div className="screen-head">
        <h1 id="history-h">操作记录</h1>
        <div className="toolbar">
          <button type="button" onClick={() => void trail.reload()}>
            刷新
          </button>
        </div>
      </div>
      <p className="muted small">本项目的每一次导入、更正、条件修改、审查、改判和出具报告都记录在不可修改的审计日志中，最新的在最上面。</p>
      <ErrorPanel message={trail.error} />
      {trail.loading && !trail.data && <p className="muted">正在载入…</p>}
      {trail.data && trail.data.length === 0 && <div className="empty">还没有操作记录。</div>}
      {trail.data && trail.data.length > 0 && (
        <div className="table-wrap">
          <table className="data" data-testid="audit-trail">
            <TableHead cols={[{ label: '时间', className: 'w-time' }, { label: '操作人', className: 'w-user' }, '内容']} />
            <tbody>
              {trail.data.map((e) => (
                <tr key={e.id} data-kind={e.kind}>
                  <td className="nowrap">{formatTime(e.at)}</td>
                  <td className="nowrap">{e.user ?? '（未记录）'}</td>
                  <td>{e.what}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
