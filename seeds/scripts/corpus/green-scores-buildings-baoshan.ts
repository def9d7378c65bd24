// 宝山 public-building cluster with one GB/T 50378 预评价 score sheet per building:
//  A栋办公: the sheet's 总得分 73.6 contradicts its parts (Q = 66.1) → review (never a pass on 73.6);
//  B栋商业: scores only (no 控制项 line, no 全装修, no Table 3.2.8) and no declared star: the star
//           recomputed is only an upper bound (二星级) → review;
//  C栋酒店: scores only, Q = 59.2 → even the upper bound is 基本级 → fail;
//  D栋办公: complete sheet, Q = 78.0 → 二星级, as declared → pass.
// Layout: docs/domain/green-building.md §3–§4; per-building score blocks as in the bundled songjiang sample's
// 绿色建筑-C酒店 (GB/T 50378 Table 3.2.4 categories [G2]).
import { f, FMT, header, kvWriter, newWorkbook, rowOf, sheet, title } from '../sheet-kit';
import { corpusExpected, gbQ, r, STAR_NAME, starByScore, type CorpusSample } from '../corpus-kit';
import type { ConditionsDoc } from '../../../shared/model/types';
import { largePublicBuildingStar } from '../contract-clauses';
import type ExcelJS from 'exceljs';

const CATS = ['安全耐久', '健康舒适', '生活便利', '资源节约', '环境宜居'];
const MAX = [100, 100, 70, 200, 100];

interface Block {
  building: string;
  scores: number[];
  bonus: number;
  /** 总得分 as written (defaults to the true Q). */
  stated?: number;
  complete: boolean;
}

const A: Block = { building: 'A栋办公', scores: [55, 52, 30, 75, 45], bonus: 4, stated: 73.6, complete: true };
const B: Block = { building: 'B栋商业', scores: [62, 60, 40, 110, 58], bonus: 12, complete: false };
const C: Block = { building: 'C栋酒店', scores: [35, 38, 22, 65, 32], bonus: 0, complete: false };
const D: Block = { building: 'D栋办公', scores: [70, 68, 45, 120, 62], bonus: 15, complete: true };
const qOf = (b: Block) => gbQ(400, b.scores, b.bonus);
if (qOf(A) !== 66.1 || qOf(B) !== 74.2 || qOf(C) !== 59.2 || qOf(D) !== 78) throw new Error('green-scores-buildings-baoshan: scores changed');

const BUILDINGS: [string, string, number, number, string][] = [
  ['A栋办公', '办公', 36000, 20, '二星级'],
  ['B栋商业', '商业', 28000, 5, '/'],
  ['C栋酒店', '酒店', 24000, 16, '/'],
  ['D栋办公', '办公', 30000, 18, '二星级'],
  ['E栋配套', '配套用房', 3200, 2, '/'],
  ['地下车库', '地下车库', 41000, -2, '/'],
];

function scoreSheet(wb: ExcelJS.Workbook, b: Block): void {
  const ws = sheet(wb, `绿色建筑-${b.building}`, [30, 14, 16, 18]);
  title(ws, 1, `${b.building} 绿色建筑预评价自评估得分表`, 1, 4, 12);
  const kv = kvWriter(ws, 2, 1, false);
  kv('单体名称', b.building);
  kv('评价阶段', '预评价');
  if (b.complete) {
    kv('控制项', '满足');
    kv('控制项基础分值', 400);
  }
  kv.row++;
  const h = kv.row++;
  header(ws, h, 1, ['指标类别', '自评得分', '评分项满分值', '最低得分（30%）']);
  CATS.forEach((c, i) => rowOf(ws, kv.row++, 1, [c, b.scores[i], MAX[i], r(MAX[i] * 0.3, 1)]));
  rowOf(ws, kv.row++, 1, ['提高与创新', b.bonus, 100, '—']);
  const q = qOf(b);
  const stated = b.stated ?? q;
  rowOf(ws, kv.row++, 1, ['总得分', b.stated === undefined ? f(`(400+SUM(B${h + 1}:B${kv.row - 2}))/10`, q) : stated, '', ''], [undefined, FMT.dec1]);
  if (b.complete) {
    kv.row++;
    kv('全装修', '是');
    kv('围护结构热工性能提高比例', 0.1, FMT.pct0);
    kv('节水器具用水效率等级（级）', 2);
    kv('室内主要空气污染物浓度降低比例', 0.2, FMT.pct0);
  }
}

