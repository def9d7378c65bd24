// Sample c) a messy real-world sheet: one sheet, merged title, numbered labels with spaces and
// colons, a separate 单位 column, text numbers ("18,600", "61.5％", " 1.85 ", "1.2万"), ★★, √,
// placeholders ("/", "详见海绵专项设计"), a bare 0.35 for a percent (ambiguous), a formula,
// merged value cells and a transposed per-building block (buildings as columns).
// Some values are missing → overall incomplete, exit 2, and nothing fails.
import { FMT, f, header, mergeRow, newWorkbook, note, put, rowOf, sheet, title } from '../sheet-kit';
import { expectedOf, type Sample } from '../sample';
import type { ConditionsDoc } from '../../../shared/model/types';

const PROJECT = '北外滩HK-07街坊城市更新项目（办公及商业）';

interface Bldg {
  name: string;
  use: string;
  area: number;
  floors: number;
  height: number;
  prefab: number | string;
  asm: number | string;
}
const BUILDINGS: Bldg[] = [
  { name: '1#楼', use: '办公', area: 15200, floors: 6, height: 23.8, prefab: 40.5, asm: '61.5％' },
  { name: '2#楼', use: '办公', area: 12600, floors: 5, height: 19.6, prefab: '/', asm: 60.2 },
  { name: '3#楼', use: '商业', area: 6700, floors: 3, height: 14.2, prefab: 38.0, asm: '/' },
];
const ABOVE = BUILDINGS.reduce((s, b) => s + b.area, 0); // 34 500
const SITE = 18600; // written "18,600"

function workbook() {
  const wb = newWorkbook('Administrator');
  const ws = sheet(wb, '技术经济指标', [26, 16, 10, 30]);
  title(ws, 1, `${PROJECT}主要技术经济指标表`, 1, 4, 14);
  note(ws, 2, '编制单位：某建筑设计事务所        日期：2025年2月', 1, 4);
  header(ws, 3, 1, ['项目', '数值', '单位', '备注']);
  // Block rows are at fixed positions: the 地上建筑面积 formula sums the transposed block.
  const blockTop = 22;
  const areaRow = blockTop + 3;
  const rows: [string, Parameters<typeof put>[3], string, string][] = [
    ['1、项目名称', PROJECT, '', ''],
    ['2、总用地面积', '18,600', '㎡', '以出让合同为准'],
    ['3、总建筑面积', '4.65万', '㎡', ''],
    ['4、地上建筑面积', f(`SUM(B${areaRow}:D${areaRow})`, ABOVE), '㎡', '均计容'],
    ['5、地下建筑面积', '1.2万', '㎡', '不计容'],
    ['6、计容建筑面积', '34,500', '㎡', ''],
    ['7、容积率', ' 1.85 ', '', ''],
    ['8、建筑密度', ' 35.5 ', '%', ''],
    ['9、绿地率：', 0.35, '', '含屋顶绿化折算'],
    ['10、建筑高度', '23.80m', '', '檐口高度'],
    ['11、绿色建筑等级', '★★', '', '设计标识'],
    ['12、全装修', '√', '', ''],
    ['13、装 配 率', '61.5％', '', '按沪建建材〔2019〕765号'],
    ['14、可再生能源替代率', '/', '%', '待节能专篇'],
    ['15、年径流总量控制率', '详见海绵专项设计', '', ''],
    ['16、机动车停车位', 210, '辆', '地下'],
  ];
  let r = 4;
  for (const [label, v, unit, remark] of rows) {
    rowOf(ws, r, 1, [label, v, unit, remark], [undefined, typeof v === 'object' ? FMT.int : undefined]);
    if (label.startsWith('1、')) mergeRow(ws, r, 2, 4);
    if (label.startsWith('10、')) mergeRow(ws, r, 2, 3); // value merged over the unit column
    if (label.startsWith('15、')) mergeRow(ws, r, 2, 4);
    r++;
  }
  if (r + 1 >= blockTop) throw new Error('messy-renovation: rows overlap the building block');

  // Transposed per-building block: attributes as rows, buildings as columns.
  title(ws, blockTop, '单体指标', 1, 4, 11);
  const attrs: [string, (b: Bldg) => Parameters<typeof put>[3], string | undefined][] = [
    ['单体名称', (b) => b.name, undefined],
    ['建筑功能', (b) => b.use, undefined],
    ['建筑面积（㎡）', (b) => b.area, FMT.int],
    ['地上层数', (b) => b.floors, undefined],
    ['建筑高度（m）', (b) => b.height, FMT.dec2],
    ['单体预制率（%）', (b) => b.prefab, FMT.dec1],
    ['单体装配率（%）', (b) => b.asm, FMT.dec1],
  ];
  attrs.forEach(([label, get, fmt], i) => {
    const row = blockTop + 1 + i;
    if (i === 0) header(ws, row, 1, [label, ...BUILDINGS.map((b) => b.name)]);
    else rowOf(ws, row, 1, [label, ...BUILDINGS.map(get)], [undefined, fmt, fmt, fmt]);
  });
  if (blockTop + 3 !== areaRow) throw new Error('messy-renovation: area row moved');
  note(ws, blockTop + 1 + attrs.length + 1, '注：“/”表示不涉及或暂无数据；数据以审图合格文件为准。', 1, 4);
  return wb;
}

