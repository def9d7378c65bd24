// Bounds of docs/formats.md §2 (`appliesTo.height`, `floors`, `floorArea`, `projectFloorArea`):
// gt/gte a lower bound without/with the number itself, lt/lte an upper bound.
import type { Bound, ImportedValue } from '../model/types';
import { boundWords as valueBoundWords, qualifyingRemark, scopeQualifier } from './qualifiers';

const EPS = 1e-9;

export function boundHolds(b: Bound, v: number): boolean {
  if (b.gt !== undefined && !(v > b.gt + EPS)) return false;
  if (b.gte !== undefined && !(v >= b.gte - EPS)) return false;
  if (b.lt !== undefined && !(v < b.lt - EPS)) return false;
  if (b.lte !== undefined && !(v <= b.lte + EPS)) return false;
  return true;
}

export { boundWords } from '../model/bounds';

/**
 * Why a figure outside an applicability bound does not show the condition inapplicable (Chinese,
 * to follow the figure), or null: another cell states it differently; it is only approximate or
 * one-sided where the bound may still hold ("约1.98万㎡" against ≥ 2万; "≤19000" settles a lower
 * bound, "≥25000" an upper one, a range settles when neither end is inside); a note limits it
 * ("不含地下室"); or words make it a phase's or a part's ("总建筑面积（一期）").
 */
export function figureDoubt(v: ImportedValue, bound: Bound, projectName: string): string | null {
  if (v.conflicts?.length) return `，而${v.conflicts.map((c) => `${c.source} 填写为“${c.raw}”`).join('，')}，数值不一致`;
  if (v.bound && typeof v.value === 'number') {
    const upperOnly = bound.gt === undefined && bound.gte === undefined;
    const lowerOnly = bound.lt === undefined && bound.lte === undefined;
    const ends = v.bound === 'range' && typeof v.low === 'number' ? [v.low, v.value] : [v.value];
    const settled = (v.bound === 'atMost' && lowerOnly) || (v.bound === 'atLeast' && upperOnly) || (v.bound === 'range' && ends.length === 2 && !ends.some((x) => boundHolds(bound, x)));
    if (!settled) return `${valueBoundWords(v)}，没有确定的数值`;
  }
  const remark = qualifyingRemark(v);
  if (remark) return `附有说明“${remark}”`;
  const part = scopeQualifier(v, projectName);
  return part ? `所涉为“${part.words}”，只是项目的一部分` : null;
}
