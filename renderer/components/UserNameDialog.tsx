// The user's name, asked once per installation (first start) and changeable from the sidebar:
// it is recorded with every correction, override and report, and shown in the audit trail.
import { useId, useState } from 'react';
import { invoke } from '../api';
import { useAction } from '../hooks/useInvoke';
import { FormDialog } from './Dialog';
import { ErrorLine } from './ErrorLine';

interface Props {
  open: boolean;
  current: string | null;
  /** First start: there is no way around giving a name. */
  required: boolean;
  onSaved: (name: string) => void;
  onClose: () => void;
}

export function UserNameDialog({ open, current, required, onSaved, onClose }: Props) {
  const [name, setName] = useState('');
  const action = useAction();
  const errorId = useId();
  // each opening starts from the current name
  const [wasOpen, setWasOpen] = useState(false);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setName(current ?? '');
      action.setError('');
    }
  }
  const submit = async () => {
    if (!name.trim()) return action.setError('请填写您的姓名');
    const r = await action.run(() => invoke('settings.save', { userName: name.trim() }));
    if (r) onSaved(r.userName);
  };
  return (
    <FormDialog
      open={open}
      title={required ? '欢迎使用 LandCheck' : '操作人姓名'}
      onClose={required ? () => action.setError('请先填写您的姓名') : onClose}
      onSubmit={submit}
      submitLabel="保存"
      busy={action.busy}
      cancellable={!required}
      testId="user-dialog"
    >
      <p className="small muted">
        您的姓名会与每一次更正、改判和出具的报告一同记录，并显示在操作记录中。本机只需设置一次，以后可在左下角修改。
      </p>
      <label>
        姓名
        <input
          autoFocus
          value={name}
          maxLength={40}
          onChange={(e) => setName(e.target.value)}
          aria-label="姓名"
          aria-invalid={!!action.error}
          aria-describedby={action.error ? errorId : undefined}
          placeholder="例：张工"
        />
      </label>
      <ErrorLine message={action.error} id={errorId} />
    </FormDialog>
  );
}
