// The saved batches, newest first: name, when and by whom, how far, conclusions; each opens.
import type { BatchRow } from '../../../shared/api/contract';
import { formatTime } from '../../files';
import { STATUS_WORD } from './words';
import { TableHead } from '../../components/TableHead';

export function BatchList({ batches, onOpen }: { batches: BatchRow[]; onOpen: (id: number) => void }) {
  if (batches.length === 0) return null;
  return (
    <section aria-labelledby="batches-h">
      <h2 id="batches-h">已保存的批量审查（{batches.length}）</h2>
      <div className="table-wrap">
        <table className="data" data-testid="batch-list">
          <TableHead cols={['批次', '开始时间', '操作人', '状态', '符合 / 不符合 / 需补充材料 / 无法审查', '']} />
          <tbody>
            {batches.map((b) => (
              <tr key={b.id} data-batch-id={b.id}>
                <td>{b.name}</td>
                <td className="nowrap">{formatTime(b.createdAt)}</td>
                <td>{b.user ?? '—'}</td>
                <td className="nowrap">{STATUS_WORD[b.status]}</td>
                <td className="small">
                  {b.overall.pass} / {b.overall.fail} / {b.overall.incomplete} / {b.tally.error}（共 {b.total} 份）
                </td>
                <td>
                  <button type="button" className="small" onClick={() => onOpen(b.id)} aria-label={`打开 ${b.name}`}>
                    打开
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
