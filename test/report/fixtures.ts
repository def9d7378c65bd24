// Hand-built CheckRun fixtures: a typical run (~12 findings: anyOf branches, per-building
// findings, calculations with inputs and steps) and a generator for N buildings.
import type {
  Calculation,
  CheckRun,
  Condition,
  ConditionsDoc,
  Finding,
  ImportedBuilding,
  ImportedValue,
  Overall,
  Verdict,
} from '../../shared/model/types';

const SHEET = '单体指标';

function iv(indicator: string, value: ImportedValue['value'], source: string, raw?: string, label?: string): ImportedValue {
  return {
    indicator,
    value,
    raw: raw ?? String(value),
    source,
    label: label ?? indicator,
    interpretation: typeof value === 'number' ? `数值 ${value}` : '原文',
    status: value === null ? 'placeholder' : 'ok',
  };
}

export const CONDITIONS: Condition[] = [
  {
    id: 'G1',
    clause: '第十二条(一)',
    text: '新建公共建筑单体建筑面积2万平方米以上的，应达到绿色建筑二星级及以上标准',
    indicator: 'green_building_star',
    op: '>=',
    value: 2,
    scope: 'building',
    appliesTo: { use: ['public'], minFloorArea: 20000 },
  },
  {
    id: 'G2',
    clause: '第十二条(二)',
    text: '新建居住建筑应达到绿色建筑一星级及以上标准',
    indicator: 'green_building_star',
    op: '>=',
    value: 1,
    scope: 'building',
    appliesTo: { use: ['residential'] },
  },
  {
    id: 'A1',
    clause: '第十三条',
    text: '地块内新建建筑应采用装配式建筑，单体预制率不低于40%或单体装配率不低于60%',
    anyOf: [
      { indicator: 'prefab_ratio', op: '>=', value: 40 },
      { indicator: 'assembly_ratio', op: '>=', value: 60 },
    ],
    scope: 'building',
    appliesTo: { use: ['residential', 'public'] },
  },
  {
    id: 'R1',
    clause: '第十四条',
    text: '项目应落实海绵城市建设要求，年径流总量控制率不低于75%',
    indicator: 'runoff_capture',
    op: '>=',
    value: 75,
  },
  {
    id: 'E1',
    clause: '第十五条',
    text: '新建建筑可再生能源替代率不低于10%',
    indicator: 'renewable_substitution',
    op: '>=',
    value: 10,
  },
  {
    id: 'P1',
    clause: '第十六条',
    text: '新建公共建筑屋顶安装光伏的面积比例不低于30%',
    indicator: 'pv_roof_coverage',
    op: '>=',
    value: 30,
  },
  {
    id: 'F1',
    clause: '第十七条',
    text: '新建住宅应实施全装修',
    indicator: 'full_fitout',
    op: '==',
    value: true,
    scope: 'building',
    appliesTo: { use: ['residential'] },
  },
  {
    id: 'L1',
    clause: '第十八条',
    text: '绿地率不低于35%',
    indicator: 'green_ratio',
    op: '>=',
    value: 35,
  },
];

export function conditionsDoc(conds: Condition[] = CONDITIONS): ConditionsDoc {
  return {
    format: 'landcheck.conditions/v1',
    contract: { number: '沪松规土(2025)第018号', parcel: 'SJC10018单元08-03地块', city: '上海市', signedOn: '2025-03-01' },
    conditions: conds,
  };
}

function assemblyCalc(b: string, row: number, q1: number, q2: number, q3: number): Calculation {
  const p = Math.round(((q1 + q2 + q3) / 100) * 1000) / 10;
  return {
    method: 'assembly',
    indicator: 'assembly_ratio',
    value: p,
    clause: 'GB/T 51129-2017 §4.0.1',
    formula: 'P = (Q1 + Q2 + Q3) / (100 − Q4) × 100%',
    inputs: [
      { label: '主体结构得分 Q1', value: q1, unit: '分', source: `装配率计算!C${row}` },
      { label: '围护墙和内隔墙得分 Q2', value: q2, unit: '分', source: `装配率计算!D${row}` },
      { label: '装修和设备管线得分 Q3', value: q3, unit: '分', source: `装配率计算!E${row}` },
      { label: '缺少的评价项分值 Q4', value: 0, unit: '分', source: `装配率计算!F${row}` },
    ],
    steps: [`${b}：Q1 + Q2 + Q3 = ${q1} + ${q2} + ${q3} = ${q1 + q2 + q3}`, `P = ${q1 + q2 + q3} / (100 − 0) × 100% = ${p}%`],
    confidence: 'confirmed',
    notes: [],
  };
}

