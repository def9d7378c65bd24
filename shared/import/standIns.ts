// Stand-in labels (data: shared/data/indicators.json, `standsInFor`): 绿化率 written where 绿地率 is
// meant, and the like. When only the stand-in was read, the meant indicator gets an 'ambiguous' copy
// that names both, so the engine reviews it instead of missing it or trusting it (docs/reading-sheets.md).
import { INDICATORS, mustIndicator } from '../model/indicators';
import type { ImportedValue } from '../model/types';

const STAND_INS = INDICATORS.filter((d) => d.standsInFor);

/** 绿化率 where 绿地率 is meant (and the other label splits): the absent one gets an 'ambiguous' copy. */
export function standIns(store: Record<string, ImportedValue>): void {
  let add: ImportedValue[] | null = null;
  for (let i = 0; i < STAND_INS.length; i++) {
    const def = STAND_INS[i];
    const id = def.id;
    const si = def.standsInFor!;
    const iv = store[id];
    if (!iv || store[si.indicator]) continue;
    if (iv.status === 'placeholder' || iv.value === null) continue;
    const target = mustIndicator(si.indicator);
    (add ??= []).push({
      ...iv,
      indicator: target.id,
      status: 'ambiguous',
      interpretation: `${si.reason}（${iv.source} 读作${def.name}：${iv.interpretation}）`,
      conflicts: undefined,
    });
  }
  if (!add) return;
  for (const iv of add) {
    if (store[iv.indicator]) continue;
    if (iv.conflicts === undefined) delete iv.conflicts;
    store[iv.indicator] = iv;
  }
}
