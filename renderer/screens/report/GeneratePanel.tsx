// 生成报告: the report number, the optional PAdES signature, the PDF / Excel buttons (Ctrl+P for the
// PDF), the file just made with its verification code, and the PDF preview (a blob: frame, the one
// frame source the CSP allows).
import { useEffect, useMemo, useState } from 'react';
import { invoke, errorText } from '../../api';
import { useApp, useShortcut } from '../../state';
import { ErrorLine } from '../../components/ErrorLine';
import { base64ToBytes, downloadBase64, formatBytes, pdfPageCount } from '../../files';
import { shortCode, type Generated, type Org } from './model';
import { SignatureField, type Certificate } from './SignatureField';

interface Props {
  runId: number;
  org: Org;
  error: string;
  setError: (message: string) => void;
  /** A file was made (and archived): the history lists it. */
  onGenerated: () => void;
}

export function GeneratePanel({ runId, org, error, setError, onGenerated }: Props) {
  const app = useApp();
  const [reportNo, setReportNo] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [generated, setGenerated] = useState<Generated | null>(null);
  /** Optional signing certificate: kept in memory for this screen only. */
  const [cert, setCert] = useState<Certificate | null>(null);

  const render = async (kind: 'pdf' | 'xlsx') => {
    if (!org.name.trim()) return setError('请先填写审查单位名称（印章与落款使用）');
    setBusy(kind === 'pdf' ? '正在生成 PDF 报告…' : '正在生成 Excel 报告…');
    setError('');
    try {
      const sign = kind === 'pdf' && cert ? { p12Base64: cert.p12Base64, password: cert.password, fileName: cert.fileName } : undefined;
      const r = await invoke('report.render', { runId, kind, org: { ...org, name: org.name.trim() }, reportNo: reportNo.trim() || undefined, sign });
      if (r.signedBy) app.notify('success', `已用“${r.signedBy}”的证书对 PDF 加数字签名`);
      const bytes = base64ToBytes(r.dataBase64);
      setGenerated({ kind, fileName: r.fileName, dataBase64: r.dataBase64, fingerprint: r.fingerprint, bytes: bytes.length, pages: kind === 'pdf' ? pdfPageCount(bytes) : undefined });
      downloadBase64(r.dataBase64, r.fileName);
      app.notify('success', `已生成并保存 ${r.fileName}`);
      onGenerated();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  useShortcut('report', () => {
    if (org.name.trim()) void render('pdf');
  });

  return (
    <div className="panel">
      <h2>生成报告</h2>
      <label className="block">
        报告编号（可选）
        <input value={reportNo} maxLength={60} onChange={(e) => setReportNo(e.target.value)} aria-label="报告编号" placeholder="LC-2025-001" />
      </label>
      <SignatureField cert={cert} setCert={setCert} setError={setError} />
      <div className="row">
        <button type="button" className="primary" disabled={!!busy} onClick={() => void render('pdf')} title="快捷键 Ctrl+P">
          生成 PDF 报告
        </button>
        <button type="button" disabled={!!busy} onClick={() => void render('xlsx')}>
          生成 Excel 报告
        </button>
      </div>
      {busy && <p className="muted">{busy}</p>}
      <ErrorLine message={error} />
      {generated && <GeneratedFile generated={generated} />}
      <p className="muted small">每份出具的文件都存档在本机。收到报告的一方可在“校验报告”中用原始指标表和条件文件核对各页内容，或凭页脚的核验码向本单位查询存档。</p>
    </div>
  );
}

/** The file just made: kind, name, pages and size, verification code, download again, PDF preview. */
function GeneratedFile({ generated }: { generated: Generated }) {
  const previewUrl = useMemo(() => {
    if (generated.kind !== 'pdf') return null;
    return URL.createObjectURL(new Blob([base64ToBytes(generated.dataBase64)], { type: 'application/pdf' }));
  }, [generated]);
  useEffect(() => () => void (previewUrl && URL.revokeObjectURL(previewUrl)), [previewUrl]);
  return (
    <>
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
      {previewUrl && <iframe className="pdf-preview" src={previewUrl} title="报告预览" data-testid="pdf-preview" />}
    </>
  );
}
