// Building use classes in Chinese: the engine's messages, the report, the command line and the UI.
import type { BuildingUse } from './types';

export const USE_LABEL: Record<BuildingUse, string> = {
  residential: '居住建筑',
  public: '公共建筑',
  industrial: '工业建筑',
  other: '其他用途（车库、设备用房等）',
};

/** The uses a condition's `appliesTo.use` may name (docs/formats.md §2). */
export const CONDITION_USES = ['residential', 'public', 'industrial'] as const;

/** '居住建筑、公共建筑' for an `appliesTo.use` list. */
export function useList(uses: readonly string[]): string {
  return uses.map((u) => USE_LABEL[u as BuildingUse] ?? u).join('、');
}
