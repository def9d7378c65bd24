// Sample b) 松江 办公+商业+酒店: several sheets; the hotel's own GB/T 50378 score block gives
// Q = 65.8 (一星级) against a declared 二星级 → fail; the office's GB/T 51129 装配率计算表 gives
// ≈52 % against a declared 65 % → review (score rows UNCONFIRMED); storage provided < V → review.
// Overall fail, exit 1.
import { f, FMT, greenScoreSheet, header, kvWriter, mergeRow, newWorkbook, note, put, round, rowOf, sheet, spongeSheet, title, totalScore } from '../sheet-kit';
import { expectedOf, type Sample } from '../sample';
import type { ConditionsDoc } from '../../../shared/model/types';
import { largePublicBuildingStar } from '../contract-clauses';

const PROJECT = '松江新城SJC10018单元08-03地块商办项目';
const SITE = 26430.0;
const GREEN = 5550.0;
const H_RAIN = 26.7;
const STORAGE_POOL = 260;
const STORAGE_LID = 100;

interface Bldg {
  name: string;
  use: string;
  area: number;
  floors: number;
  height: number | string;
  star: string;
  asm: number | string;
  footprint: number;
}

const BUILDINGS: Bldg[] = [
  { name: 'A办公楼', use: '办公', area: 32000, floors: 22, height: 98.5, star: '二星级', asm: 65.0, footprint: 1650 },
  { name: 'B商业', use: '商业', area: 18000, floors: 4, height: 23.9, star: '一星级', asm: 61.0, footprint: 6100 },
  { name: 'C酒店', use: '酒店', area: 24000, floors: 16, height: 69.9, star: '二星级', asm: 60.5, footprint: 1480 },
];
const GARAGE = { name: '地下车库', use: '地下车库', area: 29500, floors: -2 };
const ABOVE = BUILDINGS.reduce((s, b) => s + b.area, 0);
const TOTAL = ABOVE + GARAGE.area;
const FOOTPRINT = BUILDINGS.reduce((s, b) => s + b.footprint, 0);

// C酒店 预评价 scores: every category ≥ 30 % of its maximum, Q < 70 → 一星级 only.
const C_SCORES: [string, number, number][] = [
  ['安全耐久', 55, 100],
  ['健康舒适', 50, 100],
  ['生活便利', 30, 70],
  ['资源节约', 80, 200],
  ['环境宜居', 40, 100],
];
const C_BONUS = 3;
const C_Q = totalScore(C_SCORES, C_BONUS);

// A办公楼 GB/T 51129-2017 Table 4.0.1 (score rows UNCONFIRMED, docs/domain/prefabrication.md §1.2).
const lin = (r: number, lo: number, hi: number, sMin: number, sMax: number) =>
  r < lo ? 0 : r > hi ? sMax : round(sMin + ((r - lo) / (hi - lo)) * (sMax - sMin), 1);