function starCalc(b: string, row: number, scores: number[]): Calculation {
  const [q0, ...rest] = scores;
  const q = Math.round(((q0 + rest.reduce((a, x) => a + x, 0)) / 10) * 10) / 10;
  return {
    method: 'greenStar',
    indicator: 'green_building_star',
    value: q >= 85 ? 3 : q >= 70 ? 2 : q >= 60 ? 1 : 0,
    clause: 'GB/T 50378-2019 §3.2.7, §3.2.8',
    formula: 'Q = (Q0 + Q1 + Q2 + Q3 + Q4 + Q5 + QA) / 10',
    inputs: [
      { label: '控制项基础分值 Q0', value: q0, unit: '分', source: `绿建评分!C${row}` },
      { label: '安全耐久 Q1', value: rest[0], unit: '分', source: `绿建评分!D${row}` },
      { label: '健康舒适 Q2', value: rest[1], unit: '分', source: `绿建评分!E${row}` },
      { label: '生活便利 Q3', value: rest[2], unit: '分', source: `绿建评分!F${row}` },
      { label: '资源节约 Q4', value: rest[3], unit: '分', source: `绿建评分!G${row}` },
      { label: '环境宜居 Q5', value: rest[4], unit: '分', source: `绿建评分!H${row}` },
      { label: '提高与创新 QA', value: rest[5], unit: '分', source: `绿建评分!I${row}` },
    ],
    steps: [`${b}：Q = ${scores.join(' + ')} / 10 = ${q} 分`, `${q} 分 → ${q >= 70 ? '二星级' : q >= 60 ? '一星级' : '基本级'}（60/70/85 分档）`],
    confidence: 'confirmed',
    notes: q < 70 ? ['各类指标评分项得分均不低于满分的30%'] : [],
  };
}

interface Spec {
  name: string;
  use: 'residential' | 'public' | 'other';
  area: number;
  star: number;
  starScores?: number[];
  prefab: number | null;
  assembly: number | null;
  q: [number, number, number];
  fitout?: boolean;
}

const TYPICAL: Spec[] = [
  { name: '1#楼', use: 'residential', area: 12850.6, star: 1, starScores: [400, 42, 50, 35, 50, 10, 0], prefab: 41.2, assembly: 61.5, q: [35, 16.5, 10], fitout: true },
  { name: '2#楼', use: 'residential', area: 11920, star: 1, starScores: [400, 60, 66, 52, 98, 58, 0], prefab: 35, assembly: 52, q: [30, 14, 8], fitout: false },
  { name: '3#楼', use: 'public', area: 24310, star: 2, starScores: [400, 70, 72, 60, 118, 62, 20], prefab: null, assembly: 63, q: [32, 19, 10] },
  { name: '4#楼（地下车库）', use: 'other', area: 18200, star: 0, prefab: null, assembly: null, q: [0, 0, 0] },
];

const USE_RAW = { residential: '住宅', public: '商业办公', other: '地下车库' } as const;

function building(s: Spec, row: number): ImportedBuilding {
  const values: Record<string, ImportedValue> = {
    green_building_star: iv('green_building_star', s.star, `${SHEET}!F${row}`, ['基本级', '一星级', '二星级', '三星级'][s.star]),
  };
  if (s.prefab !== null) values.prefab_ratio = iv('prefab_ratio', s.prefab, `${SHEET}!G${row}`, `${s.prefab}%`);
  if (s.assembly !== null) values.assembly_ratio = iv('assembly_ratio', s.assembly, `${SHEET}!H${row}`, `${s.assembly}%`);
  if (s.fitout !== undefined) values.full_fitout = iv('full_fitout', s.fitout, `${SHEET}!I${row}`, s.fitout ? '是' : '否');
  return {
    name: s.name,
    nameSource: `${SHEET}!B${row}`,
    use: s.use,
    useRaw: USE_RAW[s.use],
    useSource: `${SHEET}!C${row}`,
    floorArea: s.area,
    values,
  };
}

