// 青浦 海绵城市 计算书: design target, 下垫面 table (面积 × 雨量径流系数), V = 10·H·φ·F, and a
// 调蓄设施 table (设施名称 | 单位 | 规模 | 有效调蓄深度 | 调蓄容积 with a 合计 row). There is no
// "实际调蓄容积" line: the storage provided is only the 合计 of the facility table, 418 m³, short of
// V ≈ 457 m³. The summary declares 年径流总量控制率 80 % and the designer wrote "满足" → review.
// Layout: docs/domain/runoff.md §3 (容积法 V = 10·H·φ·F [R3]; coefficients [R4]); a public 计算书 generator
// with the sections 下垫面与综合径流系数 / 调蓄容积 / 设施配置 (序号 | 设施 | 单位 | 规模 | 单位调蓄 |
// 调蓄量 V_i | … | 合计 V_实) (find_string id 66543609903).
import { f, FMT, header, kvWriter, newWorkbook, note, rowOf, sheet, title } from '../sheet-kit';
import { corpusExpected, r, type CorpusSample } from '../corpus-kit';
import type { ConditionsDoc } from '../../../shared/model/types';

const SITE = 31250;
const H = 26.7; // mm, as the project's 海绵专项设计 states for 80 % (Shanghai table UNCONFIRMED)
const SURFACES: [string, number, number][] = [
  ['硬屋面', 6820, 0.85],
  ['绿化屋面', 1200, 0.3],
  ['道路及硬质铺装', 9430, 0.85],
  ['透水铺装', 3600, 0.3],
  ['绿地', 9800, 0.15],
  ['水面', 400, 1.0],
];
const AREA = SURFACES.reduce((s, x) => s + x[1], 0);
if (AREA !== SITE) throw new Error('sponge-facilities-qingpu: surfaces must add up to the site');
const PSI_A = SURFACES.reduce((s, [, a, p]) => s + a * p, 0);
const PHI = PSI_A / SITE;
const V = (10 * H * PHI * SITE) / 10000;
const FACILITIES: [string, string, number, number | string, number][] = [
  ['下凹式绿地', '㎡', 1200, 0.1, 120],
  ['雨水花园', '㎡', 450, 0.2, 90],
  ['透水铺装结构层', '㎡', 3600, 0.03, 108],
  ['雨水调蓄池', '座', 1, '—', 100],
];
const PROVIDED = FACILITIES.reduce((s, x) => s + x[4], 0);
if (PROVIDED >= V) throw new Error('sponge-facilities-qingpu: storage must fall short of V');
const GREEN = 9800;

