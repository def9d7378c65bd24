// 奉贤新城 public building: 可再生能源 计算 with line items (太阳能光伏 | 太阳能热水 | 空气源热泵热水 |
// 合计) and 建筑年总能耗. The summary still declares the earlier 12.0 %; the line items give 10.80 %:
// both satisfy ≥ 10 % → pass with a consistency remark (一致性提示), not review. The sheet also gives
// the GB/T 51350 可再生能源利用率 (38.5 %) — a different quantity, never the 替代率.
// Roof PV: 1530 ÷ 4800 = 31.9 % ≥ 30 % (other public buildings) → pass.
// Layout: docs/domain/renewable.md §1 (working definition E_re/E_total; systems 光伏/太阳能热水/空气源热泵 per the
// Shanghai 实施意见 [N3]), §3.2 (PV area ratio); docs/domain/energy-carbon.md §3 (可再生能源利用率 of GB/T 51350).
import { f, FMT, header, kvWriter, newWorkbook, note, rowOf, sheet, title } from '../sheet-kit';
import { corpusExpected, pctText, r, type CorpusSample } from '../corpus-kit';
import type { ConditionsDoc } from '../../../shared/model/types';

const ITEMS: [string, number, string, number, string][] = [
  ['太阳能光伏', 420, 'kWp', 398000, '屋面光伏，自发自用'],
  ['太阳能热水', 260, '㎡集热面积', 182000, '食堂及淋浴热水'],
  ['空气源热泵热水', 12, '台', 126000, '热泵可再生能源利用量'],
];
const RE = ITEMS.reduce((s, x) => s + x[3], 0); // 706 000
const ENERGY = 6540000;
const RATIO = RE / ENERGY; // 10.795 %
const DECLARED = 0.12;
const ROOF = 4800;
const PV = 1530;

function workbook() {
  const wb = newWorkbook('上海某建筑设计有限公司');
  const ws0 = sheet(wb, '主要技术经济指标', [8, 30, 16, 30]);
  title(ws0, 1, '奉贤新城FXC10201单元23-01地块文化中心 主要技术经济指标', 1, 4, 12);
  header(ws0, 2, 1, ['序号', '指标名称', '指标值', '备注']);
  rowOf(ws0, 3, 1, [1, '总建筑面积（㎡）', 35800, ''], [undefined, undefined, FMT.area]);
  rowOf(ws0, 4, 1, [2, '可再生能源替代率', DECLARED, '方案阶段数据'], [undefined, undefined, '0.0%']);
  rowOf(ws0, 5, 1, [3, '屋顶光伏覆盖率', r(PV / ROOF, 3), ''], [undefined, undefined, '0.0%']);

  const ws = sheet(wb, '可再生能源计算', [8, 20, 10, 14, 22, 24]);
  title(ws, 1, '可再生能源利用计算表', 1, 6, 12);
  header(ws, 2, 1, ['序号', '可再生能源系统', '规模', '单位', '年可再生能源利用量（kWh/a）', '备注']);
  ITEMS.forEach(([name, size, unit, kwh, remark], i) => rowOf(ws, 3 + i, 1, [i + 1, name, size, unit, kwh, remark], [undefined, undefined, FMT.int, undefined, FMT.int]));
  const rSum = 3 + ITEMS.length;
  rowOf(ws, rSum, 1, ['', '合计', '', '', f(`SUM(E3:E${rSum - 1})`, RE), ''], [undefined, undefined, undefined, undefined, FMT.int]);
  const kv = kvWriter(ws, rSum + 2, 2);
  const rE = kv('建筑年总能耗（kWh/a）', ENERGY, FMT.int, '详见节能计算书');
  kv('可再生能源替代率', f(`E${rSum}/C${rE}`, RATIO), FMT.pct2, '合同要求≥10%');
  kv('可再生能源利用率（GB/T 51350）', 0.385, '0.0%', '近零能耗建筑评价用，口径不同');
  kv('屋顶总面积（㎡）', ROOF, FMT.area);
  kv('光伏安装面积（㎡）', PV, FMT.area);
  kv('屋顶光伏覆盖率', f(`C${kv.row - 1}/C${kv.row - 2}`, PV / ROOF), FMT.pct2, '其他公共建筑要求≥30%');
  note(ws, kv.row + 1, '注：替代率=可再生能源年利用量合计/建筑年总能耗。', 1, 6);
  return wb;
}

const conditions: ConditionsDoc = {
  format: 'landcheck.conditions/v1',
  contract: { number: '沪奉规土(2025)第021号', parcel: 'FXC10201单元23-01地块', city: '上海市', signedOn: '2025-05-09', district: '奉贤区（奉贤新城）' },
  conditions: [
    { id: 'R1', clause: '第十二条（三）', text: '可再生能源替代率不低于10%', indicator: 'renewable_substitution', op: '>=', value: 10 },
    { id: 'PV1', clause: '第十二条（三）', text: '新建公共建筑屋顶光伏覆盖比例不低于30%', indicator: 'pv_roof_coverage', op: '>=', value: 30 },
  ],
};

const expected = corpusExpected('renewable-line-items-fengxian', [
  {
    conditionId: 'R1',
    building: null,
    verdict: 'pass',
    remark: true,
    why:
      `汇总表申报12.0%；计算表分项 ${ITEMS.map((x) => x[3]).join('+')}=${RE} kWh/a ÷ 建筑年总能耗${ENERGY}=${pctText(RATIO)}；` +
      '申报值与复核值不一致（差1.2个百分点），但两者均≥10% → 符合，并给出一致性提示；“可再生能源利用率（GB/T 51350）38.5%”是另一指标，不是替代率，不构成冲突',
  },
  { conditionId: 'PV1', building: null, verdict: 'pass', why: `光伏安装面积${PV}÷屋顶总面积${ROOF}=${pctText(PV / ROOF)}，与申报31.9%一致，≥30%` },
]);

export const renewableLineItemsFengxian: CorpusSample = {
  name: 'renewable-line-items-fengxian',
  title: '奉贤新城文化中心可再生能源分项计算（申报与复核不一致但均满足）',
  traps: ['申报12.0%与分项复核10.80%不一致但均满足：应符合并提示，而非需复核', '“可再生能源利用率（GB/T 51350）”不是替代率', '光伏、太阳能热水、空气源热泵分项与合计行'],
  sources: [
    '《关于推进本市新建建筑可再生能源应用的实施意见》摘要（光伏、太阳能热水、地源/空气源热泵；光伏安装面积比例）：https://vipuu5.com/post/9669.html',
    '《上海市碳达峰实施方案》摘要（替代率10%，公共建筑屋顶光伏30%/50%）：http://shenzhen.creb.com.cn/jc/178875.jhtml',
    '公开代码：绿色建筑关键评价指标字段（可再生能源发电量、热水比例等）（find_string id 27413545354）',
  ],
  workbook,
  conditions,
  expected,
};
