// 校验报告: drop a received PDF (or an issued Excel file) → report.verify, the same answer as the
// command line: 真实一致 / 已被修改（哪一页、改了什么）/ 无法判断（需要什么）. When the original
// inputs are needed, drop the workbook and the condition file, or pick a project of this office.
// And: look a report up in this office's records by the code in its footer or the QR text.
import { useEffect, useState } from 'react';
import type { IssuedFileRow, ProjectRow, VerifyResult } from '../../shared/api/contract';
import { invoke, errorText } from '../api';
import { DropZone } from '../components/DropZone';
import { OverallBadge } from '../components/Badges';
import { fileToBase64, formatBytes, formatTime, readJsonFile } from '../files';

const TITLE: Record<NonNullable<VerifyResult['status']>, string> = {
  genuine: '✓ 真实一致',
  altered: '✗ 已被修改',
  undetermined: '无法判断',
  'other-version': '无法用本版本判断',
  'not-a-report': '无法核验',
};

const CLASS: Record<NonNullable<VerifyResult['status']>, string> = {
  genuine: 'ok',
  altered: 'bad',
  undetermined: 'neutral',
  'other-version': 'neutral',
  'not-a-report': 'bad',
};

function FilesTable({ files }: { files: IssuedFileRow[] }) {
  return (
    <table className="data compact" data-testid="lookup-files">
      <thead>
        <tr>
          <th>出具时间</th>
          <th>文件</th>
          <th>项目</th>
          <th>出具单位</th>
          <th>报告编号</th>
          <th>结论</th>
        </tr>
      </thead>
      <tbody>
        {files.map((f) => (
          <tr key={`${f.fileSha256}-${f.issuedAt}`}>
            <td className="small">{formatTime(f.issuedAt)}</td>
            <td className="small">
              {f.fileName}
              {f.signedBy && <div className="muted small">数字签名：{f.signedBy}</div>}
            </td>
            <td className="small">{f.projectName}</td>
            <td className="small">{f.orgName ?? '—'}</td>
            <td className="small">{f.reportNo ?? '—'}</td>
            <td>
              <OverallBadge overall={f.overall} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function VerifyScreen() {
  const [busy, setBusy] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [error, setError] = useState('');
  const [workbook, setWorkbook] = useState<File | null>(null);
  const [conditions, setConditions] = useState<File | null>(null);
  const [projects, setProjects] = useState<ProjectRow[]>([]);
  const [projectId, setProjectId] = useState('');
  const [code, setCode] = useState('');
  const [lookup, setLookup] = useState<{ query: string; files: IssuedFileRow[] } | null>(null);
  const [lookupError, setLookupError] = useState('');

  useEffect(() => {
    invoke('projects.list', { limit: 500 })
      .then((r) => setProjects(r.items))
      .catch(() => setProjects([]));
  }, []);

  const run = async (f: File, inputs: { workbook?: File | null; conditions?: File | null; projectId?: number } = {}) => {
    setError('');
    setBusy(true);
    try {
      const q: Parameters<typeof invoke<'report.verify'>>[1] = { dataBase64: await fileToBase64(f), fileName: f.name };
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
    setWorkbook(null);
    setConditions(null);
    setProjectId('');
    if (!/\.(pdf|xlsx)$/i.test(f.name)) return setError(`文件 ${f.name} 不是 PDF 审查意见书或 Excel 审查记录`);
    void run(f);
  };

  const addInputs = (files: File[]) => {
    for (const f of files) {
      if (/\.xlsx$/i.test(f.name)) setWorkbook(f);
      else if (/\.json$/i.test(f.name)) setConditions(f);
      else setError(`文件 ${f.name} 既不是指标表（.xlsx）也不是条件文件（.json）`);
    }
  };

  const doLookup = async () => {
    setLookupError('');
    setLookup(null);
    try {
      setLookup(await invoke('report.lookup', { text: code }));
    } catch (e) {
      setLookupError(errorText(e));
    }
  };

  const needsInputs = !!result && !!file && /\.pdf$/i.test(file.name) && result.status !== 'genuine' && result.status !== 'not-a-report' && result.inputsFrom !== 'given' && result.report !== null;
  const status = result?.status ?? (result?.ok ? 'genuine' : 'altered');

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
      {error && (
        <div className="panel error-panel" role="alert">
          {error}
        </div>
      )}
      {result && (
        <div className={`panel verify-result ${CLASS[status]}`} data-testid="verify-result" data-ok={String(result.ok)} data-status={status}>
          <h2>{TITLE[status]}</h2>
          <p className="strong">{result.headline}</p>
          {result.differences.length > 0 && (
            <ul className="differences">
              {result.differences.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          )}
          {result.needs && result.needs.length > 0 && (
            <>
              <h3>请提供</h3>
              <ul className="needs" data-testid="verify-needs">
                {result.needs.map((d, i) => (
                  <li key={i}>{d}</li>
                ))}
              </ul>
            </>
          )}
          {result.report && (
            <dl className="facts small" data-testid="verify-report">
              <dt>报告编号</dt>
              <dd>{result.report.reportNo ?? '—'}</dd>
              <dt>核验码</dt>
              <dd className="mono">{result.report.shortCode}</dd>
              <dt>出具单位</dt>
              <dd>{result.report.org}</dd>
              <dt>出具时间</dt>
              <dd>{formatTime(result.report.issuedAt)}</dd>
              <dt>审查所用指标表</dt>
              <dd>{result.report.workbook.file}</dd>
              {(result.report.overrides > 0 || result.report.corrections > 0) && (
                <>
                  <dt>人工干预</dt>
                  <dd>
                    人工改判 {result.report.overrides} 项，人工录入或修正数值 {result.report.corrections} 项
                  </dd>
                </>
              )}
            </dl>
          )}
          {result.notes && result.notes.length > 0 && (
            <ul className="notes small muted">
              {result.notes.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {needsInputs && file && (
        <div className="panel" data-testid="verify-inputs">
          <h2>提供原始输入后核验</h2>
          <p className="small muted">放入出具报告时所用的指标表（.xlsx）和合同条件文件（.json），或选择本机保存了这些文件的项目。报告中记录的出具信息、人工改判和人工录入会自动套用。</p>
          <DropZone accept=".xlsx,.json" multiple onFiles={addInputs} testId="verify-inputs-drop" inputId="verify-inputs-file" disabled={busy}>
            <strong>将指标表和条件文件拖到这里</strong>
            <span className="muted small">
              指标表：{workbook ? workbook.name : '未选择'}　条件文件：{conditions ? conditions.name : '未选择'}
            </span>
          </DropZone>
          <div className="row">
            <button type="button" className="primary" disabled={busy || !workbook || !conditions} onClick={() => void run(file, { workbook, conditions })}>
              用这些文件核验
            </button>
            {projects.length > 0 && (
              <>
                <select value={projectId} onChange={(e) => setProjectId(e.target.value)} aria-label="选择项目">
                  <option value="">或选择本机的项目…</option>
                  {projects.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
                <button type="button" disabled={busy || !projectId} onClick={() => void run(file, { projectId: Number(projectId) })}>
                  用该项目核验
                </button>
              </>
            )}
          </div>
        </div>
      )}

      <div className="panel lookup">
        <h2>按核验码查询存档</h2>
        <p className="small muted">输入报告页脚的核验码（如 LC-3F9A-1C2B-77D0），或粘贴扫描二维码得到的文字，查询本单位出具该报告的记录。</p>
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            void doLookup();
          }}
        >
          <input value={code} onChange={(e) => setCode(e.target.value)} aria-label="核验码" placeholder="LC-XXXX-XXXX-XXXX" maxLength={300} />
          <button type="submit" disabled={!code.trim()}>
            查询
          </button>
        </form>
        {lookupError && (
          <p className="error" role="alert">
            {lookupError}
          </p>
        )}
        {lookup && (
          <div data-testid="lookup-result">
            {lookup.files.length === 0 ? (
              <p>本单位的存档中没有核验码为 {lookup.query} 的报告。</p>
            ) : (
              <>
                <p>
                  核验码 {lookup.query}：本单位共出具 {lookup.files.length} 份文件。
                </p>
                <FilesTable files={lookup.files} />
              </>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
