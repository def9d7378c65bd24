// 改判: a reviewer's verdict on one finding, always with a written reason (and the user's name,
// recorded by the app).
import { useState } from 'react';
import type { Finding, Verdict } from '../../../shared/model/types';
import { VERDICT_LABEL } from '../../../shared/model/verdicts';
import { invoke } from '../../api';
import { useApp } from '../../state';
import { useAction } from '../../hooks/useInvoke';
import { ErrorLine } from '../../components/ErrorLine';
import type { Loaded } from './model';

export function OverrideForm({ f, runId, onOverridden }: { f: Finding; runId: number; onOverridden: (l: Loaded) => void }) {
  const app = useApp();
  const [open, setOpen] = useState(false);
  const [verdict, setVerdict] = useState<Verdict>(f.verdict === 'pass' ? 'fail' : 'pass');
  const [reason, setReason] = useState('');
  const action = useAction();
  if (!open)
    return (
      <button type="button" className="small" onClick={() => setOpen(true)}>
        {f.override ? '再次改判…' : '改判…'}
      </button>
    );
  const submit = async () => {
    if (reason.trim().length < 2) return action.setError('改判必须写明理由');
    const r = await action.run(() => invoke('check.override', { runId, conditionId: f.conditionId, building: f.building, verdict, reason: reason.trim() }));
    if (!r) return;
    app.notify('success', `已将 ${f.conditionId}${f.building ? ` ${f.building}` : ''} 改判为“${VERDICT_LABEL[verdict]}”`);
    setOpen(false);
    setReason('');
    onOverridden(r);
  };
  return (
    <form
      className="override-form"
      data-testid="override-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label className="inline">
        改判为
        <select value={verdict} onChange={(e) => setVerdict(e.target.value as Verdict)} aria-label="改判为">
          {(Object.keys(VERDICT_LABEL) as Verdict[]).map((v) => (
            <option key={v} value={v}>
              {VERDICT_LABEL[v]}
            </option>
          ))}
        </select>
      </label>
      <label className="block">
        改判理由（必填，将连同您的姓名{app.userName ? `“${app.userName}”` : ''}写入报告）
        <textarea rows={2} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} aria-label="改判理由" />
      </label>
      <ErrorLine message={action.error} />
      <div className="row">
        <button type="button" className="small" onClick={() => setOpen(false)}>
          取消
        </button>
        <button type="submit" className="small primary" disabled={action.busy}>
          确认改判
        </button>
      </div>
    </form>
  );
}
