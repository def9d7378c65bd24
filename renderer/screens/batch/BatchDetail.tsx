// One saved batch: progress while it runs (counters that agree with the bar and the notice), then
// per workbook its conclusion and counts, opening it like a project, its PDF; for the whole batch
// the summary Excel, all PDFs at once (under a saved 审查单位), turning it into projects, deleting it.
import { useEffect, useRef, useState } from 'react';
import type { BatchDetail as Detail } from '../../../shared/api/contract';
import { invoke } from '../../api';
import { useApp } from '../../state';
import { useAction, useInvoke } from '../../hooks/useInvoke';
import { ConfirmDialog } from '../../components/Dialog';
import { ErrorPanel } from '../../components/ErrorLine';
import { downloadBase64, formatTime } from '../../files';
import { BatchItems } from './BatchItems';
import { STATUS_WORD } from './words';

/** Processed = checked, failed or cancelled: what the bar, the text and the notice all count. */
export function progressOf(d: Detail) {
  const t = d.batch.tally;
  const processed = t.done + t.error + t.cancelled;
  return { processed, total: d.batch.total, done: t.done, error: t.error, cancelled: t.cancelled };
}

export function BatchDetail({ batchId, onBack }: { batchId: number; onBack: () => void }) {
  const app = useApp();
  const detail = useInvoke('batch.get', { batchId });
  const profiles = useInvoke('org.list', {});
  /** The organisation the user picked; the first saved one until then. */
  const [pickedOrg, setPickedOrg] = useState('');
  const [deleting, setDeleting] = useState(false);
  const action = useAction();
  const wasRunning = useRef(false);
  const d = detail.data;
  const orgName = pickedOrg || (profiles.data?.[0]?.name ?? '');
  const { reload } = detail;

  // Poll while the batch runs; say once when it ends, with the same numbers as the bar.
  useEffect(() => {
    if (!d) return undefined;
    if (d.running) {
      wasRunning.current = true;
      const t = setTimeout(() => void reload(), 400);
      return () => clearTimeout(t);
    }
    if (wasRunning.current) {
      wasRunning.current = false;
      const p = progressOf(d);
      const tail = `${p.total} 份中已审查 ${p.done} 份${p.error ? `，无法审查 ${p.error} 份` : ''}${p.cancelled ? `，取消 ${p.cancelled} 份` : ''}`;
      app.notify(d.batch.status === 'cancelled' ? 'info' : 'success', `${d.batch.status === 'cancelled' ? '批量审查已取消' : '批量审查完成'}：${tail}`);
    }
    return undefined;
  }, [d, reload, app]);

  if (!d) return detail.error ? <ErrorPanel message={detail.error} /> : <p className="muted">正在载入…</p>;
  const p = progressOf(d);
  const pct = Math.round((p.processed / Math.max(1, p.total)) * 100);
  const org = orgName ? { name: orgName } : null;
  const noOrg = (profiles.data ?? []).length === 0 ? '请先在“报告”页保存审查单位资料（名称、印章、签字人），再生成报告' : null;

  const download = async (method: 'batch.summaryXlsx' | 'batch.reportsZip') => {
    const r = await action.run(() => (method === 'batch.summaryXlsx' ? invoke(method, { batchId }) : invoke(method, { batchId, org: org! })));
    if (r) {
      downloadBase64(r.dataBase64, r.fileName);
      app.notify('success', `已导出 ${r.fileName}`);
    }
  };

  return (
    <section className="batch-detail" aria-labelledby="batch-detail-h">
      <div className="batch-head">
        <h2 id="batch-detail-h">
          {d.batch.name} <span className="muted small">{STATUS_WORD[d.batch.status]}</span>
        </h2>
        <span className="small muted">
          {formatTime(d.batch.createdAt)} · 操作人 {d.batch.user ?? '—'}
        </span>
        <button type="button" className="link" onClick={onBack}>
          ← 全部批量审查
        </button>
      </div>
      <div className="panel progress-panel">
        <div className="progress-line">
          <span data-testid="batch-progress-text">
            {d.running ? '正在审查' : d.batch.status === 'cancelled' ? '已取消' : '已完成'} {p.processed} / {p.total}
          </span>
          <span className="small" data-testid="batch-tally">
            已审查 {p.done}（符合 {d.batch.overall.pass} · 不符合 {d.batch.overall.fail} · 需补充材料 {d.batch.overall.incomplete}）
            {p.error > 0 && ` · 无法审查 ${p.error}`}
            {p.cancelled > 0 && ` · 已取消 ${p.cancelled}`}
          </span>
        </div>
        <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={p.total} aria-valuenow={p.processed} aria-label="批量审查进度">
          <div className="bar" style={{ width: `${pct}%` }} />
        </div>
      </div>
      <div className="toolbar batch-actions">
        {d.running ? (
          <button type="button" className="danger" onClick={() => void action.run(async () => detail.setData(await invoke('batch.cancel', { batchId })))}>
            取消批量审查
          </button>
        ) : (
          <>
            <button type="button" disabled={action.busy} onClick={() => void download('batch.summaryXlsx')}>
              导出汇总 Excel
            </button>
            <label className="inline">
              审查单位
              <select value={orgName} onChange={(e) => setPickedOrg(e.target.value)} aria-label="报告落款单位" disabled={!!noOrg}>
                {(profiles.data ?? []).map((o) => (
                  <option key={o.id} value={o.name}>
                    {o.name}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" disabled={action.busy || !org || p.done === 0} title={noOrg ?? undefined} onClick={() => void download('batch.reportsZip')}>
              {action.busy ? '正在生成…' : '下载全部 PDF（ZIP）'}
            </button>
            <button
              type="button"
              disabled={action.busy || d.batch.projectsInBatch === 0}
              onClick={() =>
                void action.run(async () => {
                  const r = await invoke('batch.toProjects', { batchId });
                  app.notify('success', `已将 ${r.projects} 份指标表转为项目，可在“项目”中找到`);
                  await reload();
                })
              }
            >
              转为项目{d.batch.projectsInBatch ? `（${d.batch.projectsInBatch}）` : ''}
            </button>
            <button type="button" className="danger-text" onClick={() => setDeleting(true)}>
              删除批次
            </button>
          </>
        )}
      </div>
      {noOrg && !d.running && <p className="small warn-text">{noOrg}</p>}
      <ErrorPanel message={action.error || detail.error} />
      <BatchItems detail={d} org={org} onError={action.setError} />
      <ConfirmDialog
        open={deleting}
        title="删除批次"
        danger
        confirmLabel="删除"
        message={<>删除“{d.batch.name}”及其中尚未转为项目的 {d.batch.projectsInBatch} 份审查结果吗？已转为项目的不受影响。此操作无法恢复。</>}
        onCancel={() => setDeleting(false)}
        onConfirm={() => {
          setDeleting(false);
          void action.run(async () => {
            await invoke('batch.delete', { batchId });
            app.notify('success', `已删除“${d.batch.name}”`);
            onBack();
          });
        }}
      />
    </section>
  );
}
