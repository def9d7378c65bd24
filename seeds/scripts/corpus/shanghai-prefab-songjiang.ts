// 松江 residential project under a Shanghai contract ("单体预制率不低于40%或单体装配率不低于60%",
// 沪建建材〔2019〕765号 计算细则). The design institute also attached GB/T 51129 (national)
// 装配率计算表 for 1#楼 and 3#楼; the national method gives far higher figures than the Shanghai
// 细则 (docs/domain/prefabrication.md §2, [P6]) and cannot answer a Shanghai clause.
//  1#楼: 预制率 35.0 % < 40 %; no Shanghai 装配率 ("/"); national table P ≈ 70 % → review (the
//        national figure may neither pass nor fail the 装配率 branch);
//  2#楼: 预制率 41.2 % (Shanghai concrete-volume table, consistent) → pass;
//  3#楼: Shanghai 装配率 61.0 % declared; national table 83.6 % is for reference only → pass.
// Layout: docs/domain/prefabrication.md §2.2 (Shanghai 单体预制率 method 1: V预制/(V预制+V现浇) [P9]) and
// §1.2 (national Table 4.0.1 [P2]); Shanghai approval-form fields 单体预制率/单体装配率 [L2].
import { f, FMT, header, newWorkbook, note, rowOf, sheet, title } from '../sheet-kit';
import { corpusExpected, r, type CorpusSample } from '../corpus-kit';
import type { ConditionsDoc } from '../../../shared/model/types';
import { assemblySheet, assessAssembly, type AsmRatios } from './gbt51129';

const NATIONAL: Record<string, AsmRatios> = {
  '1#楼': [0.5, 0.8, 0.9, 0.8, 0.8, 0, 1, 0, 0.7, 0.7, 0],
  '3#楼': [0.6, 0.8, 0.9, 0.8, 0.8, 0.5, 1, 0.7, 0.8, 0.8, 0],
};
const N1 = assessAssembly(NATIONAL['1#楼']);
const N3 = assessAssembly(NATIONAL['3#楼']);
if (N1.p < 60 || N3.p < 60) throw new Error('shanghai-prefab-songjiang: national figures must pass 60 %');

// 2#楼 Shanghai 单体预制率 (method 1, concrete volumes above ±0.000).
const VOLUMES: [string, number, number][] = [
  ['竖向构件（剪力墙、柱）', 560, 1240],
  ['水平构件（叠合板、楼梯、阳台、空调板）', 630, 510],
  ['外围护墙', 212, 248],
];
const V_PRE = VOLUMES.reduce((s, v) => s + v[1], 0);
const V_ALL = VOLUMES.reduce((s, v) => s + v[1] + v[2], 0);
const PREFAB2 = r((V_PRE / V_ALL) * 100, 1); // 41.2

const BUILDINGS: [string, string, number, number, number | string, number | string][] = [
  ['1#楼', '住宅', 14200, 18, 35.0, '/'],
  ['2#楼', '住宅', 14200, 18, PREFAB2, '/'],
  ['3#楼', '住宅', 9800, 11, '/', 61.0],
  ['地下车库', '地下车库', 18600, -1, '/', '/'],
];

function workbook() {
  const wb = newWorkbook('上海某建筑设计研究院有限公司');
  const ws = sheet(wb, '单体指标', [12, 12, 16, 8, 16, 16]);
  title(ws, 1, '松江区SJS20003单元15-06地块住宅项目 单体装配式指标', 1, 6, 12);
  header(ws, 2, 1, ['楼号', '建筑功能', '建筑面积（㎡）', '层数', '单体预制率（%）', '单体装配率（%）']);
  BUILDINGS.forEach((b, i) => rowOf(ws, 3 + i, 1, b, [undefined, undefined, FMT.area, undefined, FMT.dec1, FMT.dec1]));
  note(ws, 8, '注：单体预制率、单体装配率按《上海市装配式建筑单体预制率和装配率计算细则》（沪建建材〔2019〕765号）计算。', 1, 6);

  const wsP = sheet(wb, '预制率计算表-2#楼', [36, 18, 18, 16]);
  title(wsP, 1, '2#楼 单体预制率计算表（上海市计算细则，混凝土体积法）', 1, 4, 12);
  rowOf(wsP, 2, 1, ['单体名称', '2#楼']);
  header(wsP, 4, 1, ['构件类别', '预制混凝土体积（m³）', '现浇混凝土体积（m³）', '小计（m³）']);
  VOLUMES.forEach(([name, pre, cast], i) => rowOf(wsP, 5 + i, 1, [name, pre, cast, f(`B${5 + i}+C${5 + i}`, pre + cast)], [undefined, FMT.dec1, FMT.dec1, FMT.dec1]));
  const rSum = 5 + VOLUMES.length;
  rowOf(wsP, rSum, 1, ['合计', f(`SUM(B5:B${rSum - 1})`, V_PRE), f(`SUM(C5:C${rSum - 1})`, V_ALL - V_PRE), f(`SUM(D5:D${rSum - 1})`, V_ALL)], [undefined, FMT.dec1, FMT.dec1, FMT.dec1]);
  rowOf(wsP, rSum + 2, 1, ['单体预制率', f(`B${rSum}/D${rSum}`, V_PRE / V_ALL)], [undefined, FMT.pct2]);
  note(wsP, rSum + 3, '注：预制率=±0.000以上主体结构和外围护结构中预制混凝土体积/混凝土总体积。', 1, 4);

  assemblySheet(wb, '装配率计算表（国标）-1#楼', '1#楼 装配率计算表（按GB/T 51129-2017，供参考）', '1#楼', '装配整体式剪力墙结构', NATIONAL['1#楼'], N1);
  assemblySheet(wb, '装配率计算表（国标）-3#楼', '3#楼 装配率计算表（按GB/T 51129-2017，供参考）', '3#楼', '装配整体式剪力墙结构', NATIONAL['3#楼'], N3);
  return wb;
}

