// 按单体: one row per building, one column per building-scope condition, the verdict in each cell.
import { useMemo } from 'react';
import type { CheckRun, Finding } from '../../../shared/model/types';
import { VerdictBadge } from '../../components/Badges';
import { Pager, usePager } from '../../components/Pager';
import { PAGE } from './model';

export function BuildingMatrix({ findings, run }: { findings: Finding[]; run: CheckRun }) {
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
                  return (
                    <td key={c.id}>
                      {f ? (
                        <span title={f.message}>
                          <VerdictBadge verdict={f.verdict} overridden={!!f.override} />
                        </span>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                  );
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
