// 嘉定新城 public cluster whose per-building table is laid out sideways (buildings as columns) with
// "指标" in the corner; building uses are on another sheet that spells the names differently
// (1号楼 … beside 1#楼 …). The project summary gives one project-level 装配率 (the area-weighted average, 60.4 %)
// and one star: a building-scope condition must not collapse to them — 3#楼 (商业, 21000 ㎡) is
// 一星级 with 装配率 55 % → fail twice.
// Layout: docs/domain/indicator-sheet-layout.md §2 (per-building rows/blocks) and §6.1 (one column group per
// building, names written differently on different sheets); Shanghai approval-form fields
// 单体装配率 (find_string id 46675531508).
import { FMT, header, kvWriter, newWorkbook, note, put, rowOf, sheet, title } from '../sheet-kit';
import { corpusExpected, type CorpusSample } from '../corpus-kit';
import type { ConditionsDoc } from '../../../shared/model/types';
import { largePublicBuildingStar } from '../contract-clauses';

const B = [
  { name: '1#楼', alias: '1号楼', use: '办公', area: 32000, floors: 20, star: '二星级', asm: 63.5 },
  { name: '2#楼', alias: '2号楼', use: '办公', area: 26500, floors: 16, star: '二星级', asm: 61.0 },
  { name: '3#楼', alias: '3号楼', use: '商业', area: 21000, floors: 5, star: '一星级', asm: 55.0 },
  { name: '4#楼', alias: '4号楼', use: '酒店', area: 18500, floors: 14, star: '二星级', asm: 60.5 },
];
const AVG = Math.round((B.reduce((s, b) => s + b.asm * b.area, 0) / B.reduce((s, b) => s + b.area, 0)) * 10) / 10;

function workbook() {
  const wb = newWorkbook('上海某建筑设计研究院有限公司');
  const ws0 = sheet(wb, '项目概况', [28, 24, 30]);
  title(ws0, 1, '嘉定新城JDC20102单元11-04地块商办项目 项目概况', 1, 3, 12);
  const kv = kvWriter(ws0, 2, 1);
  kv('总用地面积（㎡）', 38200, FMT.area);
  kv('总建筑面积（㎡）', B.reduce((s, b) => s + b.area, 0) + 36000, FMT.area, '含地下36000㎡');
  kv('绿色建筑星级', '二星级', undefined, '主要单体');
  kv('装配率', AVG / 100, '0.0%', '各单体按面积加权平均');

  const ws = sheet(wb, '单体指标', [22, 14, 14, 14, 14]);
  title(ws, 1, '单体建筑主要指标', 1, 5, 12);
  put(ws, 2, 1, '指标');
  header(ws, 2, 2, B.map((b) => b.name));
  ws.getCell(2, 1).font = { name: '宋体', size: 10, bold: true };
  rowOf(ws, 3, 1, ['建筑面积（㎡）', ...B.map((b) => b.area)], [undefined, FMT.area, FMT.area, FMT.area, FMT.area]);
  rowOf(ws, 4, 1, ['地上层数', ...B.map((b) => b.floors)]);
  rowOf(ws, 5, 1, ['绿色建筑星级', ...B.map((b) => b.star)]);
  rowOf(ws, 6, 1, ['单体装配率（%）', ...B.map((b) => b.asm)], [undefined, FMT.dec1, FMT.dec1, FMT.dec1, FMT.dec1]);
  note(ws, 8, '注：单体装配率按《上海市装配式建筑单体预制率和装配率计算细则》计算。', 1, 5);

  const wsU = sheet(wb, '建筑功能', [12, 14, 12, 24]);
  title(wsU, 1, '各单体建筑功能', 1, 4, 12);
  header(wsU, 2, 1, ['楼号', '建筑功能', '地上层数', '备注']);
  B.forEach((b, i) => rowOf(wsU, 3 + i, 1, [b.alias, b.use, b.floors, '']));
  return wb;
}

const conditions: ConditionsDoc = {
  format: 'landcheck.conditions/v1',
  contract: { number: '沪嘉规土(2025)第058号', parcel: 'JDC20102单元11-04地块', city: '上海市', signedOn: '2025-06-10', district: '嘉定区（嘉定新城）' },
  conditions: [
    largePublicBuildingStar('第十二条（一）'),
    { id: 'A1', clause: '第十二条（二）', text: '公共建筑单体装配率不低于60%', indicator: 'assembly_ratio', op: '>=', value: 60, scope: 'building', appliesTo: { use: ['public'] } },
  ],
};

const use = (b: (typeof B)[number]) => `${b.use}（“建筑功能”表写作“${b.alias}”）`;

const expected = corpusExpected('buildings-sideways-jiading', [
  ...B.map((b) =>
    b.area < 20000
      ? { conditionId: 'G1', building: b.name, verdict: 'not_applicable' as const, why: `${use(b)}，${b.area}㎡<20000㎡（minFloorArea）` }
      : b.star === '二星级'
        ? { conditionId: 'G1', building: b.name, verdict: 'pass' as const, why: `${use(b)}，${b.area}㎡≥20000㎡；横排单体表“绿色建筑星级”列${b.name}：二星级（按声明值）` }
        : {
            conditionId: 'G1',
            building: b.name,
            verdict: 'fail' as const,
            why: `${use(b)}，${b.area}㎡≥20000㎡；横排单体表${b.name}：一星级<二星级 → 不符合；不得用项目概况的“二星级”代替单体值`,
          },
  ),
  ...B.map((b) =>
    b.asm >= 60
      ? { conditionId: 'A1', building: b.name, verdict: 'pass' as const, why: `${use(b)}；单体装配率${b.asm}%≥60%` }
      : {
          conditionId: 'A1',
          building: b.name,
          verdict: 'fail' as const,
          why: `${use(b)}；横排单体表单体装配率${b.asm}%<60% → 不符合；项目概况的加权平均${AVG}%不是单体值`,
        },
  ),
]);

export const buildingsSidewaysJiading: CorpusSample = {
  name: 'buildings-sideways-jiading',
  title: '嘉定新城商办项目横排单体表（角标“指标”，楼号写法不一）',
  traps: ['单体表横排，角标为“指标”', '建筑功能在另一工作表，楼号写作“1号楼”', '项目概况的平均装配率与星级不能代替单体值'],
  sources: [
    'docs: docs/domain/indicator-sheet-layout.md §2（单体指标块）、§6.1（每单体一列组、不同工作表楼号写法不同）',
    '公开代码：上海项目审批表字段 单体预制率/单体装配率、最大单体面积（find_string id 46675531508）',
  ],
  workbook,
  conditions,
  expected,
};
