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

export { boundWords } from '../model/bounds';
