// App-wide state shared by the screens: the open project, navigation and notices.
import { createContext, useContext, useEffect } from 'react';
import type { ApiOutputs } from '../shared/api/contract';

export type Screen = 'projects' | 'conditions' | 'import' | 'results' | 'report' | 'verify' | 'batch';

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
  go: (s: Screen) => void;
  projectId: number | null;
  openProject: (id: number | null, screen?: Screen) => void;
  detail: ProjectDetail | null;
  refresh: () => Promise<ProjectDetail | null>;
  notify: (kind: Notice['kind'], text: string, action?: Notice['action']) => void;
  /** Incremented by Ctrl+N, Ctrl+O: the screen opens its dialog / file picker. */
  shortcut: { name: 'new' | 'import' | 'run' | 'report'; seq: number } | null;
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
  useEffect(() => {
    if (shortcut && shortcut.name === name && shortcut.seq > handledShortcut) {
      handledShortcut = shortcut.seq;
      fn();
    }
  }, [shortcut]);
}
