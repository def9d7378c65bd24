// Sample d) 临港新片区 工业厂房: roof PV coverage per building, 50 % for 工业厂房 and 30 % for
// other public buildings (沪府发〔2022〕7号, docs/domain/renewable.md §3.1); 2#厂房 reaches only 45 % → fail.
// Overall fail, exit 1.
import { FMT, f, header, mergeRow, newWorkbook, note, put, round, rowOf, sheet, title } from '../sheet-kit';
import { expectedOf, type Sample } from '../sample';
import type { ConditionsDoc } from '../../../shared/model/types';

const PROJECT = '临港新片区智能制造产业项目（一期）';
const SITE = 60000;
const GREEN = 9000;

interface Bldg {
  name: string;
  use: string;
  area: number;
  floors: number;
  height: number;
  roof: number;
  pv: number;
}
const BUILDINGS: Bldg[] = [
  { name: '1#厂房', use: '工业厂房', area: 30600, floors: 2, height: 23.4, roof: 15300, pv: 8400 },
  { name: '2#厂房', use: '工业厂房', area: 27200, floors: 2, height: 23.4, roof: 13600, pv: 6120 },
  { name: '3#综合楼', use: '办公', area: 14400, floors: 6, height: 23.9, roof: 2400, pv: 780 },
];
const ABOVE = BUILDINGS.reduce((s, b) => s + b.area, 0);
const ROOF = BUILDINGS.reduce((s, b) => s + b.roof, 0);
const PV = BUILDINGS.reduce((s, b) => s + b.pv, 0);
const FOOTPRINT = ROOF;
const PV_WAN = 336.6;
const ENERGY = 16800000;
const RE_RATIO = (PV_WAN * 10000) / ENERGY;

function workbook() {
  const wb = newWorkbook('临港某设计院');
  const ws = sheet(wb, '主要技术经济指标', [8, 30, 20, 30]);
  title(ws, 1, `${PROJECT} 主要技术经济指标`, 1, 4);
  header(ws, 2, 1, ['序号', '指标名称', '数值', '备注']);
  let r = 3;
  const kv = (label: string, v: Parameters<typeof put>[3], fmt?: string, remark = '') => {
    rowOf(ws, r, 1, [r - 2, label, v, remark], [undefined, undefined, fmt, undefined]);
    return r++;
  };
  kv('项目名称', PROJECT);
  mergeRow(ws, 3, 3, 4);
  const rSite = kv('总用地面积（㎡）', SITE, FMT.area);
  kv('总建筑面积（㎡）', ABOVE, FMT.area, '无地下室');
  const rFar = kv('计容建筑面积（㎡）', ABOVE, FMT.area, '层高超8m部分已按规定折算');
  const rFoot = kv('建筑基底面积（㎡）', FOOTPRINT, FMT.area);
  const rGreen = kv('绿地面积（㎡）', GREEN, FMT.area);
  kv('容积率', f(`C${rFar}/C${rSite}`, ABOVE / SITE), FMT.dec2, '规划条件：≥1.2');
  kv('建筑密度', f(`C${rFoot}/C${rSite}`, FOOTPRINT / SITE), FMT.pct2);
  kv('绿地率', f(`C${rGreen}/C${rSite}`, GREEN / SITE), FMT.pct2, '规划条件：≤20%');
  kv('建筑高度（m）', Math.max(...BUILDINGS.map((b) => b.height)), FMT.dec2);
  const rRoof = kv('屋顶总面积（㎡）', ROOF, FMT.area);
  const rPv = kv('光伏安装面积（㎡）', PV, FMT.area);
  kv('屋顶光伏覆盖率', f(`C${rPv}/C${rRoof}`, PV / ROOF), FMT.pct2, '全地块，分栋见“单体指标”');
  const rGen = kv('光伏年发电量（万kWh/a）', PV_WAN, FMT.dec2, '装机约3.06MWp');
  const rE = kv('建筑年总能耗（kWh/a）', ENERGY, FMT.int, '不含生产工艺用能');
  kv('可再生能源替代率', f(`C${rGen}*10000/C${rE}`, RE_RATIO), FMT.pct2);

  const wsB = sheet(wb, '单体指标', [12, 12, 16, 8, 14, 16, 18, 18]);
  title(wsB, 1, '单体建筑及屋顶光伏指标', 1, 8, 12);
  header(wsB, 2, 1, ['单体名称', '建筑功能', '建筑面积（㎡）', '层数', '建筑高度（m）', '屋顶面积（㎡）', '光伏安装面积（㎡）', '屋顶光伏覆盖率（%）']);
  let rb = 3;
  for (const b of BUILDINGS) {
    rowOf(wsB, rb, 1, [b.name, b.use, b.area, b.floors, b.height, b.roof, b.pv, f(`G${rb}/F${rb}`, b.pv / b.roof)], [
      undefined, undefined, FMT.area, undefined, FMT.dec2, FMT.area, FMT.area, FMT.pct2,
    ]);
    rb++;
  }
  rowOf(wsB, rb, 1, ['合计', '', f(`SUM(C3:C${rb - 1})`, ABOVE), '', '', f(`SUM(F3:F${rb - 1})`, ROOF), f(`SUM(G3:G${rb - 1})`, PV), f(`G${rb}/F${rb}`, PV / ROOF)], [
    undefined, undefined, FMT.area, undefined, undefined, FMT.area, FMT.area, FMT.pct2,
  ]);
  note(wsB, rb + 2, '注：光伏安装面积按组件水平投影面积计；2#厂房屋面设有排烟天窗及设备平台，光伏布置受限。', 1, 8);
  return wb;
}

