// The workbooks of a batch: conclusion, counts, and opening each like a project or its PDF.
import type { BatchDetail } from '../../../shared/api/contract';
import type { Verdict as V } from '../../../shared/model/types';
import { VERDICT_LABEL } from '../../../shared/model/verdicts';
import { errorText, invoke } from '../../api';
import { useApp } from '../../state';
import { OverallBadge } from '../../components/Badges';
import { downloadBase64 } from '../../files';
import { ITEM_STATUS } from './words';
import { TableHead } from '../../components/TableHead';

const SHOWN: V[] = ['fail', 'missing', 'review'];

export function BatchItems({ detail, org, onError }: { detail: BatchDetail; org: { name: string } | null; onError: (e: string) => void }) {
  const app = useApp();
  const pdf = async (index: number) => {
    if (!org) return;
    try {
      const r = await invoke('batch.report', { batchId: detail.batch.id, index, org });
      downloadBase64(r.dataBase64, r.fileName);
    } catch (e) {
      onError(errorText(e));
    }
  };
  return (
    <div className="table-wrap">
      <table className="data" data-testid="batch-summary" data-finished={String(!detail.running)}>
        <TableHead cols={['#', '指标表', '项目', '状态', '结论', '不符合 / 缺项 / 需复核', '操作']} />
        <tbody>
          {detail.items.map((it) => (
            <tr key={it.position} data-status={it.status}>
              <td>{it.position + 1}</td>
              <td>{it.fileName}</td>
              <td>
                {it.projectName ?? '—'}
                {it.inBatch === false && <span className="badge v-none">已转为项目</span>}
              </td>
              <td>
                {ITEM_STATUS[it.status]}
                {it.error && <div className="error small">{it.error}</div>}
              </td>
              <td>{it.overall ? <OverallBadge overall={it.overall} /> : '—'}</td>
              <td className="small">{it.counts ? SHOWN.map((v) => `${VERDICT_LABEL[v]} ${it.counts![v]}`).join(' / ') : '—'}</td>
              <td className="nowrap">
                {it.projectId !== undefined && (
                  <>
                    <button type="button" className="small" onClick={() => app.openProject(it.projectId!, 'results')} aria-label={`打开 ${it.fileName}`}>
                      打开
                    </button>{' '}
                    <button type="button" className="small" disabled={!org} onClick={() => void pdf(it.position)} aria-label={`下载报告 ${it.fileName}`}>
                      PDF
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
