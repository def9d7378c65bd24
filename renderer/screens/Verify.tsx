// 校验报告: drop a PDF report → report.verify → match, or the list of differences.
import { useState } from 'react';
import type { VerifyResult } from '../../shared/api/contract';
import { invoke, errorText } from '../api';
import { DropZone } from '../components/DropZone';
import { fileToBase64, formatBytes } from '../files';

export function VerifyScreen() {
  const [busy, setBusy] = useState(false);
  const [file, setFile] = useState<{ name: string; size: number } | null>(null);
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [error, setError] = useState('');

  const verify = async (f: File) => {
    setFile({ name: f.name, size: f.size });
    setResult(null);
    setError('');
    if (!/\.pdf$/i.test(f.name)) return setError(`文件 ${f.name} 不是 PDF 报告`);
    setBusy(true);
    try {
      setResult(await invoke('report.verify', { dataBase64: await fileToBase64(f) }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="screen verify" aria-labelledby="verify-h">
      <h1 id="verify-h">校验报告</h1>
      <p className="muted">核对一份 PDF 审查报告是否由本程序生成、内容是否与保存的审查记录一致。</p>
      <DropZone accept=".pdf,application/pdf" onFiles={(f) => void verify(f[0]!)} testId="verify-drop" inputId="verify-file" disabled={busy}>
        <strong>{busy ? '正在校验…' : '将 PDF 报告拖到这里'}</strong>
        <span className="muted small">或点击选择文件</span>
      </DropZone>
      {file && (
        <p className="small muted">
          文件：{file.name}（{formatBytes(file.size)}）
        </p>
      )}
      {error && (
        <div className="panel error-panel" role="alert">
          {error}
        </div>
      )}
      {result && (
        <div className={`panel verify-result ${result.ok ? 'ok' : 'bad'}`} data-testid="verify-result" data-ok={String(result.ok)}>
          <h2>{result.ok ? '✓ 报告与审查记录一致' : result.fingerprint === null ? '✗ 无法校验：不是可识别的 LandCheck 报告' : '✗ 报告与审查记录不一致'}</h2>
          {result.fingerprint && <p className="mono small">指纹 {result.fingerprint}</p>}
          {result.runId !== null && <p className="small">对应审查记录 #{result.runId}</p>}
          {result.differences.length > 0 && (
            <ul className="differences">
              {result.differences.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
