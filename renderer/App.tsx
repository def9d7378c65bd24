// Shell: left navigation, header with the open project, notices, keyboard shortcuts.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { invoke, errorText } from './api';
import { AppContext, type AppState, type Notice, type ProjectDetail, type Screen } from './state';
import { OverallBadge } from './components/Badges';
import { ProjectsScreen } from './screens/Projects';
import { ConditionsScreen } from './screens/Conditions';
import { ImportScreen } from './screens/Import';
import { ResultsScreen } from './screens/Results';
import { ReportScreen } from './screens/Report';
import { VerifyScreen } from './screens/Verify';
import { BatchScreen } from './screens/Batch';
import { AuditPanel } from './components/AuditPanel';

const NAV: Array<{ screen: Screen; label: string; needsProject: boolean; key?: string }> = [
  { screen: 'projects', label: '项目', needsProject: false },
  { screen: 'conditions', label: '出让条件', needsProject: true },
  { screen: 'import', label: '导入指标表', needsProject: true, key: 'Ctrl+O' },
  { screen: 'results', label: '审查结果', needsProject: true, key: 'Ctrl+Enter' },
  { screen: 'report', label: '报告', needsProject: true, key: 'Ctrl+P' },
  { screen: 'verify', label: '校验报告', needsProject: false },
  { screen: 'batch', label: '批量审查', needsProject: false },
];

export function App() {
  const [screen, setScreen] = useState<Screen>('projects');
  const [projectId, setProjectId] = useState<number | null>(null);
  const [detail, setDetail] = useState<ProjectDetail | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [shortcut, setShortcut] = useState<AppState['shortcut']>(null);
  const seq = useRef(0);
  const main = useRef<HTMLElement>(null);

  const notify = useCallback<AppState['notify']>((kind, text, action) => {
    const id = ++seq.current;
    setNotices((n) => [...n.slice(-2), { id, kind, text, action }]);
    setTimeout(() => setNotices((n) => n.filter((x) => x.id !== id)), kind === 'error' ? 12_000 : action ? 10_000 : 4_000);
  }, []);

  const refresh = useCallback(async () => {
    if (projectId === null) {
      setDetail(null);
      return null;
    }
    try {
      const d = await invoke('projects.get', { projectId });
      setDetail(d);
      return d;
    } catch (e) {
      notify('error', errorText(e));
      setDetail(null);
      return null;
    }
  }, [projectId, notify]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const go = useCallback((s: Screen) => {
    setScreen(s);
    requestAnimationFrame(() => main.current?.focus({ preventScroll: true }));
  }, []);

  const openProject = useCallback(
    (id: number | null, s?: Screen) => {
      setProjectId(id);
      if (id === null) setDetail(null);
      if (s) go(s);
    },
    [go],
  );

  // Keyboard shortcuts: Ctrl+N new project, Ctrl+O import, Ctrl+Enter run check, Ctrl+P report.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const k = e.key.toLowerCase();
      const fire = (name: NonNullable<AppState['shortcut']>['name'], s: Screen) => {
        e.preventDefault();
        if (s !== 'projects' && projectId === null) {
          notify('info', '请先在“项目”中打开一个项目');
          setScreen('projects');
          return;
        }
        setScreen(s);
        setShortcut({ name, seq: ++seq.current });
      };
      if (k === 'n') fire('new', 'projects');
      else if (k === 'o') fire('import', 'import');
      else if (k === 'enter') fire('run', 'results');
      else if (k === 'p') fire('report', 'report');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [projectId, notify]);

  const state = useMemo<AppState>(
    () => ({ screen, go, projectId, openProject, detail, refresh, notify, shortcut }),
    [screen, go, projectId, openProject, detail, refresh, notify, shortcut],
  );

  const project = detail?.project;
  useEffect(() => {
    document.title = project ? `${project.name} - LandCheck 出让条件合规审查` : 'LandCheck 出让条件合规审查';
  }, [project?.name]);
  return (
    <AppContext.Provider value={state}>
      <div className="shell">
        <nav className="sidebar" aria-label="主导航">
          <div className="brand">
            <div className="brand-name">LandCheck</div>
            <div className="brand-sub">出让条件合规审查</div>
          </div>
          <ul>
            {NAV.map((n) => {
              const disabled = n.needsProject && projectId === null;
              return (
                <li key={n.screen}>
                  <button
                    type="button"
                    className={`nav-item${screen === n.screen ? ' active' : ''}`}
                    aria-current={screen === n.screen ? 'page' : undefined}
                    disabled={disabled}
                    title={disabled ? '请先打开一个项目' : n.key ? `快捷键 ${n.key}` : undefined}
                    onClick={() => go(n.screen)}
                    data-nav={n.screen}
                  >
                    {n.label}
                    {n.key && <span className="nav-key">{n.key}</span>}
                  </button>
                </li>
              );
            })}
          </ul>
          <AuditPanel />
          <div className="sidebar-foot">Ctrl+N 新建项目</div>
        </nav>
        <div className="content">
          <header className="header">
            <div className="header-title" data-testid="header-project">
              {project ? (
                <>
                  <span className="header-name">{project.name}</span>
                  {project.parcel && <span className="header-parcel">{project.parcel}</span>}
                  <OverallBadge overall={detail?.lastRun?.overall ?? project.lastOverall} />
                  {project.archived && <span className="badge v-none">已归档</span>}
                </>
              ) : (
                <span className="header-muted">未打开项目</span>
              )}
            </div>
            {project && (
              <button type="button" className="link" onClick={() => openProject(null, 'projects')}>
                关闭项目
              </button>
            )}
          </header>
          <main ref={main} tabIndex={-1} className="main" data-screen={screen}>
            {screen === 'projects' && <ProjectsScreen />}
            {screen === 'conditions' && projectId !== null && <ConditionsScreen key={projectId} />}
            {screen === 'import' && projectId !== null && <ImportScreen key={projectId} />}
            {screen === 'results' && projectId !== null && <ResultsScreen key={projectId} />}
            {screen === 'report' && projectId !== null && <ReportScreen key={projectId} />}
            {screen === 'verify' && <VerifyScreen />}
            {screen === 'batch' && <BatchScreen />}
          </main>
        </div>
        <div className="notices" role="status" aria-live="polite">
          {notices.map((n) => (
            <div key={n.id} className={`notice notice-${n.kind}`} data-testid={`notice-${n.kind}`}>
              <span>{n.text}</span>
              {n.action && (
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    n.action!.run();
                    setNotices((all) => all.filter((x) => x.id !== n.id));
                  }}
                >
                  {n.action.label}
                </button>
              )}
              <button
                type="button"
                className="notice-close"
                aria-label="关闭提示"
                onClick={() => setNotices((all) => all.filter((x) => x.id !== n.id))}
              >
                ×
              </button>
            </div>
          ))}
        </div>
      </div>
    </AppContext.Provider>
  );
}
