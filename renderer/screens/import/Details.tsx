// The import's issues (each with a way to correct the indicator it names) and the runoff surface table.
import type { ImportIssue, ImportedSurface } from '../../../shared/model/types';
import { TableHead } from '../../components/TableHead';

export function IssueList({ issues, onCorrect }: { issues: ImportIssue[]; onCorrect: (indicator: string) => void }) {
  if (issues.length === 0) return null;
  return (
    <div className="panel warn" data-testid="import-issues">
      <h3>未能读取或需要注意的内容（{issues.length}）</h3>
      <ul>
        {issues.map((i, k) => (
          <li key={k} className={i.level === 'error' ? 'error' : ''}>
            {i.level === 'error' ? '错误：' : '提示：'}
            {i.message}
            {i.indicator && (
              <button type="button" className="link small" onClick={() => onCorrect(i.indicator!)}>
                更正
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function SurfaceTable({ surfaces }: { surfaces: ImportedSurface[] }) {
  if (surfaces.length === 0) return null;
  return (
    <>
      <h2>下垫面（{surfaces.length}）</h2>
      <table className="data compact">
        <TableHead cols={['下垫面', '面积 (m²)', '径流系数', '来源']} />
        <tbody>
          {surfaces.map((s, i) => (
            <tr key={i}>
              <td>{s.name}</td>
              <td className="num">{s.area ?? '—'}</td>
              <td className="num">{s.coefficient ?? '—'}</td>
              <td className="mono">{s.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
