// Whether a condition applies to a building (docs/formats.md §2 `appliesTo`): not_applicable when the
// building is outside the filter, review when the sheet does not say enough to decide.
import type { Condition, ImportedBuilding } from '../model/types';
import { USE_LABEL, useList } from '../model/uses';

export interface Gate {
  verdict: 'not_applicable' | 'review';
  message: string;
  source: string | null;
}


/** Null when the condition applies to the building; otherwise why not (or why it is unknown). */
export function applicability(cond: Condition, b: ImportedBuilding): Gate | null {
  const a = cond.appliesTo;
  if (!a) return null;
  if (a.buildings && a.buildings.length > 0 && !a.buildings.some((n) => n.trim() === b.name.trim())) {
    return { verdict: 'not_applicable', message: `${b.name} 不在本条所列单体（${a.buildings.join('、')}）之内`, source: b.nameSource };
  }
  if (a.use && a.use.length > 0) {
    const wanted = useList(a.use);
    if (b.use === null) {
      return {
        verdict: 'review',
        message: `${b.name} 的建筑用途${b.useRaw ? `“${b.useRaw}”` : ''}无法识别，不能判断本条（适用于${wanted}）是否适用，请核对`,
        source: b.useSource ?? b.nameSource,
      };
    }
    if (!(a.use as string[]).includes(b.use)) {
      return { verdict: 'not_applicable', message: `${b.name} 为${USE_LABEL[b.use]}，本条仅适用于${wanted}`, source: b.useSource ?? b.nameSource };
    }
  }
  if (a.minFloorArea !== undefined) {
    const areaSource = b.values.gross_floor_area?.source ?? b.nameSource;
    if (b.floorArea === null) {
      return {
        verdict: 'review',
        message: `${b.name} 未给出建筑面积，不能判断是否达到本条适用的 ${a.minFloorArea} m²，请补充`,
        source: areaSource,
      };
    }
    if (b.floorArea < a.minFloorArea) {
      return {
        verdict: 'not_applicable',
        message: `${b.name} 建筑面积 ${b.floorArea} m²，小于本条适用的 ${a.minFloorArea} m²`,
        source: areaSource,
      };
    }
  }
  return null;
}
