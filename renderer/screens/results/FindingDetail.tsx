// The detail of one finding: message, requirement, the override and its reason, 或/且 branches,
// the recomputation (inputs, steps, notes), and the override form.
import type { Condition, Finding } from '../../../shared/model/types';
import { indicatorName, formatValue } from '../../../shared/model/indicators';
import { VERDICT_LABEL } from '../../../shared/model/verdicts';
import { VerdictBadge } from '../../components/Badges';
import { leafRequirement, requirementText } from '../../format';
import { formatTime } from '../../files';
import { OverrideForm } from './OverrideForm';
import type { Loaded } from './model';
import { TableHead } from '../../components/TableHead';

export function FindingDetail({ f, runId, conditions, onOverridden }: { f: Finding; runId: number; conditions: readonly Condition[]; onOverridden: (l: Loaded) => void }) {
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
        指标：{indicatorName(f.indicator)} · 要求 {requirementText(f, conditions)} · 数据来源 {f.source ?? '无'}
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
          <TableHead cols={['指标', '要求', '结论', '申报值', '复算值', '来源', '说明']} />
          <tbody>
            {f.branches.map((b, i) => (
              <tr key={i}>
                <td>{indicatorName(b.indicator)}</td>
                <td className="nowrap">{leafRequirement(b.indicator, b.required)}</td>
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
            <span className={`conf ${calc.confidence}`}>{calc.confidence === 'confirmed' ? '依据已确认' : '含未核实数据'}</span>
          </h4>
          <p className="small">
            依据：{calc.clause} · 公式：<code>{calc.formula}</code>
          </p>
          {calc.inputs.length > 0 && (
            <table className="data compact">
              <TableHead cols={['输入', '数值', '单元格']} />
              <tbody>
                {calc.inputs.map((i, k) => (
                  <tr key={k}>
                    <td>{i.label}</td>
                    <td className="num">
                      {i.value === null ? '—' : typeof i.value === 'boolean' ? (i.value ? '是' : '否') : String(i.value)}
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
