// A range on one measure of the buildings or the project (docs/formats.md §2 `appliesTo.height`,
// `floors`, `floorArea`, `projectFloorArea`) as contracts write it: "100 m 以上（不含）",
// "60 m 以下（含）" — a lower and an upper bound, each with 含/不含 the number itself.
import { useState } from 'react';
import type { Bound } from '../../../shared/model/types';
import { ErrorLine } from '../../components/ErrorLine';
import { ValueInput } from './ValueInput';
import { useField } from './FormContext';
import { BOUND_WHAT } from './reading';

export type BoundWhat = 'height' | 'floors' | 'floorArea' | 'projectFloorArea';

interface Props {
  what: BoundWhat;
  bound: Bound | undefined;
  onChange: (b: Bound | undefined) => void;
  /** Field key of the condition (its index). */
  field: string;
}

export function BoundField({ what, bound, onChange, field }: Props) {
  const w = BOUND_WHAT[what];
  const b = bound ?? {};
  const lower = (b.gt ?? b.gte) as number | string | undefined;
  const upper = (b.lt ?? b.lte) as number | string | undefined;
  // 含/不含 is remembered while its number is empty; a bare 以上/以下 counts the number in.
  const [lowerIn, setLowerIn] = useState(b.gt === undefined);
  const [upperIn, setUpperIn] = useState(b.lt === undefined);
  const loIn = b.gt !== undefined ? false : b.gte !== undefined ? true : lowerIn;
  const hiIn = b.lt !== undefined ? false : b.lte !== undefined ? true : upperIn;
  const error = useField(`${field}.${what}`).error;
  const set = (lo: number | string | undefined, loIn: boolean, hi: number | string | undefined, hiIn: boolean) => {
    const next: Record<string, unknown> = {};
    if (lo !== undefined) next[loIn ? 'gte' : 'gt'] = lo;
    if (hi !== undefined) next[hiIn ? 'lte' : 'lt'] = hi;
    onChange(Object.keys(next).length ? (next as Bound) : undefined);
  };
  return (
    <div className={`bound-field${error ? ' invalid' : ''}`} role="group" aria-label={`适用的${w.name}`} data-bound={what}>
      <span className="bf-name small">{w.name}</span>
      <ValueInput value={lower as number | undefined} onChange={(v) => set(v, loIn, upper, hiIn)} label={`${w.name}下限`} unit={w.unit} field={`${field}.${what}.lower`} />
      <span className="small">以上</span>
      <Inclusive
        value={loIn}
        disabled={lower === undefined}
        label={`${w.name}下限是否含本数`}
        onChange={(v) => {
          setLowerIn(v);
          set(lower, v, upper, hiIn);
        }}
      />
      <span className="small bf-sep">，</span>
      <ValueInput value={upper as number | undefined} onChange={(v) => set(lower, loIn, v, hiIn)} label={`${w.name}上限`} unit={w.unit} field={`${field}.${what}.upper`} />
      <span className="small">以下</span>
      <Inclusive
        value={hiIn}
        disabled={upper === undefined}
        label={`${w.name}上限是否含本数`}
        onChange={(v) => {
          setUpperIn(v);
          set(lower, loIn, upper, v);
        }}
      />
      <ErrorLine message={error} />
    </div>
  );
}

/** Whether a bound includes its own number: （含） or （不含）. */
function Inclusive({ value, disabled, label, onChange }: { value: boolean; disabled: boolean; label: string; onChange: (inclusive: boolean) => void }) {
  return (
    <select value={value ? 'in' : 'out'} disabled={disabled} aria-label={label} onChange={(e) => onChange(e.target.value === 'in')}>
      <option value="in">（含）</option>
      <option value="out">（不含）</option>
    </select>
  );
}
