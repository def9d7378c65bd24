// 审查结果: overall conclusion, counts, findings grouped by clause (building tables collapsed and
// paginated so a 500-building project renders fast), per-building matrix, filters, finding details
// (branches, calculation), override with a written reason.
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { CheckRun, Finding, Verdict } from '../../shared/model/types';
import { indicatorName, formatValue } from '../../shared/model/indicators';
import { VERDICT_LABEL } from '../../shared/model/verdicts';
import { invoke, errorText } from '../api';
import { useApp, useShortcut } from '../state';
import { OverallBadge, VerdictBadge } from '../components/Badges';
import { Pager, usePager } from '../components/Pager';
import { formatTime } from '../files';

type Filter = 'all' | 'fail' | 'missing' | 'review';
const FILTERS: Array<{ id: Filter; label: string }> = [
  { id: 'all', label: '全部' },
  { id: 'fail', label: '不符合' },
  { id: 'missing', label: '缺项' },
  { id: 'review', label: '需复核' },
];
const VERDICT_ORDER: Verdict[] = ['fail', 'review', 'missing', 'pass', 'not_applicable'];
const PAGE = 50;

/** ">= 35" → "≥ 35" for display. */
const prettyRequired = (r: string) => r.replace(/>=/g, '≥').replace(/<=/g, '≤').replace(/==/g, '=');

interface Loaded {
  runId: number;
  run: CheckRun;
}

interface Group {
  conditionId: string;
  clause?: string;
  text?: string;
  findings: Finding[];
  counts: Partial<Record<Verdict, number>>;
}

export function ResultsScreen() {
  const app = useApp();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loading, setLoading] = useState(true);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  const [view, setView] = useState<'clause' | 'building'>('clause');
  const t0 = useRef(0);
  const section = useRef<HTMLElement>(null);

  const show = (l: Loaded) => {
    t0.current = performance.now();
    setLoaded(l);
  };

  useEffect(() => {
    const runId = app.detail?.lastRun?.runId;
    if (app.detail === null) return;
    if (runId === undefined) {
      setLoading(false);
      return;
    }
    if (loaded?.runId === runId) return setLoading(false);
    setLoading(true);
    invoke('check.get', { runId })
      .then(show)
      .catch((e) => setError(errorText(e)))
      .finally(() => setLoading(false));
  }, [app.detail?.lastRun?.runId, app.detail === null]);

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
      await app.refresh();
      app.notify('success', '审查完成');
    } catch (e) {
      setError(errorText(e));
    } finally {
      setRunning(false);
    }
  };

  useShortcut('run', () => void run());

  const detail = app.detail;
  const missingInputs = detail && (!detail.conditions || !detail.lastImport);

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
      {error && (
        <div className="panel error-panel" role="alert">
          {error}
        </div>
      )}
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

function ResultsBody(props: {
  loaded: Loaded;
  filter: Filter;
  setFilter: (f: Filter) => void;
  view: 'clause' | 'building';
  setView: (v: 'clause' | 'building') => void;
  onOverridden: (l: Loaded) => void;
}) {
  const { run, runId } = props.loaded;
  const result = run.result;
  const counts = useMemo(() => {
    const c: Record<Verdict, number> = { pass: 0, fail: 0, missing: 0, review: 0, not_applicable: 0 };
    for (const f of result.findings) c[f.verdict]++;
    return c;
  }, [result]);
  const overrides = result.findings.filter((f) => f.override).length;
  const buildings = run.imported.buildings.length;

  const filtered = useMemo(
    () => (props.filter === 'all' ? result.findings : result.findings.filter((f) => f.verdict === props.filter)),
    [result, props.filter],
  );
  const groups = useMemo(() => groupByCondition(filtered, run), [filtered, run]);

  return (
    <>
      <div className="panel summary-panel" data-testid="summary">
        <div className="overall">
          <span className="muted">审查结论</span>
          <OverallBadge overall={result.overall} />
        </div>
        <dl className="counts">
          {VERDICT_ORDER.map((v) => (
            <div key={v} className={`count v-${v}-text`}>
              <dt>{VERDICT_LABEL[v]}</dt>
              <dd data-count={v}>{counts[v]}</dd>
            </div>
          ))}
        </dl>
        <div className="meta small muted">
          <div>指标表：{result.input.file}</div>
          <div>
            条件：{run.conditionsFile} · {run.conditions.conditions.length} 条
          </div>
          <div>
            单体 {buildings} 栋 · 审查时间 {formatTime(run.checkedAt)}
            {overrides > 0 && ` · 改判 ${overrides} 项`}
          </div>
        </div>
      </div>
      <div className="filters">
        <div className="segmented" role="radiogroup" aria-label="筛选">
          {FILTERS.map((f) => (
            <button
              key={f.id}
              type="button"
              role="radio"
              aria-checked={props.filter === f.id}
              className={props.filter === f.id ? 'on' : ''}
              onClick={() => props.setFilter(f.id)}
            >
              {f.label}
              {f.id !== 'all' && <span className="n">{counts[f.id]}</span>}
            </button>
          ))}
        </div>
        <div className="segmented" role="radiogroup" aria-label="查看方式">
          <button type="button" role="radio" aria-checked={props.view === 'clause'} className={props.view === 'clause' ? 'on' : ''} onClick={() => props.setView('clause')}>
            按条款
          </button>
          <button
            type="button"
            role="radio"
            aria-checked={props.view === 'building'}
            className={props.view === 'building' ? 'on' : ''}
            onClick={() => props.setView('building')}
            disabled={buildings === 0}
          >
            按单体
          </button>
        </div>
      </div>
      {filtered.length === 0 ? (
        <div className="empty">
          <p>没有“{FILTERS.find((f) => f.id === props.filter)?.label}”的审查项。</p>
        </div>
      ) : props.view === 'clause' ? (
        <div className="groups" data-testid="groups">
          {groups.map((g) => (
            <ClauseGroup
              key={`${g.conditionId}|${props.filter}`}
              group={g}
              defaultOpen={props.filter !== 'all' || g.findings.length <= 10}
              runId={runId}
              onOverridden={props.onOverridden}
            />
          ))}
        </div>
      ) : (
        <BuildingMatrix findings={filtered} run={run} />
      )}
    </>
  );
}

