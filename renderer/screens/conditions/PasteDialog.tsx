// 粘贴合同条款: contract text → conditions. The reading is then shown on the conditions screen,
// sentence by sentence beside the conditions it produced (ReadingReview).
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
      <p className="muted small">
        粘贴土地出让合同（或规划设计条件、出让公告）中绿色生态相关条款，可整段粘贴。识别后逐句显示原文与识别出的条件，需确认的理解、依赖的项目事实和未能识别的句子（及原因）一并列出，保存前请逐句核对。
      </p>
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
