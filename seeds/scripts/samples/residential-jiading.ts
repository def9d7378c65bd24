// Sample a) 嘉定新城 住宅小区: a clean design-institute workbook (key/value indicator table,
// per-building table, GB/T 50378 self-assessment, sponge calculation, renewable calculation)
// against a key-area (五个新城) land contract. Every condition passes → overall pass, exit 0.
import { f, FMT, greenScoreSheet, header, kvWriter, mergeRow, newWorkbook, note, put, round, rowOf, sheet, spongeSheet, title, totalScore } from '../sheet-kit';
import { expectedOf, type Sample } from '../sample';
import type { ConditionsDoc } from '../../../shared/model/types';

const PROJECT = '嘉定新城JDC10501单元05-02地块住宅项目';
const SITE = 39720.0;
const H_RAIN = 26.7; // mm, as the project's 海绵专项设计 states for 80 % (Shanghai table UNCONFIRMED, docs/domain/runoff.md §2.2)
const STORAGE_POOL = 300;
const STORAGE_LID = 220;

interface Bldg {
  name: string;
  use: string;
  area: number;
  floors: number | string;
  height: number | string;
  prefab: number | string;
  asm: number | string;
  footprint: number;
  ultraLow: boolean;
}

const BUILDINGS: Bldg[] = [
  { name: '1#楼', use: '住宅', area: 15620.4, floors: 18, height: 55.8, prefab: 42.3, asm: 63.5, footprint: 870.2, ultraLow: true },
  { name: '2#楼', use: '住宅', area: 15620.4, floors: 18, height: 55.8, prefab: 42.3, asm: 63.5, footprint: 870.2, ultraLow: true },
  { name: '3#楼', use: '住宅', area: 13884.8, floors: 16, height: 49.8, prefab: 40.8, asm: 61.2, footprint: 868.4, ultraLow: true },
  { name: '4#楼', use: '住宅', area: 13884.8, floors: 16, height: 49.8, prefab: 40.8, asm: 61.2, footprint: 868.4, ultraLow: true },
  { name: '5#楼', use: '住宅', area: 9546.3, floors: 11, height: 34.8, prefab: 36.5, asm: 60.8, footprint: 868.3, ultraLow: false },
  { name: '6#楼', use: '住宅', area: 9546.3, floors: 11, height: 34.8, prefab: 41.0, asm: 58.9, footprint: 868.3, ultraLow: false },
  { name: '7#楼', use: '配套公建', area: 1296.0, floors: 2, height: 9.9, prefab: '/', asm: '/', footprint: 648.0, ultraLow: false },
];
const GARAGE = { name: '地下车库', use: '地下车库', area: 27850.0, floors: -1 };

const ABOVE = round(BUILDINGS.reduce((s, b) => s + b.area, 0), 2); // 79 399.00
const BELOW = GARAGE.area;
const TOTAL = round(ABOVE + BELOW, 2);
const FAR_AREA = ABOVE;
const FOOTPRINT = round(BUILDINGS.reduce((s, b) => s + b.footprint, 0), 2);
const GREEN = 14310.5;
const HEIGHT = Math.max(...BUILDINGS.map((b) => Number(b.height)));
const ULTRA_LOW = BUILDINGS.filter((b) => b.ultraLow).reduce((s, b) => s + b.area, 0) / ABOVE;

// 海绵城市: surfaces add up to the site; roofs = footprints (7# has a green roof).
const GREEN_ROOF = 648.0;
const SURFACES: [string, number, number][] = [
  ['屋面', round(FOOTPRINT - GREEN_ROOF, 2), 0.85],
  ['绿化屋面', GREEN_ROOF, 0.3],
  ['道路', 0, 0.85], // filled below as the remainder
  ['透水铺装', 8700.0, 0.3],
  ['绿地', GREEN, 0.15],
  ['水面', 420.0, 1.0],
];
SURFACES[2][1] = round(SITE - SURFACES.reduce((s, x) => s + x[1], 0), 2);
const PSI_A = SURFACES.reduce((s, [, a, psi]) => s + a * psi, 0);
const PHI = PSI_A / SITE;
const V_REQ = (10 * H_RAIN * PHI * SITE) / 10000; // V = 10·H·φ·F, F in hm²
const V_PROV = STORAGE_POOL + STORAGE_LID;
if (V_PROV < V_REQ) throw new Error('residential-jiading: storage must cover V');

// 可再生能源
const PV_WAN = 28.6; // 万kWh/a
const SOLAR_HEAT = 412000;
const ENERGY = 5980000;
const RE_TOTAL = PV_WAN * 10000 + SOLAR_HEAT;
const RE_RATIO = RE_TOTAL / ENERGY;