function workbook() {
  const wb = newWorkbook('上海某建筑设计咨询有限公司');
  const ws = sheet(wb, '单体指标', [14, 12, 16, 10, 16]);
  title(ws, 1, '宝山区顾村某商办综合体 单体建筑指标', 1, 5, 12);
  header(ws, 2, 1, ['单体名称', '建筑功能', '建筑面积（㎡）', '地上层数', '绿色建筑星级']);
  BUILDINGS.forEach((b, i) => rowOf(ws, 3 + i, 1, b, [undefined, undefined, FMT.area]));
  rowOf(ws, 3 + BUILDINGS.length, 1, ['合计', '', f(`SUM(C3:C${2 + BUILDINGS.length})`, BUILDINGS.reduce((s, b) => s + b[2], 0)), '', ''], [undefined, undefined, FMT.area]);
  for (const b of [A, B, C, D]) scoreSheet(wb, b);
  return wb;
}

const conditions: ConditionsDoc = {
  format: 'landcheck.conditions/v1',
  contract: { number: '沪宝规土(2024)第033号', parcel: '顾村BSP0-0104单元12-03地块', city: '上海市', signedOn: '2024-11-05', district: '宝山区' },
  conditions: [
    largePublicBuildingStar('第十三条（一）'),
  ],
};

const sum = (b: Block) => `(400+${b.scores.join('+')}+${b.bonus})/10=${qOf(b)}`;

const expected = corpusExpected('green-scores-buildings-baoshan', [
  {
    conditionId: 'G1',
    building: 'A栋办公',
    verdict: 'review',
    basis: 'contradiction',
    why: `申报二星级；得分表各项 Q=${sum(A)}（${STAR_NAME[starByScore(qOf(A))]}），而表中“总得分”写73.6：表内合计与分项矛盾 → 需复核，不能依73.6判符合`,
  },
  {
    conditionId: 'G1',
    building: 'B栋商业',
    verdict: 'review',
    basis: 'upper-bound-only',
    why: `无申报星级（“/”）；得分表 Q=${sum(B)}，按得分可达二星级，但表中无控制项、全装修、表3.2.8数据 → 复核值仅为上限，不能判符合`,
  },
  {
    conditionId: 'G1',
    building: 'C栋酒店',
    verdict: 'fail',
    why: `无申报星级；得分表 Q=${sum(C)}<60 → 即使控制项、全装修、表3.2.8均满足也只能是基本级；上限已不满足二星级 → 不符合`,
  },
  {
    conditionId: 'G1',
    building: 'D栋办公',
    verdict: 'pass',
    why: `申报二星级；控制项满足，Q=${sum(D)}，70≤Q<85，各类≥30%，全装修“是”，表3.2.8提高10%、2级、降低20%满足二星级 → 复核二星级，一致`,
  },
  { conditionId: 'G1', building: 'E栋配套', verdict: 'not_applicable', why: '3200㎡<20000㎡（minFloorArea）' },
  { conditionId: 'G1', building: '地下车库', verdict: 'not_applicable', why: '地下车库（other），不在 appliesTo.use=public 范围' },
]);

export const greenScoresBuildingsBaoshan: CorpusSample = {
  name: 'green-scores-buildings-baoshan',
  title: '宝山商办综合体分栋绿色建筑得分表（总分矛盾、仅上限）',
  traps: ['表内“总得分”与分项矛盾（73.6 对 66.1）', '只有得分没有控制项/全装修/表3.2.8：复核星级只是上限', '上限不满足时应判不符合'],
  sources: [
    'GB/T 50378-2019 §3.2.5 总得分公式、§3.2.8 星级条件：http://gong123.com/shangchuanziliao/1457001.html',
    'GB/T 50378-2019 表3.2.4（预评价生活便利满分70）：http://hqjkw.com.cn/buy/show.php?itemid=19521',
  ],
  workbook,
  conditions,
  expected,
};
