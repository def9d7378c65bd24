// Shell: left navigation, header with the open project, notices, keyboard shortcuts, the first-run
// user name, and the question before unsaved changes are left behind.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { invoke } from './api';
import { AppContext, type AppState, type Screen } from './state';
import { useGuardedNavigation, useNotices, useProjectDetail, useShortcutKeys } from './hooks/useAppShell';
import { OverallBadge } from './components/Badges';
import { ConfirmDialog } from './components/Dialog';
import { Notices } from './components/Notices';
import { Sidebar } from './components/Sidebar';
import { UserNameDialog } from './components/UserNameDialog';
import { ProjectsScreen } from './screens/Projects';
import { ConditionsScreen } from './screens/Conditions';
import { ImportScreen } from './screens/Import';
import { ResultsScreen } from './screens/Results';
import { ReportScreen } from './screens/Report';
import { VerifyScreen } from './screens/Verify';
import { BatchScreen } from './screens/Batch';
import { HistoryScreen } from './screens/History';
import { MappingsScreen } from './screens/Mappings';

export function App() {
  const [screen, setScreen] = useState<Screen>('projects');
  const [projectId, setProjectId] = useState<number | null>(null);
  const [batchId, setBatchId] = useState<number | null>(null);
  const [user, setUser] = useState<{ name: string | null; loaded: boolean; asking: boolean }>({ name: null, loaded: false, asking: false });
  const main = useRef<HTMLElement>(null);
  const { notices, notify, close } = useNotices();
  const { detail, setDetail, refresh } = useProjectDetail(projectId, notify);
  const { attempt, setGuard, pending, confirm, cancel } = useGuardedNavigation();

  useEffect(() => {
    invoke('settings.get', {})
      .then((s) => setUser({ name: s.userName, loaded: true, asking: s.userName === null }))
      .catch(() => setUser({ name: null, loaded: true, asking: false }));
  }, []);

  const show = useCallback((s: Screen) => {
    setScreen(s);
    requestAnimationFrame(() => main.current?.focus({ preventScroll: true }));
  }, []);
  const go = useCallback((s: Screen) => attempt(() => show(s)), [attempt, show]);
  const openProject = useCallback(
    (id: number | null, s?: Screen) =>
      attempt(() => {
        setProjectId(id);
        if (id === null) setDetail(null);
        if (s) show(s);
      }),
    [attempt, show, setDetail],
  );
  const shortcut = useShortcutKeys(projectId, go, notify);
  const askUserName = useCallback(() => setUser((u) => ({ ...u, asking: true })), []);

  const state = useMemo<AppState>(
    () => ({
      screen,
      go,
      projectId,
      openProject,
      detail,
      refresh,
      notify,
      shortcut,
      userName: user.name,
      askUserName,
      batchId,
      openBatch: setBatchId,
      setGuard,
    }),
    [screen, go, projectId, openProject, detail, refresh, notify, shortcut, user.name, askUserName, batchId, setGuard],
  );

  const project = detail?.project;
  useEffect(() => {
    document.title = project ? `${project.name} - LandCheck 出让条件合规审查` : 'LandCheck 出让条件合规审查';
  }, [project]);

  return (
    <AppContext.Provider value={state}>
      <div className="shell">
        <Sidebar screen={screen} hasProject={projectId !== null} userName={user.name} onGo={go} onUser={askUserName} />
        <div className="content">
          <header className="header">
            <div className="header-title" data-testid="header-project">
              {project ? (
                <>
                  <span className="header-name">{project.name}</span>
                  {project.parcel && <span className="header-parcel">{project.parcel}</span>}
                  <OverallBadge overall={detail?.lastRun?.overall ?? project.lastOverall} />
                  {project.archived && <span className="badge v-none">已归档</span>}
                  {detail?.batch && (
                    <button
                      type="button"
                      className="link small"
                      data-testid="header-batch"
                      onClick={() => {
                        setBatchId(detail.batch!.batchId);
                        go('batch');
                      }}
                    >
                      属于批量审查“{detail.batch.name}”
                    </button>
                  )}
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
            {screen === 'history' && projectId !== null && <HistoryScreen key={projectId} />}
            {screen === 'verify' && <VerifyScreen />}
            {screen === 'batch' && <BatchScreen />}
            {screen === 'mappings' && <MappingsScreen />}
          </main>
        </div>
        <Notices notices={notices} onClose={close} />
        <UserNameDialog
          open={user.loaded && user.asking}
          current={user.name}
          required={user.name === null}
          onClose={() => setUser((u) => ({ ...u, asking: false }))}
          onSaved={(name) => {
            setUser({ name, loaded: true, asking: false });
            notify('success', `操作人已设为“${name}”`);
          }}
        />
        <ConfirmDialog
          open={pending !== null}
          title="有未保存的修改"
          danger
          confirmLabel="放弃修改并离开"
          message={<>{pending?.message}尚未保存，离开后这些修改将丢失。确定离开吗？</>}
          onCancel={cancel}
          onConfirm={confirm}
        />
      </div>
    </AppContext.Provider>
  );
}
