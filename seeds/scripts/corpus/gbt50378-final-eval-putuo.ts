// GB/T 50378-2019 评价 (after completion) self-assessment of a 普陀 residential project, in the
// usual vertical layout but with the 评分项满分值 column BEFORE the 自评得分 column and a 备注
// column. At 评价 stage 生活便利 has a maximum of 100, so its 28 points miss the 30 % floor (30):
// the project is 基本级 although Q = 79.5. Read with the 预评价 maximum (70, floor 21) it would
// be 二星级; read from the 满分 column, Q = 110 → 三星级. Both are false 符合.
// Layout: docs/domain/green-building.md §3 (Table 3.2.4: 评价分值 生活便利 100 [G2]) and §4 (30 % rule [G1]).
import { f, FMT, header, kvWriter, newWorkbook, note, rowOf, sheet, title } from '../sheet-kit';
import { corpusExpected, gbQ, r, starByScore, type CorpusSample } from '../corpus-kit';
import type { ConditionsDoc } from '../../../shared/model/types';

const ROWS: [string, number, number, string][] = [
  ['安全耐久', 100, 75, '第4章'],
  ['健康舒适', 100, 72, '第5章'],
  ['生活便利', 100, 28, '第6章，评价阶段满分100分'],
  ['资源节约', 200, 130, '第7章'],
  ['环境宜居', 100, 70, '第8章'],
];
const BONUS = 20;
const Q = gbQ(400, ROWS.map((x) => x[2]), BONUS); // 79.5
if (starByScore(Q) !== 2) throw new Error('gbt50378-final-eval-putuo: Q must be in the 二星级 band');

function workbook() {
  const wb = newWorkbook('上海某建筑设计院有限公司');
  const ws = sheet(wb, '绿色建筑评价', [8, 22, 16, 14, 16, 30]);
  title(ws, 1, '普陀区真如副中心W06-1地块住宅项目 绿色建筑评价自评表（GB/T 50378-2019）', 1, 6, 12);
  const kv = kvWriter(ws, 2, 2, false);
  kv('评价阶段', '评价');
  kv('申报星级', '二星级');
  kv('控制项', '全部满足');
  kv('控制项基础分值', 400);
  const h = kv.row + 1;
  header(ws, h, 1, ['序号', '指标类别', '评分项满分值', '自评得分', '最低得分（30%）', '备注']);
  let row = h + 1;
  ROWS.forEach(([cat, max, score, remark], i) => rowOf(ws, row++, 1, [i + 1, cat, max, score, r(max * 0.3, 1), remark]));
  rowOf(ws, row++, 1, [6, '提高与创新加分项', 100, BONUS, '—', '共5条']);
  rowOf(ws, row, 1, ['', '总得分', 110, f(`(C5+SUM(D${h + 1}:D${row - 1}))/10`, Q), '', ''], [undefined, undefined, undefined, FMT.dec1]);
  row += 2;
  const kv2 = kvWriter(ws, row, 2, false);
  kv2('全装修', '是');
  kv2('围护结构热工性能提高比例', 0.15, FMT.pct0);
  kv2('节水器具用水效率等级', '2级');
  kv2('室内主要空气污染物浓度降低比例', 0.2, FMT.pct0);
  note(ws, kv2.row + 1, '注：评价阶段各类评分项满分：安全耐久100、健康舒适100、生活便利100、资源节约200、环境宜居100。', 1, 6);
  return wb;
}

const conditions: ConditionsDoc = {
  format: 'landcheck.conditions/v1',
  contract: { number: '沪普规土(2023)第007号', parcel: '真如副中心W06-1地块', city: '上海市', signedOn: '2023-05-12', district: '普陀区' },
  conditions: [
    { id: 'G1', clause: '第十条', text: '本地块住宅建筑应达到绿色建筑二星级及以上标准', indicator: 'green_building_star', op: '>=', value: 2 },
    { id: 'F1', clause: '第十条', text: '新建住宅应实施全装修', indicator: 'full_fitout', op: '==', value: true },
  ],
};

const expected = corpusExpected('gbt50378-final-eval-putuo', [
  {
    conditionId: 'G1',
    building: null,
    verdict: 'fail',
    why:
      `评价阶段：自评得分列 Q=(400+${ROWS.map((x) => x[2]).join('+')}+${BONUS})/10=${Q}（与表中总得分一致），但生活便利28<满分100×30%=30，` +
      `GB/T 50378-2019 §3.2.8 第1款（各类评分项得分不低于满分值30%，CONFIRMED）不满足 → 不能评为一/二/三星级，复核值基本级；控制项、全装修、表3.2.8数据齐全（非上限）→ 低于二星级，不符合。` +
      '按预评价满分70（最低21）或误读“评分项满分值”列（Q=110）都会误判为符合',
  },
  { conditionId: 'F1', building: null, verdict: 'pass', why: '全装修写“是”，按声明值（无相反数据）' },
]);

export const gbt50378FinalEvalPutuo: CorpusSample = {
  name: 'gbt50378-final-eval-putuo',
  title: '普陀住宅绿色建筑评价阶段自评（满分列在得分列之前，生活便利不足30%）',
  traps: ['“评分项满分值”列在“自评得分”列之前', '评价阶段生活便利满分100：28分低于30%下限，按预评价满分70会误判', '备注列含文字与数字'],
  sources: [
    'GB/T 50378-2019 表3.2.4 预评价/评价分值（生活便利70/100）：http://hqjkw.com.cn/buy/show.php?itemid=19521',
    'GB/T 50378-2019 §3.2.8（30%下限、全装修、表3.2.8）：http://gong123.com/shangchuanziliao/1457001.html',
  ],
  workbook,
  conditions,
  expected,
};
