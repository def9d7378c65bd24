// 复审对比: two runs of the project side by side — which values of the sheet changed, which
// verdicts changed, and which 审查意见 (不符合 / 需复核 / 缺项) the re-submission closed.
import { useEffect, useState } from 'react';
import type { OpinionStatus, RunComparison, RunListItem, ValueChange } from '../../../shared/api/contract';
import { indicatorName, formatValue } from '../../../shared/model/indicators';
import { OVERALL_LABEL, VERDICT_LABEL } from '../../../shared/model/verdicts';
import { useInvoke } from '../../hooks/useInvoke';
import { ErrorPanel } from '../../components/ErrorLine';
import { formatTime } from '../../files';
import { TableHead } from '../../components/TableHead';

const runLabel = (r: RunListItem, n: number) => `第 ${n} 次审查 ${formatTime(r.checkedAt)}：${r.fileName}（第 ${r.importVersion} 次导入，条件第 ${r.conditionsVersion} 版），${OVERALL_LABEL[r.overall]}`;

/** The default pair: the latest run against the latest run of the previous sheet version. */
function defaultPair(runs: RunListItem[]): [number, number] | null {
  if (runs.length < 2) return null;
  const to = runs[0]!;
  const from = runs.find((r) => r.importVersion < to.importVersion) ?? runs[1]!;
  return [from.runId, to.runId];
}

export function Compare({ projectId, latestRunId }: { projectId: number; latestRunId: number | string }) {
  const runs = useInvoke('runs.list', { projectId });
  const [pair, setPair] = useState<[number, number] | null>(null);
  const [open, setOpen] = useState(false);
  const list = runs.data ?? [];
  const { reload } = runs;
  // A new run (or an override, which changes a run's conclusion) lists the runs again.
  useEffect(() => {
    void reload();
  }, [latestRunId, reload]);
  // a new list of runs compares its default pair again
  const [pairOf, setPairOf] = useState(runs.data);
  if (runs.data && runs.data !== pairOf) {
    setPairOf(runs.data);
    setPair(defaultPair(runs.data));
  }
  const cmp = useInvoke('runs.compare', pair ? { fromRunId: pair[0], toRunId: pair[1] } : null);
  if (list.length < 2 || !pair) return null;
  const numbered = (id: number) => list.length - list.findIndex((r) => r.runId === id);
  const select = (which: 0 | 1, id: number) => setPair((p) => (p ? (which === 0 ? [id, p[1]] : [p[0], id]) : p));
  return (
    <section className="panel compare" data-testid="compare" aria-labelledby="compare-h">
      <h2 id="compare-h">
        <button type="button" className="disclosure" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? '▾' : '▸'} 复审对比
        </button>
        {cmp.data && (
          <span className="small compare-head">
            与第 {numbered(pair[0])} 次审查相比：已关闭意见 {cmp.data.closed.length} 条，仍未关闭 {cmp.data.open.length} 条，新增 {cmp.data.added.length} 条
          </span>
        )}
      </h2>
      {open && (
        <>
          <div className="compare-pick">
            <RunSelect label="原审查" list={list} value={pair[0]} numbered={numbered} onChange={(id) => select(0, id)} />
            <RunSelect label="复审" list={list} value={pair[1]} numbered={numbered} onChange={(id) => select(1, id)} />
          </div>
          <ErrorPanel message={cmp.error} />
          {cmp.data && <ComparisonBody c={cmp.data} />}
        </>
      )}
    </section>
  );
}

function RunSelect(p: { label: string; list: RunListItem[]; value: number; numbered: (id: number) => number; onChange: (id: number) => void }) {
  return (
    <label>
      {p.label}
      <select aria-label={p.label} value={p.value} onChange={(e) => p.onChange(Number(e.target.value))}>
        {p.list.map((r) => (
          <option key={r.runId} value={r.runId}>
            {runLabel(r, p.numbered(r.runId))}
          </option>
        ))}
      </select>
    </label>
  );
}

function ComparisonBody({ c }: { c: RunComparison }) {
  const opinions: Array<[string, string, OpinionStatus[]]> = [
    ['closed', '已关闭', c.closed],
    ['open', '仍未关闭', c.open],
    ['added', '新增', c.added],
    ['withdrawn', '不再审查', c.withdrawn],
  ];
  return (
    <>
      <p className="compare-summary" data-testid="compare-summary">
        审查意见：已关闭 <strong>{c.closed.length}</strong> 条，仍未关闭 <strong>{c.open.length}</strong> 条，新增 <strong>{c.added.length}</strong> 条
        {c.withdrawn.length > 0 && `，不再审查 ${c.withdrawn.length} 条`}；指标表数值变化 <strong>{c.values.length}</strong> 项；结论变化 <strong>{c.verdicts.length}</strong> 项。
        {c.conditionsChanged && <span className="warn-text">两次审查所用的出让条件版本不同，部分结论变化可能来自条件修改。</span>}
      </p>
      {opinions.some(([, , l]) => l.length) && (
        <div className="table-wrap">
          <table className="data compact" data-testid="compare-opinions">
            <TableHead cols={['审查意见', '条件', '单体', '原结论', '复审结论', '说明']} />
            <tbody>
              {opinions.flatMap(([kind, word, l]) =>
                l.map((o) => (
                  <tr key={`${kind}|${o.conditionId}|${o.building ?? ''}`} data-kind={kind} data-condition-id={o.conditionId}>
                    <td className={`nowrap op-${kind}`}>{word}</td>
                    <td className="nowrap">
                      {o.clause ? `${o.clause} ` : ''}
                      {o.conditionId}
                    </td>
                    <td>{o.building ?? '项目整体'}</td>
                    <td>{o.before ? VERDICT_LABEL[o.before] : '—'}</td>
                    <td>{o.after ? VERDICT_LABEL[o.after] : '—'}</td>
                    <td className="small">{o.afterMessage ?? o.beforeMessage}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      )}
      {c.values.length > 0 && <ValueChanges values={c.values} />}
    </>
  );
}

function ValueChanges({ values }: { values: ValueChange[] }) {
  const show = (v: ValueChange['before'], id: string) => (v ? `${formatValue(id, v.value)}（${v.source}）` : '—');
  return (
    <div className="table-wrap">
      <table className="data compact" data-testid="compare-values">
        <caption>指标表数值变化</caption>
        <TableHead cols={['指标', '单体', '原值', '复审值']} />
        <tbody>
          {values.map((v) => (
            <tr key={`${v.indicator}|${v.building ?? ''}`} data-indicator={v.indicator}>
              <td>{indicatorName(v.indicator)}</td>
              <td>{v.building ?? '项目整体'}</td>
              <td>{show(v.before, v.indicator)}</td>
              <td>{show(v.after, v.indicator)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
