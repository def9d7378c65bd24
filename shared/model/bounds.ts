// A bound on a building's height, floors or area (docs/formats.md §2.1) in words, for the engine's
// messages, the report and the paste screen alike.
import type { Bound } from './types';

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
