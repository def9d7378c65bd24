// The name (and optional parcel) of a new or renamed project.
import { useId, useState } from 'react';
import { errorText } from '../../api';
import { Dialog } from '../../components/Dialog';
import { ErrorLine } from '../../components/ErrorLine';

interface Props {
  open: boolean;
  title: string;
  initial?: string;
  withParcel?: boolean;
  submitLabel: string;
  onClose: () => void;
  onSubmit: (name: string, parcel: string) => Promise<void>;
}

export function NameDialog(props: Props) {
  const [name, setName] = useState('');
  const [parcel, setParcel] = useState('');
  const [error, setError] = useState('');
  const formId = useId();
  // Each opening (or a new initial name while open) starts from the initial name.
  const [shown, setShown] = useState<{ open: boolean; initial?: string }>({ open: false });
  if (shown.open !== props.open || shown.initial !== props.initial) {
    setShown({ open: props.open, initial: props.initial });
    if (props.open) {
      setName(props.initial ?? '');
      setParcel('');
      setError('');
    }
  }
  const submit = async () => {
    if (!name.trim()) return setError('请填写项目名称');
    try {
      await props.onSubmit(name.trim(), parcel.trim());
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Dialog
      open={props.open}
      title={props.title}
      onClose={props.onClose}
      testId="name-dialog"
      actions={
        <>
          <button type="button" onClick={props.onClose}>
            取消
          </button>
          <button type="submit" form={formId} className="primary">
            {props.submitLabel}
          </button>
        </>
      }
    >
      <form
        id={formId}
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label>
          项目名称
          <input autoFocus value={name} maxLength={100} onChange={(e) => setName(e.target.value)} aria-label="项目名称" />
        </label>
        {props.withParcel && (
          <label>
            地块（可选，会填入合同信息）
            <input value={parcel} maxLength={100} onChange={(e) => setParcel(e.target.value)} placeholder="如 JDC10501单元05-02地块" />
          </label>
        )}
        <ErrorLine message={error} />
      </form>
    </Dialog>
  );
}
