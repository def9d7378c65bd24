// 南京 residential project checked by the national method (GB/T 51129-2017): one 装配率计算表
// per building in the Table 4.0.1 layout — 评价项 (group, merged) | 评价指标 | 评价要求 | 评价分值 |
// 最低分值 (merged per group) | 实际比例 | 评价得分, then Q1/Q2/Q3/Q4 and P.
//  1#楼: rows give P = 56.5 %, as declared → pass;
//  2#楼: declared 55 % in the building table, but its own table gives Q1 12 + Q2 10 + Q3 24 → P = 46 %
//        (the sheet states 46 %) → the data do not support the declared value → review (score rows
//        UNCONFIRMED, so not fail);
//  3#楼: declared 52 %, no table → pass.
// The 评价分值 ("10~20*") and 最低分值 (20/10/6) columns stand before the score column.
// Layout: docs/domain/prefabrication.md §1.2 (Table 4.0.1 rows [P2]), §1.3 minimums [P1]; clause wording
// "单体装配率不低于50%" (大连 规划条件 [P13]); 装配率计算表 as a chapter of the design description [L5].
import { FMT, header, newWorkbook, rowOf, sheet, title } from '../sheet-kit';
import { corpusExpected, type CorpusSample } from '../corpus-kit';
import type { ConditionsDoc } from '../../../shared/model/types';
import { assemblySheet, assessAssembly, type AsmRatios } from './gbt51129';

/** Ratios per Table 4.0.1 item (1 = 是 for 全装修). */
const RATIOS: Record<string, AsmRatios> = {
  '1#楼': [0, 0.8, 0.85, 0.6, 0.7, 0.55, 1, 0.75, 0.8, 0.8, 0],
  '2#楼': [0, 0.72, 0.85, 0, 0.7, 0, 1, 0.75, 0.9, 0.9, 0],
};
const ONE = assessAssembly(RATIOS['1#楼']);
const TWO = assessAssembly(RATIOS['2#楼']);
if (ONE.p !== 56.5 || TWO.p !== 46) throw new Error('gbt51129-assembly-nanjing: scores changed');

const BUILDINGS: [string, string, number, number, string, number | string][] = [
  ['1#楼', '住宅', 12600, 18, '剪力墙结构', 56.5],
  ['2#楼', '住宅', 12600, 18, '剪力墙结构', 55.0],
  ['3#楼', '住宅', 8200, 11, '剪力墙结构', 52.0],
  ['地下车库', '地下车库', 15800, -1, '框架结构', '/'],
];

function workbook() {
  const wb = newWorkbook('南京某建筑设计院有限公司');
  const ws = sheet(wb, '单体指标', [12, 12, 16, 10, 16, 14]);
  title(ws, 1, '南京市江北新区NJJBb040-12地块住宅项目 单体指标', 1, 6, 12);
  header(ws, 2, 1, ['楼号', '建筑功能', '建筑面积（㎡）', '层数', '结构形式', '装配率（%）']);
  BUILDINGS.forEach((b, i) => rowOf(ws, 3 + i, 1, b, [undefined, undefined, FMT.area, undefined, undefined, FMT.dec1]));
  for (const [name, a] of [['1#楼', ONE], ['2#楼', TWO]] as const) {
    assemblySheet(wb, `装配率计算表-${name}`, `${name} 装配率计算表（GB/T 51129-2017 表4.0.1）`, name, '装配整体式剪力墙结构', RATIOS[name], a);
  }
  return wb;
}

const conditions: ConditionsDoc = {
  format: 'landcheck.conditions/v1',
  contract: { number: '宁规土(2024)第0412号', parcel: 'NJJBb040-12地块', city: '南京市', signedOn: '2024-08-28', district: '江北新区' },
  conditions: [
    {
      id: 'A1',
      clause: '第十五条',
      text: '住宅项目应采用装配式建筑技术，单体装配率不低于50%',
      indicator: 'assembly_ratio',
      op: '>=',
      value: 50,
      scope: 'building',
      appliesTo: { use: ['residential'] },
      method: 'GB/T 51129-2017《装配式建筑评价标准》',
    },
  ],
};

const expected = corpusExpected('gbt51129-assembly-nanjing', [
  {
    conditionId: 'A1',
    building: '1#楼',
    verdict: 'pass',
    why: `申报56.5%；计算表得分列 Q1=${ONE.q1}、Q2=${ONE.q2}、Q3=${ONE.q3}、Q4=0 → P=${ONE.p}%，与申报一致，≥50%（按申报值）`,
  },
  {
    conditionId: 'A1',
    building: '2#楼',
    verdict: 'review',
    why: `单体指标表申报55%，但本楼计算表得分列 Q1=${TWO.q1}、Q2=${TWO.q2}、Q3=${TWO.q3}、Q4=0 → P=${TWO.p}%（表中亦写46%），<50%：表中数据不支持申报值；GB/T 51129 表4.0.1分值为UNCONFIRMED → 需复核（不直接判不符合）`,
  },
  { conditionId: 'A1', building: '3#楼', verdict: 'pass', why: '申报52.0%≥50%，无计算表，按申报值' },
  { conditionId: 'A1', building: '地下车库', verdict: 'not_applicable', why: '地下车库（other），不在 appliesTo.use=residential 范围' },
]);

export const gbt51129AssemblyNanjing: CorpusSample = {
  name: 'gbt51129-assembly-nanjing',
  title: '南京住宅国标装配率计算表（申报值无计算依据）',
  traps: ['评价分值、最低分值列在评价得分列之前（合并单元格）', '2#楼申报55%而计算表仅46%', '分组名称纵向合并'],
  sources: [
    '《装配式评价标准对比.doc》（国标与省标装配率公式及评分表行）：https://m.docduoduo.com/p-8755630.html',
    'GB/T 51129-2017 §3.0.3 最低要求与等级（题库转载）：https://www.8fe.cn/test-question-608554.html',
    '大连金普新区规划条件“单体装配率不低于50%”：https://baijiahao.baidu.com/s?for=pc&id=1781153741040820910&wfr=spider',
    '公开代码：设计说明目录含“装配率计算表”“技术经济指标”附表（find_string id 61054634588）',
  ],
  workbook,
  conditions,
  expected,
};