// GB/T 50378-2019 预评价 self-assessment (生活便利 max 70 at 预评价, docs/domain/green-building.md §3).
const SCORES: [string, number, number][] = [
  ['安全耐久', 70, 100],
  ['健康舒适', 66, 100],
  ['生活便利', 50, 70],
  ['资源节约', 128, 200],
  ['环境宜居', 68, 100],
];
const BONUS = 25;
const Q = totalScore(SCORES, BONUS);

function workbook() {
  const wb = newWorkbook('上海某建筑设计研究院有限公司');

  // ---------------------------------------------------------------- 主要技术经济指标
  const ws = sheet(wb, '主要技术经济指标', [8, 40, 22, 34]);
  title(ws, 1, `${PROJECT} 主要技术经济指标`, 1, 4);
  header(ws, 2, 1, ['序号', '指标名称', '数值', '备注']);
  let r = 3;
  const kv = (no: string, label: string, v: Parameters<typeof put>[3], fmt?: string, remark = '') => {
    rowOf(ws, r, 1, [no, label, v, remark], [undefined, undefined, fmt, undefined]);
    return r++;
  };
  kv('1', '项目名称', PROJECT);
  mergeRow(ws, 3, 3, 4);
  const rSite = kv('2', '总用地面积（㎡）', SITE, FMT.area, '以土地出让合同为准');
  const rTotal = r;
  kv('3', '总建筑面积（㎡）', f(`C${rTotal + 1}+C${rTotal + 2}`, TOTAL), FMT.area);
  kv('3.1', '地上建筑面积（㎡）', ABOVE, FMT.area);
  kv('3.2', '地下建筑面积（㎡）', BELOW, FMT.area, '地下车库及设备用房');
  const rFar = kv('4', '计容建筑面积（㎡）', FAR_AREA, FMT.area);
  kv('5', '建筑基底面积（㎡）', FOOTPRINT, FMT.area);
  const rGreen = kv('6', '绿地面积（㎡）', GREEN, FMT.area, '含地下车库顶板覆土绿地');
  kv('7', '容积率', f(`C${rFar}/C${rSite}`, FAR_AREA / SITE), FMT.dec2, '规划条件：≤2.0');
  kv('8', '建筑密度', round(FOOTPRINT / SITE, 4), FMT.pct2);
  kv('9', '绿地率', f(`C${rGreen}/C${rSite}`, GREEN / SITE), FMT.pct2, '规划条件：≥35%');
  kv('10', '建筑高度（m）', HEIGHT, FMT.dec2, '1#、2#楼，室外地坪至屋面面层');
  kv('11', '住宅总户数（户）', 756, FMT.int);
  kv('12', '机动车停车位（辆）', 820, FMT.int, '其中充电车位 100%预留条件');
  kv('13', '绿色建筑星级', '二星级', undefined, '详见“绿色建筑”表');
  kv('14', '全装修', '是', undefined, '全部住宅');
  kv('15', '可再生能源替代率', round(RE_RATIO, 4), FMT.pct2, '详见“可再生能源”表');
  kv('16', '年径流总量控制率', 0.8, FMT.pct0, '详见“海绵城市”表');
  kv('17', '单位建筑面积年碳排放量（kgCO₂/㎡·a）', 21.6, FMT.dec1, '运行阶段，详见碳排放计算书');
  kv('18', '超低能耗建筑面积占比', round(ULTRA_LOW, 4), FMT.pct2, '1#~4#楼按超低能耗建筑设计，占地上建筑面积比例');
  kv('19', '智能建造', '是', undefined, '采用BIM正向设计及智能建造平台');
  kv('20', '光储直柔', '否');
  kv('21', '零碳建筑', '是', undefined, '7#楼配套公建按零碳建筑示范实施');
  kv('22', '附属绿地开放共享', '是', undefined, '沿河绿带对外开放');
  kv('23', '开放共享绿地面积（㎡）', 2100, FMT.area);
  note(ws, r + 1, '注：1. 本表面积数据以施工图审查合格文件为准；2. 百分比指标详见各专项计算表。', 1, 4);

  // ---------------------------------------------------------------- 单体指标
  const wsB = sheet(wb, '单体指标', [12, 14, 16, 8, 14, 16, 16]);
  title(wsB, 1, '单体建筑主要指标', 1, 7, 12);
  header(wsB, 2, 1, ['楼号', '建筑功能', '建筑面积（㎡）', '层数', '建筑高度（m）', '单体预制率（%）', '单体装配率（%）']);
  const fmts = [undefined, undefined, FMT.area, undefined, FMT.dec2, FMT.dec1, FMT.dec1];
  let rb = 3;
  for (const b of BUILDINGS) rowOf(wsB, rb++, 1, [b.name, b.use, b.area, b.floors, b.height, b.prefab, b.asm], fmts);
  rowOf(wsB, rb++, 1, [GARAGE.name, GARAGE.use, GARAGE.area, GARAGE.floors, '/', '/', '/'], fmts);
  rowOf(wsB, rb, 1, ['合计', '', f(`SUM(C3:C${rb - 1})`, TOTAL), '', '', '', ''], fmts);
  note(wsB, rb + 2, '注：单体预制率、装配率按《上海市装配式建筑单体预制率和装配率计算细则》计算。', 1, 7);

  // ---------------------------------------------------------------- 绿色建筑
  greenScoreSheet(wb, {
    name: '绿色建筑',
    title: '绿色建筑自评估（GB/T 50378-2019）',
    scores: SCORES,
    bonus: BONUS,
    q: Q,
    envelope: 0.15,
    waterGrade: 2,
    pollutant: 0.25,
  });

  // ---------------------------------------------------------------- 海绵城市
  spongeSheet(wb, {
    title: '海绵城市设计计算表（容积法）',
    surfaces: SURFACES,
    site: SITE,
    psiA: PSI_A,
    phi: PHI,
    rainfall: H_RAIN,
    required: V_REQ,
    pool: STORAGE_POOL,
    lid: STORAGE_LID,
    lidLabel: '下凹式绿地及雨水花园调蓄容积（m³）',
    provided: V_PROV,
    remarks: { rate: '规划条件：≥80%', rainfall: '对应年径流总量控制率80%', required: 'V=10·H·φ·F，F以hm²计', provided: '≥需调蓄容积' },
  });

  // ---------------------------------------------------------------- 可再生能源
  const wsR = sheet(wb, '可再生能源', [36, 18, 30]);
  title(wsR, 1, '可再生能源利用计算表', 1, 3, 12);
  const rkv = kvWriter(wsR, 2, 1);
  rkv('光伏装机容量（kWp）', 260, FMT.int, '1#~6#楼屋面');
  const rPv = rkv('光伏年发电量（万kWh/a）', PV_WAN, FMT.dec2);
  const rSt = rkv('太阳能热水年供热量（kWh/a）', SOLAR_HEAT, FMT.int, '5#、6#楼集中式太阳能热水');
  const rRe = rkv('可再生能源年利用总量（kWh/a）', f(`B${rPv}*10000+B${rSt}`, RE_TOTAL), FMT.int);
  const rE = rkv('建筑年总能耗（kWh/a）', ENERGY, FMT.int, '详见节能计算书');
  rkv('可再生能源替代率', f(`B${rRe}/B${rE}`, RE_RATIO), FMT.pct2, '合同要求：≥10%');
  return wb;
}

