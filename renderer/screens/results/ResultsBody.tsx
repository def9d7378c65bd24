// The results of one run: conclusion and counts, filters, findings by clause or by building.
import { useMemo } from 'react';
import type { Verdict } from '../../../shared/model/types';
import { VERDICT_LABEL } from '../../../shared/model/verdicts';
import { OverallBadge } from '../../components/Badges';
import { formatTime } from '../../files';
import { ClauseGroup } from './ClauseGroup';
import { BuildingMatrix } from './BuildingMatrix';
import { FILTERS, VERDICT_ORDER, countOf, groupByCondition, type Filter, type Loaded } from './model';

interface Props {
  loaded: Loaded;
  filter: Filter;
  setFilter: (f: Filter) => void;
  view: 'clause' | 'building';
  setView: (v: 'clause' | 'building') => void;
  onOverridden: (l: Loaded) => void;
}

function Segmented<T extends string>({ label, value, options, onChange }: { label: string; value: T; options: Array<{ id: T; label: string; n?: number; disabled?: boolean }>; onChange: (v: T) => void }) {
  return (
    <div className="segmented" role="radiogroup" aria-label={label}>
      {options.map((o) => (
        <button key={o.id} type="button" role="radio" aria-checked={value === o.id} className={value === o.id ? 'on' : ''} disabled={o.disabled} onClick={() => onChange(o.id)}>
          {o.label}
          {o.n !== undefined && <span className="n">{o.n}</span>}
        </button>
      ))}
    </div>
  );
}

export function ResultsBody({ loaded, filter, setFilter, view, setView, onOverridden }: Props) {
  const { run, runId } = loaded;
  const result = run.result;
  const counts = useMemo(() => countOf(result.findings), [result]);
  const overrides = result.findings.filter((f) => f.override).length;
  const buildings = run.imported.buildings.length;
  const filtered = useMemo(() => (filter === 'all' ? result.findings : result.findings.filter((f) => f.verdict === filter)), [result, filter]);
  const groups = useMemo(() => groupByCondition(filtered, run), [filtered, run]);
  const conditions = run.conditions.conditions;

  return (
    <>
      <div className="panel summary-panel" data-testid="summary">
        <div className="overall">
          <span className="muted">审查结论</span>
          <OverallBadge overall={result.overall} />
        </div>
        <dl className="counts">
          {VERDICT_ORDER.map((v: Verdict) => (
            <div key={v} className={`count v-${v}-text`}>
              <dt>{VERDICT_LABEL[v]}</dt>
              <dd data-count={v}>{counts[v]}</dd>
            </div>
          ))}
        </dl>
        <div className="meta small muted">
          <div>指标表：{result.input.file}</div>
          <div>
            条件：{run.conditionsFile} · {conditions.length} 条
          </div>
          <div>
            单体 {buildings} 栋 · 审查时间 {formatTime(run.checkedAt)}
            {overrides > 0 && ` · 改判 ${overrides} 项`}
          </div>
        </div>
      </div>
      <div className="filters">
        <Segmented label="筛选" value={filter} onChange={setFilter} options={FILTERS.map((f) => ({ ...f, n: f.id === 'all' ? undefined : counts[f.id] }))} />
        <Segmented
          label="查看方式"
          value={view}
          onChange={setView}
          options={[
            { id: 'clause', label: '按条款' },
            { id: 'building', label: '按单体', disabled: buildings === 0 },
          ]}
        />
      </div>
      {filtered.length === 0 ? (
        <div className="empty">
          <p>没有“{FILTERS.find((f) => f.id === filter)?.label}”的审查项。</p>
        </div>
      ) : view === 'clause' ? (
        <div className="groups" data-testid="groups">
          {groups.map((g) => (
            <ClauseGroup
              key={`${g.conditionId}|${filter}`}
              group={g}
              defaultOpen={filter !== 'all' || g.findings.length <= 10}
              runId={runId}
              conditions={conditions}
              onOverridden={onOverridden}
            />
          ))}
        </div>
      ) : (
        <BuildingMatrix findings={filtered} run={run} />
      )}
    </>
  );
}
