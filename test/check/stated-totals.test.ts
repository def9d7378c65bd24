// The sheet's own totals against a declared level or share, on real workbooks in two layouts each,
// beside a control that keeps its pass: a star whose stated total Q is below the level's threshold
// (GB/T 50378-2019 §3.2.8, 自评总分 / 预评价得分), a renewable share whose stated energy figures
// (建筑年耗电量) give less.
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../shared/import/index';
import { evaluate } from '../../shared/check/engine';
import type { Condition, Finding } from '../../shared/model/types';
import { rows, xlsx } from '../import/helpers';

const G1: Condition = { id: 'G1', indicator: 'green_building_star', op: '>=', value: 2 };
const R1: Condition = { id: 'R1', indicator: 'renewable_substitution', op: '>=', value: 10 };
const P1: Condition = { id: 'P1', indicator: 'far', op: '<=', value: 2.5 };
const L1: Condition = { id: 'L1', indicator: 'green_ratio', op: '>=', value: 30 };

let n = 0;
async function check(name: string, data: unknown[][], c: Condition): Promise<Finding> {
  const path = await xlsx(`stated-totals-${n++}.xlsx`, (wb) => rows(wb.addWorksheet(name), data));
  return evaluate(await importWorkbook(path), { format: 'landcheck.conditions/v1', contract: { city: '重庆市', signedOn: '2025-03-01' }, conditions: [c] })[0];
}

describe('a star with only its stated total Q (no category scores)', () => {
  const kv = (label: string, q: number) => [['项目', '内容'], ['评价标准', 'GB/T 50378-2019'], ['申报星级', '二星级'], [label, q], ['全装修', '是']];
  const summary = (q: number) => [['绿色建筑自评估汇总'], ['指标', '自评结果', '备注'], ['绿色建筑星级', '二星级', ''], ['预评价得分', q, '方案阶段']];

  it('Q below 70 makes 二星级 doubtful: review, naming at most 一星级 (key/value list and a summary table)', async () => {
    for (const f of [await check('绿色建筑', kv('自评总分', 62), G1), await check('绿建概况', summary(68.4), G1)]) {
      expect(f).toMatchObject({ verdict: 'review', computed: 1 });
      expect(f.message).toContain('至多为一星级');
    }
  });

  it('Q of 70 or more confirms nothing but contradicts nothing: the declared 二星级 passes', async () => {
    expect(await check('绿色建筑', kv('自评总分', 78.5), G1)).toMatchObject({ verdict: 'pass' });
    expect(await check('绿建概况', summary(72), G1)).toMatchObject({ verdict: 'pass' });
  });
});

describe('a renewable share over 建筑年耗电量', () => {
  const list = (total: number) => [['可再生能源应用'], ['项目', '数值', '单位'], ['光伏年发电量', 8.6, '万kWh'], ['建筑年耗电量', total, '万kWh'], ['可再生能源替代率', '10.5%', '']];
  it('8.6 of 120 万kWh is 7.2 %, not the declared 10.5 %: never a pass; 8.6 of 80 万kWh supports it', async () => {
    expect(await check('可再生能源', list(120), R1)).toMatchObject({ verdict: 'review', basis: 'disagree-recomputed-fails-unconfirmed' });
    expect(await check('可再生能源', list(80), R1)).toMatchObject({ verdict: 'pass' });
  });

  it('a system named with “可再生能源量” is that system’s renewable amount: 38.6 + 12.4 = 51 万kWh/a of 420 bears out 12.1 %; a 合计 its parts do not reach → review', async () => {
    const book = (pv: number) => [['某地块 可再生能源利用计算表'], ['项目', '数值', '单位'], ['太阳能光伏年发电量', pv, '万kWh/a'], ['空气源热泵热水可再生能源量', 12.4, '万kWh/a'], ['可再生能源利用量合计', 51, '万kWh/a'], ['建筑年总能耗', 420, '万kWh/a'], ['可再生能源替代率', '12.1%', '']];
    expect(await check('可再生能源计算', book(38.6), R1)).toMatchObject({ verdict: 'pass', computed: 12.14 });
    expect(await check('可再生能源计算', book(30.6), R1)).toMatchObject({ verdict: 'review', basis: 'contradiction' });
  });

  it('建筑年总用电量 in a calculation table with units in the header: 26 of 340 万kWh/a = 7.65 % refutes a declared 10.2 %; 36 万kWh/a supports it', async () => {
    const calc = (pv: number) => [['序号', '计算项目', '数量（万kWh/a）', '说明'], [1, '光伏系统年发电量', pv, '屋面光伏'], [2, '建筑年总用电量', 340, '详见能耗计算书'], [3, '可再生能源替代率', '10.2%', '满足']];
    const refuted = await check('可再生能源计算', calc(26), R1);
    expect([refuted.verdict, refuted.computed]).toEqual(['review', 7.65]);
    expect(await check('可再生能源计算', calc(36), R1)).toMatchObject({ verdict: 'pass', computed: 10.59 });
  });
});