const conditions: ConditionsDoc = {
  format: 'landcheck.conditions/v1',
  contract: {
    number: '沪嘉规土(2025)第036号',
    parcel: 'JDC10501单元05-02地块',
    city: '上海市',
    signedOn: '2025-03-01',
    district: '嘉定区（嘉定新城）',
  },
  conditions: [
    { id: 'P1', clause: '第五条', text: '容积率不大于2.0', indicator: 'far', op: '<=', value: 2.0 },
    { id: 'P2', clause: '第五条', text: '绿地率不低于35%', indicator: 'green_ratio', op: '>=', value: 35 },
    { id: 'P3', clause: '第五条', text: '建筑高度不超过60米', indicator: 'building_height', op: '<=', value: 60 },
    { id: 'G1', clause: '第十二条（一）', text: '本地块新建建筑应按绿色建筑二星级及以上标准建设', indicator: 'green_building_star', op: '>=', value: 2 },
    {
      id: 'A1',
      clause: '第十二条（二）',
      text: '住宅建筑单体预制率不低于40%或单体装配率不低于60%',
      anyOf: [
        { indicator: 'prefab_ratio', op: '>=', value: 40 },
        { indicator: 'assembly_ratio', op: '>=', value: 60 },
      ],
      scope: 'building',
      appliesTo: { use: ['residential'] },
    },
    { id: 'R1', clause: '第十二条（三）', text: '可再生能源替代率不低于10%', indicator: 'renewable_substitution', op: '>=', value: 10 },
    { id: 'U1', clause: '第十二条（四）', text: '超低能耗建筑面积占比不低于50%', indicator: 'ultra_low_energy_ratio', op: '>=', value: 50 },
    { id: 'C1', clause: '第十二条（五）', text: '单位建筑面积年碳排放量不高于25kgCO₂/(m²·a)', indicator: 'carbon_intensity', op: '<=', value: 25 },
    { id: 'S1', clause: '第十二条（六）', text: '年径流总量控制率不低于80%', indicator: 'runoff_capture', op: '>=', value: 80 },
    { id: 'F1', clause: '第十二条（七）', text: '新建住宅应实施全装修', indicator: 'full_fitout', op: '==', value: true },
    { id: 'Z1', clause: '第十二条（八）', text: '项目应采用智能建造', indicator: 'smart_construction', op: '==', value: true },
    {
      id: 'Z2',
      clause: '第十二条（九）',
      text: '应开展零碳建筑或光储直柔创新示范',
      anyOf: [
        { indicator: 'zero_carbon_demo', op: '==', value: true },
        { indicator: 'pedf_demo', op: '==', value: true },
      ],
    },
    { id: 'Z3', clause: '第十二条（十）', text: '附属绿地应开放共享', indicator: 'green_space_open_share', op: '==', value: true },
    { id: 'Z4', clause: '第十二条（十）', text: '开放共享绿地面积不少于2000平方米', indicator: 'open_green_area', op: '>=', value: 2000 },
  ],
};

