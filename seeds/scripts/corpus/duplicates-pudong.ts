// 浦东 residential workbook where two visible sheets state the same indicators:
//  - 绿地率 35.20 % (summary) vs 31.0 % (绿色建筑专篇) → conflict → review, naming both cells;
//  - 可再生能源替代率 10.50 % vs 9.2 % → conflict → review;
//  - 容积率 2.50 vs 2.5 (equal within the tolerance) → one figure, no conflict → pass;
//  - 建筑密度 32.00 % with the designer's own "满足" in a 是否满足 column → fail (never trust the
//    designer's judgement over the numbers).
// Layout: docs/domain/indicator-sheet-layout.md §6.1 (是否满足/结论 column), §3 (green-building key-indicator
// lists repeat 场地 indicators [L1]).
import { f, FMT, header, kvWriter, newWorkbook, rowOf, sheet, title } from '../sheet-kit';
import { corpusExpected, r, type CorpusSample } from '../corpus-kit';
import type { ConditionsDoc } from '../../../shared/model/types';

const SITE = 25000;
const FAR_AREA = 62400;
const GREEN = 8800;
const FOOT = 8000;

function workbook() {
  const wb = newWorkbook('上海某建筑设计有限公司');
  const ws = sheet(wb, '主要技术经济指标', [8, 24, 16, 12, 28]);
  title(ws, 1, '浦东新区PDP0-1102单元E04-3地块住宅项目 主要技术经济指标', 1, 5, 12);
  header(ws, 2, 1, ['序号', '指标', '设计值', '是否满足', '备注']);
  const F = [undefined, undefined, FMT.area];
  rowOf(ws, 3, 1, [1, '总用地面积（㎡）', SITE, '', ''], F);
  rowOf(ws, 4, 1, [2, '计容建筑面积（㎡）', FAR_AREA, '', ''], F);
  rowOf(ws, 5, 1, [3, '容积率', f('C4/C3', FAR_AREA / SITE), '满足', '规划条件≤2.5'], [undefined, undefined, FMT.dec2]);
  rowOf(ws, 6, 1, [4, '建筑基底面积（㎡）', FOOT, '', ''], F);
  rowOf(ws, 7, 1, [5, '建筑密度', f('C6/C3', FOOT / SITE), '满足', '规划条件≤30%'], [undefined, undefined, FMT.pct2]);
  rowOf(ws, 8, 1, [6, '绿地面积（㎡）', GREEN, '', ''], F);
  rowOf(ws, 9, 1, [7, '绿地率', f('C8/C3', GREEN / SITE), '满足', '规划条件≥35%'], [undefined, undefined, FMT.pct2]);
  rowOf(ws, 10, 1, [8, '可再生能源替代率', 0.105, '满足', ''], [undefined, undefined, FMT.pct2]);
  rowOf(ws, 11, 1, [9, '全装修', '是', '满足', '']);

  const g = sheet(wb, '绿色建筑专篇', [34, 16, 30]);
  title(g, 1, '绿色建筑设计专篇 关键评价指标', 1, 3, 12);
  const kv = kvWriter(g, 2, 1);
  kv('容积率', 2.5, FMT.dec2);
  kv('绿地率', 0.31, '0.0%', '扣除地库顶板覆土不足1.5m部分');
  kv('可再生能源替代率', 0.092, '0.0%', '按施工图节能计算');
  kv('全装修', '是');
  return wb;
}

const conditions: ConditionsDoc = {
  format: 'landcheck.conditions/v1',
  contract: { number: '沪浦规土(2024)第061号', parcel: 'PDP0-1102单元E04-3地块', city: '上海市', signedOn: '2024-10-30', district: '浦东新区' },
  conditions: [
    { id: 'P1', clause: '第四条', text: '容积率不大于2.5', indicator: 'far', op: '<=', value: 2.5 },
    { id: 'P2', clause: '第四条', text: '绿地率不低于35%', indicator: 'green_ratio', op: '>=', value: 35 },
    { id: 'P3', clause: '第四条', text: '建筑密度不大于30%', indicator: 'building_density', op: '<=', value: 30 },
    { id: 'R1', clause: '第十一条（三）', text: '可再生能源替代率不低于10%', indicator: 'renewable_substitution', op: '>=', value: 10 },
    { id: 'F1', clause: '第十一条（五）', text: '新建住宅应实施全装修', indicator: 'full_fitout', op: '==', value: true },
  ],
};

const expected = corpusExpected('duplicates-pudong', [
  { conditionId: 'P1', building: null, verdict: 'pass', why: `计容${FAR_AREA}÷用地${SITE}=${r(FAR_AREA / SITE, 4)}；专篇写2.50，差值在容差0.01内，为同一数值，不构成冲突；≤2.5` },
  {
    conditionId: 'P2',
    building: null,
    verdict: 'review',
    basis: 'conflict',
    why: `主要技术经济指标写${r((GREEN / SITE) * 100, 2)}%，绿色建筑专篇写31.0%，同一指标两个不同数值（差4.2个百分点）→ 冲突，需复核并列出两个单元格`,
  },
  { conditionId: 'P3', building: null, verdict: 'fail', why: `基底${FOOT}÷用地${SITE}=${r((FOOT / SITE) * 100, 2)}%>30% → 不符合；“是否满足”列的“满足”是设计人自评，不作依据` },
  { conditionId: 'R1', building: null, verdict: 'review', basis: 'conflict', why: '主要技术经济指标写10.50%，专篇写9.2% → 冲突，需复核' },
  { conditionId: 'F1', building: null, verdict: 'pass', why: '主要技术经济指标与专篇两处均为“是”，一致' },
]);

export const duplicatesPudong: CorpusSample = {
  name: 'duplicates-pudong',
  title: '浦东住宅（两表数值冲突、设计人自评“满足”）',
  traps: ['同一指标在两张可见工作表数值不同', '差值在容差内的重复不是冲突', '“是否满足”列写“满足”而数值不满足'],
  sources: [
    'docs: docs/domain/indicator-sheet-layout.md §6.1（是否满足/结论列不可信）',
    '公开代码：绿色建筑关键评价指标字段列表（find_string id 27413545354）',
  ],
  workbook,
  conditions,
  expected,
};
