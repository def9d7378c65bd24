// 导入指标表: drop an .xlsx → what was found (value, unit, source cell, raw text, interpretation),
// per-building table, issues; correct a mapping (another cell or a typed value, with a reason).
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ImportedBuilding, ImportedValue, ImportResult } from '../../shared/model/types';
import { INDICATORS, indicatorName, formatValue } from '../../shared/model/indicators';
import { invoke, errorText } from '../api';
import { useApp, useShortcut } from '../state';
import { DropZone } from '../components/DropZone';
import { Dialog } from '../components/Dialog';
import { Pager, usePager } from '../components/Pager';
import { fileToBase64, formatBytes } from '../files';

const STATUS_LABEL: Record<ImportedValue['status'], string> = {
  ok: '已读取',
  placeholder: '无数值',
  ambiguous: '含义不确定',
  invalid: '无法识别',
};
/** base64 of at most 60 MB (the API limit) ≈ 45 MB of file. */
const MAX_UPLOAD = 45 * 1024 * 1024;
const USE_LABEL: Record<string, string> = { residential: '住宅', public: '公共建筑', industrial: '工业建筑', other: '其他' };

interface CorrectTarget {
  indicator: string;
  building: string | null;
  current?: ImportedValue;
}

export function ImportScreen() {
  const app = useApp();
  const projectId = app.projectId!;
  const [imported, setImported] = useState<{ fileName: string; result: ImportResult } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState('');
  const [correcting, setCorrecting] = useState<CorrectTarget | null>(null);
  const dropRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const li = app.detail?.lastImport;
    if (li && !imported) setImported({ fileName: li.fileName, result: li.imported });
  }, [app.detail]);

  // Ctrl+O: open the file picker.
  useShortcut('import', () => dropRef.current?.querySelector('input')?.click());

  const importFile = async (file: File) => {
    if (file.size > MAX_UPLOAD) {
      setError(`文件 ${file.name}（${formatBytes(file.size)}）超过 45 MB，无法导入。请删除无关的工作表或图片后再试。`);
      return;
    }
    if (!/\.xlsx$/i.test(file.name)) {
      setError(`文件 ${file.name} 不是 .xlsx 工作簿。请在 Excel 中另存为“Excel 工作簿 (*.xlsx)”后再导入。`);
      return;
    }
    setBusy(`正在读取 ${file.name}（${formatBytes(file.size)}）…`);
    setError('');
    try {
      const r = await invoke('import.workbook', { projectId, fileName: file.name, dataBase64: await fileToBase64(file) });
      setImported({ fileName: file.name, result: r.imported });
      app.notify(
        'success',
        `已导入 ${file.name}：${Object.keys(r.imported.project).length} 项项目指标，${r.imported.buildings.length} 栋单体` +
          (r.corrections ? `，自动套用了 ${r.corrections} 条以往的更正` : ''),
      );
      void app.refresh();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const result = imported?.result;
  const projectValues = useMemo(() => (result ? Object.values(result.project) : []), [result]);

  return (
    <section className="screen import" aria-labelledby="import-h">
      <div className="screen-head">
        <h1 id="import-h">导入指标表</h1>
        {result && (
          <div className="toolbar">
            <button type="button" onClick={() => setCorrecting({ indicator: 'green_ratio', building: null })}>
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
          {!busy && <span className="muted small">或点击选择文件（Ctrl+O）{result ? '；重新导入会替换当前的导入结果' : ''}</span>}
        </DropZone>
      </div>
      {error && (
        <div className="panel error-panel" role="alert" data-testid="import-error">
          {error}
        </div>
      )}
      {!result && app.detail === null ? (
        <p className="muted">正在载入…</p>
      ) : !result ? (
        !busy && (
          <div className="empty">
            <p>尚未导入指标表。</p>
            <p>导入设计单位提交的技术经济指标表后，这里会列出读取到的每项指标、所在单元格和读取方式。</p>
          </div>
        )
      ) : (
        <>
          <div className="panel meta">
            <span>
              文件：<strong>{imported!.fileName}</strong>
            </span>
            <span>工作表：{result.sheets.join('、')}</span>
            <span className="muted small mono">SHA-256 {result.sha256.slice(0, 16)}…</span>
          </div>
          {result.issues.length > 0 && (
            <div className="panel warn" data-testid="import-issues">
              <h3>未能读取或需要注意的内容（{result.issues.length}）</h3>
              <ul>
                {result.issues.map((i, k) => (
                  <li key={k} className={i.level === 'error' ? 'error' : ''}>
                    {i.level === 'error' ? '错误：' : '提示：'}
                    {i.message}
                    {i.indicator && (
                      <button type="button" className="link small" onClick={() => setCorrecting({ indicator: i.indicator!, building: null })}>
                        更正
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <h2>项目指标（{projectValues.length}）</h2>
          {projectValues.length === 0 ? (
            <p className="muted">没有读取到项目级指标。</p>
          ) : (
            <div className="table-wrap">
              <table className="data" data-testid="import-project">
                <thead>
                  <tr>
                    <th>指标</th>
                    <th>数值</th>
                    <th>来源单元格</th>
                    <th>原文</th>
                    <th>解读</th>
                    <th>状态</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {projectValues.map((v) => (
                    <ValueRow key={v.indicator} v={v} onCorrect={() => setCorrecting({ indicator: v.indicator, building: null, current: v })} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <BuildingsTable buildings={result.buildings} onCorrect={(b, ind) => setCorrecting({ indicator: ind, building: b.name, current: b.values[ind] })} />
          {result.surfaces.length > 0 && (
            <>
              <h2>下垫面（{result.surfaces.length}）</h2>
              <table className="data compact">
                <thead>
                  <tr>
                    <th>下垫面</th>
                    <th>面积 (m²)</th>
                    <th>径流系数</th>
                    <th>来源</th>
                  </tr>
                </thead>
                <tbody>
                  {result.surfaces.map((s, i) => (
                    <tr key={i}>
                      <td>{s.name}</td>
                      <td className="num">{s.area ?? '—'}</td>
                      <td className="num">{s.coefficient ?? '—'}</td>
                      <td className="mono">{s.source}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </>
      )}
      <CorrectDialog
        target={correcting}
        buildings={result?.buildings.map((b) => b.name) ?? []}
        onClose={() => setCorrecting(null)}
        onDone={(r) => {
          setCorrecting(null);
          setImported((cur) => (cur ? { ...cur, result: r } : cur));
          app.notify('success', '已更正；同一模板的指标表以后导入时会自动套用');
          void app.refresh();
        }}
      />
    </section>
  );
}

function ValueRow({ v, onCorrect }: { v: ImportedValue; onCorrect: () => void }) {
  return (
    <tr className={`st-${v.status}`} data-indicator={v.indicator}>
      <td>
        {indicatorName(v.indicator)}
        <div className="muted small">标签：{v.label}</div>
      </td>
      <td className="num strong">{formatValue(v.indicator, v.value)}</td>
      <td className="mono">{v.source}</td>
      <td className="mono">{v.raw}</td>
      <td className="small">{v.interpretation}</td>
      <td>
        <span className={`status st-${v.status}`}>{STATUS_LABEL[v.status]}</span>
      </td>
      <td>
        <button type="button" className="small" onClick={onCorrect} aria-label={`更正 ${indicatorName(v.indicator)}`}>
          更正
        </button>
      </td>
    </tr>
  );
}

function BuildingsTable({ buildings, onCorrect }: { buildings: ImportedBuilding[]; onCorrect: (b: ImportedBuilding, ind: string) => void }) {
  const [open, setOpen] = useState(buildings.length <= 30);
  const columns = useMemo(() => {
    const ids = new Set<string>();
    for (const b of buildings) for (const k of Object.keys(b.values)) ids.add(k);
    return INDICATORS.filter((d) => ids.has(d.id)).map((d) => d.id);
  }, [buildings]);
  const pager = usePager(buildings.length, 50);
  if (buildings.length === 0) return <p className="muted">表中没有逐栋单体数据。</p>;
  return (
    <>
      <h2>
        <button type="button" className="disclosure" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? '▾' : '▸'} 单体指标（{buildings.length} 栋）
        </button>
      </h2>
      {open && (
        <>
          <div className="table-wrap">
            <table className="data compact" data-testid="import-buildings">
              <thead>
                <tr>
                  <th>单体</th>
                  <th>功能</th>
                  <th>建筑面积 (m²)</th>
                  {columns.map((c) => (
                    <th key={c}>{indicatorName(c)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {buildings.slice(pager.start, pager.end).map((b) => (
                  <tr key={b.name}>
                    <td title={b.nameSource}>{b.name}</td>
                    <td title={b.useRaw}>{b.use ? USE_LABEL[b.use] : (b.useRaw ?? '—')}</td>
                    <td className="num">{b.floorArea ?? '—'}</td>
                    {columns.map((c) => {
                      const v = b.values[c];
                      return (
                        <td key={c} className={`num ${v ? `st-${v.status}` : ''}`} title={v ? `${v.source}：${v.raw}（${v.interpretation}）` : '未找到'}>
                          {v ? (
                            <button type="button" className="cell-link" onClick={() => onCorrect(b, c)} aria-label={`更正 ${b.name} ${indicatorName(c)}`}>
                              {formatValue(c, v.value)}
                            </button>
                          ) : (
                            '—'
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager pager={pager} label="单体" />
        </>
      )}
    </>
  );
}

function CorrectDialog(props: {
  target: CorrectTarget | null;
  buildings: string[];
  onClose: () => void;
  onDone: (r: ImportResult) => void;
}) {
  const app = useApp();
  const [ind, setInd] = useState('');
  const [building, setBuilding] = useState<string>('');
  const [mode, setMode] = useState<'cell' | 'value'>('cell');
  const [cell, setCell] = useState('');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const t = props.target;
    if (!t) return;
    setInd(t.indicator);
    setBuilding(t.building ?? '');
    setMode('cell');
    setCell(t.current?.source ?? '');
    setValue('');
    setReason('');
    setError('');
  }, [props.target]);

  const submit = async () => {
    if (!reason.trim()) return setError('请填写更正原因');
    if (mode === 'cell' && !/^.+!\$?[A-Z]{1,3}\$?\d+$/i.test(cell.trim())) return setError('请按“工作表!单元格”填写，例如 单体指标!G4');
    if (mode === 'value' && !value.trim()) return setError('请填写数值');
    setBusy(true);
    setError('');
    try {
      const r = await invoke('import.correct', {
        projectId: app.projectId!,
        indicator: ind,
        building: building || null,
        cell: mode === 'cell' ? cell.trim() : undefined,
        value: mode === 'value' ? value.trim() : undefined,
        reason: reason.trim(),
      });
      props.onDone(r.imported);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const cur = props.target?.current;
  return (
    <Dialog
      open={props.target !== null}
      title="更正指标读取"
      onClose={props.onClose}
      testId="correct-dialog"
      actions={
        <>
          <button type="button" onClick={props.onClose}>
            取消
          </button>
          <button type="submit" form="correct-form" className="primary" disabled={busy}>
            {busy ? '正在更正…' : '确认更正'}
          </button>
        </>
      }
    >
      <form
        id="correct-form"
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="grid2">
          <label>
            指标
            <select value={ind} onChange={(e) => setInd(e.target.value)} aria-label="指标">
              {INDICATORS.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            单体
            <select value={building} onChange={(e) => setBuilding(e.target.value)} aria-label="单体">
              <option value="">（项目整体）</option>
              {props.buildings.map((b) => (
                <option key={b} value={b}>
                  {b}
                </option>
              ))}
            </select>
          </label>
        </div>
        {cur && (
          <p className="muted small">
            当前读取：{cur.source} “{cur.raw}” → {formatValue(cur.indicator, cur.value)}（{cur.interpretation}）
          </p>
        )}
        <div className="radios" role="radiogroup" aria-label="更正方式">
          <label className="inline check">
            <input type="radio" name="mode" checked={mode === 'cell'} onChange={() => setMode('cell')} />
            改读另一个单元格
          </label>
          <label className="inline check">
            <input type="radio" name="mode" checked={mode === 'value'} onChange={() => setMode('value')} />
            直接填写数值
          </label>
        </div>
        {mode === 'cell' ? (
          <label>
            单元格
            <input value={cell} maxLength={120} onChange={(e) => setCell(e.target.value)} placeholder="单体指标!G4" aria-label="单元格" />
          </label>
        ) : (
          <label>
            数值
            <input value={value} maxLength={200} onChange={(e) => setValue(e.target.value)} placeholder="如 35%、二星级、18600" aria-label="数值" />
          </label>
        )}
        <label>
          更正原因（必填，写入审查记录）
          <textarea rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} aria-label="更正原因" />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}
