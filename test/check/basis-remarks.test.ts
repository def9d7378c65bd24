// A remark that only states the basis a figure is counted on explains it and does not qualify it
// (docs/evidence-policy.md, declared-remark; shared/data/value-remarks.json `basisRemarks`): real
// workbooks built with exceljs, each rule in two layouts (a 指标|数值|单位 list with the remark in
// the label or the value, a 序号|指标|设计值|说明 table with the remark in the 说明 column), each
// beside a negative twin whose remark changes the quantity and must still not pass.
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../shared/import/index';
import { evaluate } from '../../shared/check/engine';
import type { Condition, ConditionsDoc, Finding } from '../../shared/model/types';
import { rows, xlsx } from '../import/helpers';

let n = 0;
async function check(data: unknown[][], conditions: Condition[]): Promise<Finding[]> {
  const path = await xlsx(`basis-remarks-${n++}.xlsx`, (wb) => rows(wb.addWorksheet('指标'), data));
  const doc: ConditionsDoc = { format: 'landcheck.conditions/v1', contract: { city: '贵阳市', signedOn: '2025-07-01' }, conditions };
  return evaluate(await importWorkbook(path), doc);
}
const verdicts = (fs: Finding[]) => fs.map((f) => [f.conditionId, f.verdict, f.basis]);

const G: Condition = { id: 'P2', indicator: 'green_ratio', op: '>=', value: 30, text: '绿地率不小于30%' };
const Ggross: Condition = { ...G, text: '绿地率不小于30%（按总用地面积计）' };
const Fnet: Condition = { id: 'P1', indicator: 'far', op: '<=', value: 2.8, text: '容积率不大于2.8（按净用地面积计）' };

/** Layout A: 指标 | 数值 | 单位, the basis in the label's bracket. */
const listA = (green: string) => [
  ['主要经济技术指标'],
  ['指标', '数值', '单位'],
  ['用地面积', 20000, '㎡'],
  ['计容建筑面积', 55000, '㎡'],
  ['容积率', 2.75],
  [green, 30.5, '%'],
];
/** Layout B: 序号 | 指标名称 | 设计值 | 说明, the remark in the 说明 column or the value's bracket. */
const tableB = (greenValue: string, note?: string) => [
  ['序号', '指标名称', '设计值', '说明'],
  [1, '规划用地面积', '20000㎡'],
  [2, '绿地面积', '6100㎡'],
  [3, '绿地率', greenValue, note],
];

describe('site basis (按净用地计 / 按总用地计) on a ratio of the parcel', () => {
  it('no basis stated by the contract: 按净用地计 is the standard basis and passes, in both layouts', async () => {
    expect(verdicts(await check(listA('绿地率（按净用地计）'), [G]))).toEqual([['P2', 'pass', 'declared-pass']]);
    const b = await check(tableB('30.5%', '按净用地面积计算'), [G]);
    expect(b[0].verdict).toBe('pass');
  });
  it('negative twins: 按总用地计 against the standard net basis, 含屋顶绿化折算面积, 约: review', async () => {
    expect(verdicts(await check(listA('绿地率（按总用地计）'), [G]))).toEqual([['P2', 'review', 'declared-remark']]);
    const roof = await check(tableB('30.5%（含屋顶绿化折算面积）'), [G]);
    expect(roof[0]).toMatchObject({ verdict: 'review', basis: 'declared-remark' });
    expect(roof[0].message).toContain('含屋顶绿化折算面积');
    expect((await check(tableB('30.5%', '按总用地面积计算'), [G]))[0].verdict).toBe('review');
  });
  it('the condition states its basis: the same basis passes, another basis is review naming it', async () => {
    expect((await check(listA('绿地率（按总用地计）'), [Ggross]))[0].verdict).toBe('pass');
    const f = (await check(listA('绿地率（按净用地计）'), [Ggross]))[0];
    expect(f).toMatchObject({ verdict: 'review', basis: 'declared-remark' });
    expect(f.message).toContain('按净用地计');
  });
  it('another condition of the contract states the basis: a remark on that basis passes, another does not', async () => {
    const fs = await check(listA('绿地率（按净用地计）'), [Fnet, G]);
    expect(fs.find((f) => f.conditionId === 'P2')!.verdict).toBe('pass');
    const gross = await check(listA('绿地率（按总用地计）'), [Fnet, G]);
    expect(gross.find((f) => f.conditionId === 'P2')!.verdict).toBe('review');
  });
});