function workbook() {
  const wb = newWorkbook('上海某市政工程设计研究院有限公司');
  const ws0 = sheet(wb, '指标汇总', [30, 16, 30]);
  title(ws0, 1, '青浦区QPC10402单元04-05地块 海绵城市设计指标汇总', 1, 3, 12);
  header(ws0, 2, 1, ['指标', '设计值', '备注']);
  const kv = kvWriter(ws0, 3, 1);
  kv('总用地面积（㎡）', SITE, FMT.area);
  kv('绿地面积（㎡）', GREEN, FMT.area);
  kv('绿地率', GREEN / SITE, FMT.pct2);
  kv('年径流总量控制率', 0.8, FMT.pct0, '满足');
  kv('透水铺装面积（㎡）', 3600, FMT.area);

  const ws = sheet(wb, '海绵城市计算书', [8, 26, 14, 14, 16, 16]);
  title(ws, 1, '海绵城市设计计算书（容积法）', 1, 6, 12);
  rowOf(ws, 2, 1, ['一、', '设计目标']);
  const kv1 = kvWriter(ws, 3, 2);
  kv1('年径流总量控制率', 0.8, FMT.pct0, '规划条件');
  const rH = kv1('设计降雨量H（mm）', H, FMT.dec1, '对应80%，见专项设计');
  rowOf(ws, 6, 1, ['二、', '下垫面与综合雨量径流系数']);
  header(ws, 7, 1, ['序号', '下垫面类型', '面积（㎡）', '雨量径流系数', '面积×径流系数', '备注']);
  SURFACES.forEach(([name, a, p], i) => rowOf(ws, 8 + i, 1, [i + 1, name, a, p, f(`C${8 + i}*D${8 + i}`, a * p), ''], [undefined, undefined, FMT.area, FMT.dec2, FMT.area]));
  const rSum = 8 + SURFACES.length;
  rowOf(ws, rSum, 1, ['', '合计', f(`SUM(C8:C${rSum - 1})`, AREA), '', f(`SUM(E8:E${rSum - 1})`, PSI_A), ''], [undefined, undefined, FMT.area, undefined, FMT.area]);
  const kv2 = kvWriter(ws, rSum + 1, 2);
  const rF = kv2('汇水面积F（㎡）', f(`C${rSum}`, SITE), FMT.area);
  const rPhi = kv2('综合雨量径流系数φ', f(`E${rSum}/C${rSum}`, PHI), FMT.dec3);
  kv2('需调蓄容积V（m³）', f(`10*C${rH}*C${rPhi}*C${rF}/10000`, V), FMT.dec2, 'V=10·H·φ·F，F以hm²计');
  const r3 = kv2.row + 1;
  rowOf(ws, r3, 1, ['三、', '调蓄设施']);
  header(ws, r3 + 1, 1, ['序号', '设施名称', '单位', '规模', '有效调蓄深度（m）', '调蓄容积（m³）']);
  FACILITIES.forEach(([name, unit, size, depth, vol], i) => rowOf(ws, r3 + 2 + i, 1, [i + 1, name, unit, size, depth, vol], [undefined, undefined, undefined, FMT.int, FMT.dec2, FMT.dec1]));
  const rFac = r3 + 2 + FACILITIES.length;
  rowOf(ws, rFac, 1, ['', '合计', '', '', '', f(`SUM(F${r3 + 2}:F${rFac - 1})`, PROVIDED)], [undefined, undefined, undefined, undefined, undefined, FMT.dec1]);
  rowOf(ws, rFac + 2, 1, ['四、', '结论：调蓄设施满足年径流总量控制率80%要求']);
  note(ws, rFac + 3, '注：下凹式绿地、雨水花园调蓄容积按有效蓄水深度计；透水铺装结构层按孔隙率折算。', 1, 6);
  return wb;
}

const conditions: ConditionsDoc = {
  format: 'landcheck.conditions/v1',
  contract: { number: '沪青规土(2025)第008号', parcel: 'QPC10402单元04-05地块', city: '上海市', signedOn: '2025-01-16', district: '青浦区' },
  conditions: [
    { id: 'P2', clause: '第五条', text: '绿地率不低于30%', indicator: 'green_ratio', op: '>=', value: 30 },
    { id: 'S1', clause: '第十二条', text: '年径流总量控制率不低于80%', indicator: 'runoff_capture', op: '>=', value: 80 },
  ],
};

const expected = corpusExpected('sponge-facilities-qingpu', [
  { conditionId: 'P2', building: null, verdict: 'pass', why: `绿地${GREEN}÷用地${SITE}=${r((GREEN / SITE) * 100, 2)}%≥30%` },
  {
    conditionId: 'S1',
    building: null,
    verdict: 'review',
    why:
      `φ=${r(PSI_A, 1)}/${SITE}=${r(PHI, 4)}；V=10×${H}×φ×${SITE / 10000}hm²=${r(V, 2)}m³；调蓄设施表合计` +
      `${FACILITIES.map((x) => x[4]).join('+')}=${PROVIDED}m³<V：表中数据不支持声明的80%（“满足”是设计人自评，不作依据；上海降雨量表UNCONFIRMED，无法反算达到的控制率）→ 需复核；若调蓄设施表未能读取，同样需复核`,
  },
]);

export const spongeFacilitiesQingpu: CorpusSample = {
  name: 'sponge-facilities-qingpu',
  title: '青浦海绵城市计算书（调蓄设施合计不足V）',
  traps: ['实际调蓄容积只在调蓄设施表的合计行', '合计418m³<V≈457m³，声明80%与“满足”均不可信', '下垫面表与调蓄设施表在同一工作表'],
  sources: [
    '韦峰等 南宁LID设计（容积法V=10HφF、φ按指南表4-3加权）：http://www.handmsg.com/page/2018/0824/19306006.shtml',
    '建标库 附录E 不同下垫面的径流系数：http://m.jianbiaoku.com/webarbs/book/25917/846574.shtml',
    '公开代码：海绵城市计算书生成器（下垫面表、调蓄容积、设施配置表与合计V_实）（find_string id 66543609903）',
  ],
  workbook,
  conditions,
  expected,
};