const pct = (x: number) => `${round(x * 100, 2)}%`;

const expected = expectedOf('residential-jiading', [
  { conditionId: 'P1', building: null, verdict: 'pass', why: `计容建筑面积${FAR_AREA}÷总用地面积${SITE}=${round(FAR_AREA / SITE, 4)}，声明值（公式缓存结果）一致，≤2.0` },
  { conditionId: 'P2', building: null, verdict: 'pass', why: `绿地面积${GREEN}÷总用地面积${SITE}=${pct(GREEN / SITE)}，≥35%` },
  { conditionId: 'P3', building: null, verdict: 'pass', why: `建筑高度${HEIGHT}m ≤ 60m` },
  {
    conditionId: 'G1',
    building: null,
    verdict: 'pass',
    why: `声明二星级；预评价得分 Q=(400+${SCORES.map((s) => s[1]).join('+')}+${BONUS})/10=${Q}，70≤Q<85；各类得分均≥满分30%（生活便利预评价满分70，最低21）；全装修“是”；表3.2.8二星级：围护结构提高15%≥10%，节水器具2级，污染物降低25%≥20% → 核算二星级，与声明一致`,
  },
  ...BUILDINGS.map((b) => {
    if (b.use !== '住宅') {
      return { conditionId: 'A1', building: b.name, verdict: 'not_applicable' as const, why: `${b.use}（公共建筑），不在 appliesTo.use=residential 范围` };
    }
    const p = Number(b.prefab);
    const a = Number(b.asm);
    const how = p >= 40 && a >= 60 ? '两项均满足' : p >= 40 ? `仅预制率满足（装配率${a}%<60%）` : `仅装配率满足（预制率${p}%<40%）`;
    return { conditionId: 'A1', building: b.name, verdict: 'pass' as const, why: `单体预制率${p}%、单体装配率${a}%，${how}；“或”条件成立（无构件计算表，按声明值）` };
  }),
  { conditionId: 'A1', building: GARAGE.name, verdict: 'not_applicable', why: '地下车库（other），不在 appliesTo.use=residential 范围' },
  {
    conditionId: 'R1',
    building: null,
    verdict: 'pass',
    why: `可再生能源利用量=${PV_WAN}万kWh×10000+${SOLAR_HEAT}=${RE_TOTAL} kWh/a，÷建筑年总能耗${ENERGY}=${pct(RE_RATIO)}，与声明一致，≥10%`,
  },
  { conditionId: 'U1', building: null, verdict: 'pass', why: `声明超低能耗建筑面积占比${pct(ULTRA_LOW)}（1#~4#楼），≥50%（无核算方法，按声明值）` },
  { conditionId: 'C1', building: null, verdict: 'pass', why: '声明21.6 kgCO₂/(m²·a) ≤ 25（按声明值，运行阶段）' },
  {
    conditionId: 'S1',
    building: null,
    verdict: 'pass',
    why: `φ=Σψ·A/ΣA=${round(PSI_A, 3)}/${SITE}=${round(PHI, 4)}；需调蓄容积V=10×${H_RAIN}×φ×${SITE / 10000}hm²=${round(V_REQ, 2)}m³；实际调蓄容积${V_PROV}m³≥V，支持声明的80%`,
  },
  { conditionId: 'F1', building: null, verdict: 'pass', why: '全装修“是”' },
  { conditionId: 'Z1', building: null, verdict: 'pass', why: '智能建造“是”' },
  { conditionId: 'Z2', building: null, verdict: 'pass', why: '零碳建筑“是”（光储直柔“否”），“或”条件成立' },
  { conditionId: 'Z3', building: null, verdict: 'pass', why: '附属绿地开放共享“是”' },
  { conditionId: 'Z4', building: null, verdict: 'pass', why: '开放共享绿地面积2100㎡≥2000㎡' },
]);

export const residentialJiading: Sample = { name: 'residential-jiading', workbook, conditions, expected };