function groupByCondition(findings: Finding[], run: CheckRun): Group[] {
  const order = new Map(run.conditions.conditions.map((c, i) => [c.id, i]));
  const byId = new Map<string, Group>();
  for (const f of findings) {
    let g = byId.get(f.conditionId);
    if (!g) {
      const c = run.conditions.conditions.find((x) => x.id === f.conditionId);
      g = { conditionId: f.conditionId, clause: f.clause ?? c?.clause, text: f.text ?? c?.text, findings: [], counts: {} };
      byId.set(f.conditionId, g);
    }
    g.findings.push(f);
    g.counts[f.verdict] = (g.counts[f.verdict] ?? 0) + 1;
  }
  return [...byId.values()].sort((a, b) => (order.get(a.conditionId) ?? 1e9) - (order.get(b.conditionId) ?? 1e9));
}

const ClauseGroup = memo(function ClauseGroup({
  group,
  defaultOpen,
  runId,
  onOverridden,
}: {
  group: Group;
  defaultOpen: boolean;
  runId: number;
  onOverridden: (l: Loaded) => void;
}) {
  const [open, setOpen] = useState(defaultOpen);
  const pager = usePager(group.findings.length, PAGE);
  const worst = VERDICT_ORDER.find((v) => group.counts[v]) ?? 'pass';
  return (
    <section className={`group g-${worst}`} data-condition-id={group.conditionId} aria-label={`条件 ${group.conditionId}`}>
      <header className="group-head">
        <button type="button" className="disclosure" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? '▾' : '▸'}
        </button>
        <div className="group-title">
          <span className="clause">{group.clause ?? '（无条款号）'}</span>
          <span className="cid">{group.conditionId}</span>
          <span className="gtext">{group.text ?? indicatorName(group.findings[0]!.indicator)}</span>
        </div>
        <div className="group-counts">
          {VERDICT_ORDER.filter((v) => group.counts[v]).map((v) => (
            <span key={v} className={`badge v-${v}`}>
              {VERDICT_LABEL[v]} {group.counts[v]}
            </span>
          ))}
        </div>
      </header>
      {open ? (
        <>
          <table className="data findings">
            <thead>
              <tr>
                <th className="w-verdict">结论</th>
                <th>单体</th>
                <th>要求</th>
                <th>申报值</th>
                <th>复算值</th>
                <th>来源</th>
                <th>说明</th>
              </tr>
            </thead>
            {group.findings.slice(pager.start, pager.end).map((f) => (
              <FindingRows key={`${f.conditionId}|${f.building ?? ''}`} f={f} runId={runId} onOverridden={onOverridden} />
            ))}
          </table>
          <Pager pager={pager} label="项" />
        </>
      ) : (
        <button type="button" className="link small collapsed-note" onClick={() => setOpen(true)}>
          共 {group.findings.length} 项（逐栋），点击展开
        </button>
      )}
    </section>
  );
});

