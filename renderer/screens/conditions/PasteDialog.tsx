// 粘贴合同条款: contract text → conditions (each sentence one condition; the ones not understood
// are listed with the reason).
import { useState } from 'react';
import type { ApiOutputs } from '../../../shared/api/contract';
import { invoke } from '../../api';
import { useAction } from '../../hooks/useInvoke';
import { Dialog } from '../../components/Dialog';
import { ErrorLine } from '../../components/ErrorLine';

interface Props {
  open: boolean;
  hasDoc: boolean;
  onClose: () => void;
  onResult: (r: ApiOutputs['conditions.fromText'], mode: 'replace' | 'append') => void;
}

export function PasteDialog({ open, hasDoc, onClose, onResult }: Props) {
  const [text, setText] = useState('');
  const action = useAction();
  const run = async (mode: 'replace' | 'append') => {
    if (!text.trim()) return action.setError('请粘贴合同条款原文');
    const r = await action.run(() => invoke('conditions.fromText', { text }));
    if (r) onResult(r, mode);
  };
  return (
    <Dialog
      open={open}
      title="粘贴合同条款"
      onClose={onClose}
      testId="paste-dialog"
      actions={
        <>
          <button type="button" onClick={onClose}>
            取消
          </button>
          {hasDoc && (
            <button type="button" disabled={action.busy} onClick={() => void run('append')}>
              识别并追加
            </button>
          )}
          <button type="button" className="primary" disabled={action.busy} onClick={() => void run('replace')}>
            {action.busy ? '正在识别…' : hasDoc ? '识别并替换' : '识别条件'}
          </button>
        </>
      }
    >
      <p className="muted small">粘贴土地出让合同中绿色生态相关条款（可整段粘贴）。每句识别为一条条件，未能识别的句子会列出原因。</p>
      <textarea
        rows={12}
        maxLength={200_000}
        className="wide"
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-label="合同条款原文"
        placeholder="例：第十二条（一）本地块新建建筑应按绿色建筑二星级及以上标准建设；"
      />
      <ErrorLine message={action.error} />
    </Dialog>
  );
}
