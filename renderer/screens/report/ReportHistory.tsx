// 报告记录: the files issued for this project, newest first, with their verification codes.
import type { ReportRow } from '../../../shared/api/contract';
import { formatTime } from '../../files';
import { shortCode } from './model';
import { TableHead } from '../../components/TableHead';

export function ReportHistory({ rows }: { rows: ReportRow[] }) {
  return (
    <div className="panel">
      <h2>报告记录</h2>
      {rows.length === 0 ? (
        <p className="muted small">尚未生成报告。</p>
      ) : (
        <table className="data compact" data-testid="report-history">
          <TableHead cols={['时间', '文件', '核验码']} />
          <tbody>
            {rows
              .slice()
              .sort((a, b) => b.id - a.id)
              .map((r) => (
                <tr key={r.id}>
                  <td className="small">{formatTime(r.createdAt)}</td>
                  <td className="small">{r.fileName}</td>
                  <td className="mono small" title={r.fingerprint}>
                    {shortCode(r.fingerprint)}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
