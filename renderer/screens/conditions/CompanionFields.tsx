// 同时写明的数值: values a contract states with the requirement (设计降雨量 beside 年径流总量控制率 …),
// which the check uses when it recomputes; one row per indicator, each indicator at most once.
import type { Condition } from '../../../shared/model/types';
import { indicator } from '../../../shared/model/indicators';
import { CONDITION_INDICATORS } from '../../conditions-edit';
import { ValueInput } from './ValueInput';

interface Props {
  c: Condition;
  field: string;
  set: (patch: Partial<Condition>) => void;
}

/** Indicators whose value can be stated with a requirement (numbers). */
const COMPANION_INDICATORS = CONDITION_INDICATORS.filter((d) => d.type === 'number' || d.type === 'percent');

export function CompanionFields({ c, field, set }: Props) {
  const entries = Object.entries(c.companion ?? {});
  const setAll = (list: Array<[string, number | string | undefined]>) =>
    set({ companion: list.length ? (Object.fromEntries(list) as Record<string, number>) : undefined });
  return (
    <div className="companions">
      <span className="more-title small">同时写明的数值</span>
      {entries.length === 0 && <span className="muted small">合同与要求一并写明的数值（如年径流总量控制率对应的设计降雨量），审查复算时采用。</span>}
      {entries.map(([id, v], k) => (
        <CompanionRow
          key={k}
          id={id}
          value={v}
          used={entries.map(([x]) => x)}
          field={field}
          onIndicator={(nid) => setAll(entries.map(([x, y]) => (x === id ? [nid, y] : [x, y])))}
          onValue={(nv) => setAll(entries.map(([x, y]) => (x === id ? [x, nv] : [x, y])))}
          onRemove={() => setAll(entries.filter(([x]) => x !== id))}
        />
      ))}
      <button
        type="button"
        className="small"
        disabled={COMPANION_INDICATORS.every((d) => d.id in (c.companion ?? {}))}
        onClick={() => {
          const d = COMPANION_INDICATORS.find((x) => x.id === 'design_rainfall' && !(x.id in (c.companion ?? {}))) ?? COMPANION_INDICATORS.find((x) => !(x.id in (c.companion ?? {})))!;
          setAll([...entries, [d.id, undefined]]);
        }}
      >
        ＋ 同时写明的数值
      </button>
    </div>
  );
}

function CompanionRow(p: {
  id: string;
  value: number;
  used: string[];
  field: string;
  onIndicator: (id: string) => void;
  onValue: (v: number | string | undefined) => void;
  onRemove: () => void;
}) {
  const def = indicator(p.id);
  return (
    <div className="companion-row">
      <select value={p.id} aria-label="同时写明的指标" onChange={(e) => p.onIndicator(e.target.value)}>
        {!def && <option value={p.id}>（请选择指标）</option>}
        {COMPANION_INDICATORS.map((d) => (
          <option key={d.id} value={d.id} disabled={d.id !== p.id && p.used.includes(d.id)}>
            {d.name}
          </option>
        ))}
      </select>
      <ValueInput value={p.value} onChange={p.onValue} label={`${def?.name ?? '指标'}的数值`} unit={def?.unit} field={`${p.field}.companion.${p.id}`} />
      <button type="button" className="small danger-text" onClick={p.onRemove} aria-label={`删除同时写明的${def?.name ?? '数值'}`}>
        删除
      </button>
    </div>
  );
}