describe('计容建筑面积 with a 说明 naming what the definition leaves out', () => {
  const P1: Condition = { id: 'P1', indicator: 'far', op: '<=', value: 2.8, text: '容积率不大于2.8' };
  const listC = (note: string) => [
    ['指标名称', '数值', '单位', '说明'],
    ['规划用地面积', 20000, 'm²'],
    ['计容建筑面积', 55800, 'm²', note],
    ['容积率', 2.79, undefined, '计容建筑面积/规划用地面积'],
  ];
  const tableD = (label: string) => [
    ['项目', '设计指标'],
    ['用地面积（㎡）', 20000],
    [label, 55800],
    ['容积率', 2.79],
  ];
  it('设备层 / 避难层 不计容: the counting rule itself, passes (two layouts)', async () => {
    expect((await check(listC('地上设备层200m²不计容'), [P1]))[0].verdict).toBe('pass');
    expect((await check(tableD('计容建筑面积（㎡）（避难层不计容）'), [P1]))[0].verdict).toBe('pass');
  });
  it('negative twins: a part left out that the definition does not leave out, or an estimate: review', async () => {
    const f = (await check(listC('商业夹层800m²不计容'), [P1]))[0];
    expect(f).toMatchObject({ verdict: 'review', basis: 'declared-remark' });
    expect((await check(tableD('计容建筑面积（㎡）（暂估）'), [P1]))[0].verdict).toBe('review');
  });
});

describe('renewable inputs stated as electricity equivalent', () => {
  const R1: Condition = { id: 'R1', indicator: 'renewable_substitution', op: '>=', value: 10, text: '可再生能源替代率不低于10%' };
  const listE = (label: string) => [
    ['项目', '数值', '单位'],
    ['建筑年总能耗', 245, '万kWh'],
    [label, 28.5, '万kWh'],
    ['可再生能源替代率', '11.6%'],
  ];
  const tableF = (note: string) => [
    ['序号', '名称', '计算值', '单位', '备注'],
    [1, '建筑年总能耗', 2450000, 'kWh/a'],
    [2, '太阳能热水系统年供热量', 285000, 'kWh/a', note],
    [3, '可再生能源替代率', 11.6, '%'],
  ];
  it('（折合电量）: the basis the app itself uses, passes (two layouts)', async () => {
    expect((await check(listE('太阳能热水系统年供热量（折合电量）'), [R1]))[0].verdict).toBe('pass');
    expect((await check(tableF('按折合电量计'), [R1]))[0].verdict).toBe('pass');
  });
  it('negative twins: 暂估 / 含外购热量 still block', async () => {
    expect((await check(listE('太阳能热水系统年供热量（暂估）'), [R1]))[0]).toMatchObject({ verdict: 'review', basis: 'declared-remark' });
    expect((await check(tableF('含外购热量'), [R1]))[0].verdict).toBe('review');
  });
});

describe('roof PV coverage: the base of the share', () => {
  const installable: Condition = { id: 'V1', indicator: 'pv_roof_coverage', op: '>=', value: 50, text: '屋顶可安装光伏面积的光伏覆盖率不低于50%' };
  const plain: Condition = { id: 'V1', indicator: 'pv_roof_coverage', op: '>=', value: 50, text: '屋顶光伏覆盖率不低于50%' };
  const listG = (label: string) => [
    ['项目', '数值'],
    ['光伏组件安装面积(㎡)', 4400],
    ['装机容量(kWp)', 880],
    [label, '55%'],
  ];
  const tableH = (value: string) => [
    ['指标', '设计值', '单位'],
    ['光伏覆盖率', value, '%'],
  ];
  it('the contract measures it over the installable roof: （占可安装面积） passes (two layouts)', async () => {
    expect((await check(listG('光伏覆盖率（占可安装面积）'), [installable]))[0].verdict).toBe('pass');
    expect((await check(tableH('55（按可安装光伏面积计）'), [installable]))[0].verdict).toBe('pass');
  });
  const sheetI = (installableArea: number) => [
    ['屋顶分布式光伏设计指标'],
    ['项目', '数值'],
    ['屋面总面积(㎡)', 12000],
    ['屋面可安装光伏面积(㎡)', installableArea],
    ['光伏组件安装面积(㎡)', 4400],
    ['光伏覆盖率（占可安装面积）', '55%'],
  ];
  it('the base the contract states is recomputed on its own terms: 4400 ÷ 8000 = 55 % agrees and passes', async () => {
    const f = (await check(sheetI(8000), [installable]))[0];
    expect(f).toMatchObject({ verdict: 'pass', computed: 55 });
    expect(f.calculation?.steps.join('')).toContain('可安装光伏面积');
  });
  it('negative twins: the installable roof gives 48.89 % (not a pass); no base stated by the contract (review)', async () => {
    expect((await check(sheetI(9000), [installable]))[0].verdict).not.toBe('pass');
    expect((await check(sheetI(8000), [plain]))[0].verdict).toBe('review');
  });
  it('negative twin: the contract states no base, the standard share is over the whole roof: review', async () => {
    const f = (await check(listG('光伏覆盖率（占可安装面积）'), [plain]))[0];
    expect(f).toMatchObject({ verdict: 'review', basis: 'declared-remark' });
    expect(f.message).toContain('占可安装面积');
  });
});
