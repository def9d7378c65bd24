// Intensity or total (shared/data/units.json `kinds`): a figure written in a unit of the other kind
// than its indicator's — 碳排放强度 in tCO₂/a (a total), 建筑年总能耗 in kWh/(m²·a) (an intensity) —
// is not that indicator and cannot be converted into it. The sentence says which kind each is.
import data from '../data/units.json';
import type { UnitDef } from './units';

interface KindDef {
  kind: string;
  name: string;
  of: string;
}

const KINDS = data.kinds.dimensions as Record<string, KindDef>;

/** Why a unit of `written` cannot give an indicator measured in `target`, when their kinds differ. */
export function kindMismatch(written: UnitDef, target: UnitDef, unitRaw: string, indicatorName: string): string | null {
  const a = KINDS[written.dimension];
  const b = KINDS[target.dimension];
  if (!a || !b || a.of !== b.of || a.kind === b.kind) return null;
  return `单位“${unitRaw.trim()}”是${a.name}的单位，而${indicatorName}是${b.name}（${target.unit}），该数值不是${indicatorName}，不能换算`;
}