const conditions: ConditionsDoc = {
  format: 'landcheck.conditions/v1',
  contract: { number: '沪松规土(2024)第052号', parcel: 'SJS20003单元15-06地块', city: '上海市', signedOn: '2024-06-26', district: '松江区' },
  conditions: [
    {
      id: 'A1',
      clause: '第十四条',
      text: '本地块住宅建筑单体预制率不低于40%或单体装配率不低于60%',
      anyOf: [
        { indicator: 'prefab_ratio', op: '>=', value: 40 },
        { indicator: 'assembly_ratio', op: '>=', value: 60 },
      ],
      scope: 'building',
      appliesTo: { use: ['residential'] },
      method: '沪建建材〔2019〕765号《上海市装配式建筑单体预制率和装配率计算细则》',
    },
  ],
};

const expected = corpusExpected('shanghai-prefab-songjiang', [
  {
    conditionId: 'A1',
    building: '1#楼',
    verdict: 'review',
    why:
      `单体预制率35.0%<40%（该分支不符合）；单体装配率“/”未按上海细则申报，附表按国标GB/T 51129算得P=${N1.p}%（Q1=${N1.q1}、Q2=${N1.q2}、Q3=${N1.q3}），` +
      '国标方法不适用于上海合同（方法不符，国标值仅供参考）→ 装配率分支需复核；“或”条件一支不符合、一支需复核 → 需复核，不能依国标值判符合',
  },
  {
    conditionId: 'A1',
    building: '2#楼',
    verdict: 'pass',
    alsoAccept: ['review'],
    why: `单体预制率${PREFAB2}%≥40%：预制率计算表 V预制${V_PRE}÷V总${V_ALL}=${r((V_PRE / V_ALL) * 100, 2)}%，一致 → “或”条件成立；若引擎报告该计算表未能读取，按证据规则为需复核`,
  },
  {
    conditionId: 'A1',
    building: '3#楼',
    verdict: 'pass',
    remark: true,
    why: `单体装配率61.0%（按上海细则申报）≥60%；国标附表P=${N3.p}%方法不符，仅作一致性提示，不改变结论；预制率“/”不影响“或”条件`,
  },
  { conditionId: 'A1', building: '地下车库', verdict: 'not_applicable', why: '地下车库（other），不在 appliesTo.use=residential 范围' },
]);

export const shanghaiPrefabSongjiang: CorpusSample = {
  name: 'shanghai-prefab-songjiang',
  title: '松江住宅上海预制率/装配率（附国标装配率计算表）',
  traps: ['上海合同下的国标GB/T 51129装配率（远高于上海细则）', '1#楼仅有国标装配率：不能据此判符合', '上海混凝土体积法预制率计算表'],
  sources: [
    '赵为民等《装配式建筑评价方法对比研究》（国标与上海细则差异）：https://www.ytsjk.cn/Book/6/Read-6515',
    '上海预制率/装配率计算方法说明（体积法）：https://wenda.hqwx.com/article-172290.html',
    '沪建建材〔2019〕765号转载：http://swle.cn/news/2784-35.html',
    '公开代码：上海项目审批表字段 单体预制率/单体装配率（find_string id 46675531508）',
  ],
  workbook,
  conditions,
  expected,
};