interface AsmRow {
  item: string;
  req: string;
  ratio: number | string;
  points: number | string;
  score: number | string;
}
const ASM_Q1: AsmRow[] = [
  { item: '柱、支撑、承重墙、延性墙板等竖向构件', req: '35%≤比例≤80%', ratio: 0.4, points: '20~30*', score: lin(40, 35, 80, 20, 30) },
  { item: '梁、板、楼梯、阳台、空调板等构件', req: '70%≤比例≤80%', ratio: 0.72, points: '10~20*', score: lin(72, 70, 80, 10, 20) },
];
const ASM_Q2: AsmRow[] = [
  { item: '非承重围护墙非砌筑', req: '比例≥80%', ratio: 0.85, points: 5, score: 5 },
  { item: '围护墙与保温、隔热、装饰一体化', req: '50%≤比例≤80%', ratio: 0, points: '2~5*', score: 0 },
  { item: '内隔墙非砌筑', req: '比例≥50%', ratio: 0.6, points: 5, score: 5 },
  { item: '内隔墙与管线、装修一体化', req: '50%≤比例≤80%', ratio: 0, points: '2~5*', score: 0 },
];
const ASM_Q3: AsmRow[] = [
  { item: '全装修', req: '—', ratio: '是', points: 6, score: 6 },
  { item: '干式工法楼面、地面', req: '比例≥70%', ratio: 0.3, points: 6, score: 0 },
  { item: '集成厨房', req: '70%≤比例≤90%', ratio: '/', points: '3~6*', score: '缺项' },
  { item: '集成卫生间', req: '70%≤比例≤90%', ratio: 0, points: '3~6*', score: 0 },
  { item: '管线分离', req: '50%≤比例≤70%', ratio: 0, points: '4~6*', score: 0 },
];
const sumScores = (rows: AsmRow[]) => round(rows.reduce((s, x) => s + (typeof x.score === 'number' ? x.score : 0), 0), 1);
const Q1 = sumScores(ASM_Q1);
const Q2 = sumScores(ASM_Q2);
const Q3 = sumScores(ASM_Q3);
const Q4 = 6; // 集成厨房 absent in an office building: its maximum leaves the denominator
const P_COMPUTED = ((Q1 + Q2 + Q3) / (100 - Q4)) * 100;
const P_DECLARED = 65;

// 海绵城市
const SURFACES: [string, number, number][] = [
  ['屋面', FOOTPRINT - 2000, 0.85],
  ['绿化屋面', 2000, 0.3],
  ['道路', 0, 0.85],
  ['透水铺装', 3400, 0.3],
  ['绿地', GREEN, 0.15],
  ['水面', 400, 1.0],
];
SURFACES[2][1] = round(SITE - SURFACES.reduce((s, x) => s + x[1], 0), 2);
const PSI_A = SURFACES.reduce((s, [, a, psi]) => s + a * psi, 0);
const PHI = PSI_A / SITE;
const V_REQ = (10 * H_RAIN * PHI * SITE) / 10000;
const V_PROV = STORAGE_POOL + STORAGE_LID;
if (V_PROV >= V_REQ) throw new Error('public-mixed-songjiang: storage must fall short of V');

// 可再生能源 and roof PV (other public buildings: 30 %, docs/domain/renewable.md §3.1)
const ROOF = FOOTPRINT;
const PV_AREA = 3160;
const PV_WAN = 62.8;
const HEAT_PUMP = 980000;
const ENERGY = 12420000;
const RE_TOTAL = PV_WAN * 10000 + HEAT_PUMP;
const RE_RATIO = RE_TOTAL / ENERGY;

