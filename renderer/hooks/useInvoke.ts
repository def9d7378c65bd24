// Data hooks over `invoke`: one place for loading, errors and stale answers, so a screen only says
// what it needs. `useInvoke` loads (and reloads) one method's answer; `useAction` runs a user's
// action with a busy flag and a Chinese error message.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiInput, ApiOutputs, Method } from '../../shared/api/contract';
import { errorText, invoke } from '../api';

export interface Loaded<T> {
  data: T | null;
  /** Chinese message of the last failure ('' when none). */
  error: string;
  loading: boolean;
  /** Asks again; the answer replaces `data` unless a newer request was made meanwhile. */
  reload: () => Promise<T | null>;
  /** Replaces `data` with an answer obtained elsewhere (e.g. from an action). */
  setData: (d: T | null) => void;
}

/**
 * The answer of `method(input)`, asked again whenever the input changes (compared by value), or
 * `refreshOn` does (what the answer depends on beyond its input, e.g. the project's name).
 * `input` null: nothing is asked (data stays null). An answer to an older input is dropped.
 */
export function useInvoke<M extends Method>(method: M, input: ApiInput<M> | null, refreshOn?: string | number): Loaded<ApiOutputs[M]> {
  const [data, setData] = useState<ApiOutputs[M] | null>(null);
  const [error, setError] = useState('');
  /** The input whose answer (or failure) came last: loading while it is not the current one. */
  const [answered, setAnswered] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);
  const seq = useRef(0);
  const key = input === null ? null : JSON.stringify({ input, refreshOn });

  // State changes only once the answer is in (never synchronously inside the effect below).
  const ask = useCallback((k: string): Promise<ApiOutputs[M] | null> => {
    const mine = ++seq.current;
    /** Whether this answer is still wanted (no newer request); if so, loading ends. */
    const current = () => {
      if (mine !== seq.current) return false;
      setAnswered(k);
      setReloading(false);
      return true;
    };
    return invoke(method, (JSON.parse(k) as { input: ApiInput<M> }).input).then(
      (value) => {
        if (!current()) return null;
        setData(value);
        setError('');
        return value;
      },
      (e: unknown) => {
        if (current()) setError(errorText(e));
        return null;
      },
    );
  }, [method]);

  useEffect(() => {
    if (key !== null) void ask(key);
  }, [ask, key]);

  const reload = useCallback(async (): Promise<ApiOutputs[M] | null> => {
    if (key === null) return null;
    setReloading(true);
    return ask(key);
  }, [ask, key]);

  const loading = key !== null && (answered !== key || reloading);
  return { data, error, loading, reload, setData };
}

export interface Action {
  busy: boolean;
  error: string;
  setError: (e: string) => void;
  /** Runs `fn`; on failure keeps the Chinese message in `error` and returns undefined. */
  run: <T>(fn: () => Promise<T>) => Promise<T | undefined>;
}

export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const run = useCallback(async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError('');
    try {
      return await fn();
    } catch (e) {
      setError(errorText(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
