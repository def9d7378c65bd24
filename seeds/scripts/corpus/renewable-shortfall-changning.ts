// 长宁 office redevelopment, a summary table with the usual defects:
//  - 可再生能源替代率 declared 10.5 % while the 可再生能源 sheet's line items (光伏 + 太阳能热水, 合计)
//    over 建筑年总能耗 give 8.18 % → the sheet's own data do not support the declared value → review;
//  - 超低能耗建筑面积占比 is a formula showing #DIV/0! → no value, named error → review;
//  - 绿色建筑星级 written as "二星级及以上" (the requirement restated, not a declared star) → missing;
//  - "绿地率（规划要求≥35%）": the requirement sits in the label, the value 36.14 % is the design value.
// Layout: docs/domain/indicator-sheet-layout.md §6 and §6.1 (requirement written into a label or a value;
// error cells); docs/domain/renewable.md §1 (line items over total energy).
import { f, FMT, header, newWorkbook, note, rowOf, sheet, title } from '../sheet-kit';
import { corpusExpected, errorFormula, pctText, r, type CorpusSample } from '../corpus-kit';
import type { ConditionsDoc } from '../../../shared/model/types';

const SITE = 18400;
const GREEN = 6650;
const ITEMS: [string, number][] = [
  ['光伏发电', 310000],
  ['太阳能热水', 95000],
];
const RE = ITEMS.reduce((s, x) => s + x[1], 0);
const ENERGY = 4950000;
const RATIO = RE / ENERGY;

function workbook() {
  const wb = newWorkbook('上海某建筑设计事务所有限公司');
  const ws = sheet(wb, '主要技术经济指标', [8, 32, 16, 30]);
  title(ws, 1, '长宁区CN-0210街坊办公楼改扩建 主要技术经济指标', 1, 4, 12);
  header(ws, 2, 1, ['序号', '指标', '数值', '备注']);
  rowOf(ws, 3, 1, [1, '总用地面积（㎡）', SITE, ''], [undefined, undefined, FMT.area]);
  rowOf(ws, 4, 1, [2, '总建筑面积（㎡）', 46000, ''], [undefined, undefined, FMT.area]);
  rowOf(ws, 5, 1, [3, '绿地面积（㎡）', GREEN, ''], [undefined, undefined, FMT.area]);
  rowOf(ws, 6, 1, [4, '绿地率（规划要求≥35%）', f('C5/C3', GREEN / SITE), ''], [undefined, undefined, FMT.pct2]);
  rowOf(ws, 7, 1, [5, '超低能耗建筑面积（㎡）', 24600, '新建塔楼'], [undefined, undefined, FMT.area]);
  rowOf(ws, 8, 1, [6, '地上建筑面积（㎡）', null, '待测绘']);
  rowOf(ws, 9, 1, [7, '超低能耗建筑面积占比', null, '']);
  errorFormula(ws, 9, 3, 'C7/C8', '#DIV/0!');
  ws.getCell(9, 3).numFmt = FMT.pct2;
  rowOf(ws, 10, 1, [8, '绿色建筑星级', '二星级及以上', '']);
  rowOf(ws, 11, 1, [9, '可再生能源替代率', 0.105, '详见“可再生能源”表'], [undefined, undefined, FMT.pct2]);

  const wsR = sheet(wb, '可再生能源', [8, 26, 20, 26]);
  title(wsR, 1, '可再生能源利用量计算', 1, 4, 12);
  header(wsR, 2, 1, ['序号', '项目', '年利用量（kWh/a）', '说明']);
  ITEMS.forEach(([name, v], i) => rowOf(wsR, 3 + i, 1, [i + 1, name, v, ''], [undefined, undefined, FMT.int]));
  const rSum = 3 + ITEMS.length;
  rowOf(wsR, rSum, 1, ['', '合计', f(`SUM(C3:C${rSum - 1})`, RE), ''], [undefined, undefined, FMT.int]);
  rowOf(wsR, rSum + 1, 1, ['', '建筑年总能耗', ENERGY, '详见节能计算书'], [undefined, undefined, FMT.int]);
  note(wsR, rSum + 3, '注：光伏按首年发电量计，太阳能热水按集热系统年供热量计。', 1, 4);
  return wb;
}

const conditions: ConditionsDoc = {
  format: 'landcheck.conditions/v1',
  contract: { number: '沪长规土(2024)第004号', parcel: 'CN-0210街坊01地块', city: '上海市', signedOn: '2024-04-02', district: '长宁区' },
  conditions: [
    { id: 'P2', clause: '第五条', text: '绿地率不低于35%', indicator: 'green_ratio', op: '>=', value: 35 },
    { id: 'G1', clause: '第十一条（一）', text: '新建公共建筑应达到绿色建筑二星级及以上', indicator: 'green_building_star', op: '>=', value: 2 },
    { id: 'U1', clause: '第十一条（二）', text: '超低能耗建筑面积占地上建筑面积比例不低于50%', indicator: 'ultra_low_energy_ratio', op: '>=', value: 50 },
    { id: 'R1', clause: '第十一条（三）', text: '可再生能源替代率不低于10%', indicator: 'renewable_substitution', op: '>=', value: 10 },
  ],
};

const expected = corpusExpected('renewable-shortfall-changning', [
  { conditionId: 'P2', building: null, verdict: 'pass', why: `绿地${GREEN}÷用地${SITE}=${r((GREEN / SITE) * 100, 2)}%≥35%；标签中的“规划要求≥35%”是要求，不是数值` },
  {
    conditionId: 'G1',
    building: null,
    verdict: 'missing',
    alsoAccept: ['review'],
    why: '数值列写“二星级及以上”，是重复合同要求，不是设计申报的星级；无得分表 → 缺少申报值（也可判需复核），绝不能判符合',
  },
  { conditionId: 'U1', building: null, verdict: 'review', why: '超低能耗建筑面积占比单元格为公式错误#DIV/0!（地上建筑面积未填），无可用数值 → 需复核，注明错误' },
  {
    conditionId: 'R1',
    building: null,
    verdict: 'review',
    why: `申报10.5%；“可再生能源”表分项${ITEMS.map((x) => x[1]).join('+')}=${RE} kWh/a ÷ 建筑年总能耗${ENERGY}=${pctText(RATIO)}<10%，表中数据不支持申报值；替代率口径为工作定义（UNCONFIRMED）→ 需复核（不直接判不符合）`,
  },
]);

export const renewableShortfallChangning: CorpusSample = {
  name: 'renewable-shortfall-changning',
  title: '长宁办公改扩建（替代率无依据、#DIV/0!、要求写入数值与标签）',
  traps: ['申报替代率10.5%而分项合计仅8.18%', '数值单元格为#DIV/0!', '“二星级及以上”写在数值列', '“绿地率（规划要求≥35%）”要求写在标签中'],
  sources: [
    'docs: docs/domain/indicator-sheet-layout.md §6.1（要求写入标签或数值、设计人自评列）',
    '《"十四五"建筑节能与绿色建筑发展规划》可再生能源替代率：http://51mqw.com/info/2022-12-20/49724-1.htm',
  ],
  workbook,
  conditions,
  expected,
};