function FindingRows({ f, runId, onOverridden }: { f: Finding; runId: number; onOverridden: (l: Loaded) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <tbody className={`finding${open ? ' open' : ''}`} data-building={f.building ?? ''} data-verdict={f.verdict}>
      <tr className="frow">
        <td>
          <button type="button" className="expand" aria-expanded={open} onClick={() => setOpen(!open)} aria-label={`详情 ${f.conditionId} ${f.building ?? '项目'}`}>
            {open ? '▾' : '▸'}
          </button>
          <VerdictBadge verdict={f.verdict} overridden={!!f.override} />
        </td>
        <td>{f.building ?? '项目整体'}</td>
        <td className="mono nowrap">{prettyRequired(f.required)}</td>
        <td className="num">{formatValue(f.indicator, f.declared)}</td>
        <td className="num">{f.computed === null ? '—' : formatValue(f.indicator, f.computed)}</td>
        <td className="mono small">{f.source ?? '—'}</td>
        <td className="msg">{f.message}</td>
      </tr>
      {open && (
        <tr className="fdetail">
          <td colSpan={7}>
            <FindingDetail f={f} runId={runId} onOverridden={onOverridden} />
          </td>
        </tr>
      )}
    </tbody>
  );
}

function FindingDetail({ f, runId, onOverridden }: { f: Finding; runId: number; onOverridden: (l: Loaded) => void }) {
  const calc = f.calculation;
  return (
    <div className="detail" data-testid="finding-detail">
      <p className="strong">{f.message}</p>
      {f.verdict !== 'pass' && f.verdict !== 'not_applicable' && f.remediation && f.remediation.length > 0 && (
        <div className="panel remediation" data-testid="remediation">
          <span className="strong">整改建议</span>
          <ol>
            {f.remediation.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ol>
        </div>
      )}

      <p className="small muted">
        指标：{indicatorName(f.indicator)} · 要求 {prettyRequired(f.required)} · 数据来源 {f.source ?? '无'}
        {f.text && ` · 合同原文：“${f.text}”`}
      </p>
      {f.override && (
        <div className="panel override-note" data-testid="override-note">
          已改判：原结论“{VERDICT_LABEL[f.override.from]}”改为“{VERDICT_LABEL[f.verdict]}”。理由：{f.override.reason}
          <span className="muted small">
            {' '}
            （{f.override.by ? `${f.override.by}，` : ''}
            {formatTime(f.override.at)}）
          </span>
        </div>
      )}
      {f.branches && f.branches.length > 0 && (
        <table className="data compact branches-t">
          <caption>分支（{f.branches.length}）</caption>
          <thead>
            <tr>
              <th>指标</th>
              <th>要求</th>
              <th>结论</th>
              <th>申报值</th>
              <th>复算值</th>
              <th>来源</th>
              <th>说明</th>
            </tr>
          </thead>
          <tbody>
            {f.branches.map((b, i) => (
              <tr key={i}>
                <td>{indicatorName(b.indicator)}</td>
                <td className="mono nowrap">{prettyRequired(b.required)}</td>
                <td>
                  <VerdictBadge verdict={b.verdict} />
                </td>
                <td className="num">{formatValue(b.indicator, b.declared)}</td>
                <td className="num">{b.computed === null ? '—' : formatValue(b.indicator, b.computed)}</td>
                <td className="mono small">{b.source ?? '—'}</td>
                <td className="small">{b.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {calc && (
        <div className="calc" data-testid="calculation">
          <h4>
            复算：{indicatorName(calc.indicator)} = {calc.value === null ? '无法复算' : formatValue(calc.indicator, calc.value)}
            {calc.bound === 'upper' && '（上限）'}
            <span className={`conf ${calc.confidence}`}>{calc.confidence === 'confirmed' ? '依据已确认' : '含未确认数据'}</span>
          </h4>
          <p className="small">
            依据：{calc.clause} · 公式：<code>{calc.formula}</code>
          </p>
          {calc.inputs.length > 0 && (
            <table className="data compact">
              <thead>
                <tr>
                  <th>输入</th>
                  <th>数值</th>
                  <th>单元格</th>
                </tr>
              </thead>
              <tbody>
                {calc.inputs.map((i, k) => (
                  <tr key={k}>
                    <td>{i.label}</td>
                    <td className="num">
                      {i.value === null ? '—' : String(i.value)}
                      {i.unit ? ` ${i.unit}` : ''}
                    </td>
                    <td className="mono small">{i.source ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {calc.steps.length > 0 && (
            <ol className="steps">
              {calc.steps.map((s, k) => (
                <li key={k}>{s}</li>
              ))}
            </ol>
          )}
          {calc.notes.length > 0 && (
            <ul className="notes small">
              {calc.notes.map((n, k) => (
                <li key={k}>{n}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <OverrideForm f={f} runId={runId} onOverridden={onOverridden} />
    </div>
  );
}

function OverrideForm({ f, runId, onOverridden }: { f: Finding; runId: number; onOverridden: (l: Loaded) => void }) {
  const app = useApp();
  const [open, setOpen] = useState(false);
  const [verdict, setVerdict] = useState<Verdict>(f.verdict === 'pass' ? 'fail' : 'pass');
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  if (!open)
    return (
      <button type="button" className="small" onClick={() => setOpen(true)}>
        {f.override ? '再次改判…' : '改判…'}
      </button>
    );
  const submit = async () => {
    if (reason.trim().length < 2) return setError('改判必须写明理由');
    setBusy(true);
    setError('');
    try {
      const r = await invoke('check.override', { runId, conditionId: f.conditionId, building: f.building, verdict, reason: reason.trim() });
      app.notify('success', `已将 ${f.conditionId}${f.building ? ` ${f.building}` : ''} 改判为“${VERDICT_LABEL[verdict]}”`);
      setOpen(false);
      setReason('');
      setBusy(false);
      onOverridden(r);
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };
  return (
    <form
      className="override-form"
      data-testid="override-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label className="inline">
        改判为
        <select value={verdict} onChange={(e) => setVerdict(e.target.value as Verdict)} aria-label="改判为">
          {(Object.keys(VERDICT_LABEL) as Verdict[]).map((v) => (
            <option key={v} value={v}>
              {VERDICT_LABEL[v]}
            </option>
          ))}
        </select>
      </label>
      <label className="block">
        改判理由（必填，将写入报告）
        <textarea rows={2} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} aria-label="改判理由" />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="row">
        <button type="button" className="small" onClick={() => setOpen(false)}>
          取消
        </button>
        <button type="submit" className="small primary" disabled={busy}>
          确认改判
        </button>
      </div>
    </form>
  );
}

function BuildingMatrix({ findings, run }: { findings: Finding[]; run: CheckRun }) {
  const conds = useMemo(() => {
    const ids = new Set(findings.filter((f) => f.building !== null).map((f) => f.conditionId));
    return run.conditions.conditions.filter((c) => ids.has(c.id));
  }, [findings, run]);
  const rows = useMemo(() => {
    const by = new Map<string, Map<string, Finding>>();
    for (const f of findings) {
      if (f.building === null) continue;
      let m = by.get(f.building);
      if (!m) by.set(f.building, (m = new Map()));
      m.set(f.conditionId, f);
    }
    const names = run.imported.buildings.map((b) => b.name).filter((n) => by.has(n));
    for (const n of by.keys()) if (!names.includes(n)) names.push(n);
    return names.map((n) => ({ name: n, cells: by.get(n)! }));
  }, [findings, run]);
  const pager = usePager(rows.length, PAGE);
  if (rows.length === 0) return <p className="muted">没有逐栋的审查项。</p>;
  return (
    <>
      <div className="table-wrap">
        <table className="data matrix" data-testid="building-matrix">
          <thead>
            <tr>
              <th>单体</th>
              {conds.map((c) => (
                <th key={c.id} title={c.text}>
                  {c.id}
                  <div className="small muted">{c.clause}</div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.slice(pager.start, pager.end).map((r) => (
              <tr key={r.name}>
                <td>{r.name}</td>
                {conds.map((c) => {
                  const f = r.cells.get(c.id);
                  return <td key={c.id}>{f ? <span title={f.message}><VerdictBadge verdict={f.verdict} overridden={!!f.override} /></span> : <span className="muted">—</span>}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager pager={pager} label="栋" />
    </>
  );
}

/** The inputs changed after this run (new condition version, another workbook): say so. */
function StaleNote({ loaded, detail, onRun }: { loaded: Loaded; detail: NonNullable<ReturnType<typeof useApp>['detail']>; onRun: () => void }) {
  const reasons: string[] = [];
  const checked = loaded.run.checkedAt;
  if (detail.versions.some((v) => v.createdAt > checked)) reasons.push('出让条件');
  const imp = detail.lastImport?.imported;
  if (imp && (imp.sha256 !== loaded.run.imported.sha256 || JSON.stringify(imp.project) !== JSON.stringify(loaded.run.imported.project))) reasons.push('指标表');
  if (reasons.length === 0) return null;
  return (
    <div className="panel warn" role="status" data-testid="stale">
      审查完成后{reasons.join('和')}已有修改，以下结果可能已过时。
      <button type="button" className="link" onClick={onRun}>
        重新审查（Ctrl+Enter）
      </button>
    </div>
  );
}
