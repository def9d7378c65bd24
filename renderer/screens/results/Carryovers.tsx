// 改判待确认: overrides of the previous run whose evidence changed on this re-run. Each shows the
// override (verdict, reason, who) and the old and new evidence side by side, changed lines marked;
// the user keeps it (re-attached to this run) or lets it go.
import type { OverrideCarryover, OverrideEvidence } from '../../../shared/api/contract';
import { indicatorName, formatValue } from '../../../shared/model/indicators';
import { VERDICT_LABEL } from '../../../shared/model/verdicts';
import { basisWord } from '../../../shared/model/basis';
import { invoke } from '../../api';
import { useApp } from '../../state';
import { useAction } from '../../hooks/useInvoke';
import { ErrorPanel } from '../../components/ErrorLine';
import { leafRequirement } from '../../format';
import { formatTime } from '../../files';
import type { Loaded } from './model';
import { TableHead } from '../../components/TableHead';

/** The evidence rule in words (one vocabulary with the report); an unknown rule is named generically. */
const basisWords = (b: string | null) => (b === null ? '—' : (basisWord(b) ?? '其他判定依据'));

function lines(e: OverrideEvidence | null): Array<[string, string]> {
  if (!e) return [['结论', '本次审查已没有这一项（条件或单体已变化）']];
  const v = (x: unknown) => (x === null || x === undefined ? '—' : formatValue(e.indicator, x));
  const out: Array<[string, string]> = [
    ['要求', leafRequirement(e.indicator, e.required)],
    ['程序结论', VERDICT_LABEL[e.verdict]],
    ['申报值', v(e.declared)],
    ['来源单元格', e.source ?? '—'],
    ['复算值', v(e.computed)],
    ['判定依据', basisWords(e.basis)],
  ];
  for (const [i, b] of (e.branches ?? []).entries()) {
    out.push([`分支 ${i + 1}：${indicatorName(b.indicator)}`, `${formatValue(b.indicator, b.declared)}（${b.source ?? '—'}），复算 ${b.computed === null ? '—' : formatValue(b.indicator, b.computed)}，${VERDICT_LABEL[b.verdict]}`]);
  }
  return out;
}

function EvidenceSideBySide({ before, after }: { before: OverrideEvidence | null; after: OverrideEvidence | null }) {
  const a = lines(before);
  const b = lines(after);
  const labels = [...new Set([...a.map((x) => x[0]), ...b.map((x) => x[0])])];
  const get = (l: Array<[string, string]>, k: string) => l.find((x) => x[0] === k)?.[1] ?? '—';
  return (
    <table className="data compact evidence" data-testid="evidence">
      <TableHead cols={['证据', '改判时', '本次审查']} />
      <tbody>
        {labels.map((k) => {
          const changed = get(a, k) !== get(b, k);
          return (
            <tr key={k} className={changed ? 'changed' : ''} data-changed={changed}>
              <td>{k}</td>
              <td>{get(a, k)}</td>
              <td>{get(b, k)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function Carryovers({ items, onDecided }: { items: OverrideCarryover[]; onDecided: (l: Loaded, pending: number) => void }) {
  const app = useApp();
  const action = useAction();
  const pending = items.filter((c) => c.status === 'pending');
  if (pending.length === 0) return null;
  const decide = async (c: OverrideCarryover, keep: boolean) => {
    const r = await action.run(() => invoke('check.decideCarryover', { carryoverId: c.id, keep }));
    if (!r) return;
    app.notify('success', keep ? `已保留对 ${c.conditionId}${c.building ? ` ${c.building}` : ''} 的改判` : `已不再沿用对 ${c.conditionId}${c.building ? ` ${c.building}` : ''} 的改判`);
    onDecided({ runId: c.runId, run: r.run }, r.pendingCarryovers);
  };
  return (
    <section className="panel warn carryovers" data-testid="carryovers" aria-labelledby="carry-h">
      <h2 id="carry-h">上次审查的改判待确认（{pending.length}）</h2>
      <p className="small">以下改判所依据的数据在本次审查中有变化，未自动沿用。请对照改判时和本次的证据，决定是否保留。</p>
      <ErrorPanel message={action.error} />
      {pending.map((c) => (
        <article key={c.id} className="carryover" data-condition-id={c.conditionId} data-building={c.building ?? ''}>
          <h3>
            {c.conditionId} {c.building ?? '项目整体'}：改判为“{VERDICT_LABEL[c.override.verdict]}”
          </h3>
          <p className="small">
            理由：{c.override.reason}
            <span className="muted">
              （{c.override.user ?? '未记录'}，{formatTime(c.override.createdAt)}）
            </span>
          </p>
          <EvidenceSideBySide before={c.oldEvidence} after={c.newEvidence} />
          <div className="row">
            <button type="button" className="small primary" disabled={action.busy || !c.newEvidence} onClick={() => void decide(c, true)}>
              保留改判
            </button>
            <button type="button" className="small" disabled={action.busy} onClick={() => void decide(c, false)}>
              不再沿用
            </button>
          </div>
        </article>
      ))}
    </section>
  );
}
