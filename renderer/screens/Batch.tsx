// 批量审查: many workbooks (+ one condition file for all, or X.conditions.json next to X.xlsx),
// start, poll progress, cancel, summary table, download each report.
import { useEffect, useRef, useState } from 'react';
import type { BatchStatus, OrgProfileRow } from '../../shared/api/contract';
import type { Verdict } from '../../shared/model/types';
import { VERDICT_LABEL } from '../../shared/model/verdicts';
import { invoke, errorText } from '../api';
import { useApp } from '../state';
import { DropZone } from '../components/DropZone';
import { OverallBadge } from '../components/Badges';
import { downloadBase64, fileToBase64, formatBytes, readJsonFile } from '../files';

interface Picked {
  workbooks: File[];
  /** Condition files by base name ("x" for x.conditions.json or x.json). */
  own: Map<string, File>;
  common: File | null;
}

const STATUS_LABEL: Record<BatchStatus['items'][number]['status'], string> = {
  pending: '等待中',
  done: '完成',
  error: '出错',
  cancelled: '已取消',
};

const baseName = (n: string) => n.replace(/\.(conditions\.)?json$/i, '').replace(/\.xlsx$/i, '');

export function BatchScreen() {
  const app = useApp();
  const [picked, setPicked] = useState<Picked>({ workbooks: [], own: new Map(), common: null });
  const [status, setStatus] = useState<BatchStatus | null>(null);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState('');
  const [profiles, setProfiles] = useState<OrgProfileRow[]>([]);
  const [orgId, setOrgId] = useState('');
  /** Whether the running batch has an organisation to issue its reports in. */
  const [jobOrg, setJobOrg] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const commonInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    invoke('org.list', {})
      .then(setProfiles)
      .catch(() => setProfiles([]));
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, []);

  const addFiles = (files: File[]) => {
    setPicked((p) => {
      const workbooks = [...p.workbooks];
      const own = new Map(p.own);
      const skipped: string[] = [];
      for (const f of files) {
        if (/\.xlsx$/i.test(f.name)) {
          if (!workbooks.some((w) => w.name === f.name)) workbooks.push(f);
        } else if (/\.json$/i.test(f.name)) own.set(baseName(f.name), f);
        else skipped.push(f.name);
      }
      if (skipped.length) app.notify('error', `已忽略不支持的文件：${skipped.join('、')}（只接受 .xlsx 指标表和 .json 条件文件）`);
      return { ...p, workbooks, own };
    });
  };

  const poll = (jobId: string) => {
    timer.current = setTimeout(async () => {
      try {
        const s = await invoke('batch.status', { jobId });
        setStatus(s);
        if (!s.finished) poll(jobId);
        else app.notify(s.cancelled ? 'info' : 'success', s.cancelled ? '批量审查已取消' : `批量审查完成：${s.items.filter((i) => i.status === 'done').length} 份`);
      } catch (e) {
        setError(errorText(e));
      }
    }, 400);
  };

  const start = async () => {
    setError('');
    if (picked.workbooks.length === 0) return setError('请先选择要审查的指标表（.xlsx）');
    if (picked.workbooks.length > 500) return setError(`一次最多审查 500 份指标表，当前选择了 ${picked.workbooks.length} 份，请分批进行`);
    const totalBytes = picked.workbooks.reduce((n, w) => n + w.size, 0);
    if (totalBytes > 40 * 1024 * 1024) return setError(`所选指标表共 ${formatBytes(totalBytes)}，超过单批 40 MB 的上限，请分批进行`);
    const missing = picked.workbooks.filter((w) => !picked.own.has(baseName(w.name)));
    if (missing.length && !picked.common)
      return setError(`以下指标表没有对应的条件文件，请选择一份“通用条件文件”：${missing.map((m) => m.name).join('、')}`);
    setStarting(true);
    try {
      const items = [];
      for (const w of picked.workbooks) {
        const own = picked.own.get(baseName(w.name));
        items.push({
          fileName: w.name,
          dataBase64: await fileToBase64(w),
          conditions: own ? ((await readJsonFile(own)) as Record<string, unknown>) : undefined,
        });
      }
      const conditions = picked.common ? ((await readJsonFile(picked.common)) as Record<string, unknown>) : undefined;
      const p = profiles.find((x) => String(x.id) === orgId);
      const org = p
        ? { name: p.name, sealText: p.sealText, preparer: p.preparer, checker: p.checker, approver: p.approver, crossPageSeal: p.crossPageSeal }
        : undefined;
      const { jobId } = await invoke('batch.start', { items, conditions, org });
      setJobOrg(!!org);
      setStatus({ jobId, total: items.length, done: 0, finished: false, cancelled: false, items: items.map((i) => ({ fileName: i.fileName, status: 'pending' })) });
      poll(jobId);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setStarting(false);
    }
  };

  const cancel = async () => {
    if (!status) return;
    try {
      setStatus(await invoke('batch.cancel', { jobId: status.jobId }));
    } catch (e) {
      setError(errorText(e));
    }
  };

  /** Every report of the batch at once (one download per PDF), and the summary as Excel. */
  const downloadAll = async () => {
    if (!status) return;
    try {
      const r = await invoke('batch.reports', { jobId: status.jobId });
      for (const f of r.files) downloadBase64(f.dataBase64, f.fileName);
      app.notify('success', `已保存 ${r.files.length} 份 PDF 报告${r.skipped.length ? `，${r.skipped.length} 份未完成审查` : ''}`);
    } catch (e) {
      app.notify('error', errorText(e));
    }
  };

  const downloadSummary = async () => {
    if (!status) return;
    try {
      const r = await invoke('batch.summary', { jobId: status.jobId });
      downloadBase64(r.dataBase64, r.fileName);
    } catch (e) {
      app.notify('error', errorText(e));
    }
  };

  const download = async (index: number) => {
    if (!status) return;
    try {
      const r = await invoke('batch.report', { jobId: status.jobId, index });
      downloadBase64(r.dataBase64, r.fileName);
    } catch (e) {
      app.notify('error', errorText(e));
    }
  };

  const running = status !== null && !status.finished;
  const pct = status ? Math.round((status.done / Math.max(1, status.total)) * 100) : 0;
  const totals = status?.items.reduce(
    (acc, i) => {
      if (i.overall) acc[i.overall]++;
      if (i.status === 'error') acc.error++;
      return acc;
    },
    { pass: 0, fail: 0, incomplete: 0, error: 0 },
  );

  return (
    <section className="screen batch" aria-labelledby="batch-h">
      <div className="screen-head">
        <h1 id="batch-h">批量审查</h1>
        <div className="toolbar">
          {running ? (
            <button type="button" className="danger" onClick={() => void cancel()}>
              取消批量审查
            </button>
          ) : (
            <>
              {status && (
                <button
                  type="button"
                  onClick={() => {
                    setStatus(null);
                    setPicked({ workbooks: [], own: new Map(), common: null });
                  }}
                >
                  新的批量审查
                </button>
              )}
              {!status && (
                <button type="button" className="primary" disabled={starting || picked.workbooks.length === 0} onClick={() => void start()}>
                  {starting ? '正在上传…' : `开始审查${picked.workbooks.length ? `（${picked.workbooks.length} 份）` : ''}`}
                </button>
              )}
            </>
          )}
        </div>
      </div>

      {!status && (
        <>
          <DropZone accept=".xlsx,.json" multiple onFiles={addFiles} testId="batch-drop" inputId="batch-files">
            <strong>将多份指标表（.xlsx）拖到这里</strong>
            <span className="muted small">可同时放入各自的条件文件：与指标表同名的 “名称.conditions.json” 会自动配对。</span>
          </DropZone>
          <div className="panel form batch-opts">
            <div className="field">
              <span className="label">通用条件文件（用于没有各自条件文件的指标表）</span>
              <span className="row">
                <button type="button" className="small" onClick={() => commonInput.current?.click()}>
                  选择条件文件…
                </button>
                <span className="small">{picked.common ? picked.common.name : '未选择'}</span>
              </span>
              <input
                ref={commonInput}
                type="file"
                accept=".json,application/json"
                hidden
                aria-label="通用条件文件"
                data-testid="batch-common"
                onChange={(e) => {
                  const f = e.target.files?.[0] ?? null;
                  e.target.value = '';
                  setPicked((p) => ({ ...p, common: f }));
                }}
              />
            </div>
            <label>
              报告落款单位
              <select value={orgId} onChange={(e) => setOrgId(e.target.value)} aria-label="报告落款单位">
                <option value="">（不出具报告，仅审查）</option>
                {profiles.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {picked.workbooks.length === 0 ? (
            <div className="empty">
              <p>尚未选择指标表。一次最多 500 份；每份会单独生成审查结果和 PDF 报告。</p>
            </div>
          ) : (
            <table className="data" data-testid="batch-picked">
              <thead>
                <tr>
                  <th>#</th>
                  <th>指标表</th>
                  <th>大小</th>
                  <th>条件文件</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {picked.workbooks.map((w, i) => {
                  const own = picked.own.get(baseName(w.name));
                  return (
                    <tr key={w.name}>
                      <td>{i + 1}</td>
                      <td>{w.name}</td>
                      <td className="num">{formatBytes(w.size)}</td>
                      <td className={own || picked.common ? '' : 'error'}>{own ? own.name : picked.common ? `通用：${picked.common.name}` : '缺少条件文件'}</td>
                      <td>
                        <button
                          type="button"
                          className="small"
                          onClick={() => setPicked((p) => ({ ...p, workbooks: p.workbooks.filter((x) => x !== w) }))}
                          aria-label={`移除 ${w.name}`}
                        >
                          移除
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </>
      )}
      {error && (
        <div className="panel error-panel" role="alert">
          {error}
        </div>
      )}
      {status && (
        <>
          <div className="panel progress-panel">
            <div className="progress-line">
              <span data-testid="batch-progress-text">
                {status.finished ? (status.cancelled ? '已取消' : '已完成') : '正在审查'} {status.done} / {status.total}
              </span>
              {totals && (
                <span className="small">
                  符合 {totals.pass} · 不符合 {totals.fail} · 需补充材料 {totals.incomplete}
                  {totals.error > 0 && ` · 出错 ${totals.error}`}
                </span>
              )}
            </div>
            {status.finished && (
              <div className="row batch-actions">
                <button type="button" onClick={() => void downloadSummary()}>
                  导出汇总 Excel
                </button>
                <button type="button" onClick={() => void downloadAll()} disabled={!jobOrg} title={jobOrg ? '' : '出具报告需在开始前选择报告落款单位'}>
                  保存全部 PDF
                </button>
              </div>
            )}
            <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={status.total} aria-valuenow={status.done} aria-label="批量审查进度">
              <div className="bar" style={{ width: `${pct}%` }} />
            </div>
          </div>
          <table className="data" data-testid="batch-summary" data-finished={String(status.finished)}>
            <thead>
              <tr>
                <th>#</th>
                <th>指标表</th>
                <th>项目</th>
                <th>状态</th>
                <th>结论</th>
                <th>不符合 / 缺项 / 需复核</th>
                <th>报告</th>
              </tr>
            </thead>
            <tbody>
              {status.items.map((it, i) => (
                <tr key={i} data-status={it.status}>
                  <td>{i + 1}</td>
                  <td>{it.fileName}</td>
                  <td>{it.projectName ?? '—'}</td>
                  <td>
                    {STATUS_LABEL[it.status]}
                    {it.error && <div className="error small">{it.error}</div>}
                  </td>
                  <td>{it.overall ? <OverallBadge overall={it.overall} /> : '—'}</td>
                  <td className="small">{it.counts ? (['fail', 'missing', 'review'] as Verdict[]).map((v) => `${VERDICT_LABEL[v]} ${it.counts![v]}`).join(' / ') : '—'}</td>
                  <td>
                    {it.status === 'done' ? (
                      <button type="button" className="small" onClick={() => void download(i)} aria-label={`下载报告 ${it.fileName}`} disabled={!jobOrg} title={jobOrg ? '' : '出具报告需在开始前选择报告落款单位'}>
                        下载 PDF
                      </button>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
