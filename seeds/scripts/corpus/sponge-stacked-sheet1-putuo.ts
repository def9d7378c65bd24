// 普陀 海绵城市 设计专篇 exported to one sheet named "Sheet1": three blocks stacked at column B — the
// 指标表 (指标 | 单位 | 控制目标 | 设计值), then a long paragraph of 设计说明 rows, then the 汇水面积
// and 综合径流系数 lines, then the 调蓄设施 table whose header has two rows (名称 | 规模 | 有效调蓄深度 |
// 调蓄容积 over a units row ㎡ | m | m³) with a 合计 row. The facilities hold 305 m³, short of
// V = 10·H·φ·F = 10 × 26.7 × 0.60 × 2.0 = 320.4 m³: the declared 78 % is not supported → review.
// Layout: docs/domain/runoff.md §3 (容积法 V = 10·H·φ·F); docs/domain/indicator-sheet-layout.md §5 (海绵 indicator table) and
// §1 (several tables stacked on one sheet; units in a row under the header).
import { FMT, header, newWorkbook, note, rowOf, sheet, title } from '../sheet-kit';
import { corpusExpected, r, type CorpusSample } from '../corpus-kit';
import type { ConditionsDoc } from '../../../shared/model/types';

const F = 20000; // ㎡
const PHI = 0.6;
const H = 26.7;
const V = (10 * H * PHI * F) / 10000;
const FAC: [string, number | string, number | string, number][] = [
  ['下凹式绿地', 600, 0.1, 60],
  ['雨水调蓄池', '1座', '—', 200],
  ['生物滞留设施', 300, 0.15, 45],
];
const PROVIDED = FAC.reduce((s, x) => s + x[3], 0);
if (PROVIDED >= V) throw new Error('sponge-stacked-sheet1-putuo: storage must fall short of V');

function workbook() {
  const wb = newWorkbook('上海某市政规划设计研究院有限公司');
  const ws = sheet(wb, 'Sheet1', [3, 26, 12, 14, 14, 24]);
  title(ws, 1, '普陀区PT-C060104单元03-02地块 海绵城市设计专篇（摘录）', 2, 6, 12);
  title(ws, 3, '一、海绵城市建设指标', 2, 6, 11);
  header(ws, 4, 2, ['指标', '单位', '控制目标', '设计值', '备注']);
  rowOf(ws, 5, 2, ['年径流总量控制率', '%', '≥75%', 0.78, '满足'], [undefined, undefined, undefined, FMT.pct0]);
  rowOf(ws, 6, 2, ['设计降雨量', 'mm', '/', H, '对应年径流总量控制率'], [undefined, undefined, undefined, FMT.dec1]);
  rowOf(ws, 7, 2, ['透水铺装率', '%', '≥40%', 0.46, ''], [undefined, undefined, undefined, FMT.pct0]);
  rowOf(ws, 8, 2, ['下凹式绿地率', '%', '≥10%', 0.12, ''], [undefined, undefined, undefined, FMT.pct0]);
  title(ws, 10, '二、设计说明', 2, 6, 11);
  const para = [
    '1. 本项目场地雨水经下凹式绿地、生物滞留设施滞蓄净化后，溢流排入市政雨水管网。',
    '2. 屋面雨水经雨水立管断接后排入周边绿地，超标雨水经溢流口排放。',
    '3. 雨水调蓄池设于地下车库，收集雨水经处理后用于绿化浇洒及道路冲洗。',
  ];
  para.forEach((t, i) => note(ws, 11 + i, t, 2, 6));
  title(ws, 15, '三、调蓄容积计算', 2, 6, 11);
  rowOf(ws, 16, 2, ['汇水面积', '㎡', '', F, ''], [undefined, undefined, undefined, FMT.area]);
  rowOf(ws, 17, 2, ['综合雨量径流系数', '', '', PHI, '按下垫面加权'], [undefined, undefined, undefined, FMT.dec2]);
  header(ws, 19, 2, ['调蓄设施', '规模', '有效调蓄深度', '调蓄容积', '备注']);
  header(ws, 20, 2, ['', '㎡', 'm', 'm³', '']);
  ws.mergeCells(19, 2, 20, 2);
  ws.mergeCells(19, 6, 20, 6);
  FAC.forEach((x, i) => rowOf(ws, 21 + i, 2, [...x, ''], [undefined, FMT.area, FMT.dec2, FMT.dec1]));
  rowOf(ws, 21 + FAC.length, 2, ['合计', '', '', PROVIDED, ''], [undefined, undefined, undefined, FMT.dec1]);
  return wb;
}

const conditions: ConditionsDoc = {
  format: 'landcheck.conditions/v1',
  contract: { number: '沪普规土(2024)第021号', parcel: '普陀区PT-C060104单元03-02地块', city: '上海市', signedOn: '2024-10-12', district: '普陀区' },
  conditions: [
    { id: 'S1', clause: '第十二条', text: '年径流总量控制率不低于75%', indicator: 'runoff_capture', op: '>=', value: 75 },
    { id: 'S2', clause: '第十二条', text: '透水铺装率不低于40%', indicator: 'permeable_paving_ratio', op: '>=', value: 40 },
  ],
};

const expected = corpusExpected('sponge-stacked-sheet1-putuo', [
  {
    conditionId: 'S1',
    building: null,
    verdict: 'review',
    why: `需调蓄容积V=10×${H}×${PHI}×${F / 10000}=${r(V, 1)}m³；调蓄设施合计${PROVIDED}m³<V，表中数据不支持申报的78% → 需复核（“满足”是设计方自评，不采信）`,
  },
  { conditionId: 'S2', building: null, verdict: 'pass', why: '设计值46%≥40%（控制目标列“≥40%”是要求）' },
]);

export const spongeStackedSheet1Putuo: CorpusSample = {
  name: 'sponge-stacked-sheet1-putuo',
  title: '普陀海绵专篇摘录（Sheet1上下叠放指标表、设计说明段落、调蓄设施两行表头带单位行）',
  traps: ['同一工作表叠放三块：指标表、长段说明、调蓄设施表', '调蓄设施表两行表头，单位在第二行', '调蓄设施合计小于V=10·H·φ·F，申报78%不被支持'],
  sources: ['docs: docs/domain/runoff.md §3（容积法）；docs/domain/indicator-sheet-layout.md §1、§5（海绵指标表、同表叠放、单位行）'],
  workbook,
  conditions,
  expected,
};
