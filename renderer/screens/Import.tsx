// 导入指标表: drop an .xlsx → what was found (value, unit, source cell, raw text, interpretation),
// what was not read, per-building table, issues; correct a reading (another cell, remembered for
// the layout; or a value typed for this import only, with a reason); the sheet's earlier versions.
import { useRef, useState } from 'react';
import { errorText, invoke } from '../api';
import { useApp, useShortcut } from '../state';
import { useInvoke } from '../hooks/useInvoke';
import { DropZone } from '../components/DropZone';
import { ErrorPanel } from '../components/ErrorLine';
import { fileToBase64, formatBytes, formatTime } from '../files';
import { ValueTable } from './import/ValueTable';
import { BuildingsTable } from './import/BuildingsTable';
import { CorrectDialog, type CorrectTarget } from './import/CorrectDialog';
import { Coverage } from './import/Coverage';
import { Corrections } from './import/Corrections';
import { IssueList, SurfaceTable } from './import/Details';

/** base64 of at most 60 MB (the API limit) ≈ 45 MB of file. */
const MAX_UPLOAD = 45 * 1024 * 1024;

export function ImportScreen() {
  const app = useApp();
  const projectId = app.projectId!;
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState('');
  const [correcting, setCorrecting] = useState<CorrectTarget | null>(null);
  const dropRef = useRef<HTMLDivElement>(null);
  const versions = useInvoke('import.versions', { projectId });
  const last = app.detail?.lastImport ?? null;
  const result = last?.imported;

  // Ctrl+O: open the file picker.
  useShortcut('import', () => dropRef.current?.querySelector('input')?.click());

  const importFile = async (file: File) => {
    if (file.size > MAX_UPLOAD) return setError(`文件 ${file.name}（${formatBytes(file.size)}）超过 45 MB，无法导入。请删除无关的工作表或图片后再试。`);
    if (!/\.xlsx$/i.test(file.name)) return setError(`文件 ${file.name} 不是 .xlsx 工作簿。请在 Excel 中另存为“Excel 工作簿 (*.xlsx)”后再导入。`);
    setBusy(`正在读取 ${file.name}（${formatBytes(file.size)}）…`);
    setError('');
    try {
      const r = await invoke('import.workbook', { projectId, fileName: file.name, dataBase64: await fileToBase64(file) });
      const parts = [`已导入 ${file.name}（第 ${r.version} 次导入）：${Object.keys(r.imported.project).length} 项项目指标，${r.imported.buildings.length} 栋单体`];
      if (r.mappingsApplied) parts.push(`按记住的单元格读取了 ${r.mappingsApplied} 项`);
      if (r.typedNotCarried) parts.push(`上次手工填写的 ${r.typedNotCarried} 个数值未沿用（手工填写的数值只用于当时那一次导入）`);
      app.notify('success', parts.join('；'));
      await app.refresh();
      void versions.reload();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="screen import" aria-labelledby="import-h">
      <div className="screen-head">
        <h1 id="import-h">导入指标表</h1>
        {result && (
          <div className="toolbar">
            <button type="button" onClick={() => setCorrecting({ indicator: 'green_ratio', building: null, current: result.project.green_ratio })}>
              补充 / 更正指标
            </button>
            <button type="button" className="primary" onClick={() => app.go('results')}>
              去审查 →
            </button>
          </div>
        )}
      </div>
      <div ref={dropRef}>
        <DropZone accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onFiles={(f) => void importFile(f[0]!)} testId="import-drop" inputId="import-file" disabled={!!busy}>
          <strong>{busy ?? '将技术经济指标表（.xlsx）拖到这里'}</strong>
          {!busy && <span className="muted small">或点击选择文件（Ctrl+O）{result ? '；再次导入作为新一次送审，之前的各次导入仍保留，可在审查结果中对比' : ''}</span>}
        </DropZone>
      </div>
      <ErrorPanel message={error} testId="import-error" />
      {!result && app.detail === null ? (
        <p className="muted">正在载入…</p>
      ) : !result || !last ? (
        !busy && (
          <div className="empty">
            <p>尚未导入指标表。</p>
            <p>导入设计单位提交的技术经济指标表后，这里会列出读取到的每项指标、所在单元格和读取方式。</p>
          </div>
        )
      ) : (
        <>
          <div className="panel meta" data-testid="import-meta">
            <span>
              文件：<strong>{last.fileName}</strong>（第 {last.version} 次导入）
            </span>
            <span>工作表：{result.sheets.join('、')}</span>
            <span className="muted small mono">SHA-256 {result.sha256.slice(0, 16)}…</span>
            {versions.data && versions.data.length > 1 && (
              <span className="small" data-testid="import-versions">
                历次导入：
                {versions.data.map((v) => `第 ${v.version} 次 ${v.fileName}（${formatTime(v.createdAt)}）`).join('；')}
              </span>
            )}
          </div>
          <Coverage result={result} />
          <Corrections mappings={last.mappings} typed={last.typed} />
          <IssueList issues={result.issues} onCorrect={(indicator) => setCorrecting({ indicator, building: null, current: result.project[indicator] })} />
          <h2>项目指标（{Object.keys(result.project).length}）</h2>
          <ValueTable result={result} onCorrect={(v) => setCorrecting({ indicator: v.indicator, building: null, current: v })} />
          <BuildingsTable buildings={result.buildings} onCorrect={(b, ind) => setCorrecting({ indicator: ind, building: b.name, current: b.values[ind] })} />
          <SurfaceTable surfaces={result.surfaces} />
        </>
      )}
      <CorrectDialog
        target={correcting}
        buildings={result?.buildings.map((b) => b.name) ?? []}
        onClose={() => setCorrecting(null)}
        onDone={(_, remembered) => {
          setCorrecting(null);
          app.notify('success', remembered ? '已更正，并记住该单元格：同一格式的指标表以后都从该单元格读取' : '已更正：手工填写的数值只用于本次导入');
          void app.refresh();
          void versions.reload();
        }}
      />
    </section>
  );
}
