// 嘉定 office 可再生能源替代率 计算书 laid out as a calculation sheet: 序号 | 计算项目 | 计算公式 |
// 计算值 | 单位 | 标准要求, starting at column B under a title, with the line items (太阳能热水,
// 空气源热泵热水, 光伏发电), their 合计, the 建筑年综合能耗, the resulting 替代率, and beside it the
// GB 55015 可再生能源利用率 (a different metric, 15.6 %). The declared 替代率 11.2 % passes ≥ 10 %;
// the sheet's own items give 420 000 ÷ 4 850 000 = 8.66 % → the data do not support it.
// Layout: docs/domain/renewable.md §1 (line items over the building's total energy); docs/domain/indicator-sheet-layout.md
// §6.1 (计算公式 is a note column; 标准要求 is a requirement column).
import { f, FMT, header, newWorkbook, note, rowOf, sheet, title } from '../sheet-kit';
import { corpusExpected, r, type CorpusSample } from '../corpus-kit';
import type { ConditionsDoc } from '../../../shared/model/types';

const ITEMS: [string, number][] = [
  ['太阳能热水系统年供热量', 120000],
  ['空气源热泵热水系统年供热量', 95000],
  ['屋面光伏系统年发电量', 205000],
];
const RE = ITEMS.reduce((s, x) => s + x[1], 0);
const ENERGY = 4850000;

function workbook() {
  const wb = newWorkbook('上海某建筑设计研究院有限公司');
  const ws = sheet(wb, '计算书', [3, 6, 30, 22, 14, 10, 14]);
  title(ws, 1, '嘉定区JD-0305地块办公楼 可再生能源替代率计算书', 2, 7, 12);
  header(ws, 3, 2, ['序号', '计算项目', '计算公式', '计算值', '单位', '标准要求']);
  ITEMS.forEach(([name, v], i) => rowOf(ws, 4 + i, 2, [`(${i + 1})`, name, '详见附表', v, 'kWh/a', ''], [undefined, undefined, undefined, FMT.int]));
  const rSum = 4 + ITEMS.length;
  rowOf(ws, rSum, 2, [`(${rSum - 3})`, '可再生能源年利用量合计', '(1)+(2)+(3)', f(`SUM(E4:E${rSum - 1})`, RE), 'kWh/a', ''], [undefined, undefined, undefined, FMT.int]);
  rowOf(ws, rSum + 1, 2, [`(${rSum - 2})`, '建筑年综合能耗', '按能耗模拟', ENERGY, 'kWh/a', ''], [undefined, undefined, undefined, FMT.int]);
  rowOf(ws, rSum + 2, 2, [`(${rSum - 1})`, '可再生能源替代率', '(4)÷(5)', 0.112, '%', '≥10%'], [undefined, undefined, undefined, FMT.pct2]);
  rowOf(ws, rSum + 3, 2, [`(${rSum})`, '可再生能源利用率', '按GB 55015附录A', 0.156, '%', '/'], [undefined, undefined, undefined, FMT.pct2]);
  note(ws, rSum + 5, '注：替代率按可再生能源年利用量与建筑年综合能耗之比计算。', 2, 7);
  return wb;
}

const conditions: ConditionsDoc = {
  format: 'landcheck.conditions/v1',
  contract: { number: '沪嘉规土(2025)第012号', parcel: '嘉定区JD-0305地块', city: '上海市', signedOn: '2025-03-03', district: '嘉定区' },
  conditions: [{ id: 'R1', clause: '第十一条（三）', text: '可再生能源替代率不低于10%', indicator: 'renewable_substitution', op: '>=', value: 10 }],
};

const expected = corpusExpected('renewable-calc-book-jiading', [
  {
    conditionId: 'R1',
    building: null,
    verdict: 'review',
    alsoAccept: ['fail'],
    why: `计算值列：分项${ITEMS.map((x) => x[1]).join('+')}=${RE}（与合计一致）÷建筑年综合能耗${ENERGY}=${r((RE / ENERGY) * 100, 2)}%<10%，与申报11.20%不一致；替代率口径为工作定义（UNCONFIRMED）→ 需复核；可再生能源利用率15.6%是另一指标`,
  },
]);

export const renewableCalcBookJiading: CorpusSample = {
  name: 'renewable-calc-book-jiading',
  title: '嘉定办公可再生能源替代率计算书（计算项目|计算公式|计算值|单位|标准要求，从B列起）',
  traps: ['计算公式列“(4)÷(5)”是说明，不是数值', '标准要求列“≥10%”是要求', '分项合计÷年综合能耗<10%，申报11.2%不被支持', '可再生能源利用率（另一指标）15.6%不得当作替代率'],
  sources: ['docs: docs/domain/renewable.md §1（分项利用量÷建筑年综合能耗）；docs/domain/indicator-sheet-layout.md §6.1（计算公式、标准要求列）'],
  workbook,
  conditions,
  expected,
};
