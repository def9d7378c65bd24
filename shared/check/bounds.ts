// Bounds of docs/formats.md §2 (`appliesTo.height`, `floors`, `floorArea`, `projectFloorArea`):
// gt/gte a lower bound without/with the number itself, lt/lte an upper bound.
import type { Bound } from '../model/types';

const EPS = 1e-9;

export function boundHolds(b: Bound, v: number): boolean {
  if (b.gt !== undefined && !(v > b.gt + EPS)) return false;
  if (b.gte !== undefined && !(v >= b.gte - EPS)) return false;
  if (b.lt !== undefined && !(v < b.lt - EPS)) return false;
  if (b.lte !== undefined && !(v <= b.lte + EPS)) return false;
  return true;
}

/** "100 m 以上（不含 100 m）", "60 m 及以下", "24 m 以上（不含）且 100 m 及以下". */
export function boundWords(b: Bound, unit: string): string {
  const u = unit ? ` ${unit}` : '';
  const parts: string[] = [];
  if (b.gt !== undefined) parts.push(`${b.gt}${u} 以上（不含 ${b.gt}${u}）`);
  if (b.gte !== undefined) parts.push(`${b.gte}${u} 及以上`);
  if (b.lt !== undefined) parts.push(`${b.lt}${u} 以下（不含 ${b.lt}${u}）`);
  if (b.lte !== undefined) parts.push(`${b.lte}${u} 及以下`);
  return parts.join('且');
}