function verdictOf(ok: boolean | null): Verdict {
  return ok === null ? 'missing' : ok ? 'pass' : 'fail';
}

function buildingFindings(s: Spec, row: number, conds: Condition[]): Finding[] {
  const out: Finding[] = [];
  const b = building(s, row);
  const has = (id: string) => conds.some((c) => c.id === id);
  if (s.use === 'public' && s.area >= 20000 && has('G1')) {
    const calc = s.starScores ? starCalc(s.name, row, s.starScores) : undefined;
    const ok = s.star >= 2;
    out.push({
      conditionId: 'G1', clause: '第十二条(一)', text: CONDITIONS[0].text,
      indicator: 'green_building_star', building: s.name, verdict: verdictOf(ok), required: '>= 2',
      declared: s.star, computed: calc ? (calc.value as number) : null, source: b.values.green_building_star.source,
      message: ok ? `${s.name} 绿色建筑星级为${['基本级', '一星级', '二星级', '三星级'][s.star]}，满足合同要求的二星级` : `${s.name} 绿色建筑星级低于合同要求的二星级`,
      ...(calc ? { calculation: calc } : {}),
    });
  }
  if (s.use === 'residential' && has('G2')) {
    const calc = s.starScores ? starCalc(s.name, row, s.starScores) : undefined;
    const computed = calc ? (calc.value as number) : null;
    const disagree = computed !== null && computed !== s.star;
    const verdict: Verdict = disagree ? 'review' : s.star >= 1 ? 'pass' : 'fail';
    out.push({
      conditionId: 'G2', clause: '第十二条(二)', text: CONDITIONS[1].text,
      indicator: 'green_building_star', building: s.name, verdict, required: '>= 1',
      declared: s.star, computed, source: b.values.green_building_star.source,
      message: disagree
        ? `${s.name} 申报绿色建筑一星级，但按评分表核算总得分不足60分（基本级），申报值与核算值不一致`
        : `${s.name} 绿色建筑星级为一星级，满足合同要求`,
      ...(calc ? { calculation: calc } : {}),
    });
  }
  if ((s.use === 'residential' || s.use === 'public') && has('A1')) {
    const calc = assemblyCalc(s.name, row, ...s.q);
    const pOk = s.prefab === null ? null : s.prefab >= 40;
    const aOk = (calc.value as number) >= 60;
    const verdict: Verdict = pOk || aOk ? 'pass' : 'fail';
    out.push({
      conditionId: 'A1', clause: '第十三条', text: CONDITIONS[2].text,
      indicator: 'assembly_ratio', building: s.name, verdict, required: 'prefab_ratio >= 40 或 assembly_ratio >= 60',
      declared: s.assembly, computed: calc.value as number, source: b.values.assembly_ratio?.source ?? null,
      message: verdict === 'pass'
        ? `${s.name} ${pOk ? `预制率 ${s.prefab}% 不低于40%` : `装配率 ${calc.value}% 不低于60%`}，满足合同要求`
        : `${s.name} 预制率 ${s.prefab ?? '未申报'}${s.prefab !== null ? '%' : ''}、装配率 ${calc.value}% 均未达到合同要求`,
      branches: [
        { indicator: 'prefab_ratio', required: '>= 40', verdict: verdictOf(pOk), declared: s.prefab, computed: null,
          source: b.values.prefab_ratio?.source ?? null, message: s.prefab === null ? '指标表未给出预制率' : `预制率 ${s.prefab}%` },
        { indicator: 'assembly_ratio', required: '>= 60', verdict: aOk ? 'pass' : 'fail', declared: s.assembly, computed: calc.value as number,
          source: b.values.assembly_ratio?.source ?? null, message: `装配率核算 ${calc.value}%` },
      ],
      calculation: calc,
    });
  }
  if (s.use === 'residential' && has('F1')) {
    const ok = s.fitout ?? null;
    out.push({
      conditionId: 'F1', clause: '第十七条', text: CONDITIONS[6].text,
      indicator: 'full_fitout', building: s.name, verdict: verdictOf(ok), required: '== true',
      declared: s.fitout ?? null, computed: null, source: b.values.full_fitout?.source ?? null,
      message: ok ? `${s.name} 实施全装修` : `${s.name} 指标表写明不实施全装修，不符合合同要求`,
    });
  }
  return out;
}