describe('disagree-far-apart: declared and recomputed more than twice apart, though both satisfy', () => {
  it('容积率 2.45 against 计容建筑面积 5.92 (万㎡ written under a ㎡ label): review, not a pass; 56350 ㎡: pass', async () => {
    const kv = (area: number) => [['序号', '项目', '数值'], [1, '总用地面积（㎡）', 23000], [2, '计容建筑面积（㎡）', area], [3, '容积率', 2.45]];
    expect(await check('经济技术指标', kv(5.92), P1)).toMatchObject({ verdict: 'review', basis: 'disagree-far-apart' });
    expect(await check('经济技术指标', kv(56350), P1)).toMatchObject({ verdict: 'pass', basis: 'agree-pass' });
  });

  it('绿地率 35% against a 绿地面积 giving 71% (a table with 规划 and 设计 columns): review; 38% from the areas: pass with a remark', async () => {
    const table = (green: number) => [['指标', '单位', '规划要求', '设计值'], ['用地面积', '㎡', '', 23000], ['绿地面积', '㎡', '', green], ['绿地率', '%', '≥30', 35]];
    expect(await check('指标', table(16330), L1)).toMatchObject({ verdict: 'review', basis: 'disagree-far-apart', computed: 71 });
    expect(await check('指标', table(8740), L1)).toMatchObject({ verdict: 'pass', basis: 'disagree-both-pass', computed: 38 });
  });
});

describe('a single row with a figure the engine did not recognise, of a kind the check reads', () => {
  it('“本次自评累计得分 | 62” beside a declared 二星级: review naming the row; “集热器数量（台）| 20” or no such row: pass', async () => {
    const kv = (extra: unknown[][]) => [['项目', '内容'], ['申报星级', '二星级'], ...extra];
    const f = await check('绿色建筑', kv([['本次自评累计得分', 62]]), G1);
    expect(f).toMatchObject({ verdict: 'review', basis: 'unread-table' });
    expect(f.message).toContain('本次自评累计得分');
    expect(await check('绿色建筑', kv([['集热器数量（台）', 20]]), G1)).toMatchObject({ verdict: 'pass' });
    expect(await check('绿色建筑', kv([]), G1)).toMatchObject({ verdict: 'pass' });
    // a bare total gives only an upper bound, which confirms nothing: the unread score row still counts
    const f2 = await check('绿色建筑', [...kv([['本次自评累计得分', 62]]), ['自评总分', 78]], G1);
    expect(f2).toMatchObject({ verdict: 'review', basis: 'unread-table' });
  });

  it('“热泵系统年节电量 | 12 | 万kWh” beside a declared share the sheet cannot recompute: review; “光伏装机容量（kWp）| 500”: pass', async () => {
    const list = (row: unknown[]) => [['可再生能源应用'], ['项目', '数值', '单位'], ['光伏年发电量', 8.6, '万kWh'], row, ['可再生能源替代率', '10.5%', '']];
    expect(await check('可再生能源', list(['热泵系统年节电量', 12, '万kWh']), R1)).toMatchObject({ verdict: 'review', basis: 'unread-table' });
    expect(await check('可再生能源', list(['光伏装机容量（kWp）', 500, '']), R1)).toMatchObject({ verdict: 'pass' });
    // where the sheet's own data recompute the share, the stray row adds nothing the recomputation did not weigh
    const withTotal = [...list(['热泵系统年节电量', 12, '万kWh']).slice(0, 4), ['建筑年总能耗', 82, '万kWh'], ['可再生能源替代率', '10.5%', '']];
    expect(await check('可再生能源', withTotal, R1)).toMatchObject({ verdict: 'pass', computed: 10.49 });
  });
});

describe('商住: a building of dwellings over shops is residential and public at once', () => {
  const A2: Condition = { id: 'A2', indicator: 'assembly_ratio', op: '>=', value: 50, scope: 'building', appliesTo: { use: ['residential'] } };
  it('a residential condition on “商住（底层商业）” or “商住楼” is checked, never left out as not applicable (rows and sideways)', async () => {
    const rowsLayout = [['楼号', '使用性质', '装配率'], ['1#', '商住（底层商业）', '48%'], ['2#', '住宅', '52%']];
    const sideways = [['指标', '1#', '2#'], ['建筑功能', '商住楼', '住宅'], ['装配率', '48%', '52%']];
    for (const data of [rowsLayout, sideways]) {
      const path = await xlsx(`shangzhu-${n++}.xlsx`, (wb) => rows(wb.addWorksheet('单体'), data));
      const fs = evaluate(await importWorkbook(path), { format: 'landcheck.conditions/v1', conditions: [A2] });
      // 48 % in a building with dwellings: never left out as not applicable, never a pass
      expect(fs.find((f) => f.building === '1#')).toMatchObject({ verdict: 'fail' });
      expect(fs.find((f) => f.building === '2#')).toMatchObject({ verdict: 'pass' });
    }
  });
});

