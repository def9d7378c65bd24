// Whether a condition applies to a building (docs/formats.md §2 `appliesTo`): not_applicable when the
// building is outside the filter, review when the sheet does not say enough to decide.
import type { Bound, Condition, ImportedBuilding } from '../model/types';
import { USE_LABEL, useList as listOfUses } from '../model/uses';
import { boundHolds, boundWords, figureDoubt } from './bounds';
import { buildingKey } from '../import/names';
import { partsGate } from './areaSums';

/** "5号楼" and "5#楼" name the same building (the importer's canonical key). */
export function sameBuilding(a: string, b: string): boolean {
  return a.trim() === b.trim() || buildingKey(a.trim()).key === buildingKey(b.trim()).key;
}

/** Buildings a condition names (`appliesTo.buildings`) that the workbook does not list. */
export function absentBuildings(cond: Condition, buildings: readonly ImportedBuilding[]): string[] {
  return (cond.appliesTo?.buildings ?? []).filter((n) => n.trim() && !buildings.some((b) => sameBuilding(n, b.name)));
}

export interface Gate {
  verdict: 'not_applicable' | 'review';
  message: string;
  source: string | null;
}

/** Null when the condition applies to the building; otherwise why not (or why it is unknown). */
export function applicability(cond: Condition, b: ImportedBuilding): Gate | null {
  const a = cond.appliesTo;
  if (!a) return null;
  if (a.buildings && a.buildings.length > 0 && !a.buildings.some((n) => sameBuilding(n, b.name))) {
    return { verdict: 'not_applicable', message: `${b.name} 不在本条所列单体（${a.buildings.join('、')}）之内`, source: b.nameSource };
  }
  if (a.use && a.use.length > 0) {
    const wanted = listOfUses(a.use);
    if (b.use === null) {
      return {
        verdict: 'review',
        message: `${b.name} 的建筑用途${b.useRaw ? `“${b.useRaw}”` : ''}无法识别，不能判断本条（适用于${wanted}）是否适用，请核对`,
        source: b.useSource ?? b.nameSource,
      };
    }
    if (!(a.use as string[]).includes(b.use) && b.mixedUses?.some((u) => (a.use as string[]).includes(u))) {
      // "商业、住宅": the building holds a use the condition names, though its first use is another.
      return {
        verdict: 'review',
        message: `${b.name} 的建筑功能“${b.useRaw}”同时含有${listOfUses(b.mixedUses)}，本条适用于${wanted}，不能确定是否适用，请核对`,
        source: b.useSource ?? b.nameSource,
      };
    }
    if (!(a.use as string[]).includes(b.use)) {
      return { verdict: 'not_applicable', message: `${b.name} 为${USE_LABEL[b.use]}，本条仅适用于${wanted}`, source: b.useSource ?? b.nameSource };
    }
  }
  if (a.minFloorArea !== undefined) {
    const areaSource = b.values.gross_floor_area?.source ?? b.nameSource;
    // no 建筑面积, but its 地上建筑面积 alone reaches the threshold: the building's area, which is
    // at least that, does too
    const above = b.values.above_ground_area;
    const reached = b.floorArea === null && above?.status === 'ok' && !above.bound && typeof above.value === 'number' && above.value >= a.minFloorArea && !above.conflicts?.length;
    if (b.floorArea === null && !reached) {
      return {
        verdict: 'review',
        message: `${b.name} 未给出建筑面积，不能判断是否达到本条适用的 ${a.minFloorArea} m²，请补充`,
        source: areaSource,
      };
    }
    const below = !reached && b.floorArea! < a.minFloorArea;
    const doubt = reached ? null : conflictGate(b, 'gross_floor_area', '建筑面积', a.minFloorArea, b.floorArea!) ?? (below ? figureGate(b, 'gross_floor_area', '建筑面积', { gte: a.minFloorArea }, `${a.minFloorArea} m² 及以上`) : null);
    if (doubt) return doubt;
    if (below) {
      return {
        verdict: 'not_applicable',
        message: `${b.name} 建筑面积 ${b.floorArea} m²，小于本条适用的 ${a.minFloorArea} m²`,
        source: areaSource,
      };
    }
  }
  // Extensions (docs/formats.md §6): bounds on the building's area, height and floors.
  return (
    boundGate(b, a.floorArea, '单体建筑面积', 'm²', b.floorArea, b.values.gross_floor_area?.source) ??
    boundGate(b, a.height, '建筑高度', 'm', valueOf(b, 'building_height'), b.values.building_height?.source) ??
    boundGate(b, a.floors, '地上层数', '层', valueOf(b, 'floors'), b.values.floors?.source)
  );
}

