// One condition's findings (collapsed and paginated when it has many, e.g. per building).
import { memo, useState } from 'react';
import type { Condition, Finding } from '../../../shared/model/types';
import { indicatorName, formatValue } from '../../../shared/model/indicators';
import { VERDICT_LABEL } from '../../../shared/model/verdicts';
import { VerdictBadge } from '../../components/Badges';
import { Pager, usePager } from '../../components/Pager';
import { requirementText } from '../../format';
import { FindingDetail } from './FindingDetail';
import { PAGE, VERDICT_ORDER, type Group, type Loaded } from './model';
import { TableHead } from '../../components/TableHead';

interface Props {
  group: Group;
  defaultOpen: boolean;
  runId: number;
  conditions: readonly Condition[];
  onOverridden: (l: Loaded) => void;
}

export const ClauseGroup = memo(function ClauseGroup({ group, defaultOpen, runId, conditions, onOverridden }: Props) {
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
          <div className="table-wrap">
            <table className="data findings">
              <TableHead cols={[{ label: '结论', className: 'w-verdict' }, '单体', '要求', '申报值', '复算值', '来源', '说明']} />
              {group.findings.slice(pager.start, pager.end).map((f) => (
                <FindingRows key={`${f.conditionId}|${f.building ?? ''}`} f={f} runId={runId} conditions={conditions} onOverridden={onOverridden} />
              ))}
            </table>
          </div>
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

function FindingRows({ f, runId, conditions, onOverridden }: { f: Finding; runId: number; conditions: readonly Condition[]; onOverridden: (l: Loaded) => void }) {
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
        <td className="nowrap req">{requirementText(f, conditions)}</td>
        <td className="num">{formatValue(f.indicator, f.declared)}</td>
        <td className="num">{f.computed === null ? '—' : formatValue(f.indicator, f.computed)}</td>
        <td className="mono small">{f.source ?? '—'}</td>
        <td className="msg">{f.message}</td>
      </tr>
      {open && (
        <tr className="fdetail">
          <td colSpan={7}>
            <FindingDetail f={f} runId={runId} conditions={conditions} onOverridden={onOverridden} />
          </td>
        </tr>
      )}
    </tbody>
  );
}
