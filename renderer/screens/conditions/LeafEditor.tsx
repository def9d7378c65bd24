// One indicator requirement: indicator (by its Chinese name), comparison, and the value in the
// indicator's own terms — a number with its unit, 星级 as a choice, 是/否 as a choice.
import type { LeafRule } from '../../../shared/model/types';
import { indicator, STAR_NAMES } from '../../../shared/model/indicators';
import { CONDITION_INDICATORS, OPS } from '../../conditions-edit';
import { ErrorLine } from '../../components/ErrorLine';
import { ValueInput } from './ValueInput';
import { useField } from './FormContext';

export function LeafEditor({ rule, onChange, field }: { rule: LeafRule; onChange: (r: LeafRule) => void; field: string }) {
  const def = indicator(rule.indicator);
  const isBool = def?.type === 'boolean';
  const isStar = def?.type === 'star';
  const indicatorError = useField(`${field}.indicator`).error;
  return (
    <div className="leaf">
      <select
        value={rule.indicator}
        aria-label="指标"
        aria-invalid={!!indicatorError}
        onChange={(e) => {
          const d = indicator(e.target.value);
          const toBool = d?.type === 'boolean';
          const toStar = d?.type === 'star';
          onChange({
            indicator: e.target.value,
            op: toBool ? '==' : rule.op,
            // A number not yet written stays empty (the form asks for it) rather than becoming 0.
            value: (toBool ? (typeof rule.value === 'boolean' ? rule.value : true) : toStar ? 2 : typeof rule.value === 'number' ? rule.value : undefined) as LeafRule['value'],
          });
        }}
      >
        {!def && <option value={rule.indicator}>（请选择指标）</option>}
        {CONDITION_INDICATORS.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </select>
      <select value={rule.op} aria-label="比较" onChange={(e) => onChange({ ...rule, op: e.target.value as LeafRule['op'] })}>
        {OPS.filter((o) => !isBool || o.op === '==').map((o) => (
          <option key={o.op} value={o.op}>
            {o.label}
          </option>
        ))}
      </select>
      {isBool ? (
        <select value={rule.value ? 'yes' : 'no'} aria-label="要求值" onChange={(e) => onChange({ ...rule, value: e.target.value === 'yes' })}>
          <option value="yes">是</option>
          <option value="no">否</option>
        </select>
      ) : isStar ? (
        <select value={String(rule.value)} aria-label="要求值" onChange={(e) => onChange({ ...rule, value: Number(e.target.value) })}>
          {STAR_NAMES.map((n, i) => (
            <option key={n} value={i}>
              {n}
            </option>
          ))}
        </select>
      ) : (
        <ValueInput
          value={rule.value as number}
          onChange={(v) => onChange({ ...rule, value: v as number })}
          label="要求值"
          unit={def?.unit}
          field={`${field}.value`}
          placeholder={def?.unit === '%' ? '如 35' : undefined}
        />
      )}
      <ErrorLine message={indicatorError} />
    </div>
  );
}
