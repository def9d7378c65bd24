// May the one building a workbook describes answer for the whole project (docs/evidence-policy.md
// `sole-building-unproven`)? Only when nothing in the workbook says the project is larger: the
// project states no area of its own (the workbook is that building's), or the building's area
// equals the project's within rounding. A project area beside a building without one proves
// nothing ("does not differ" would be vacuous).
import type { ImportedBuilding, ImportedValue } from '../model/types';
import { indicatorName } from '../model/indicators';
import { roundingTolerance } from './areaSums';

/** Project areas the building's own must match (the first the project states decides). */
const AREAS = ['gross_floor_area', 'above_ground_area', 'far_area'] as const;

const num = (v: ImportedValue | undefined): number | null =>
  v && v.status === 'ok' && typeof v.value === 'number' && Number.isFinite(v.value) ? v.value : null;

/** Why the sole building is not shown to be the whole project (Chinese), or null when it is. */
export function soleBuildingDoubt(project: Record<string, ImportedValue>, b: ImportedBuilding): string | null {
  for (const id of AREAS) {
    const p = num(project[id]);
    if (p === null) continue;
    const own = num(b.values[id]);
    const what = indicatorName(id);
    if (own === null) {
      return `指标表给出项目${what} ${p} m²（${project[id].source}），而单体“${b.name}”未给出${what}，不能确认该单体即为整个项目`;
    }
    if (Math.abs(own - p) > roundingTolerance(p)) {
      return `项目${what} ${p} m²（${project[id].source}）与单体“${b.name}”的 ${own} m²（${b.values[id].source}）不一致，该单体不是整个项目`;
    }
    return null;
  }
  if (AREAS.some((id) => num(b.values[id]) !== null)) return null;
  return `单体“${b.name}”与项目均未给出建筑面积，不能确认该单体即为整个项目`;
}
