// 临港 海绵城市 计算书 split into two 汇水分区. Pooled over the site, the storage (570 m³) exceeds
// V (≈530 m³), and the summary lines 需调蓄容积 / 实际调蓄容积 say so; but 分区2 needs ≈256 m³ and
// drains only to 190 m³ of facilities — water cannot flow into 分区1's pool (docs/domain/runoff.md §3.2).
// Declared 80 % → review.
// Layout: docs/domain/runoff.md §3.2 (zones, PARTIAL, design practice) and §3 (V = 10·H·φ·F [R3]); per-zone
// 下垫面 and facility tables as in a public 计算书 generator (find_string id 66543609903).
import { f, FMT, header, kvWriter, newWorkbook, note, rowOf, sheet, title } from '../sheet-kit';
import { corpusExpected, r, type CorpusSample } from '../corpus-kit';
import type { ConditionsDoc } from '../../../shared/model/types';

const H = 26.7;
const ZONES: { name: string; surfaces: [string, number, number][]; facilities: [string, string, number][] }[] = [
  {
    name: '1#汇水分区',
    surfaces: [
      ['屋面', 6000, 0.85],
      ['道路及广场', 4500, 0.85],
      ['透水铺装', 1500, 0.3],
      ['绿地', 6000, 0.15],
    ],
    facilities: [
      ['雨水调蓄池', '1座', 250],
      ['下凹式绿地', '1300㎡', 130],
    ],
  },
  {
    name: '2#汇水分区',
    surfaces: [
      ['屋面', 5200, 0.85],
      ['道路及广场', 5000, 0.85],
      ['绿地', 3400, 0.15],
      ['景观水体', 400, 1.0],
    ],
    facilities: [
      ['下凹式绿地', '1100㎡', 110],
      ['雨水花园', '400㎡', 80],
    ],
  },
];
const Z = ZONES.map((z) => {
  const F = z.surfaces.reduce((s, x) => s + x[1], 0);
  const psiA = z.surfaces.reduce((s, [, a, p]) => s + a * p, 0);
  const V = (H * psiA) / 1000;
  const provided = z.facilities.reduce((s, x) => s + x[2], 0);
  return { ...z, F, psiA, phi: psiA / F, V, provided };
});
const SITE = Z.reduce((s, z) => s + z.F, 0);
const PSI_A = Z.reduce((s, z) => s + z.psiA, 0);
const V_ALL = (H * PSI_A) / 1000;
const PROVIDED = Z.reduce((s, z) => s + z.provided, 0);
if (!(PROVIDED >= V_ALL && Z[1].provided < Z[1].V && Z[0].provided >= Z[0].V)) throw new Error('sponge-zones-lingang: zone 2 must fall short while the pooled total passes');

