// 临港 industrial-park 装配式建筑 单体指标 as a record table with a two-row header: 楼号 | 建筑功能 |
// 地上建筑面积(㎡) | 预制率（%）over 控制指标 | 计算值 | 装配率（%）over 控制指标 | 计算值 | 是否满足.
// The 控制指标 sub-columns stand before the 计算值 ones and repeat the requirement (40 / 60); the
// designer's 是否满足 column says "满足" everywhere. B2厂房 is at 36.5 % 预制率 and the 配套楼's
// 装配率 cell is "/" (not computed) — neither may pass.
// Layout: docs/domain/indicator-sheet-layout.md §4 (装配式 indicator table; per-building 预制率/装配率) and §6.1
// (控制指标 vs 计算值; 是否满足 is the designer's own judgement); Shanghai 单体预制率/装配率 fields.
import { FMT, header, newWorkbook, note, rowOf, sheet, title } from '../sheet-kit';
import { corpusExpected, type CorpusSample } from '../corpus-kit';
import type { ConditionsDoc } from '../../../shared/model/types';

const B: [string, string, number, number, number | string][] = [
  ['A1厂房', '厂房', 18600, 42.3, 63.0],
  ['B2厂房', '厂房', 16200, 36.5, 61.5],
  ['C3配套楼', '办公', 5400, 40.6, '/'],
];

function workbook() {
  const wb = newWorkbook('上海某工业建筑设计院有限公司');
  const ws = sheet(wb, '装配式指标', [12, 10, 14, 11, 11, 11, 11, 10]);
  title(ws, 1, '临港新片区PDC1-0402地块 装配式建筑单体预制率、装配率汇总表', 1, 8, 12);
  header(ws, 2, 1, ['楼号', '建筑功能', '地上建筑面积(㎡)', '预制率（%）', '', '装配率（%）', '', '是否满足']);
  header(ws, 3, 1, ['', '', '', '控制指标', '计算值', '控制指标', '计算值', '']);
  for (const c of [1, 2, 3, 8]) ws.mergeCells(2, c, 3, c);
  ws.mergeCells(2, 4, 2, 5);
  ws.mergeCells(2, 6, 2, 7);
  B.forEach(([name, use, area, pre, asm], i) =>
    rowOf(ws, 4 + i, 1, [name, use, area, '≥40', pre, '≥60', asm, '满足'], [undefined, undefined, FMT.area, undefined, FMT.dec1, undefined, FMT.dec1]),
  );
  note(ws, 8, '注：按《上海市装配式建筑单体预制率和装配率计算细则》计算；C3配套楼装配率待内装方案确定后补充。', 1, 8);
  return wb;
}

const conditions: ConditionsDoc = {
  format: 'landcheck.conditions/v1',
  contract: { number: '沪临规土(2024)第052号', parcel: 'PDC1-0402地块', city: '上海市', signedOn: '2024-12-02', district: '浦东新区（临港新片区）' },
  conditions: [
    { id: 'A1', clause: '第十条', text: '单体建筑预制率不低于40%', indicator: 'prefab_ratio', op: '>=', value: 40, scope: 'building' },
    { id: 'A2', clause: '第十条', text: '单体建筑装配率不低于60%', indicator: 'assembly_ratio', op: '>=', value: 60, scope: 'building' },
  ],
};

const expected = corpusExpected('prefab-groups-lingang', [
  { conditionId: 'A1', building: 'A1厂房', verdict: 'pass', why: '计算值42.3%≥40%（控制指标列“≥40”是要求）' },
  { conditionId: 'A1', building: 'B2厂房', verdict: 'fail', alsoAccept: ['review'], why: '计算值36.5%<40% → 不符合；“是否满足：满足”是设计方自评，不采信' },
  { conditionId: 'A1', building: 'C3配套楼', verdict: 'pass', why: '计算值40.6%≥40%' },
  { conditionId: 'A2', building: 'A1厂房', verdict: 'pass', why: '计算值63.0%≥60%' },
  { conditionId: 'A2', building: 'B2厂房', verdict: 'pass', why: '计算值61.5%≥60%' },
  { conditionId: 'A2', building: 'C3配套楼', verdict: 'missing', alsoAccept: ['review'], why: '计算值列填“/”（注明待补充）→ 未提供数值；控制指标“≥60”不是设计值，不能判符合' },
]);

export const prefabGroupsLingang: CorpusSample = {
  name: 'prefab-groups-lingang',
  title: '临港装配式单体指标（两行表头：预制率/装配率 各分 控制指标|计算值；是否满足列）',
  traps: ['两行表头：每个指标下“控制指标”列在“计算值”列之前', '“是否满足”列全写“满足”', 'C3配套楼装配率“/”，控制指标列有“≥60”'],
  sources: ['docs: docs/domain/indicator-sheet-layout.md §4（装配式指标表）、§6.1（控制指标/计算值；是否满足）'],
  workbook,
  conditions,
  expected,
};