function projectFindings(conds: Condition[]): { findings: Finding[]; project: Record<string, ImportedValue> } {
  const project: Record<string, ImportedValue> = {
    project_name: iv('project_name', '松江区SJC10018单元08-03地块商品住宅及配套商业项目', '技术经济指标!C3', undefined, '项目名称'),
    site_area: iv('site_area', 42150.3, '技术经济指标!C5', '42150.30', '总用地面积'),
    green_area: iv('green_area', 15230, '技术经济指标!C12', '15230.00', '绿地面积'),
    green_ratio: iv('green_ratio', 36.2, '技术经济指标!C13', '36.2%', '绿地率'),
    runoff_capture: iv('runoff_capture', 75, '海绵城市!C4', '75%', '年径流总量控制率'),
    design_rainfall: iv('design_rainfall', 22.2, '海绵城市!C5', '22.2', '设计降雨量'),
    storage_provided: iv('storage_provided', 680, '海绵城市!C9', '680', '实际调蓄容积'),
    pv_roof_coverage: iv('pv_roof_coverage', 0.32, '可再生能源!C6', '0.32', '屋顶光伏覆盖率'),
  };
  project.pv_roof_coverage.status = 'ambiguous';
  const f: Finding[] = [];
  const has = (id: string) => conds.some((c) => c.id === id);
  if (has('R1'))
    f.push({
      conditionId: 'R1', clause: '第十四条', text: CONDITIONS[3].text, indicator: 'runoff_capture', building: null,
      verdict: 'review', required: '>= 75', declared: 75, computed: null, source: '海绵城市!C4',
      message: '申报年径流总量控制率75%，但按容积法核算，实际调蓄容积680 m³小于所需的 V = 10·H·φ·F = 735.6 m³，申报值缺乏依据',
      calculation: {
        method: 'runoff', indicator: 'runoff_capture', value: null, clause: 'GB 50014-2021 §4.1.9（容积法）',
        formula: 'V = 10 · H · φ · F',
        inputs: [
          { label: '设计降雨量 H', value: 22.2, unit: 'mm', source: '海绵城市!C5' },
          { label: '综合雨量径流系数 φ', value: 0.786, source: '海绵城市!F20' },
          { label: '汇水面积 F', value: 4.215, unit: 'hm²', source: '技术经济指标!C5' },
          { label: '实际调蓄容积', value: 680, unit: 'm³', source: '海绵城市!C9' },
        ],
        steps: ['φ = Σ(Fi·φi) / ΣFi = 0.786（下垫面表 海绵城市!B14:D19）', 'V = 10 × 22.2 × 0.786 × 4.215 = 735.6 m³', '680 m³ < 735.6 m³：调蓄容积不足'],
        confidence: 'unconfirmed', notes: ['上海市设计降雨量表未确认（UNCONFIRMED），取指标表自填的 22.2 mm'],
        supportsDeclared: false,
      },
    });
  if (has('E1'))
    f.push({
      conditionId: 'E1', clause: '第十五条', text: CONDITIONS[4].text, indicator: 'renewable_substitution', building: null,
      verdict: 'missing', required: '>= 10', declared: null, computed: null, source: null,
      message: '指标表中未找到可再生能源替代率，也缺少核算所需的可再生能源利用量和建筑总能耗',
    });
  if (has('P1'))
    f.push({
      conditionId: 'P1', clause: '第十六条', text: CONDITIONS[5].text, indicator: 'pv_roof_coverage', building: null,
      verdict: 'review', required: '>= 30', declared: 0.32, computed: null, source: '可再生能源!C6',
      message: '屋顶光伏覆盖率写作 0.32 且无百分号，无法确定是 32% 还是 0.32%，请设计单位确认',
    });
  if (has('L1'))
    f.push({
      conditionId: 'L1', clause: '第十八条', text: CONDITIONS[7].text, indicator: 'green_ratio', building: null,
      verdict: 'pass', required: '>= 35', declared: 36.2, computed: 36.13, source: '技术经济指标!C13',
      message: '绿地率申报36.2%，按绿地面积核算36.13%，均不低于35%',
      calculation: {
        method: 'ratio:green_ratio', indicator: 'green_ratio', value: 36.13, clause: '城市绿化规划建设指标的规定（绿地率定义）',
        formula: '绿地率 = 绿地面积 ÷ 用地面积 × 100%',
        inputs: [
          { label: '绿地面积', value: 15230, unit: 'm²', source: '技术经济指标!C12' },
          { label: '用地面积', value: 42150.3, unit: 'm²', source: '技术经济指标!C5' },
        ],
        steps: ['15230 ÷ 42150.3 × 100% = 36.13%'],
        confidence: 'confirmed', notes: [],
      },
    });
  return { findings: f, project };
}