function workbook() {
  const wb = newWorkbook('上海某工程设计咨询有限公司');

  // ---------------------------------------------------------------- 主要技术经济指标 (unit column)
  const ws = sheet(wb, '主要技术经济指标', [8, 26, 10, 20, 36]);
  title(ws, 1, '主要技术经济指标表', 1, 5);
  header(ws, 2, 1, ['序号', '指标名称', '单位', '指标值', '备注']);
  let r = 3;
  const kv = (label: string, unit: string, v: Parameters<typeof put>[3], fmt?: string, remark = '') => {
    rowOf(ws, r, 1, [r - 2, label, unit, v, remark], [undefined, undefined, undefined, fmt, undefined]);
    return r++;
  };
  kv('项目名称', '', PROJECT);
  mergeRow(ws, 3, 4, 5);
  const rSite = kv('总用地面积', '㎡', SITE, FMT.area);
  kv('总建筑面积', '㎡', f(`D${r + 1}+D${r + 2}`, TOTAL), FMT.area);
  kv('地上建筑面积', '㎡', ABOVE, FMT.area);
  kv('地下建筑面积', '㎡', GARAGE.area, FMT.area);
  const rFar = kv('计容建筑面积', '㎡', ABOVE, FMT.area);
  const rFoot = kv('建筑基底面积', '㎡', FOOTPRINT, FMT.area);
  const rGreen = kv('绿地面积', '㎡', GREEN, FMT.area);
  kv('容积率', '', f(`D${rFar}/D${rSite}`, ABOVE / SITE), FMT.dec2, '规划条件：≤2.8');
  kv('建筑密度', '%', f(`D${rFoot}/D${rSite}`, FOOTPRINT / SITE), FMT.pct2);
  kv('绿地率', '%', f(`D${rGreen}/D${rSite}`, GREEN / SITE), FMT.pct2, '规划条件：≥20%');
  kv('建筑高度', 'm', 98.5, FMT.dec2, 'A办公楼');
  kv('屋顶光伏覆盖率', '%', round(PV_AREA / ROOF, 4), FMT.pct2, '详见“可再生能源”表');
  kv('可再生能源替代率', '%', round(RE_RATIO, 4), FMT.pct2, '详见“可再生能源”表');
  kv('年径流总量控制率', '%', 0.8, FMT.pct0, '详见“海绵城市”表');
  kv('智能建造', '', '是', undefined, '智能建造试点项目');
  kv('机动车停车位', '辆', 760, FMT.int);

  // ---------------------------------------------------------------- 单体指标
  const wsB = sheet(wb, '单体指标', [14, 12, 16, 10, 14, 14, 16]);
  title(wsB, 1, '单体建筑指标', 1, 7, 12);
  header(wsB, 2, 1, ['单体名称', '建筑功能', '建筑面积（㎡）', '地上层数', '建筑高度（m）', '绿色建筑星级', '单体装配率（%）']);
  const fmts = [undefined, undefined, FMT.area, undefined, FMT.dec2, undefined, FMT.dec1];
  let rb = 3;
  for (const b of BUILDINGS) rowOf(wsB, rb++, 1, [b.name, b.use, b.area, b.floors, b.height, b.star, b.asm], fmts);
  rowOf(wsB, rb++, 1, [GARAGE.name, GARAGE.use, GARAGE.area, GARAGE.floors, '/', '/', '/'], fmts);
  rowOf(wsB, rb, 1, ['合计', '', f(`SUM(C3:C${rb - 1})`, TOTAL), '', '', '', ''], fmts);

  // ---------------------------------------------------------------- 绿色建筑-C酒店 (per-building score block)
  greenScoreSheet(wb, {
    name: '绿色建筑-C酒店',
    title: 'C酒店 绿色建筑自评估得分表（GB/T 50378-2019）',
    building: 'C酒店',
    scores: C_SCORES,
    bonus: C_BONUS,
    q: C_Q,
    envelope: 0.12,
    waterGrade: 2,
    pollutant: 0.2,
  });

  // ---------------------------------------------------------------- 装配率计算表-A办公楼 (GB/T 51129-2017)
  const wsA = sheet(wb, '装配率计算表-A办公楼', [40, 18, 12, 12, 10]);
  title(wsA, 1, 'A办公楼 装配率计算表（GB/T 51129-2017）', 1, 5, 12);
  rowOf(wsA, 2, 1, ['单体名称', 'A办公楼']);
  rowOf(wsA, 3, 1, ['结构形式', '框架-核心筒结构']);
  header(wsA, 5, 1, ['评价项', '评价要求', '实际比例', '评价分值', '得分']);
  let ra = 6;
  const rowsAt: Record<string, number[]> = { q1: [], q2: [], q3: [] };
  for (const [key, rows] of [['q1', ASM_Q1], ['q2', ASM_Q2], ['q3', ASM_Q3]] as const) {
    for (const x of rows) {
      rowOf(wsA, ra, 1, [x.item, x.req, x.ratio, x.points, x.score], [undefined, undefined, FMT.pct0, undefined, FMT.dec1]);
      rowsAt[key].push(ra++);
    }
  }
  ra++;
  const sumF = (rows: number[]) => rows.map((n) => `E${n}`).join('+');
  const rQ1 = ra;
  rowOf(wsA, ra++, 1, ['主体结构得分', f(sumF(rowsAt.q1), Q1)], [undefined, FMT.dec1]);
  rowOf(wsA, ra++, 1, ['围护墙和内隔墙得分', f(`SUM(E${rowsAt.q2[0]}:E${rowsAt.q2.at(-1)})`, Q2)], [undefined, FMT.dec1]);
  rowOf(wsA, ra++, 1, ['装修和设备管线得分', f(`SUM(E${rowsAt.q3[0]}:E${rowsAt.q3.at(-1)})`, Q3)], [undefined, FMT.dec1]);
  rowOf(wsA, ra++, 1, ['缺少的评价项分值', Q4], [undefined, FMT.dec1]);
  rowOf(wsA, ra++, 1, ['装配率', P_DECLARED / 100], [undefined, FMT.pct0]);
  note(wsA, ra + 1, `注：装配率P=(Q1+Q2+Q3)/(100−Q4)×100%；集成厨房为缺项（办公建筑无厨房），Q4=${Q4}。主体结构得分见第${rQ1}行。`, 1, 5);

  // ---------------------------------------------------------------- 海绵城市
  spongeSheet(wb, {
    title: '海绵城市设计计算表',
    surfaces: SURFACES,
    site: SITE,
    psiA: PSI_A,
    phi: PHI,
    rainfall: H_RAIN,
    required: V_REQ,
    pool: STORAGE_POOL,
    lid: STORAGE_LID,
    lidLabel: '下凹式绿地调蓄容积（m³）',
    provided: V_PROV,
  });

  // ---------------------------------------------------------------- 可再生能源
  const wsR = sheet(wb, '可再生能源', [36, 18, 30]);
  title(wsR, 1, '可再生能源及屋顶光伏计算表', 1, 3, 12);
  const rkv = kvWriter(wsR, 2, 1);
  const rRoof = rkv('屋顶总面积（㎡）', ROOF, FMT.area, '含B商业绿化屋面');
  const rPvA = rkv('光伏安装面积（㎡）', PV_AREA, FMT.area);
  rkv('屋顶光伏覆盖率', f(`B${rPvA}/B${rRoof}`, PV_AREA / ROOF), FMT.pct2, '其他公共建筑要求≥30%');
  rkv('光伏装机容量（kWp）', 632, FMT.int);
  const rPv = rkv('光伏年发电量（万kWh/a）', PV_WAN, FMT.dec2);
  const rHp = rkv('热泵可再生能源利用量（kWh/a）', HEAT_PUMP, FMT.int, 'C酒店空气源热泵热水');
  const rRe = rkv('可再生能源年利用总量（kWh/a）', f(`B${rPv}*10000+B${rHp}`, RE_TOTAL), FMT.int);
  const rE = rkv('建筑年总能耗（kWh/a）', ENERGY, FMT.int);
  rkv('可再生能源替代率', f(`B${rRe}/B${rE}`, RE_RATIO), FMT.pct2);
  return wb;
}

