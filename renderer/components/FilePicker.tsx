// A button that opens the file picker (the input itself stays hidden); the chosen file is handed
// over and the input cleared, so picking the same file again works.
import { useRef, type ReactNode } from 'react';

interface Props {
  accept: string;
  onFile: (f: File) => void;
  children: ReactNode;
  /** Accessible name of the hidden input (tests set files on it). */
  label: string;
  testId?: string;
  buttonTestId?: string;
  className?: string;
  disabled?: boolean;
  title?: string;
}

export function FilePicker({ accept, onFile, children, label, testId, buttonTestId, className, disabled, title }: Props) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className={className} disabled={disabled} title={title} data-testid={buttonTestId} onClick={() => input.current?.click()}>
        {children}
      </button>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        aria-label={label}
        data-testid={testId}
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) onFile(f);
        }}
      />
    </>
  );
}