function overallOf(findings: Finding[]): Overall {
  if (findings.some((f) => f.verdict === 'fail')) return 'fail';
  if (findings.some((f) => f.verdict === 'missing' || f.verdict === 'review')) return 'incomplete';
  return 'pass';
}

function countsOf(findings: Finding[]): Record<Verdict, number> {
  const c: Record<Verdict, number> = { pass: 0, fail: 0, missing: 0, review: 0, not_applicable: 0 };
  for (const f of findings) c[f.verdict]++;
  return c;
}

export interface RunOptions {
  specs?: Spec[];
  conditions?: Condition[];
  sha256?: string;
}

export function makeRun(opts: RunOptions = {}): CheckRun {
  const specs = opts.specs ?? TYPICAL;
  const conds = opts.conditions ?? CONDITIONS;
  const doc = conditionsDoc(conds);
  const { findings: pf, project } = projectFindings(conds);
  const findings: Finding[] = [];
  // Engine order: conditions in file order, buildings in sheet order.
  const perBuilding = specs.map((s, i) => buildingFindings(s, 4 + i, conds));
  for (const c of conds) {
    findings.push(...pf.filter((f) => f.conditionId === c.id));
    for (const bf of perBuilding) findings.push(...bf.filter((f) => f.conditionId === c.id));
  }
  const sha256 = opts.sha256 ?? 'a3f1c2d4e5b60718293a4b5c6d7e8f90112233445566778899aabbccddeeff00';
  return {
    result: {
      format: 'landcheck.result/v1',
      overall: overallOf(findings),
      input: { file: '08-03地块技术经济指标表.xlsx', sha256, conditions: 'conditions.json', conditionsSha256: 'x' },
      findings,
      engine: { name: 'LandCheck', version: '0.1.0', rules: { indicators: 'abc123' } },
      project: { name: String(project.project_name.value), contract: doc.contract },
      counts: countsOf(findings),
    },
    imported: {
      file: '/tmp/somewhere/08-03地块技术经济指标表.xlsx',
      sha256,
      sheets: ['技术经济指标', SHEET, '装配率计算', '绿建评分', '海绵城市', '可再生能源'],
      project,
      buildings: specs.map((s, i) => building(s, 4 + i)),
      surfaces: [],
      issues: [],
    },
    conditions: doc,
    conditionsFile: 'conditions.json',
    conditionsSha256: 'x',
    rules: { engine: '0.1.0', indicators: 'abc123def456', ratios: '0a1b2c3d4e5f', greenStar: 'GB/T 50378-2019', assembly: 'GB/T 51129-2017' },
    checkedAt: '2026-11-21T08:30:00.000Z',
  };
}

/** A project with `n` buildings (residential and public alternating), 4–5 findings each. */
export function makeBigRun(n: number): CheckRun {
  const specs: Spec[] = [];
  for (let i = 1; i <= n; i++) {
    const pub = i % 5 === 0;
    const q1 = 20 + (i % 17);
    specs.push({
      name: `${i}#楼`,
      use: pub ? 'public' : 'residential',
      area: pub ? 21000 + i * 10 : 9000 + (i % 13) * 300,
      star: pub ? (i % 10 === 0 ? 1 : 2) : 1,
      starScores: pub ? [400, 70, 72, 60, 118, 62, i % 10 === 0 ? 0 : 20] : [400, 62 - (i % 7), 70, 55, 110, i % 4 === 0 ? 0 : 60, 0],
      prefab: i % 3 === 0 ? null : 30 + (i % 20),
      assembly: 45 + (i % 25),
      q: [q1, 12 + (i % 9), 8 + (i % 5)],
      fitout: pub ? undefined : i % 11 !== 0,
    });
  }
  return makeRun({ specs });
}

/** Deep copy. */
export function clone<T>(x: T): T {
  return structuredClone(x);
}
