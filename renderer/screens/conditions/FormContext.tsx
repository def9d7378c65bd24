// What every field of the condition form needs to show its own state: the error at the field,
// the open "0.75 → 75 % or 0.75 %?" question, and the way to answer it; and the project facts
// the user confirmed (a condition that needs one shows whether it applies).
import { createContext, useContext } from 'react';
import type { FieldKey, FormCheck } from './checks';

export interface FormState {
  check: FormCheck;
  /** The user says the small percent is meant as written ("0.75 %"). */
  confirmAsWritten: (key: FieldKey, value: number) => void;
  /** Project facts confirmed for the document (`facts`). */
  facts?: Record<string, boolean>;
  /** Confirms a project fact (true/false) or sets it back to unconfirmed (undefined). */
  setFact: (id: string, value: boolean | undefined) => void;
}

export const FormContext = createContext<FormState>({
  check: { errors: new Map(), questions: new Map() },
  confirmAsWritten: () => {},
  setFact: () => {},
});

export function useField(key: FieldKey): { error?: string; question?: number; confirmAsWritten: (v: number) => void } {
  const f = useContext(FormContext);
  return { error: f.check.errors.get(key), question: f.check.questions.get(key), confirmAsWritten: (v) => f.confirmAsWritten(key, v) };
}

export function useFacts(): Pick<FormState, 'facts' | 'setFact'> {
  const f = useContext(FormContext);
  return { facts: f.facts, setFact: f.setFact };
}
