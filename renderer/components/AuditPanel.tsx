// 关于与审计: the audit log's hash chain, checked when the app starts and on demand, and against
// reports already issued (the chain head each report recorded). A broken chain turns the entry in
// the sidebar red and says where it breaks. It also shows the program's version and where its
// log file is (unexpected errors and start-up events, for technical support).
import { useState } from 'react';
import type { AuditCheck } from '../../shared/api/contract';
import { invoke } from '../api';
import { useAction, useInvoke } from '../hooks/useInvoke';
import { fileToBase64 } from '../files';
import { Dialog } from './Dialog';

export function AuditPanel() {
  const [open, setOpen] = useState(false);
  // the chain as checked at start (and again whenever the panel opens), or against reports given
  const chain = useInvoke('audit.verify', {});
  const [withReports, setWithReports] = useState<AuditCheck | null>(null);
  const action = useAction();
  const about = useInvoke('app.info', open ? {} : null);
  const check = withReports ?? chain.data;
  const busy = chain.loading || action.busy;
  const error = action.error || chain.error;

  const verifyReports = async (files: File[]) => {
    const result = await action.run(async () => {
      const reports = await Promise.all(files.map(async (f) => ({ fileName: f.name, dataBase64: await fileToBase64(f) })));
      return invoke('audit.verify', { reports });
    });
    if (result) setWithReports(result);
  };

  const broken = check !== null && !check.ok;
  return (
    <>
      <button
        type="button"
        className="nav-item"
        data-testid="audit-open"
        style={broken ? { color: '#ffb4ab', fontWeight: 600 } : undefined}
        onClick={() => {
          setOpen(true);
          setWithReports(null);
          void chain.reload();
        }}
      >
        {broken ? '⚠ 审计日志异常' : '关于与审计'}
      </button>
      <Dialog
        open={open}
        title="关于与审计"
        onClose={() => setOpen(false)}
        testId="audit-dialog"
        actions={
          <button type="button" onClick={() => setOpen(false)}>
            关闭
          </button>
        }
      >
        <p className="muted">
          LandCheck 出让条件合规审查{about.data ? ` ${about.data.version}` : ''}。每次导入、审查、改判、出具报告都记入审计日志，每条记录以哈希与上一条相连；每份报告记载出具时的链头。
        </p>
        <p className="muted" data-testid="about-log-file">
          日志文件位置：{about.data ? (about.data.logFile ?? '未启用') : about.error || '正在读取…'}
          <br />
          程序意外出错时的详情记在这里（不含表格内容），需要技术支持时请提供该文件。
        </p>
        <div className={`panel${broken ? ' error-panel' : ''}`} data-testid="audit-status">
          {check ? (
            <>
              <strong>{check.ok ? '链完整' : '链断裂'}</strong>：{check.message}
              {check.head && (
                <div className="muted">
                  链头：第 {check.head.id} 条（哈希 {check.head.hash.slice(0, 16)}…）
                </div>
              )}
            </>
          ) : busy ? (
            '正在核对审计日志…'
          ) : null}
          {error && <div className="error">{error}</div>}
        </div>
        <label>
          用已出具的报告核对（可多选 PDF）：
          <input
            type="file"
            accept=".pdf,application/pdf"
            multiple
            disabled={busy}
            data-testid="audit-reports"
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              if (files.length) void verifyReports(files);
            }}
          />
        </label>
        {check && check.reports.length > 0 && (
          <ul data-testid="audit-report-results">
            {check.reports.map((r, i) => (
              <li key={i} className={r.status === 'mismatch' ? 'error' : undefined}>
                {r.fileName}：{r.message}
              </li>
            ))}
          </ul>
        )}
        {check && (
          <p className="muted">
            恢复备份时保留的早先数据库副本：{check.copies.count} 份（上限 {check.copies.limit} 份；达到上限后需先移走较早的副本才能再恢复）。
          </p>
        )}
      </Dialog>
    </>
  );
}
