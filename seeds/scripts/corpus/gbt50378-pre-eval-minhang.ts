// GB/T 50378-2019 预评价 self-assessment laid out like Table 3.2.4 (categories as columns, the
// 预评价分值 row ABOVE the 自评得分 row) for a 闵行 office building, with the Table 3.2.8 technical
// requirements table (一/二/三星级 requirement columns BEFORE the 本项目 column).
// Scores: Q = 67.5 → 一星级 only, against a declared 二星级 → fail. Read from the 预评价分值 row
// the total would be 107 → 三星级 (false 符合).
// Layout: docs/domain/green-building.md §3–§4 (Table 3.2.4 [G2], Table 3.2.8 [G1][G2]); a public score UI
// with the columns 控制项基础分值 | 安全耐久分值 | … | 提高与创新加分项 (find_string id 3140678805).
import { f, FMT, header, kvWriter, newWorkbook, note, put, rowOf, sheet, title } from '../sheet-kit';
import { corpusExpected, gbQ, r, STAR_NAME, starByScore, type CorpusSample } from '../corpus-kit';
import type { ConditionsDoc } from '../../../shared/model/types';

const CATS = ['安全耐久', '健康舒适', '生活便利', '资源节约', '环境宜居'];
const MAX_PRE = [100, 100, 70, 200, 100];
const SCORES = [52, 50, 30, 90, 45];
const BONUS = 8;
const Q = gbQ(400, SCORES, BONUS); // 67.5
const Q_FROM_MAX = gbQ(400, MAX_PRE, 100); // 107
if (starByScore(Q) !== 1) throw new Error('gbt50378-pre-eval-minhang: Q must give 一星级');

function workbook() {
  const wb = newWorkbook('上海某建筑设计研究院有限公司');

  const ws0 = sheet(wb, '项目概况', [26, 40]);
  title(ws0, 1, '项目概况', 1, 2, 12);
  const kv = kvWriter(ws0, 2, 1, false);
  kv('项目名称', '闵行区MHPO-1203单元07-02地块办公楼');
  kv('建筑类型', '办公建筑');
  kv('总建筑面积（㎡）', 48600, FMT.area);
  kv('地上层数', 18);
  kv('评价阶段', '预评价');
  kv('申报星级', '二星级');
  kv('全装修', '是');

  const ws = sheet(wb, '自评估得分', [20, 14, 11, 11, 11, 11, 11, 16, 12]);
  title(ws, 1, '绿色建筑预评价自评估得分表（GB/T 50378-2019 表3.2.4）', 1, 9, 12);
  rowOf(ws, 2, 1, ['控制项评价结果', '全部满足']);
  header(ws, 4, 1, ['评价分值', '控制项基础分值', ...CATS, '提高与创新加分项', '总得分']);
  rowOf(ws, 5, 1, ['预评价分值', 400, ...MAX_PRE, 100, '—']);
  rowOf(ws, 6, 1, ['自评得分', 400, ...SCORES, BONUS, f('(B6+C6+D6+E6+F6+G6+H6)/10', Q)], [undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, FMT.dec1]);
  rowOf(ws, 7, 1, ['最低得分要求（30%）', '—', ...MAX_PRE.map((m) => r(m * 0.3, 1)), '—', '—']);
  note(ws, 8, '注：总得分Q=(Q0+Q1+Q2+Q3+Q4+Q5+QA)/10；预评价时生活便利满分为70分。', 1, 9);

  put(ws, 10, 1, '表3.2.8 一星级、二星级、三星级绿色建筑的技术要求');
  ws.mergeCells(10, 1, 10, 6);
  header(ws, 11, 1, ['技术要求', '一星级', '二星级', '三星级', '本项目', '备注']);
  rowOf(ws, 12, 1, ['围护结构热工性能提高比例', 0.05, 0.1, 0.2, 0.12, '或负荷降低比例'], [undefined, FMT.pct0, FMT.pct0, FMT.pct0, FMT.pct0]);
  rowOf(ws, 13, 1, ['节水器具用水效率等级', '3级', '2级', '2级', '2级', '']);
  rowOf(ws, 14, 1, ['室内主要空气污染物浓度降低比例', 0.1, 0.2, 0.2, 0.2, ''], [undefined, FMT.pct0, FMT.pct0, FMT.pct0, FMT.pct0]);
  rowOf(ws, 15, 1, ['外窗气密性能', '符合节能设计标准', '符合节能设计标准', '符合节能设计标准', '符合', '']);
  rowOf(ws, 17, 1, ['全装修', '是']);
  return wb;
}

const conditions: ConditionsDoc = {
  format: 'landcheck.conditions/v1',
  contract: { number: '沪闵规土(2025)第011号', parcel: 'MHPO-1203单元07-02地块', city: '上海市', signedOn: '2025-02-18', district: '闵行区' },
  conditions: [
    { id: 'G1', clause: '第十二条', text: '新建大型公共建筑应达到绿色建筑二星级及以上', indicator: 'green_building_star', op: '>=', value: 2 },
    { id: 'F1', clause: '第十二条', text: '新建办公建筑应实施全装修', indicator: 'full_fitout', op: '==', value: true },
  ],
};

const expected = corpusExpected('gbt50378-pre-eval-minhang', [
  {
    conditionId: 'G1',
    building: null,
    verdict: 'fail',
    why:
      `申报二星级；“自评得分”行：Q=(400+${SCORES.join('+')}+${BONUS})/10=${Q}<70 → 按得分仅${STAR_NAME[starByScore(Q)]}；` +
      `控制项全部满足，各类得分≥满分30%（生活便利预评价满分70，最低21），全装修“是”，表3.2.8“本项目”列满足二星级要求（提高12%≥10%，2级，降低20%≥20%）→ 复核值一星级，数据完整（非上限），` +
      `GB/T 50378-2019 §3.2.5/§3.2.8 公式与60/70/85阈值为CONFIRMED → 不符合。若误读“预评价分值”行（满分）则 Q=${Q_FROM_MAX}（三星级），属误判`,
  },
  { conditionId: 'F1', building: null, verdict: 'pass', why: '全装修写“是”，按声明值（无相反数据）' },
]);

export const gbt50378PreEvalMinhang: CorpusSample = {
  name: 'gbt50378-pre-eval-minhang',
  title: '闵行办公楼绿色建筑预评价（表3.2.4横排，满分行在得分行之上）',
  traps: ['表3.2.4横排：类别为列，“预评价分值”（满分）行在“自评得分”行之上', '表3.2.8要求列（一/二/三星级）在“本项目”列之前', '申报二星级而得分仅一星级'],
  sources: [
    'GB/T 50378-2019 表3.2.4 绿色建筑评价分值（工程通转载）：http://hqjkw.com.cn/buy/show.php?itemid=19521',
    'GB/T 50378-2019 §3.2.5–3.2.8 及表3.2.8注（预览文本）：http://gong123.com/shangchuanziliao/1457001.html',
    '公开代码：绿色建筑得分表列 控制项基础分值/安全耐久分值/健康舒适分值/生活便利分值/资源节约/环境宜居/提高与创新加分项（find_string id 3140678805）',
  ],
  workbook,
  conditions,
  expected,
};
