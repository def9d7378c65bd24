// 校验报告: drop a received PDF (or an issued Excel file) → report.verify, the same answer as the
// command line: 真实一致 / 已被修改（哪一页、改了什么）/ 无法判断（需要什么）. When the original
// inputs are needed, drop the workbook and the condition file, or pick a project of this office.
// And: look a report up in this office's records by the code in its footer or the QR text.
// The parts live in screens/verify/.
import { useState } from 'react';
import type { ApiInput, VerifyResult } from '../../shared/api/contract';
import { invoke, errorText } from '../api';
import { useInvoke } from '../hooks/useInvoke';
import { DropZone } from '../components/DropZone';
import { ErrorPanel } from '../components/ErrorLine';
import { fileToBase64, formatBytes, readJsonFile } from '../files';
import { InputsPanel, type VerifyInputs } from './verify/InputsPanel';
import { LookupPanel } from './verify/LookupPanel';
import { VerifyResultPanel } from './verify/VerifyResultPanel';

export function VerifyScreen() {
  const [busy, setBusy] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [error, setError] = useState('');
  const projects = useInvoke('projects.list', { limit: 500 });

  const run = async (f: File, inputs: VerifyInputs = {}) => {
    setError('');
    setBusy(true);
    try {
      const q: ApiInput<'report.verify'> = { dataBase64: await fileToBase64(f), fileName: f.name };
      if (inputs.workbook && inputs.conditions) {
        q.workbook = { fileName: inputs.workbook.name, dataBase64: await fileToBase64(inputs.workbook) };
        q.conditions = (await readJsonFile(inputs.conditions)) as Record<string, unknown>;
        q.conditionsFileName = inputs.conditions.name;
      } else if (inputs.projectId !== undefined) q.projectId = inputs.projectId;
      setResult(await invoke('report.verify', q));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const pickReport = (f: File) => {
    setFile(f);
    setResult(null);
    if (!/\.(pdf|xlsx)$/i.test(f.name)) return setError(`文件 ${f.name} 不是 PDF 审查意见书或 Excel 审查记录`);
    void run(f);
  };

  const needsInputs = !!result && !!file && /\.pdf$/i.test(file.name) && result.status !== 'genuine' && result.status !== 'not-a-report' && result.inputsFrom !== 'given' && result.report !== null;

  return (
    <section className="screen verify" aria-labelledby="verify-h">
      <h1 id="verify-h">校验报告</h1>
      <p className="muted">
        核对收到的审查意见书是否由 LandCheck 按原始输入生成、各页内容是否被改动；结论与命令行核验完全相同。也可凭报告页脚的核验码查询本单位出具报告的存档。
      </p>
      <DropZone accept=".pdf,application/pdf,.xlsx" onFiles={(f) => pickReport(f[0]!)} testId="verify-drop" inputId="verify-file" disabled={busy}>
        <strong>{busy ? '正在核验…' : '将审查意见书（PDF）拖到这里'}</strong>
        <span className="muted small">或点击选择文件；本单位出具的 Excel 审查记录也可核对存档</span>
      </DropZone>
      {file && (
        <p className="small muted">
          文件：{file.name}（{formatBytes(file.size)}）
        </p>
      )}
      <ErrorPanel message={error} />
      {result && <VerifyResultPanel result={result} />}
      {needsInputs && file && (
        // unmounted whenever another report is picked (its answer is cleared), so its picks are not kept
        <InputsPanel busy={busy} projects={projects.error ? [] : (projects.data?.items ?? [])} setError={setError} onVerify={(inputs) => void run(file, inputs)} />
      )}
      <LookupPanel />
    </section>
  );
}
