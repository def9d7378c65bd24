// 杭州 school: a workbook that describes ONE building (2#楼 教学楼). There is no project table: the
// sheets are titled for 2#楼, the first one carries "单体名称：2#楼 教学楼" in one merged cell (label and
// value together). Project-scope conditions are answered by the sole building's values (not 缺项):
// star 二星级 (score sheet Q = 72.2, complete) → pass; 装配率 61 % (national table, as the contract
// names GB/T 51129) → pass; roof PV 1390 ÷ 2960 = 46.96 % < 50 % → fail. Height (building scope) → pass.
// Layout: docs/domain/green-building.md §3–§4, docs/domain/prefabrication.md §1 (Q4 for an absent 集成厨房), docs/domain/renewable.md §3.2.
import { f, FMT, header, kvWriter, newWorkbook, rowOf, sheet, title } from '../sheet-kit';
import { corpusExpected, gbQ, pctText, r, type CorpusSample } from '../corpus-kit';
import type { ConditionsDoc } from '../../../shared/model/types';
import { assemblySheet, assessAssembly, type AsmRatios } from './gbt51129';

const CATS = ['安全耐久', '健康舒适', '生活便利', '资源节约', '环境宜居'];
const MAX = [100, 100, 70, 200, 100];
const SCORES = [62, 58, 40, 100, 55];
const BONUS = 7;
const Q = gbQ(400, SCORES, BONUS); // 72.2
const RATIOS: AsmRatios = [0, 0.8, 0.85, 0.8, 0.6, 0.5, 1, 0.7, null, 0.7, 0.6];
const ASM = assessAssembly(RATIOS);
const ROOF = 2960;
const PV = 1390;
if (Q !== 72.2 || Math.abs(ASM.p - 61) > 0.5) throw new Error(`one-building-school-hangzhou: Q ${Q}, P ${ASM.p}`);

function workbook() {
  const wb = newWorkbook('杭州某建筑设计研究院有限公司');
  const ws = sheet(wb, '2#楼概况', [28, 20, 24]);
  title(ws, 1, '萧山区某九年一贯制学校 2#楼 指标表', 1, 3, 12);
  ws.mergeCells(2, 1, 2, 3);
  ws.getCell(2, 1).value = '单体名称：2#楼 教学楼';
  const kv = kvWriter(ws, 3, 1);
  kv('建筑功能', '教学楼');
  kv('建筑面积（㎡）', 12850, FMT.area);
  kv('地上层数', 5);
  kv('建筑高度（m）', 23.85, FMT.dec2, '室外地坪至屋面面层');
  kv('绿色建筑星级', '二星级', undefined, '预评价');
  kv('装配率', 0.61, FMT.pct0, '按GB/T 51129-2017');
  kv('屋顶光伏覆盖率', PV / ROOF, FMT.pct2, '见“2#楼 可再生能源”');

  const g = sheet(wb, '2#楼 绿色建筑自评估', [30, 14, 16]);
  title(g, 1, '2#楼 绿色建筑预评价自评估（GB/T 50378-2019）', 1, 3, 12);
  const gk = kvWriter(g, 2, 1, false);
  gk('评价阶段', '预评价');
  gk('控制项', '满足');
  gk('控制项基础分值', 400);
  gk.row++;
  const h = gk.row++;
  header(g, h, 1, ['指标类别', '自评得分', '评分项满分值']);
  CATS.forEach((c, i) => rowOf(g, gk.row++, 1, [c, SCORES[i], MAX[i]]));
  rowOf(g, gk.row++, 1, ['提高与创新', BONUS, 100]);
  rowOf(g, gk.row++, 1, ['总得分', f(`(B4+SUM(B${h + 1}:B${gk.row - 2}))/10`, Q), ''], [undefined, FMT.dec1]);
  gk.row++;
  gk('全装修', '是');
  gk('围护结构热工性能提高比例', 0.1, FMT.pct0);
  gk('节水器具用水效率等级（级）', 2);
  gk('室内主要空气污染物浓度降低比例', 0.2, FMT.pct0);

  assemblySheet(wb, '2#楼 装配率计算表', '2#楼 装配率计算表（GB/T 51129-2017）', '2#楼', '装配式混凝土框架结构', RATIOS, ASM);

  const p = sheet(wb, '2#楼 可再生能源', [28, 16, 24]);
  title(p, 1, '2#楼 屋顶光伏计算', 1, 3, 12);
  const pk = kvWriter(p, 2, 1);
  pk('屋顶总面积（㎡）', ROOF, FMT.area);
  pk('光伏安装面积（㎡）', PV, FMT.area, '扣除设备及检修通道');
  pk('屋顶光伏覆盖率', f('B3/B2', PV / ROOF), FMT.pct2);
  return wb;
}

