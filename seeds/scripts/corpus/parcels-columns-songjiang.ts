// 松江 two-parcel scheme in one table: 序号 | 指标名称 | 单位 | 08-03地块 | 08-04地块 | 合计. The contract
// is for 08-04地块: 容积率 2.03 > 2.0 and 绿地率 34.49 % < 35 % fail there, although 08-03 passes and
// the 合计 column's 绿地率 (35.38 %) passes. Merged into one project, or read from the first column
// or the 合计, the parcel would pass.
// Layout: docs/domain/indicator-sheet-layout.md §6.1 (several parcels in one workbook: blocks or columns per
// 地块编号); Shanghai land-contract pages (宗地面积, 容积率 per parcel [L9]).
import { f, FMT, header, newWorkbook, note, rowOf, sheet, title } from '../sheet-kit';
import { corpusExpected, r, type CorpusSample } from '../corpus-kit';
import type { ConditionsDoc } from '../../../shared/model/types';

const P3 = { site: 21300, far: 42170, green: 7700 };
const P4 = { site: 18700, far: 37960, green: 6450 };
const T = { site: P3.site + P4.site, far: P3.far + P4.far, green: P3.green + P4.green };

function workbook() {
  const wb = newWorkbook('上海某建筑设计有限公司');
  const ws = sheet(wb, '主要技术经济指标', [7, 22, 8, 16, 16, 16]);
  title(ws, 1, '松江新城SJC10018单元08-03、08-04地块 主要技术经济指标', 1, 6, 12);
  header(ws, 2, 1, ['序号', '指标名称', '单位', '08-03地块', '08-04地块', '合计']);
  const F = [undefined, undefined, undefined, FMT.area, FMT.area, FMT.area];
  rowOf(ws, 3, 1, [1, '用地面积', '㎡', P3.site, P4.site, f('D3+E3', T.site)], F);
  rowOf(ws, 4, 1, [2, '计容建筑面积', '㎡', P3.far, P4.far, f('D4+E4', T.far)], F);
  rowOf(ws, 5, 1, [3, '容积率', '', f('D4/D3', P3.far / P3.site), f('E4/E3', P4.far / P4.site), f('F4/F3', T.far / T.site)], [undefined, undefined, undefined, FMT.dec2, FMT.dec2, FMT.dec2]);
  rowOf(ws, 6, 1, [4, '绿地面积', '㎡', P3.green, P4.green, f('D6+E6', T.green)], F);
  rowOf(ws, 7, 1, [5, '绿地率', '%', f('D6/D3', P3.green / P3.site), f('E6/E3', P4.green / P4.site), f('F6/F3', T.green / T.site)], [undefined, undefined, undefined, FMT.pct2, FMT.pct2, FMT.pct2]);
  rowOf(ws, 8, 1, [6, '绿色建筑星级', '', '二星级', '二星级', '/']);
  rowOf(ws, 9, 1, [7, '年径流总量控制率', '%', 0.8, 0.8, 0.8], [undefined, undefined, undefined, FMT.pct0, FMT.pct0, FMT.pct0]);
  note(ws, 11, '注：两地块分别出让，指标分别计算；合计仅供参考。', 1, 6);
  return wb;
}

const conditions: ConditionsDoc = {
  format: 'landcheck.conditions/v1',
  contract: { number: '沪松规土(2025)第031号', parcel: 'SJC10018单元08-04地块', city: '上海市', signedOn: '2025-05-20', district: '松江区（松江新城）' },
  conditions: [
    { id: 'P1', clause: '第五条', text: '容积率不大于2.0', indicator: 'far', op: '<=', value: 2.0 },
    { id: 'P2', clause: '第五条', text: '绿地率不低于35%', indicator: 'green_ratio', op: '>=', value: 35 },
    { id: 'G1', clause: '第十二条（一）', text: '本地块新建建筑应达到绿色建筑二星级及以上', indicator: 'green_building_star', op: '>=', value: 2 },
    { id: 'S1', clause: '第十二条（四）', text: '年径流总量控制率不低于80%', indicator: 'runoff_capture', op: '>=', value: 80 },
  ],
};

const expected = corpusExpected('parcels-columns-songjiang', [
  {
    conditionId: 'P1',
    building: null,
    verdict: 'fail',
    why: `合同地块08-04：计容${P4.far}÷用地${P4.site}=${r(P4.far / P4.site, 4)}>2.0 → 不符合（08-03地块${r(P3.far / P3.site, 4)}、合计${r(T.far / T.site, 4)}与本合同无关）`,
  },
  {
    conditionId: 'P2',
    building: null,
    verdict: 'fail',
    why: `08-04：绿地${P4.green}÷用地${P4.site}=${r((P4.green / P4.site) * 100, 2)}%<35% → 不符合；合计列${r((T.green / T.site) * 100, 2)}%满足但不是本地块`,
  },
  { conditionId: 'G1', building: null, verdict: 'pass', why: '08-04地块“二星级”（按声明值）' },
  { conditionId: 'S1', building: null, verdict: 'pass', why: '08-04地块80%≥80%（无计算表，按声明值）' },
]);

export const parcelsColumnsSongjiang: CorpusSample = {
  name: 'parcels-columns-songjiang',
  title: '松江两地块同表（合同为08-04地块）',
  traps: ['一张表两个地块列加合计列', '合同地块在第二列', '合计列绿地率满足而合同地块不满足'],
  sources: [
    'docs: docs/domain/indicator-sheet-layout.md §6.1（一个工作簿含多个地块）',
    '上海市规划和自然资源局 出让合同全生命周期信息（按宗地列出宗地面积、容积率）：https://biz.ghzyj.sh.gov.cn/shtdsc/jy/api/wholeLife/info/0/245534f40d004250a6690fedc1f3d488_inputData/0',
  ],
  workbook,
  conditions,
  expected,
};