function workbook() {
  const wb = newWorkbook('上海临港某设计院有限公司');
  const ws = sheet(wb, '海绵城市计算书', [8, 16, 22, 14, 14, 16, 14]);
  title(ws, 1, '临港新片区PDC1-0401单元H09-02地块 海绵城市设计计算书', 1, 7, 12);
  const kv = kvWriter(ws, 2, 2);
  kv('年径流总量控制率', 0.8, FMT.pct0, '规划条件');
  kv('设计降雨量（mm）', H, FMT.dec1, '对应80%');
  kv('总用地面积（㎡）', SITE, FMT.area);

  let row = kv.row + 1;
  rowOf(ws, row++, 1, ['一、', '各汇水分区下垫面']);
  header(ws, row++, 1, ['序号', '汇水分区', '下垫面类型', '面积（㎡）', '雨量径流系数', '面积×径流系数', '']);
  let n = 1;
  for (const z of Z) {
    for (const [name, a, p] of z.surfaces) rowOf(ws, row++, 1, [n++, z.name, name, a, p, r(a * p, 2), ''], [undefined, undefined, undefined, FMT.area, FMT.dec2, FMT.area]);
  }
  row++;
  rowOf(ws, row++, 1, ['二、', '各汇水分区调蓄容积复核']);
  header(ws, row++, 1, ['序号', '汇水分区', '汇水面积（㎡）', '综合雨量径流系数', '需调蓄容积（m³）', '实际调蓄容积（m³）', '是否满足']);
  const first = row;
  Z.forEach((z, i) => rowOf(ws, row++, 1, [i + 1, z.name, z.F, r(z.phi, 3), r(z.V, 2), z.provided, '满足'], [undefined, undefined, FMT.area, FMT.dec3, FMT.dec2, FMT.dec1]));
  rowOf(ws, row++, 1, ['', '合计', f(`SUM(C${first}:C${row - 2})`, SITE), r(PSI_A / SITE, 3), f(`SUM(E${first}:E${row - 2})`, r(Z[0].V, 2) + r(Z[1].V, 2)), f(`SUM(F${first}:F${row - 2})`, PROVIDED), '满足'], [
    undefined,
    undefined,
    FMT.area,
    FMT.dec3,
    FMT.dec2,
    FMT.dec1,
  ]);
  row++;
  rowOf(ws, row++, 1, ['三、', '调蓄设施']);
  header(ws, row++, 1, ['序号', '汇水分区', '设施名称', '规模', '调蓄容积（m³）', '', '']);
  n = 1;
  const fFirst = row;
  for (const z of Z) for (const [name, size, v] of z.facilities) rowOf(ws, row++, 1, [n++, z.name, name, size, v, '', ''], [undefined, undefined, undefined, undefined, FMT.dec1]);
  rowOf(ws, row++, 1, ['', '合计', '', '', f(`SUM(E${fFirst}:E${row - 2})`, PROVIDED), '', ''], [undefined, undefined, undefined, undefined, FMT.dec1]);
  row++;
  const kv2 = kvWriter(ws, row, 2);
  kv2('需调蓄容积（m³）', r(V_ALL, 2), FMT.dec2, '全场地，V=10·H·φ·F');
  kv2('实际调蓄容积（m³）', PROVIDED, FMT.dec1, '≥需调蓄容积，满足');
  note(ws, kv2.row + 1, '注：各汇水分区雨水分别排入本分区调蓄设施，分区之间无连通。', 1, 7);
  return wb;
}

const conditions: ConditionsDoc = {
  format: 'landcheck.conditions/v1',
  contract: { number: '沪临港规土(2025)第014号', parcel: 'PDC1-0401单元H09-02地块', city: '上海市', signedOn: '2025-03-28', district: '中国（上海）自由贸易试验区临港新片区' },
  conditions: [{ id: 'S1', clause: '第十二条（四）', text: '年径流总量控制率不低于80%', indicator: 'runoff_capture', op: '>=', value: 80 }],
};

const expected = corpusExpected('sponge-zones-lingang', [
  {
    conditionId: 'S1',
    building: null,
    verdict: 'review',
    why:
      `全场地合计：V=${H}×${r(PSI_A, 1)}/1000=${r(V_ALL, 2)}m³，实际${PROVIDED}m³≥V；但按汇水分区：` +
      `${Z[0].name} V=${r(Z[0].V, 2)}m³，设施${Z[0].provided}m³满足；${Z[1].name} V=${H}×${r(Z[1].psiA, 1)}/1000=${r(Z[1].V, 2)}m³，设施仅${Z[1].provided}m³<V，` +
      '分区之间无连通，盈余不能互补 → 数据不支持声明的80%（“满足”为设计人自评）→ 需复核',
  },
]);

export const spongeZonesLingang: CorpusSample = {
  name: 'sponge-zones-lingang',
  title: '临港海绵城市分区计算（总量满足、2#分区不足）',
  traps: ['全场地合计满足而2#汇水分区调蓄不足', '“是否满足”列与汇总行写“满足”', '设施表按分区列出'],
  sources: [
    'docs/domain/runoff.md §3.2 汇水分区逐区复核（设计实践）；容积法 V=10HφF：http://www.handmsg.com/page/2018/0824/19306006.shtml',
    '公开代码：海绵城市计算书生成器（下垫面表、设施配置表）（find_string id 66543609903）',
    'GitHub longavailable/longavailable.github.io _posts/2019-09-18-site-design-under-SCC-concept.md（V0 与有效容积 Ve 比较）',
  ],
  workbook,
  conditions,
  expected,
};
