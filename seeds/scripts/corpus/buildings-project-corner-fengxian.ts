// 奉贤 residential cluster, 装配式建筑 单体指标 sideways: the corner says "项目", a 单位 column sits
// between the labels and the buildings, the last column is 合计, values are partly numbers stored as
// text with spaces, and a long note row splits the table in two. 3#楼 reaches only 48.5 % 装配率
// and 38 % 预制率 (fail twice); the 合计 column (area-weighted 52.1 %) is no building's value.
// Layout: docs/domain/indicator-sheet-layout.md §2 (per-building columns; 合计 column) and §6 (numbers as text);
// Shanghai 单体预制率/单体装配率 fields (上海市装配式建筑单体预制率和装配率计算细则).
import { FMT, header, newWorkbook, note, put, rowOf, sheet, title } from '../sheet-kit';
import { corpusExpected, type CorpusSample } from '../corpus-kit';
import type { ConditionsDoc } from '../../../shared/model/types';

const B = [
  { name: '1#楼', area: 12600, use: '住宅', asm: ' 53.0 ', pre: '41.5' },
  { name: '2#楼', area: 12600, use: '住宅', asm: '52.5', pre: ' 40.8' },
  { name: '3#楼', area: 9800, use: '住宅', asm: '48.5 ', pre: '38.0' },
  { name: '4#楼', area: 8600, use: '住宅', asm: '51.0', pre: '' },
];

function workbook() {
  const wb = newWorkbook('上海某住宅设计研究院有限公司');
  const ws0 = sheet(wb, '项目概况', [26, 16, 30]);
  title(ws0, 1, '奉贤区FX-11-02地块住宅 项目概况', 1, 3, 12);
  header(ws0, 2, 1, ['指标', '设计值', '备注']);
  rowOf(ws0, 3, 1, ['总建筑面积（㎡）', 61200, '含地下']);
  rowOf(ws0, 4, 1, ['预制率', 0.405, '按地上建筑面积加权'], [undefined, FMT.pct2]);
  rowOf(ws0, 5, 1, ['装配率', 0.515, '按地上建筑面积加权'], [undefined, FMT.pct2]);

  const ws = sheet(wb, '装配式单体指标', [26, 8, 14, 14, 14, 14, 14]);
  title(ws, 1, '奉贤区FX-11-02地块住宅 装配式建筑单体指标汇总', 1, 7, 12);
  put(ws, 2, 1, '项目');
  header(ws, 2, 2, ['单位', ...B.map((b) => b.name), '合计']);
  rowOf(ws, 3, 1, ['建筑功能', '', ...B.map((b) => b.use), '']);
  rowOf(ws, 4, 1, ['地上建筑面积', '㎡', ...B.map((b) => b.area), B.reduce((s, b) => s + b.area, 0)], [undefined, undefined, FMT.area, FMT.area, FMT.area, FMT.area, FMT.area]);
  note(ws, 5, '说明：以下预制率、装配率按《上海市装配式建筑单体预制率和装配率计算细则》（沪建建材〔2019〕765号）逐栋计算，计算过程详见装配式专篇第3章，合计栏为按地上建筑面积加权的平均值，仅供参考；4#楼预制率待深化设计后补充。', 1, 7);
  rowOf(ws, 6, 1, ['单体预制率', '%', ...B.map((b) => b.pre || null), '40.5']);
  rowOf(ws, 7, 1, ['单体装配率', '%', ...B.map((b) => b.asm), '51.5']);
  return wb;
}

const conditions: ConditionsDoc = {
  format: 'landcheck.conditions/v1',
  contract: { number: '沪奉规土(2024)第046号', parcel: '奉贤区FX-11-02地块', city: '上海市', signedOn: '2024-08-19', district: '奉贤区' },
  conditions: [
    { id: 'A1', clause: '第十一条', text: '单体建筑预制率不低于40%', indicator: 'prefab_ratio', op: '>=', value: 40, scope: 'building' },
    { id: 'A2', clause: '第十一条', text: '单体建筑装配率不低于50%', indicator: 'assembly_ratio', op: '>=', value: 50, scope: 'building' },
  ],
};

const expected = corpusExpected('buildings-project-corner-fengxian', [
  { conditionId: 'A1', building: '1#楼', verdict: 'pass', why: '1#楼预制率41.5%≥40%' },
  { conditionId: 'A1', building: '2#楼', verdict: 'pass', why: '2#楼预制率“ 40.8”（文本）≥40%' },
  { conditionId: 'A1', building: '3#楼', verdict: 'fail', alsoAccept: ['review'], why: '3#楼预制率38.0%<40% → 不符合；合计列40.5%不是单体值' },
  { conditionId: 'A1', building: '4#楼', verdict: 'missing', alsoAccept: ['review'], why: '4#楼预制率单元格为空（说明中注明待补充）；项目概况的加权预制率40.5%不是4#楼的数值 → 不能判符合' },
  { conditionId: 'A2', building: '1#楼', verdict: 'pass', why: '1#楼装配率“ 53.0 ”≥50%' },
  { conditionId: 'A2', building: '2#楼', verdict: 'pass', why: '2#楼装配率52.5%≥50%' },
  { conditionId: 'A2', building: '3#楼', verdict: 'fail', alsoAccept: ['review'], why: '3#楼装配率48.5%<50% → 不符合；合计列51.5%是加权平均' },
  { conditionId: 'A2', building: '4#楼', verdict: 'pass', why: '4#楼装配率51.0%≥50%' },
]);

export const buildingsProjectCornerFengxian: CorpusSample = {
  name: 'buildings-project-corner-fengxian',
  title: '奉贤住宅装配式单体指标横表（角格为“项目”，单位列在楼栋列之前，末列合计，长说明行隔断）',
  traps: ['角格写“项目”、标签与楼栋列之间夹单位列', '合计列（加权平均）满足而3#楼不满足', '4#楼预制率留空，另一工作表有项目加权预制率40.5%', '长说明行把表格断成两段', '数值存为带空格的文本'],
  sources: ['docs: docs/domain/indicator-sheet-layout.md §2（逐栋横表、合计列）、§6（文本数字）'],
  workbook,
  conditions,
  expected,
};
