// Which buildings a condition applies to: building uses, a minimum floor area (m²), named buildings.
import type { Condition } from '../../../shared/model/types';
import { USES } from '../../conditions-edit';
import { ValueInput } from './ValueInput';

type Applies = NonNullable<Condition['appliesTo']>;

export function AppliesEditor({ applies, onChange, field }: { applies: Applies; onChange: (a: Applies | undefined) => void; field: string }) {
  const set = (patch: Partial<Applies>) => {
    const next = { ...applies, ...patch };
    for (const k of Object.keys(next) as Array<keyof Applies>) if (next[k] === undefined) delete next[k];
    onChange(Object.keys(next).length ? next : undefined);
  };
  return (
    <div className="applies">
      <span className="muted small">适用于：</span>
      {USES.map((u) => (
        <label key={u.id} className="inline check">
          <input
            type="checkbox"
            checked={applies.use?.includes(u.id) ?? false}
            onChange={(e) => {
              const now = new Set(applies.use ?? []);
              if (e.target.checked) now.add(u.id);
              else now.delete(u.id);
              set({ use: now.size ? USES.map((x) => x.id).filter((x) => now.has(x)) : undefined });
            }}
          />
          {u.label}
        </label>
      ))}
      <span className="inline-field">
        <span className="small">单体建筑面积 ≥</span>
        <ValueInput value={applies.minFloorArea} onChange={(v) => set({ minFloorArea: v as number | undefined })} label="最小单体建筑面积" unit="m²" field={`${field}.minFloorArea`} />
      </span>
      <label className="inline grow">
        指定单体
        <input
          value={(applies.buildings ?? []).join('，')}
          placeholder="例：1#楼，3#楼（留空为全部）"
          onChange={(e) => {
            const list = e.target.value.split(/[,，、;；\s]+/).filter(Boolean);
            set({ buildings: list.length ? list : undefined });
          }}
          aria-label="指定单体"
        />
      </label>
    </div>
  );
}
