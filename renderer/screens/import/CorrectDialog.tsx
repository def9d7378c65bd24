// 更正指标读取: read another cell (remembered for the workbook's layout: every later sheet of that
// layout is read from its own cell there) or type the value (for this import only), with a reason.
import { useState } from 'react';
import type { ImportedValue, ImportResult } from '../../../shared/model/types';
import { INDICATORS, formatValue } from '../../../shared/model/indicators';
import { invoke } from '../../api';
import { useApp } from '../../state';
import { useAction } from '../../hooks/useInvoke';
import { FormDialog } from '../../components/Dialog';
import { ErrorLine } from '../../components/ErrorLine';

export interface CorrectTarget {
  indicator: string;
  building: string | null;
  current?: ImportedValue;
}

interface Props {
  target: CorrectTarget | null;
  buildings: string[];
  onClose: () => void;
  onDone: (r: ImportResult, remembered: boolean) => void;
}

export function CorrectDialog({ target, buildings, onClose, onDone }: Props) {
  const app = useApp();
  const [ind, setInd] = useState('');
  const [building, setBuilding] = useState('');
  const [mode, setMode] = useState<'cell' | 'value'>('cell');
  const [cell, setCell] = useState('');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const action = useAction();
  // another value to correct: the form starts afresh
  const [shownTarget, setShownTarget] = useState<CorrectTarget | null>(null);
  if (target !== shownTarget) {
    setShownTarget(target);
    if (target) {
      setInd(target.indicator);
      setBuilding(target.building ?? '');
      setMode('cell');
      setCell(target.current && target.current.source !== '人工录入' ? target.current.source : '');
      setValue('');
      setReason('');
      action.setError('');
    }
  }

  const submit = async () => {
    if (mode === 'cell' && !/^.+!\$?[A-Z]{1,3}\$?\d+$/i.test(cell.trim())) return action.setError('请按“工作表!单元格”填写，例如 单体指标!G4');
    if (mode === 'value' && !value.trim()) return action.setError('请填写数值');
    if (!reason.trim()) return action.setError('请填写更正原因');
    const r = await action.run(() =>
      invoke('import.correct', {
        projectId: app.projectId!,
        indicator: ind,
        building: building || null,
        cell: mode === 'cell' ? cell.trim() : undefined,
        value: mode === 'value' ? value.trim() : undefined,
        reason: reason.trim(),
      }),
    );
    if (r) onDone(r.imported, r.remembered);
  };

  const cur = target?.current;
  return (
    <FormDialog
      open={target !== null}
      title="更正指标读取"
      onClose={onClose}
      onSubmit={submit}
      submitLabel={action.busy ? '正在更正…' : '确认更正'}
      busy={action.busy}
      testId="correct-dialog"
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
            {buildings.map((b) => (
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
          <input value={cell} maxLength={120} onChange={(e) => setCell(e.target.value)} placeholder="例：单体指标!G4" aria-label="单元格" />
          <span className="small muted">程序会记住这个单元格：以后导入同一格式的指标表（包括其他项目和批量审查）都从该单元格读取，可在“单元格对应”中查看和删除。</span>
        </label>
      ) : (
        <label>
          数值
          <input value={value} maxLength={200} onChange={(e) => setValue(e.target.value)} placeholder="例：35%、二星级、18600" aria-label="数值" />
          <span className="small muted">只用于本次导入，不会用于以后导入的指标表或其他项目；审查结果中标为“人工录入”。</span>
        </label>
      )}
      <label>
        更正原因（必填，连同您的姓名写入审查记录）
        <textarea rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} aria-label="更正原因" />
      </label>
      <ErrorLine message={action.error} />
    </FormDialog>
  );
}
