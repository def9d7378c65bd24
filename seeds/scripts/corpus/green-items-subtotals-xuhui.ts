// 徐汇 office 绿色建筑自评估评分表 at the level of the clauses (GB/T 50378-2019 Chapters 4–9): the
// category (安全耐久 …) is merged down over its clause rows (条文号 | 评分项 | 分值 | 得分 | 达标情况),
// each category ends with a 小计 row, then 提高与创新, 控制项 and 总得分 rows and a 评价结论 row where
// the designer wrote "二星级". The parts give Q = (400 + 50 + 45 + 40 + 80 + 40 + 5) ÷ 10 = 66 →
// 一星级; the sheet's 总得分 says 76. Read from the 分值 column the categories add up to 107 (三星级).
// Layout: docs/domain/green-building.md §3 (Table 3.2.4 categories, Q = (Q0+Q1…Q5+QA)/10) and §4 (clause-level
// self-assessment tables with 分值 | 得分 | 达标情况); docs/domain/indicator-sheet-layout.md §3 and §6.1.
import { FMT, header, kvWriter, newWorkbook, note, rowOf, sheet, title } from '../sheet-kit';
import { corpusExpected, gbQ, type CorpusSample } from '../corpus-kit';
import type { ConditionsDoc } from '../../../shared/model/types';

const CATS: [string, number, [string, string, number, number][]][] = [
  ['安全耐久', 100, [['4.2.1', '采取提升建筑适变性的措施', 18, 9], ['4.2.2', '采取提升建筑部品部件耐久性的措施', 10, 10], ['4.2.3', '提高建筑结构材料的耐久性', 10, 10], ['4.2.4', '合理采用耐久性好、易维护的装饰装修建筑材料', 9, 9], ['4.2.5', '其余条文', 53, 12]]],
  ['健康舒适', 100, [['5.2.1', '控制室内主要空气污染物的浓度', 12, 6], ['5.2.2', '选用的装饰装修材料满足国家现行绿色产品评价标准', 8, 8], ['5.2.3', '其余条文', 80, 31]]],
  ['生活便利', 70, [['6.2.1', '场地与公共交通站点联系便捷', 8, 8], ['6.2.2', '其余条文', 62, 32]]],
  ['资源节约', 200, [['7.2.1', '节约集约利用土地', 20, 20], ['7.2.2', '其余条文', 180, 60]]],
  ['环境宜居', 100, [['8.2.1', '充分保护或修复场地生态环境', 10, 10], ['8.2.2', '其余条文', 90, 30]]],
];
const SUBS = CATS.map(([, , items]) => items.reduce((s, x) => s + x[3], 0));
const BONUS = 5;
const Q = gbQ(400, SUBS, BONUS);
if (Q !== 66) throw new Error(`green-items-subtotals-xuhui: Q must be 66, is ${Q}`);

function workbook() {
  const wb = newWorkbook('上海某建筑设计研究院有限公司');
  const ws0 = sheet(wb, '项目信息', [24, 36]);
  title(ws0, 1, '项目信息', 1, 2, 12);
  const kv = kvWriter(ws0, 2, 1, false);
  kv('项目名称', '徐汇区XH-0219地块办公楼');
  kv('评价阶段', '预评价');
  kv('全装修', '是');

  const ws = sheet(wb, '自评估评分表', [14, 10, 40, 10, 10, 14]);
  title(ws, 1, '绿色建筑预评价自评估评分表（GB/T 50378-2019）', 1, 6, 12);
  header(ws, 2, 1, ['评价指标', '条文号', '评分项', '分值', '得分', '达标情况']);
  let row = 3;
  CATS.forEach(([cat, max, items], i) => {
    const top = row;
    for (const [no, text, m, got] of items) rowOf(ws, row++, 1, [cat, no, text, m, got, got > 0 ? '达标' : '不达标']);
    ws.mergeCells(top, 1, row - 1, 1);
    rowOf(ws, row++, 1, ['', '', '小计', max, SUBS[i]!, '']);
  });
  rowOf(ws, row++, 1, ['提高与创新', '9.2.1', '加分项合计', 100, BONUS, '']);
  rowOf(ws, row++, 1, ['控制项', '—', '控制项基础分值', 400, 400, '全部满足']);
  rowOf(ws, row++, 1, ['总得分', '', 'Q=(Q0+Q1+Q2+Q3+Q4+Q5+QA)/10', 110, 76, ''], [undefined, undefined, undefined, FMT.dec1, FMT.dec1]);
  rowOf(ws, row++, 1, ['评价结论', '', '', '', '', '二星级']);
  note(ws, row + 1, '注：预评价时生活便利满分为70分；“达标情况”为设计单位自评。', 1, 6);
  return wb;
}

const conditions: ConditionsDoc = {
  format: 'landcheck.conditions/v1',
  contract: { number: '沪徐规土(2025)第008号', parcel: '徐汇区XH-0219地块', city: '上海市', signedOn: '2025-04-21', district: '徐汇区' },
  conditions: [{ id: 'G1', clause: '第十二条', text: '新建公共建筑应达到绿色建筑二星级及以上', indicator: 'green_building_star', op: '>=', value: 2 }],
};

const expected = corpusExpected('green-items-subtotals-xuhui', [
  {
    conditionId: 'G1',
    building: null,
    verdict: 'review',
    alsoAccept: ['fail'],
    why: `得分列各类小计${SUBS.join('、')}，加分${BONUS}：Q=(400+${SUBS.join('+')}+${BONUS})/10=${Q}，仅一星级；表中总得分76与复核值不一致（表内自相矛盾）→ 需复核（或按复核值判不符合）；分值列合计为满分，不是得分；“二星级”结论是设计方自评，绝不能判符合`,
  },
]);

export const greenItemsSubtotalsXuhui: CorpusSample = {
  name: 'green-items-subtotals-xuhui',
  title: '徐汇办公绿色建筑条文级自评估评分表（评价指标纵向合并、小计行、分值|得分|达标情况）',
  traps: ['评价指标名纵向合并覆盖各条文行，每类以“小计”行结束', '分值列（满分）在得分列之前', '总得分76与各类小计复算的66不一致', '“评价结论：二星级”是设计方自评'],
  sources: ['docs: docs/domain/green-building.md §3、§4（表3.2.4 分类、Q 公式；条文级自评表）；docs/domain/indicator-sheet-layout.md §3、§6.1'],
  workbook,
  conditions,
  expected,
};