describe('a control-item row that states a shortfall in words', () => {
  const G1a: Condition = { id: 'G1', indicator: 'green_building_star', op: '>=', value: 1 };
  const scores = (control: string) => [['类别', '满分', '得分'], ['控制项', '—', control], ['安全耐久', 100, 45], ['健康舒适', 100, 48], ['生活便利', 70, 30], ['资源节约', 200, 82], ['环境宜居', 100, 35], ['提高与创新', 100, 0], ['总得分', '', 64], ['星级', '', '一星级']];
  const kv = (control: string) => [['项目', '内容'], ['绿色建筑星级', '一星级'], ['控制项', control], ['安全耐久', 45], ['健康舒适', 48], ['生活便利', 30], ['资源节约', 82], ['环境宜居', 35]];
  it('“1项不满足（第5.1.9条）” or “满足（除第5.1.9条不满足外）” is no: a declared 一星级 never passes (a score table and a key/value list)', async () => {
    for (const data of [scores('1项不满足（第5.1.9条）'), kv('满足（除第5.1.9条不满足外）')]) {
      const f = await check('绿建自评', data, G1a);
      expect(f).toMatchObject({ verdict: 'review' });
    }
    expect((await check('绿建自评', kv('满足'), G1a)).verdict).toBe('pass');
  });
});

describe('a 合计 row under a table of records', () => {
  // 1#楼 420 + 2#楼 380 + 3#楼 450 = 1250 万kWh/a, not the 950 written: 98 / 1250 = 7.84 %
  const perBuilding = (total: number) => [['可再生能源替代率计算'], ['楼栋', '建筑年能耗(万kWh/a)', '可再生能源利用量(万kWh/a)'], ['1#楼', 420, 36], ['2#楼', 380, 30], ['3#楼', 450, 32], ['合计', total, 98], ['可再生能源替代率', total === 950 ? '10.3%' : '7.8%']];
  it('is the sum of the rows: a 合计 they do not reach refutes the share it gives (950 written, 1250 summed) → review, never a pass', async () => {
    const f = await check('可再生能源计算', perBuilding(950), { ...R1, value: 10 });
    expect([f.verdict, f.basis]).toEqual(['review', 'parts-dont-add']);
    expect(f.message).toContain('7.84%');
  });

  it('twin: a 合计 the rows add up to (1250): 98 / 1250 = 7.84 % passes ≥ 7.5 %', async () => {
    const f = await check('可再生能源计算', perBuilding(1250), { ...R1, value: 7.5 });
    expect(f.verdict).toBe('pass');
  });

  it('a 小计 row is a group’s sum, never the project’s 总建筑面积: the 合计 (4.1万㎡) is, and exceeds 4万㎡ though the first 小计 (3万㎡) does not', async () => {
    const t = (total: number) => [['楼号', '建筑面积(万㎡)'], ['1#楼', 1], ['2#楼', 2], ['小计', 3], ['3#楼', 0.5], ['4#楼', 0.6], ['小计', 1.1], ['合计', total]];
    const G: Condition = { id: 'A', indicator: 'gross_floor_area', op: '<=', value: 40000 };
    expect(await check('单体', t(4.1), G)).toMatchObject({ verdict: 'fail', declared: 41000 });
    expect(await check('单体', t(3.6), G)).toMatchObject({ verdict: 'review', basis: 'parts-dont-add' });
  });

  it('a building table’s 合计 of areas its rows do not reach: 总建筑面积 review (rows layout)', async () => {
    const t = (total: number) => [['楼号', '建筑面积(㎡)', '层数'], ['1#楼', 12000, 18], ['2#楼', 9000, 11], ['合计', total, '']];
    const G: Condition = { id: 'A', indicator: 'gross_floor_area', op: '<=', value: 25000 };
    expect(await check('单体', t(19000), G)).toMatchObject({ verdict: 'review', basis: 'parts-dont-add' });
    expect(await check('单体', t(21000), G)).toMatchObject({ verdict: 'pass' });
  });

  it('a 合计 row above the records sums the rows below it: 118500 written, 123400 summed → review, never a pass; 123400 written fails', async () => {
    const t = (total: number) => [['建筑面积统计表'], ['楼栋', '地上面积(㎡)', '地下面积(㎡)', '建筑面积(㎡)'], ['合计', '', '', total], ['1#', 21800, 0, 21800], ['2#', 21800, 0, 21800], ['3#', 19600, 0, 19600], ['4#', 19600, 0, 19600], ['商业', 8600, 0, 8600], ['地下车库', 0, 32000, 32000]];
    const G: Condition = { id: 'A', indicator: 'gross_floor_area', op: '<=', value: 120000 };
    expect(await check('面积表', t(118500), G)).toMatchObject({ verdict: 'review', basis: 'parts-dont-add' });
    expect(await check('面积表', t(123400), G)).toMatchObject({ verdict: 'fail' });
  });
});