const conditions: ConditionsDoc = {
  format: 'landcheck.conditions/v1',
  contract: { number: '沪虹规土(2024)第011号', parcel: 'HK-07街坊', city: '上海市', signedOn: '2024-11-20', district: '虹口区' },
  conditions: [
    { id: 'P1', clause: '第六条', text: '容积率不大于2.0', indicator: 'far', op: '<=', value: 2.0 },
    { id: 'P2', clause: '第六条', text: '绿地率不低于30%', indicator: 'green_ratio', op: '>=', value: 30 },
    { id: 'P3', clause: '第六条', text: '建筑高度不超过24米', indicator: 'building_height', op: '<=', value: 24 },
    { id: 'G1', clause: '第十四条（一）', text: '新建建筑应达到绿色建筑二星级及以上', indicator: 'green_building_star', op: '>=', value: 2 },
    { id: 'F1', clause: '第十四条（二）', text: '应实施全装修', indicator: 'full_fitout', op: '==', value: true },
    {
      id: 'A1',
      clause: '第十四条（三）',
      text: '单体预制率不低于40%或单体装配率不低于60%',
      anyOf: [
        { indicator: 'prefab_ratio', op: '>=', value: 40 },
        { indicator: 'assembly_ratio', op: '>=', value: 60 },
      ],
      scope: 'building',
    },
    { id: 'R1', clause: '第十四条（四）', text: '可再生能源替代率不低于10%', indicator: 'renewable_substitution', op: '>=', value: 10 },
    { id: 'S1', clause: '第十四条（五）', text: '年径流总量控制率不低于75%', indicator: 'runoff_capture', op: '>=', value: 75 },
  ],
};

const expected = expectedOf('messy-renovation', [
  {
    conditionId: 'P1',
    building: null,
    verdict: 'pass',
    why: `“ 1.85 ”（文本，含空格）→1.85；计容"34,500"÷用地"18,600"=${(34500 / SITE).toFixed(4)}，差值<0.01，一致；≤2.0`,
  },
  {
    conditionId: 'P2',
    building: null,
    verdict: 'review',
    why: '“绿地率：”为0.35，单元格非百分比格式、单位列为空、无%号：可能是35%也可能是0.35%（ambiguous），且无绿地面积可核算 → 需复核',
  },
  { conditionId: 'P3', building: null, verdict: 'pass', why: '合并单元格B13:C13“23.80m”→23.8m ≤ 24m' },
  { conditionId: 'G1', building: null, verdict: 'pass', why: '“★★”→二星级 ≥ 二星级（无得分表，按声明值）' },
  { conditionId: 'F1', building: null, verdict: 'pass', why: '“√”→是' },
  { conditionId: 'A1', building: '1#楼', verdict: 'pass', why: '转置单体表：预制率40.5%≥40%（装配率“61.5％”也≥60%）' },
  { conditionId: 'A1', building: '2#楼', verdict: 'pass', why: '预制率“/”（无值），装配率60.2%≥60%；“或”条件有一项成立即符合' },
  {
    conditionId: 'A1',
    building: '3#楼',
    verdict: 'missing',
    why: '预制率38.0%<40%（该分支不符合），装配率“/”（缺项）：缺项分支可能成立，“或”条件既不能判符合也不能判不符合 → 缺项',
  },
  { conditionId: 'R1', building: null, verdict: 'missing', why: '可再生能源替代率为“/”（占位符），无其他数据可核算 → 缺项' },
  { conditionId: 'S1', building: null, verdict: 'missing', why: '年径流总量控制率为“详见海绵专项设计”（占位符），无海绵计算数据 → 缺项' },
]);

export const messyRenovation: Sample = { name: 'messy-renovation', workbook, conditions, expected };
