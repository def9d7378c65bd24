// Starting a batch: the workbooks (with their own condition files paired by name, or one common
// condition file), a name for the batch; start stays disabled, with the reason shown beside it,
// until every workbook has conditions.
import { useState } from 'react';
import { errorText, invoke } from '../../api';
import { useApp } from '../../state';
import { DropZone } from '../../components/DropZone';
import { FilePicker } from '../../components/FilePicker';
import { ErrorPanel } from '../../components/ErrorLine';
import { fileToBase64, formatBytes, readJsonFile } from '../../files';
import { TableHead } from '../../components/TableHead';

interface Picked {
  workbooks: File[];
  /** Condition files by base name ("x" for x.conditions.json or x.json). */
  own: Map<string, File>;
  common: File | null;
}

const baseName = (n: string) => n.replace(/\.(conditions\.)?json$/i, '').replace(/\.xlsx$/i, '');
const MAX_BYTES = 40 * 1024 * 1024;

/** Why the batch cannot start yet (Chinese), or null. */
function blocker(p: Picked): string | null {
  if (p.workbooks.length === 0) return '请先选择要审查的指标表（.xlsx）';
  if (p.workbooks.length > 500) return `一次最多审查 500 份指标表，当前选择了 ${p.workbooks.length} 份，请分批进行`;
  const bytes = p.workbooks.reduce((n, w) => n + w.size, 0);
  if (bytes > MAX_BYTES) return `所选指标表共 ${formatBytes(bytes)}，超过单批 40 MB 的上限，请分批进行`;
  const missing = p.workbooks.filter((w) => !p.own.has(baseName(w.name)));
  if (missing.length && !p.common) return `${missing.length} 份指标表没有对应的条件文件（${missing.map((m) => m.name).join('、')}），请选择一份“通用条件文件”`;
  return null;
}

export function BatchPicker({ onStarted }: { onStarted: (batchId: number) => void }) {
  const app = useApp();
  const [picked, setPicked] = useState<Picked>({ workbooks: [], own: new Map(), common: null });
  const [name, setName] = useState('');
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState('');
  const reason = blocker(picked);

  const addFiles = (files: File[]) => {
    const skipped = files.filter((f) => !/\.(xlsx|json)$/i.test(f.name)).map((f) => f.name);
    if (skipped.length) app.notify('error', `已忽略不支持的文件：${skipped.join('、')}（只接受 .xlsx 指标表和 .json 条件文件）`);
    setPicked((p) => {
      const workbooks = [...p.workbooks];
      const own = new Map(p.own);
      for (const f of files) {
        if (/\.xlsx$/i.test(f.name)) {
          if (!workbooks.some((w) => w.name === f.name)) workbooks.push(f);
        } else if (/\.json$/i.test(f.name)) own.set(baseName(f.name), f);
      }
      return { ...p, workbooks, own };
    });
  };

  const start = async () => {
    if (reason) return setError(reason);
    setError('');
    setStarting(true);
    try {
      const items = [];
      for (const w of picked.workbooks) {
        const own = picked.own.get(baseName(w.name));
        items.push({ fileName: w.name, dataBase64: await fileToBase64(w), conditions: own ? ((await readJsonFile(own)) as Record<string, unknown>) : undefined });
      }
      const conditions = picked.common ? ((await readJsonFile(picked.common)) as Record<string, unknown>) : undefined;
      const { batchId } = await invoke('batch.start', { items, conditions, name: name.trim() || undefined });
      onStarted(batchId);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setStarting(false);
    }
  };

  return (
    <section className="batch-picker" aria-label="新的批量审查">
      <DropZone accept=".xlsx,.json" multiple onFiles={addFiles} testId="batch-drop" inputId="batch-files">
        <strong>将多份指标表（.xlsx）拖到这里</strong>
        <span className="muted small">可同时放入各自的条件文件：与指标表同名的 “名称.conditions.json” 会自动配对。</span>
      </DropZone>
      <div className="panel form batch-opts">
        <div className="field">
          <span className="label">通用条件文件（用于没有各自条件文件的指标表）</span>
          <span className="row">
            <FilePicker accept=".json,application/json" label="通用条件文件" testId="batch-common" className="small" onFile={(f) => setPicked((p) => ({ ...p, common: f }))}>
              选择条件文件…
            </FilePicker>
            <span className="small">{picked.common ? picked.common.name : '未选择'}</span>
          </span>
        </div>
        <label>
          批次名称（可选）
          <input value={name} maxLength={100} onChange={(e) => setName(e.target.value)} placeholder="例：三月第二批送审" aria-label="批次名称" />
        </label>
      </div>
      <div className="start-row">
        <button type="button" className="primary" disabled={starting || !!reason} onClick={() => void start()}>
          {starting ? '正在上传…' : `开始审查${picked.workbooks.length ? `（${picked.workbooks.length} 份）` : ''}`}
        </button>
        {reason && (
          <span className="small warn-text" data-testid="start-blocked">
            {reason}
          </span>
        )}
      </div>
      <ErrorPanel message={error} />
      {picked.workbooks.length === 0 ? (
        <div className="empty">
          <p>尚未选择指标表。一次最多 500 份；每份会单独保存审查结果，可像项目一样打开、改判和出具报告。</p>
        </div>
      ) : (
        <table className="data" data-testid="batch-picked">
          <TableHead cols={['#', '指标表', '大小', '条件文件', '']} />
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
                    <button type="button" className="small" onClick={() => setPicked((p) => ({ ...p, workbooks: p.workbooks.filter((x) => x !== w) }))} aria-label={`移除 ${w.name}`}>
                      移除
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
