// 批量审查: start a batch of workbooks, follow its progress, and every saved batch: its summary,
// each workbook opened like a project, the summary Excel and all PDFs, turned into projects.
import { useApp } from '../state';
import { useInvoke } from '../hooks/useInvoke';
import { ErrorPanel } from '../components/ErrorLine';
import { BatchPicker } from './batch/BatchPicker';
import { BatchList } from './batch/BatchList';
import { BatchDetail } from './batch/BatchDetail';

export function BatchScreen() {
  const app = useApp();
  const list = useInvoke('batch.list', app.batchId === null ? {} : null);
  return (
    <section className="screen batch" aria-labelledby="batch-h">
      <div className="screen-head">
        <h1 id="batch-h">批量审查</h1>
        {app.batchId !== null && (
          <div className="toolbar">
            <button type="button" onClick={() => app.openBatch(null)}>
              新的批量审查
            </button>
          </div>
        )}
      </div>
      {app.batchId !== null ? (
        <BatchDetail key={app.batchId} batchId={app.batchId} onBack={() => app.openBatch(null)} />
      ) : (
        <>
          <BatchPicker onStarted={(id) => app.openBatch(id)} />
          <ErrorPanel message={list.error} />
          <BatchList batches={list.data ?? []} onOpen={(id) => app.openBatch(id)} />
        </>
      )}
    </section>
  );
}
