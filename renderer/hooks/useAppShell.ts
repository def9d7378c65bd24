// The shell's own state, apart from its layout (App.tsx): notices, the open project's detail,
// navigation guarded against losing unsaved edits, and the keyboard shortcuts.
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText, invoke } from '../api';
import type { AppState, Notice, ProjectDetail, Screen } from '../state';

export function useNotices() {
  const [notices, setNotices] = useState<Notice[]>([]);
  const seq = useRef(0);
  const notify = useCallback<AppState['notify']>((kind, text, action) => {
    const id = ++seq.current;
    setNotices((n) => [...n.slice(-2), { id, kind, text, action }]);
    setTimeout(() => setNotices((n) => n.filter((x) => x.id !== id)), kind === 'error' ? 12_000 : action ? 10_000 : 6_000);
  }, []);
  const close = useCallback((id: number) => setNotices((all) => all.filter((x) => x.id !== id)), []);
  return { notices, notify, close };
}

export function useProjectDetail(projectId: number | null, notify: AppState['notify']) {
  const [detail, setDetail] = useState<ProjectDetail | null>(null);
  // closing the project forgets its detail
  if (projectId === null && detail !== null) setDetail(null);
  const load = useCallback(
    (id: number): Promise<ProjectDetail | null> =>
      invoke('projects.get', { projectId: id }).then(
        (d) => {
          setDetail(d);
          return d;
        },
        (e: unknown) => {
          notify('error', errorText(e));
          setDetail(null);
          return null;
        },
      ),
    [notify],
  );
  useEffect(() => {
    if (projectId !== null) void load(projectId);
  }, [projectId, load]);
  const refresh = useCallback(async () => (projectId === null ? null : load(projectId)), [projectId, load]);
  return { detail, setDetail, refresh };
}

/**
 * Navigation that asks before leaving unsaved changes: `attempt(fn)` runs `fn` at once when
 * nothing would be lost, else keeps it until the user confirms (`confirm`) or stays (`cancel`).
 */
export function useGuardedNavigation() {
  const guard = useRef<string | null>(null);
  const [pending, setPendingState] = useState<{ message: string; proceed: () => void } | null>(null);
  const pendingRef = useRef(pending);
  const setPending = (p: typeof pending) => {
    pendingRef.current = p;
    setPendingState(p);
  };
  const setGuard = useCallback((message: string | null) => {
    guard.current = message;
  }, []);
  const attempt = useCallback((fn: () => void) => {
    if (guard.current) setPending({ message: guard.current, proceed: fn });
    else fn();
  }, []);
  const confirm = useCallback(() => {
    const p = pendingRef.current;
    setPending(null);
    if (p) {
      guard.current = null;
      p.proceed();
    }
  }, []);
  const cancel = useCallback(() => setPending(null), []);
  return { setGuard, attempt, pending, confirm, cancel };
}

/** Ctrl+N new project, Ctrl+O import, Ctrl+Enter run the check, Ctrl+P report. */
export function useShortcutKeys(projectId: number | null, go: (s: Screen) => void, notify: AppState['notify']) {
  const [shortcut, setShortcut] = useState<AppState['shortcut']>(null);
  const seq = useRef(0);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const k = e.key.toLowerCase();
      const fire = (name: NonNullable<AppState['shortcut']>['name'], s: Screen) => {
        e.preventDefault();
        if (s !== 'projects' && projectId === null) {
          notify('info', '请先在“项目”中打开一个项目');
          go('projects');
          return;
        }
        go(s);
        setShortcut({ name, seq: ++seq.current });
      };
      if (k === 'n') fire('new', 'projects');
      else if (k === 'o') fire('import', 'import');
      else if (k === 'enter') fire('run', 'results');
      else if (k === 'p') fire('report', 'report');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [projectId, go, notify]);
  return shortcut;
}
