// The fields a contract clause may add to a condition (docs/formats.md §6), in the clause's own
// terms: height / floor / area ranges with 含/不含, 单体 / 平均 / 单体或平均, the parcel (地块), the
// dates it is in force, values stated with the requirement (设计降雨量 …), and the project facts
// it depends on (WhenRows.tsx: shown with whether the project was confirmed as one, and what that
// means). The values stated with the requirement are in CompanionFields.tsx.
import { useState } from 'react';
import type { Condition } from '../../../shared/model/types';
import { ErrorLine } from '../../components/ErrorLine';
import { BoundField, type BoundWhat } from './BoundField';
import { CompanionFields } from './CompanionFields';
import { useField } from './FormContext';
import { AGGREGATE_CHOICES, BOUND_WHAT } from './reading';
import { useFactWords } from './factWords';

type Applies = NonNullable<Condition['appliesTo']>;

interface Props {
  c: Condition;
  field: string;
  set: (patch: Partial<Condition>) => void;
}

const BOUNDS: BoundWhat[] = ['height', 'floors', 'floorArea', 'projectFloorArea'];

/** A patch that removes the keys set to undefined (the condition file has no empty fields). */
function clean<T extends object>(o: T): T | undefined {
  const out = { ...o } as Record<string, unknown>;
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return Object.keys(out).length ? (out as T) : undefined;
}

/** What of this section is filled in, in words (shown while it is folded). */
function filledIn(c: Condition): string[] {
  const out: string[] = [];
  for (const w of BOUNDS) if (c.appliesTo?.[w]) out.push(BOUND_WHAT[w].name);
  if (c.aggregate) out.push('单体/平均');
  if (c.parcel) out.push('地块');
  if (c.inForce) out.push('生效日期');
  if (c.companion && Object.keys(c.companion).length) out.push('同时写明的数值');
  return out;
}

export function MoreFields({ c, field, set }: Props) {
  const facts = useFactWords();
  const filled = filledIn(c);
  const [userOpen, setUserOpen] = useState<boolean | null>(null);
  const open = userOpen ?? filled.length > 0;
  const setApplies = (patch: Partial<Applies>) => set({ appliesTo: clean({ ...c.appliesTo, ...patch }) });
  return (
    <div className="more-fields">
      <button type="button" className="disclosure-btn small" aria-expanded={open} onClick={() => setUserOpen(!open)}>
        {open ? '▾' : '▸'} 更多适用范围与设置
        {!open && <span className="muted">{filled.length ? `（已设置：${filled.join('、')}）` : '（高度、层数、面积范围，单体/平均，地块，生效日期，同时写明的数值，项目事实）'}</span>}
      </button>
      {open && (
        <div className="more-body">
          <div className="more-group">
            <span className="more-title small">适用范围</span>
            {BOUNDS.filter((w) => c.scope === 'building' || w === 'projectFloorArea' || c.appliesTo?.[w]).map((w) => (
              <BoundField key={w} what={w} bound={c.appliesTo?.[w]} onChange={(b) => setApplies({ [w]: b })} field={field} />
            ))}
            {c.scope !== 'building' && <span className="muted small">范围为“逐栋单体”时，还可按建筑高度、地上层数、单体建筑面积筛选单体。</span>}
          </div>
          <div className="more-grid">
            <AggregateField c={c} field={field} set={set} />
            <label>
              地块
              <input value={c.parcel ?? ''} placeholder="例：5-3（留空为不限）" aria-label="条件适用的地块" onChange={(e) => set({ parcel: e.target.value.trim() ? e.target.value : undefined })} />
            </label>
            <DateField c={c} which="from" field={field} set={set} />
            <DateField c={c} which="to" field={field} set={set} />
          </div>
          <span className="muted small">生效日期按合同信息中的签订日期判断本条是否适用；留空为不限。</span>
          <CompanionFields c={c} field={field} set={set} />
          <button
            type="button"
            className="small"
            disabled={facts.every((f) => c.when?.[f.id] !== undefined)}
            onClick={() => {
              const f = facts.find((x) => c.when?.[x.id] === undefined)!;
              set({ when: { ...c.when, [f.id]: true } });
            }}
          >
            ＋ 适用前提（项目事实）
          </button>
        </div>
      )}
    </div>
  );
}

function AggregateField({ c, field, set }: Props) {
  const error = useField(`${field}.aggregate`).error;
  if (c.scope !== 'building' && c.aggregate === undefined) {
    return (
      <label>
        单体/平均
        <span className="muted small field-note">范围为“逐栋单体”时可选</span>
      </label>
    );
  }
  return (
    <label>
      单体/平均
      <select
        value={c.aggregate ?? 'each'}
        aria-label="单体或平均"
        aria-invalid={!!error}
        onChange={(e) => set({ aggregate: e.target.value === 'each' && c.aggregate === undefined ? undefined : (e.target.value as Condition['aggregate']) })}
      >
        {AGGREGATE_CHOICES.map((a) => (
          <option key={a.id} value={a.id}>
            {a.label}
          </option>
        ))}
      </select>
      <ErrorLine message={error} />
    </label>
  );
}

function DateField({ c, which, field, set }: Props & { which: 'from' | 'to' }) {
  const error = useField(`${field}.inForce.${which}`).error;
  const label = which === 'from' ? '生效起始日期' : '生效截止日期';
  return (
    <label>
      {label}
      <input
        value={c.inForce?.[which] ?? ''}
        placeholder={which === 'from' ? '例：2025-09-01' : '例：2027-12-31'}
        aria-label={label}
        aria-invalid={!!error}
        onChange={(e) => set({ inForce: clean({ ...c.inForce, [which]: e.target.value.trim() || undefined }) })}
      />
      <ErrorLine message={error} />
    </label>
  );
}