const conditions: ConditionsDoc = {
  format: 'landcheck.conditions/v1',
  contract: { number: '沪松规土(2025)第027号', parcel: 'SJC10018单元08-03地块', city: '上海市', signedOn: '2025-04-15', district: '松江区（松江新城）' },
  conditions: [
    { id: 'P1', clause: '第五条', text: '容积率不大于2.8', indicator: 'far', op: '<=', value: 2.8 },
    { id: 'P2', clause: '第五条', text: '绿地率不低于20%', indicator: 'green_ratio', op: '>=', value: 20 },
    largePublicBuildingStar('第十二条（一）'),
    {
      id: 'A1',
      clause: '第十二条（二）',
      text: '公共建筑单体装配率不低于60%',
      indicator: 'assembly_ratio',
      op: '>=',
      value: 60,
      scope: 'building',
      appliesTo: { use: ['public'] },
    },
    { id: 'R1', clause: '第十二条（三）', text: '可再生能源替代率不低于10%', indicator: 'renewable_substitution', op: '>=', value: 10 },
    { id: 'PV1', clause: '第十二条（三）', text: '屋顶光伏覆盖率不低于30%', indicator: 'pv_roof_coverage', op: '>=', value: 30 },
    { id: 'S1', clause: '第十二条（四）', text: '年径流总量控制率不低于80%', indicator: 'runoff_capture', op: '>=', value: 80 },
    { id: 'Z1', clause: '第十二条（五）', text: '项目应采用智能建造', indicator: 'smart_construction', op: '==', value: true },
  ],
};

