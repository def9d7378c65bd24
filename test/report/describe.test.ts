// Where a condition applies, in the report's words, including the richer condition language
// (bounds on height, floors and areas; a parcel; averages over buildings).
import { describe, expect, it } from 'vitest';
import { describeScope } from '../../shared/report/describe';
import type { Condition } from '../../shared/model/types';

describe('describeScope', () => {
  it('names every filter of appliesTo, the parcel and how buildings are combined', () => {
    const c = {
      id: 'A1',
      indicator: 'assembly_ratio',
      op: '>=',
      value: 60,
      scope: 'building',
      appliesTo: { use: ['residential'], height: { gt: 24 }, floors: { lte: 18 }, projectFloorArea: { gte: 20000 } },
      parcel: '08-03',
      aggregate: 'average',
    } as Condition;
    expect(describeScope(c)).toBe('逐栋单体（居住建筑，建筑高度 > 24 m，地上层数 ≤ 18 层，项目总建筑面积 ≥ 20000 m²，限地块 08-03，按建筑面积加权平均）');
    expect(describeScope({ id: 'P', indicator: 'far', op: '<=', value: 2 } as Condition)).toBe('项目整体');
  });
});
