// App-wide state shared by the screens: the open project, navigation (guarded against losing
// unsaved edits), the user's name, the open batch and notices.
import { createContext, useContext, useEffect, useEffectEvent } from 'react';
import type { ApiOutputs } from '../shared/api/contract';

export type Screen = 'projects' | 'conditions' | 'import' | 'results' | 'report' | 'history' | 'verify' | 'batch' | 'mappings';

export type ProjectDetail = ApiOutputs['projects.get'];

export interface Notice {
  id: number;
  kind: 'info' | 'error' | 'success';
  text: string;
  /** Optional action button (e.g. 撤销). */
  action?: { label: string; run: () => void };
}

export interface AppState {
  screen: Screen;
  /** Navigates (asks first when a screen has unsaved changes). */
  go: (s: Screen) => void;
  projectId: number | null;
  openProject: (id: number | null, screen?: Screen) => void;
  detail: ProjectDetail | null;
  refresh: () => Promise<ProjectDetail | null>;
  notify: (kind: Notice['kind'], text: string, action?: Notice['action']) => void;
  /** Incremented by Ctrl+N, Ctrl+O: the screen opens its dialog / file picker. */
  shortcut: { name: 'new' | 'import' | 'run' | 'report'; seq: number } | null;
  /** The installation's user name (recorded with corrections, overrides and reports). */
  userName: string | null;
  /** Opens the dialog that sets the user name. */
  askUserName: () => void;
  /** The saved batch the batch screen shows (null: the list of batches). */
  batchId: number | null;
  openBatch: (id: number | null) => void;
  /**
   * A screen with unsaved changes registers what would be lost (null: nothing); navigation then
   * asks first.
   */
  setGuard: (message: string | null) => void;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const s = useContext(AppContext);
  if (!s) throw new Error('AppContext missing');
  return s;
}

let handledShortcut = 0;

/** Runs `fn` once per keyboard shortcut press of `name` (not again when a screen remounts). */
export function useShortcut(name: NonNullable<AppState['shortcut']>['name'], fn: () => void): void {
  const { shortcut } = useApp();
  // `fn` is a new closure each render; only a new press of the shortcut should run it.
  const onPress = useEffectEvent(fn);
  useEffect(() => {
    if (shortcut && shortcut.name === name && shortcut.seq > handledShortcut) {
      handledShortcut = shortcut.seq;
      onPress();
    }
  }, [shortcut, name]);
}

/**
 * While `dirty`, leaving the screen (navigation, another project, closing the window) asks first,
 * naming what would be lost.
 */
export function useUnsavedChanges(dirty: boolean, what: string): void {
  const { setGuard } = useApp();
  useEffect(() => {
    setGuard(dirty ? what : null);
    return () => setGuard(null);
  }, [dirty, what, setGuard]);
  useEffect(() => {
    if (!dirty) return;
    const onUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, [dirty]);
}