/**
 * A sheet without per-building data cannot say which buildings a height, floor or area bound
 * selects (docs/formats.md §6): review, not a check of the project's figure.
 */
export function noBuildingsGate(cond: Condition): Gate | null {
  const a = cond.appliesTo;
  const parts = [
    a?.height ? `建筑高度${boundWords(a.height, 'm')}` : '',
    a?.floors ? `地上层数${boundWords(a.floors, '层')}` : '',
    a?.floorArea ? `单体建筑面积${boundWords(a.floorArea, 'm²')}` : '',
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return { verdict: 'review', message: `指标表未列出单体数据，不能判断哪些单体属于本条的适用范围（${parts.join('，')}），请按单体填写`, source: null };
}

/** The building's own readable number for an indicator, or null. */
function valueOf(b: ImportedBuilding, id: string): number | null {
  const v = b.values[id];
  return v && v.status === 'ok' && typeof v.value === 'number' ? v.value : null;
}

function boundGate(
  b: ImportedBuilding,
  bound: Bound | undefined,
  what: string,
  unit: string,
  value: number | null,
  source: string | undefined,
): Gate | null {
  if (!bound) return null;
  const range = boundWords(bound, unit);
  if (value === null) {
    return {
      verdict: 'review',
      message: `${b.name} 未给出${what}，不能判断是否属于本条适用的范围（${what}${range}），请补充`,
      source: source ?? b.nameSource,
    };
  }
  if (boundHolds(bound, value)) return null;
  const id = what === '单体建筑面积' ? 'gross_floor_area' : what === '建筑高度' ? 'building_height' : 'floors';
  const doubt = conflictGate(b, id, what, range, value) ?? figureGate(b, id, what, bound, range);
  if (doubt) return doubt;
  return {
    verdict: 'not_applicable',
    message: `${b.name} ${what} ${value} ${unit}，不在本条适用的范围（${what}${range}）之内`,
    source: source ?? b.nameSource,
  };
}

/**
 * A building would be left out by a figure that another cell states differently: whether the
 * clause applies cannot be told (never a silent 不适用).
 */
function conflictGate(b: ImportedBuilding, id: string, what: string, bound: number | string, value: number): Gate | null {
  const v = b.values[id];
  if (!v?.conflicts?.length) return partsGate(b.values, id, `${b.name} `); // parts that contradict the area: docs/evidence-policy.md §4a
  const others = v.conflicts.map((c) => `${c.source} 填写为“${c.raw}”`).join('，');
  return {
    verdict: 'review',
    message: `${b.name} ${what}在 ${v.source} 填写为“${v.raw}”（按此为 ${value}），${others}，数值不一致，不能判断是否属于本条适用的范围（${typeof bound === 'number' ? `${bound} m²` : bound}），请核对`,
    source: v.source,
  };
}

/** A building left out on a figure that is only approximate, one-sided, or limited by a note: review (bounds.ts `figureDoubt`). */
function figureGate(b: ImportedBuilding, id: string, what: string, bound: Bound, range: string): Gate | null {
  const v = b.values[id];
  const doubt = v && v.status === 'ok' ? figureDoubt(v, bound, '') : null;
  if (!doubt) return null;
  return { verdict: 'review', message: `${b.name} ${what}“${v!.raw.trim()}”（${v!.source}）${doubt}，不能判断是否属于本条适用的范围（${what}${range}），请核对`, source: v!.source };
}
