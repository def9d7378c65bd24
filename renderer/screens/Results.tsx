// 审查结果: run the check (overrides whose evidence is unchanged are re-attached, the others are
// put to the user), the conclusion and findings, overrides with a written reason, and the
// comparison with earlier runs (复审).
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { OverrideCarryover } from '../../shared/api/contract';
import { errorText, invoke } from '../api';
import { useApp, useShortcut } from '../state';
import { ErrorPanel } from '../components/ErrorLine';
import { ResultsBody } from './results/ResultsBody';
import { StaleNote } from './results/StaleNote';
import { Carryovers } from './results/Carryovers';
import { Compare } from './results/Compare';
import type { Filter, Loaded } from './results/model';

export function ResultsScreen() {
  const app = useApp();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [carry, setCarry] = useState<OverrideCarryover[]>([]);
  /** The latest run that could not be loaded (its error is shown instead). */
  const [failedRun, setFailedRun] = useState<number | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  const [view, setView] = useState<'clause' | 'building'>('clause');
  const t0 = useRef(0);
  const section = useRef<HTMLElement>(null);
  const detail = app.detail;
  const lastRunId = detail?.lastRun?.runId;

  const show = useCallback((l: Loaded) => {
    t0.current = performance.now();
    setLoaded(l);
  }, []);
  const loadCarry = useCallback(
    (runId: number, pending: number) =>
      pending > 0
        ? invoke('check.carryovers', { runId })
            .then(setCarry)
            .catch((e: unknown) => setError(errorText(e)))
        : setCarry([]),
    [],
  );

  // The project's latest run is loaded when it changes (a run made here is shown at once).
  const hasDetail = detail !== null;
  const loadedRunId = loaded?.runId;
  const loading = !hasDetail || (lastRunId !== undefined && loadedRunId !== lastRunId && failedRun !== lastRunId);
  useEffect(() => {
    if (!hasDetail || lastRunId === undefined || loadedRunId === lastRunId) return undefined;
    let wanted = true;
    invoke('check.get', { runId: lastRunId }).then(
      (r) => {
        if (!wanted) return;
        show(r);
        void loadCarry(r.runId, r.pendingCarryovers);
      },
      (e: unknown) => {
        if (!wanted) return;
        setError(errorText(e));
        setFailedRun(lastRunId);
      },
    );
    return () => {
      wanted = false;
    };
  }, [hasDetail, lastRunId, loadedRunId, show, loadCarry]);

  // Render time of the results, measured from the moment the data arrived (for the 500-building bar).
  useLayoutEffect(() => {
    if (loaded && section.current) section.current.dataset.renderMs = String(Math.round(performance.now() - t0.current));
  }, [loaded]);

  const run = async () => {
    setRunning(true);
    setError('');
    try {
      const r = await invoke('check.run', { projectId: app.projectId! });
      show(r);
      await loadCarry(r.runId, r.carried.pending);
      await app.refresh();
      const kept = r.carried.kept ? `，沿用改判 ${r.carried.kept} 项` : '';
      const asked = r.carried.pending ? `，${r.carried.pending} 项改判的依据有变化，请在上方确认` : '';
      app.notify(r.carried.pending ? 'info' : 'success', `审查完成${kept}${asked}`);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setRunning(false);
    }
  };

  useShortcut('run', () => void run());

  const missingInputs = detail && (!detail.conditions || !detail.lastImport);
  const overrides = loaded?.run.result.findings.filter((f) => f.override).length ?? 0;

  return (
    <section ref={section} className="screen results" aria-labelledby="results-h" data-testid="results" data-run-id={loaded?.runId}>
      <div className="screen-head">
        <h1 id="results-h">审查结果</h1>
        <div className="toolbar">
          <button type="button" className="primary" onClick={() => void run()} disabled={running || !!missingInputs} title="快捷键 Ctrl+Enter">
            {running ? '正在审查…' : loaded ? '重新审查' : '开始审查'}
          </button>
          {loaded && (
            <button type="button" onClick={() => app.go('report')} title="快捷键 Ctrl+P">
              生成报告 →
            </button>
          )}
        </div>
      </div>
      <ErrorPanel message={error} />
      {missingInputs && (
        <div className="empty">
          {!detail!.conditions && (
            <p>
              还没有出让条件：请先到
              <button type="button" className="link" onClick={() => app.go('conditions')}>
                出让条件
              </button>
              录入并保存。
            </p>
          )}
          {!detail!.lastImport && (
            <p>
              还没有导入指标表：请先到
              <button type="button" className="link" onClick={() => app.go('import')}>
                导入指标表
              </button>
              导入 .xlsx。
            </p>
          )}
        </div>
      )}
      {!missingInputs && !loaded && !loading && !error && (
        <div className="empty">
          <p>出让条件和指标表都已就绪。点击“开始审查”（Ctrl+Enter）。</p>
        </div>
      )}
      {loaded && detail && <StaleNote loaded={loaded} detail={detail} onRun={() => void run()} />}
      {loading && !loaded && <p className="muted">正在载入审查结果…</p>}
      {loaded && (
        <Carryovers
          items={carry}
          onDecided={(l, pending) => {
            show(l);
            void loadCarry(l.runId, pending);
            void app.refresh();
          }}
        />
      )}
      {loaded && <Compare projectId={app.projectId!} latestRunId={`${loaded.runId}:${overrides}`} />}
      {loaded && (
        <ResultsBody
          loaded={loaded}
          filter={filter}
          setFilter={setFilter}
          view={view}
          setView={setView}
          onOverridden={(l) => {
            show(l);
            void app.refresh();
          }}
        />
      )}
    </section>
  );
}
