// Contract conditions that several seed contracts state in the same words (the green-ecological
// clauses of Shanghai land-transfer contracts, docs/domain/applicability-and-clauses.md): one
// writer each, the clause number as the contract numbers it.
import type { ConditionsDoc } from '../../shared/model/types';

type Condition = ConditionsDoc['conditions'][number];

/** G1: 单体建筑面积2万平方米以上的公共建筑应达到绿色建筑二星级及以上 (building scope, public, ≥ 20 000 ㎡). */
export function largePublicBuildingStar(clause: string): Condition {
  return {
    id: 'G1',
    clause,
    text: '单体建筑面积2万平方米以上的公共建筑应达到绿色建筑二星级及以上',
    indicator: 'green_building_star',
    op: '>=',
    value: 2,
    scope: 'building',
    appliesTo: { use: ['public'], minFloorArea: 20000 },
  };
}
