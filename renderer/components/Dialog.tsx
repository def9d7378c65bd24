// Modal dialog on the native <dialog> element (focus trap, Esc to close, backdrop), and the two
// shapes every dialog of the app takes: a confirmation, and a form with 取消 and a submit button.
import { useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  actions?: ReactNode;
  testId?: string;
}

export function Dialog({ open, title, onClose, children, actions, testId }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-label={title}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {open && (
        <>
          <h2 className="dialog-title">{title}</h2>
          <div className="dialog-body">{children}</div>
          {actions && <div className="dialog-actions">{actions}</div>}
        </>
      )}
    </dialog>
  );
}

interface ConfirmProps {
  open: boolean;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog({ open, title, message, confirmLabel, danger, onConfirm, onCancel }: ConfirmProps) {
  return (
    <Dialog
      open={open}
      title={title}
      onClose={onCancel}
      testId="confirm-dialog"
      actions={
        <>
          <button type="button" onClick={onCancel}>
            取消
          </button>
          <button type="button" className={danger ? 'danger' : 'primary'} onClick={onConfirm} autoFocus>
            {confirmLabel}
          </button>
        </>
      }
    >
      <p>{message}</p>
    </Dialog>
  );
}

interface FormProps {
  open: boolean;
  title: string;
  onClose: () => void;
  /** Called on the submit button and on Enter in a field. */
  onSubmit: () => void | Promise<void>;
  submitLabel: string;
  /** Disables the submit button while the request runs. */
  busy?: boolean;
  /** False where there is no way around the form (the first start's name). */
  cancellable?: boolean;
  testId?: string;
  children: ReactNode;
}

/** A dialog holding one form: 取消 and the submit button below, Enter submits. */
export function FormDialog({ open, title, onClose, onSubmit, submitLabel, busy, cancellable = true, testId, children }: FormProps) {
  const formId = useId();
  return (
    <Dialog
      open={open}
      title={title}
      onClose={onClose}
      testId={testId}
      actions={
        <>
          {cancellable && (
            <button type="button" onClick={onClose}>
              取消
            </button>
          )}
          <button type="submit" form={formId} className="primary" disabled={busy}>
            {submitLabel}
          </button>
        </>
      }
    >
      <form
        id={formId}
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void onSubmit();
        }}
      >
        {children}
      </form>
    </Dialog>
  );
}
