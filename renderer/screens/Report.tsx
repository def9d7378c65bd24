// 报告: organisation profile (seal, signatories, 骑缝章), generate PDF / Excel from the latest run,
// download, PDF preview (a blob: frame, the one frame source the CSP allows), optional PAdES
// signature with the user's .p12 certificate (never stored), report history.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ApiInput, OrgProfileRow, ReportRow } from '../../shared/api/contract';
import { identityOf } from '../../shared/report/identity';
import { invoke, errorText } from '../api';
import { useApp, useShortcut } from '../state';
import { OverallBadge } from '../components/Badges';
import { base64ToBytes, downloadBase64, fileToBase64, formatBytes, formatTime, pdfPageCount } from '../files';

type Org = ApiInput<'report.render'>['org'];

interface Generated {
  kind: 'pdf' | 'xlsx';
  fileName: string;
  dataBase64: string;
  fingerprint: string;
  bytes: number;
  pages?: number;
}

/** 'LC-3F9A-1C2B-77D0', as printed in the report's footer. */
function shortCode(hex: string): string {
  const h = hex.slice(0, 12).toUpperCase();
  return `LC-${h.slice(0, 4)}-${h.slice(4, 8)}-${h.slice(8, 12)}`;
}

export function ReportScreen() {
  const app = useApp();
  const projectId = app.projectId!;
  const [org, setOrg] = useState<Org>({ name: '', crossPageSeal: true });
  const [profiles, setProfiles] = useState<OrgProfileRow[]>([]);
  const [sealName, setSealName] = useState('');
  const [reportNo, setReportNo] = useState('');
  const [history, setHistory] = useState<ReportRow[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState('');
  const [generated, setGenerated] = useState<Generated | null>(null);
  const [identityWarnings, setIdentityWarnings] = useState<string[]>([]);
  const runId = app.detail?.lastRun?.runId;
  const sealInput = useRef<HTMLInputElement>(null);
  const certInput = useRef<HTMLInputElement>(null);
  /** Optional signing certificate: kept in memory for this screen only. */
  const [cert, setCert] = useState<{ fileName: string; p12Base64: string } | null>(null);
  const [certPassword, setCertPassword] = useState('');
  const previewUrl = useMemo(() => {
    if (generated?.kind !== 'pdf') return null;
    return URL.createObjectURL(new Blob([base64ToBytes(generated.dataBase64)], { type: 'application/pdf' }));
  }, [generated]);
  useEffect(() => () => void (previewUrl && URL.revokeObjectURL(previewUrl)), [previewUrl]);

  const loadHistory = () =>
    invoke('report.list', { projectId })
      .then(setHistory)
      .catch(() => setHistory([]));

  // the report names the project and the contract; warn when the sheet names another one
  useEffect(() => {
    if (runId === undefined) return setIdentityWarnings([]);
    const project = app.detail?.project;
    invoke('check.get', { runId })
      .then((r) => setIdentityWarnings(identityOf(r.run, { name: project?.name, parcel: project?.parcel ?? undefined }).warnings))
      .catch(() => setIdentityWarnings([]));
  }, [runId, app.detail?.project?.name, app.detail?.project?.parcel]);

  useEffect(() => {
    invoke('org.list', {})
      .then((list) => {
        setProfiles(list);
        if (list[0]) pickProfile(list[0]);
      })
      .catch(() => setProfiles([]));
    void loadHistory();
  }, [projectId]);

  const pickProfile = (p: OrgProfileRow) => {
    setOrg({
      name: p.name,
      sealText: p.sealText,
      preparer: p.preparer,
      checker: p.checker,
      approver: p.approver,
      crossPageSeal: p.crossPageSeal ?? false,
    });
    setSealName(p.hasSealPng ? '（已保存的印章图片）' : '');
  };

  const set = (patch: Partial<Org>) => setOrg((o) => ({ ...o, ...patch }));

  const saveOrg = async () => {
    if (!org.name.trim()) return setError('请填写审查单位名称');
    setError('');
    try {
      await invoke('org.save', { profile: { ...org, name: org.name.trim() } });
      setProfiles(await invoke('org.list', {}));
      app.notify('success', `已保存单位资料“${org.name.trim()}”`);
    } catch (e) {
      setError(errorText(e));
    }
  };

  const render = async (kind: 'pdf' | 'xlsx') => {
    if (runId === undefined) return;
    if (!org.name.trim()) return setError('请先填写审查单位名称（印章与落款使用）');
    setBusy(kind === 'pdf' ? '正在生成 PDF 报告…' : '正在生成 Excel 报告…');
    setError('');
    try {
      const sign = kind === 'pdf' && cert ? { p12Base64: cert.p12Base64, password: certPassword, fileName: cert.fileName } : undefined;
      const r = await invoke('report.render', { runId, kind, org: { ...org, name: org.name.trim() }, reportNo: reportNo.trim() || undefined, sign });
      if (r.signedBy) app.notify('success', `已用“${r.signedBy}”的证书对 PDF 加数字签名`);
      const bytes = base64ToBytes(r.dataBase64);
      setGenerated({ kind, fileName: r.fileName, dataBase64: r.dataBase64, fingerprint: r.fingerprint, bytes: bytes.length, pages: kind === 'pdf' ? pdfPageCount(bytes) : undefined });
      downloadBase64(r.dataBase64, r.fileName);
      app.notify('success', `已生成并保存 ${r.fileName}`);
      void loadHistory();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  useShortcut('report', () => {
    if (runId !== undefined && org.name.trim()) void render('pdf');
  });

  if (runId === undefined)
    return (
      <section className="screen report" aria-labelledby="report-h">
        <h1 id="report-h">报告</h1>
        <div className="empty">
          <p>还没有审查结果，无法生成报告。</p>
          <button type="button" className="primary" onClick={() => app.go('results')}>
            去审查结果
          </button>
        </div>
      </section>
    );

  return (
    <section className="screen report" aria-labelledby="report-h">
      <div className="screen-head">
        <h1 id="report-h">报告</h1>
        <div className="toolbar">
          <span className="muted small">审查结论</span>
          <OverallBadge overall={app.detail?.lastRun?.overall} />
          <span className="muted small">审查时间 {formatTime(app.detail?.lastRun?.checkedAt)}</span>
        </div>
      </div>
      {identityWarnings.length > 0 && (
        <div className="panel warn-panel" role="status" data-testid="identity-warnings">
          <strong>请注意：</strong>
          {identityWarnings.map((w, i) => (
            <div key={i}>{w}</div>
          ))}
          <div className="small muted">报告封面按本项目名称和合同条件出具，并在报告中注明上述不一致。</div>
        </div>
      )}
      <div className="report-layout">
        <form
          className="panel form org-form"
          aria-label="审查单位资料"
          onSubmit={(e) => {
            e.preventDefault();
            void saveOrg();
          }}
        >
          <h2>审查单位</h2>
          {profiles.length > 0 && (
            <label>
              已保存的单位
              <select
                value=""
                onChange={(e) => {
                  const p = profiles.find((x) => String(x.id) === e.target.value);
                  if (p) pickProfile(p);
                }}
                aria-label="已保存的单位"
              >
                <option value="">选择…</option>
                {profiles.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label>
            单位名称（印章环文）
            <input value={org.name} maxLength={60} onChange={(e) => set({ name: e.target.value })} aria-label="单位名称" placeholder="上海某某建设咨询有限公司" />
          </label>
          <label>
            印章下方文字
            <input value={org.sealText ?? ''} maxLength={20} onChange={(e) => set({ sealText: e.target.value || undefined })} aria-label="印章下方文字" placeholder="审查专用章" />
          </label>
          <div className="field">
            <span className="label">印章图片（PNG，可选；不上传则按单位名称绘制）</span>
            <span className="row">
              <button type="button" className="small" onClick={() => sealInput.current?.click()}>
                选择 PNG…
              </button>
              {org.sealPngBase64 && (
                <button type="button" className="small" onClick={() => { set({ sealPngBase64: undefined }); setSealName(''); }}>
                  清除
                </button>
              )}
            </span>
            <input
              ref={sealInput}
              type="file"
              accept="image/png"
              hidden
              aria-label="印章图片"
              onChange={async (e) => {
                const f = e.target.files?.[0];
                e.target.value = '';
                if (!f) return;
                if (f.type !== 'image/png' && !/\.png$/i.test(f.name)) return setError(`文件 ${f.name} 不是 PNG 图片`);
                if (f.size > 2 * 1024 * 1024) return setError(`印章图片 ${f.name} 超过 2 MB`);
                set({ sealPngBase64: await fileToBase64(f) });
                setSealName(f.name);
              }}
            />
            {sealName && <span className="muted small" data-testid="seal-name">{sealName}</span>}
          </div>
          <div className="grid3">
            <label>
              编制
              <input value={org.preparer ?? ''} maxLength={40} onChange={(e) => set({ preparer: e.target.value || undefined })} aria-label="编制" />
            </label>
            <label>
              校对
              <input value={org.checker ?? ''} maxLength={40} onChange={(e) => set({ checker: e.target.value || undefined })} aria-label="校对" />
            </label>
            <label>
              审核
              <input value={org.approver ?? ''} maxLength={40} onChange={(e) => set({ approver: e.target.value || undefined })} aria-label="审核" />
            </label>
          </div>
          <label className="inline check">
            <input type="checkbox" checked={org.crossPageSeal ?? false} onChange={(e) => set({ crossPageSeal: e.target.checked })} />
            加盖骑缝章
          </label>
          <button type="submit">保存单位资料</button>
        </form>

        <div className="report-side">
          <div className="panel">
            <h2>生成报告</h2>
            <label className="block">
              报告编号（可选）
              <input value={reportNo} maxLength={60} onChange={(e) => setReportNo(e.target.value)} aria-label="报告编号" placeholder="LC-2025-001" />
            </label>
            <div className="field">
              <span className="label">数字签名（可选，PKCS#12 证书 .p12 / .pfx；证书与密码不保存）</span>
              <span className="row">
                <button type="button" className="small" onClick={() => certInput.current?.click()}>
                  选择证书…
                </button>
                {cert && (
                  <>
                    <span className="small" data-testid="cert-name">{cert.fileName}</span>
                    <button type="button" className="small" onClick={() => { setCert(null); setCertPassword(''); }}>
                      不签名
                    </button>
                  </>
                )}
              </span>
              <input
                ref={certInput}
                type="file"
                accept=".p12,.pfx,application/x-pkcs12"
                hidden
                aria-label="签名证书"
                onChange={async (e) => {
                  const f = e.target.files?.[0];
                  e.target.value = '';
                  if (!f) return;
                  if (f.size > 1024 * 1024) return setError(`证书文件 ${f.name} 过大，不像是 PKCS#12 证书`);
                  setCert({ fileName: f.name, p12Base64: await fileToBase64(f) });
                }}
              />
              {cert && (
                <input
                  type="password"
                  value={certPassword}
                  onChange={(e) => setCertPassword(e.target.value)}
                  aria-label="证书密码"
                  placeholder="证书密码"
                  autoComplete="off"
                />
              )}
              <span className="muted small">按 PAdES 标准签名，Adobe Reader 等可显示“已签名”；印章图形本身不是电子签章。</span>
            </div>
            <div className="row">
              <button type="button" className="primary" disabled={!!busy} onClick={() => void render('pdf')} title="快捷键 Ctrl+P">
                生成 PDF 报告
              </button>
              <button type="button" disabled={!!busy} onClick={() => void render('xlsx')}>
                生成 Excel 报告
              </button>
            </div>
            {busy && <p className="muted">{busy}</p>}
            {error && (
              <p className="error" role="alert">
                {error}
              </p>
            )}
            {generated && (
              <div className="generated" data-testid="generated">
                <div className="pdf-thumb" aria-hidden>
                  {generated.kind === 'pdf' ? 'PDF' : 'XLSX'}
                </div>
                <div>
                  <div className="strong">{generated.fileName}</div>
                  <div className="small muted">
                    {generated.pages !== undefined && `${generated.pages} 页 · `}
                    {formatBytes(generated.bytes)}
                  </div>
                  <div className="small mono" data-testid="fingerprint" title={generated.fingerprint}>
                    核验码 {shortCode(generated.fingerprint)}
                  </div>
                  <button type="button" className="small" onClick={() => downloadBase64(generated.dataBase64, generated.fileName)}>
                    再次下载
                  </button>
                </div>
              </div>
            )}
            {previewUrl && <iframe className="pdf-preview" src={previewUrl} title="报告预览" data-testid="pdf-preview" />}
            <p className="muted small">每份出具的文件都存档在本机。收到报告的一方可在“校验报告”中用原始指标表和条件文件核对各页内容，或凭页脚的核验码向本单位查询存档。</p>
          </div>
          <div className="panel">
            <h2>报告记录</h2>
            {history.length === 0 ? (
              <p className="muted small">尚未生成报告。</p>
            ) : (
              <table className="data compact" data-testid="report-history">
                <thead>
                  <tr>
                    <th>时间</th>
                    <th>文件</th>
                    <th>核验码</th>
                  </tr>
                </thead>
                <tbody>
                  {history
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
        </div>
      </div>
    </section>
  );
}