const pct = (x: number) => `${round(x * 100, 2)}%`;
const cScores = C_SCORES.map((s) => s[1]).join('+');

const expected = expectedOf('public-mixed-songjiang', [
  { conditionId: 'P1', building: null, verdict: 'pass', why: `计容${ABOVE}÷用地${SITE}=${round(ABOVE / SITE, 4)} ≤ 2.8` },
  { conditionId: 'P2', building: null, verdict: 'pass', why: `绿地${GREEN}÷用地${SITE}=${pct(GREEN / SITE)} ≥ 20%` },
  { conditionId: 'G1', building: 'A办公楼', verdict: 'pass', why: '公共建筑，32000㎡≥20000㎡；声明二星级，无该单体得分表，按声明值' },
  { conditionId: 'G1', building: 'B商业', verdict: 'not_applicable', why: '18000㎡<20000㎡（minFloorArea），不适用' },
  {
    conditionId: 'G1',
    building: 'C酒店',
    verdict: 'fail',
    why: `声明二星级，但“绿色建筑-C酒店”得分表：Q=(400+${cScores}+${C_BONUS})/10=${C_Q}<70；各类得分≥30%且全装修，Q≥60 → 仅一星级。GB/T 50378-2019 §3.2.5/§3.2.8 公式与阈值为CONFIRMED，表3.2.8只可能再降低星级 → 按核算值判不符合`,
  },
  { conditionId: 'G1', building: '地下车库', verdict: 'not_applicable', why: '地下车库（other），不在 appliesTo.use=public 范围' },
  {
    conditionId: 'A1',
    building: 'A办公楼',
    verdict: 'review',
    why: `声明装配率${P_DECLARED}%，但本单体装配率计算表 Q1=${Q1}、Q2=${Q2}、Q3=${Q3}、Q4=${Q4}，P=(Q1+Q2+Q3)/(100−Q4)=${round(P_COMPUTED, 2)}%<60%；GB/T 51129 评分表分值为UNCONFIRMED，核算不能作为定论 → 需复核（不直接判不符合）`,
  },
  { conditionId: 'A1', building: 'B商业', verdict: 'pass', why: '单体装配率61.0%≥60%（无计算表，按声明值）' },
  { conditionId: 'A1', building: 'C酒店', verdict: 'pass', why: '单体装配率60.5%≥60%（无计算表，按声明值）' },
  { conditionId: 'A1', building: '地下车库', verdict: 'not_applicable', why: '地下车库（other），不在 appliesTo.use=public 范围' },
  {
    conditionId: 'R1',
    building: null,
    verdict: 'pass',
    why: `可再生能源利用量=${PV_WAN}万kWh×10000+热泵${HEAT_PUMP}=${RE_TOTAL} kWh/a，÷${ENERGY}=${pct(RE_RATIO)}，与声明一致，≥10%`,
  },
  { conditionId: 'PV1', building: null, verdict: 'pass', why: `光伏安装面积${PV_AREA}÷屋顶总面积${ROOF}=${pct(PV_AREA / ROOF)} ≥ 30%` },
  {
    conditionId: 'S1',
    building: null,
    verdict: 'review',
    why: `φ=${round(PSI_A, 2)}/${SITE}=${round(PHI, 4)}；V=10×${H_RAIN}×φ×${SITE / 10000}hm²=${round(V_REQ, 2)}m³，实际调蓄容积仅${V_PROV}m³<V，表中数据不支持声明的80%（上海降雨量表UNCONFIRMED，无法反算达到的控制率）→ 需复核`,
  },
  { conditionId: 'Z1', building: null, verdict: 'pass', why: '智能建造“是”' },
]);

export const publicMixedSongjiang: Sample = { name: 'public-mixed-songjiang', workbook, conditions, expected };
