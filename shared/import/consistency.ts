// What the sheet says about its own consistency, read once after extraction: cached formula
// results that their formula no longer gives (formulas.ts) and the 其中 parts of area totals
// (breakdown.ts). The check judges both (shared/check/consistency.ts, docs/evidence-policy.md).
import type { ImportedValue } from '../model/types';
import type { Extracted } from './extract';
import type { Grid } from './grid';
import { readBreakdowns } from './breakdown';
import { markStaleFormulas } from './formulas';
import { resolveSiteParts } from './siteParts';

export function readConsistency(x: Extracted, grids: readonly Grid[]): void {
  const values = [...valuesOf(x)];
  markStaleFormulas(values, grids);
  readBreakdowns(values, grids);
  // 总用地面积 with its 代征 parts and 净用地面积: parts, not restatements (siteParts.ts)
  resolveSiteParts([x.project, ...(x.parcels ?? []).map((p) => p.project)], x.issues);
}

function* valuesOf(x: Extracted): Generator<ImportedValue> {
  yield* Object.values(x.project);
  for (const b of x.buildings) yield* Object.values(b.values);
  for (const p of x.parcels ?? []) {
    yield* Object.values(p.project);
    for (const b of p.buildings) yield* Object.values(b.values);
  }
}