const conditions: ConditionsDoc = {
  format: 'landcheck.conditions/v1',
  contract: { number: '沪临地(2025)第009号', parcel: 'PDC1-0401单元H10-02地块', city: '上海市', signedOn: '2025-05-20', district: '中国（上海）自由贸易试验区临港新片区' },
  conditions: [
    { id: 'P1', clause: '第五条', text: '容积率不低于1.2', indicator: 'far', op: '>=', value: 1.2 },
    { id: 'P2', clause: '第五条', text: '绿地率不得超过20%', indicator: 'green_ratio', op: '<=', value: 20 },
    {
      id: 'PV1',
      clause: '第十二条（一）',
      text: '新建工业厂房屋顶光伏覆盖率不低于50%',
      indicator: 'pv_roof_coverage',
      op: '>=',
      value: 50,
      scope: 'building',
      appliesTo: { use: ['industrial'] },
    },
    {
      id: 'PV2',
      clause: '第十二条（一）',
      text: '其他公共建筑屋顶光伏覆盖率不低于30%',
      indicator: 'pv_roof_coverage',
      op: '>=',
      value: 30,
      scope: 'building',
      appliesTo: { use: ['public'] },
    },
    { id: 'R1', clause: '第十二条（二）', text: '新建工业厂房应至少利用一种可再生能源', indicator: 'renewable_substitution', op: '>', value: 0 },
  ],
};

const pct = (x: number) => `${round(x * 100, 2)}%`;
const pvWhy = (b: Bldg, need: number) => `光伏安装面积${b.pv}÷屋顶面积${b.roof}=${pct(b.pv / b.roof)}${b.pv / b.roof >= need / 100 ? '≥' : '<'}${need}%`;

const expected = expectedOf('industrial-lingang', [
  { conditionId: 'P1', building: null, verdict: 'pass', why: `计容${ABOVE}÷用地${SITE}=${round(ABOVE / SITE, 4)} ≥ 1.2` },
  { conditionId: 'P2', building: null, verdict: 'pass', why: `绿地${GREEN}÷用地${SITE}=${pct(GREEN / SITE)} ≤ 20%` },
  { conditionId: 'PV1', building: '1#厂房', verdict: 'pass', why: pvWhy(BUILDINGS[0], 50) },
  { conditionId: 'PV1', building: '2#厂房', verdict: 'fail', why: `${pvWhy(BUILDINGS[1], 50)}，声明值与核算一致` },
  { conditionId: 'PV1', building: '3#综合楼', verdict: 'not_applicable', why: '办公（公共建筑），不在 appliesTo.use=industrial 范围' },
  { conditionId: 'PV2', building: '1#厂房', verdict: 'not_applicable', why: '工业厂房，不在 appliesTo.use=public 范围' },
  { conditionId: 'PV2', building: '2#厂房', verdict: 'not_applicable', why: '工业厂房，不在 appliesTo.use=public 范围' },
  { conditionId: 'PV2', building: '3#综合楼', verdict: 'pass', why: pvWhy(BUILDINGS[2], 30) },
  { conditionId: 'R1', building: null, verdict: 'pass', why: `光伏${PV_WAN}万kWh/a÷建筑年总能耗${ENERGY}kWh/a=${pct(RE_RATIO)}>0` },
]);

export const industrialLingang: Sample = { name: 'industrial-lingang', workbook, conditions, expected };