const conditions: ConditionsDoc = {
  format: 'landcheck.conditions/v1',
  contract: { number: '杭萧出让(2025)023号', parcel: '萧山区XS-0731地块', city: '杭州市', signedOn: '2025-04-08', district: '萧山区' },
  conditions: [
    { id: 'G1', clause: '第十一条', text: '新建学校建筑应达到绿色建筑二星级及以上', indicator: 'green_building_star', op: '>=', value: 2 },
    {
      id: 'A1',
      clause: '第十二条',
      text: '按《装配式建筑评价标准》GB/T 51129-2017计算的装配率不低于60%',
      indicator: 'assembly_ratio',
      op: '>=',
      value: 60,
      method: 'GB/T 51129-2017《装配式建筑评价标准》',
    },
    { id: 'PV1', clause: '第十三条', text: '学校建筑屋顶光伏安装面积比例不低于50%', indicator: 'pv_roof_coverage', op: '>=', value: 50 },
    { id: 'H1', clause: '第四条', text: '教学用房建筑高度不超过24米', indicator: 'building_height', op: '<=', value: 24, scope: 'building' },
  ],
};

const expected = corpusExpected('one-building-school-hangzhou', [
  {
    conditionId: 'G1',
    building: null,
    verdict: 'pass',
    why: `工作簿只描述2#楼，项目级条件取唯一单体的值：申报二星级；自评估 Q=(400+${SCORES.join('+')}+${BONUS})/10=${Q}，控制项满足、各类≥30%、全装修、表3.2.8满足二星级 → 复核二星级，一致`,
  },
  {
    conditionId: 'A1',
    building: null,
    verdict: 'pass',
    why: `唯一单体2#楼申报61%；计算表 Q1=${ASM.q1}、Q2=${ASM.q2}、Q3=${ASM.q3}、Q4=${ASM.q4}（集成厨房缺项）→ P=${ASM.p}%，与申报在0.5个百分点内一致，≥60%（合同指定国标方法）`,
  },
  { conditionId: 'PV1', building: null, verdict: 'fail', why: `光伏安装面积${PV}÷屋顶总面积${ROOF}=${pctText(PV / ROOF)}<50%，与申报一致 → 不符合` },
  { conditionId: 'H1', building: '2#楼', verdict: 'pass', why: `“单体名称：2#楼 教学楼”（标签与值同格）；建筑高度${r(23.85, 2)}m≤24m` },
]);

export const oneBuildingSchoolHangzhou: CorpusSample = {
  name: 'one-building-school-hangzhou',
  title: '杭州学校单栋工作簿（只描述2#楼）',
  traps: ['工作簿只描述一个单体，项目级条件应取该单体的值而非缺项', '“单体名称：2#楼 教学楼”标签与值在同一单元格', '集成厨房缺项计入Q4'],
  sources: [
    'GB/T 51129-2017 公式 P=(Q1+Q2+Q3)/(100−Q4)：https://m.docduoduo.com/p-8755630.html',
    'GB/T 50378-2019 §3.2.5–3.2.8：http://gong123.com/shangchuanziliao/1457001.html',
    '屋顶光伏安装面积比例（学校50%）：http://shenzhen.creb.com.cn/jc/178875.jhtml',
  ],
  workbook,
  conditions,
  expected,
};
