// The name (and optional parcel) of a new or renamed project.
import { useState } from 'react';
import { errorText } from '../../api';
import { FormDialog } from '../../components/Dialog';
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
    <FormDialog open={props.open} title={props.title} onClose={props.onClose} onSubmit={submit} submitLabel={props.submitLabel} testId="name-dialog">
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
    </FormDialog>
  );
}
