// A number field with its unit beside it and its error under it. It keeps what the user typed
// (an unreadable entry is passed on as text so the check names it, instead of silently becoming
// 0), and asks about a percent written as a fraction ("0.75": 75 % or 0.75 %?).
import { useId, useState } from 'react';
import { ErrorLine } from '../../components/ErrorLine';
import { useField } from './FormContext';

interface Props {
  value: number | undefined;
  onChange: (v: number | string | undefined) => void;
  label: string;
  unit?: string;
  /** Key of the field in the form check (errors, questions). */
  field: string;
  placeholder?: string;
}

export function ValueInput({ value, onChange, label, unit, field, placeholder }: Props) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  const { error, question, confirmAsWritten } = useField(field);
  const errorId = useId();
  // Only a change from outside (template, another version) replaces what the user typed.
  const [seenValue, setSeenValue] = useState(value);
  if (value !== seenValue) {
    setSeenValue(value);
    const current = text.trim() === '' ? undefined : Number(text);
    if (current !== value && typeof value !== 'string') setText(value === undefined ? '' : String(value));
  }
  return (
    <span className={`value-field${error ? ' invalid' : ''}`}>
      <span className="value-input">
        <input
          className="num"
          inputMode="decimal"
          value={text}
          aria-label={label}
          aria-invalid={!!error}
          aria-describedby={error ? errorId : undefined}
          placeholder={placeholder}
          onChange={(e) => {
            setText(e.target.value);
            const t = e.target.value.trim();
            if (t === '') onChange(undefined);
            else if (/^-?\d+(\.\d+)?$/.test(t)) onChange(Number(t));
            else onChange(t);
          }}
        />
        {unit && <span className="unit">{unit}</span>}
      </span>
      <ErrorLine message={error} id={errorId} />
      {question !== undefined && (
        <span className="field-question" role="group" aria-label={`${label}：确认百分数`} data-testid="percent-question">
          填写的是 {question}%。是指 {Math.round(question * 1e6) / 1e4}%（按比例填写）吗？
          <button type="button" className="small" onClick={() => onChange(Math.round(question * 1e6) / 1e4)}>
            改为 {Math.round(question * 1e6) / 1e4}%
          </button>
          <button type="button" className="small" onClick={() => confirmAsWritten(question)}>
            就是 {question}%
          </button>
        </span>
      )}
    </span>
  );
}
