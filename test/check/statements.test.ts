// What the sheet itself says (docs/evidence-policy.md "What the sheet itself says", and "which
// parcel"): real workbooks built with exceljs, each rule in at least two layouts, each beside a
// clean control that keeps its pass.
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../shared/import/index';
import { evaluate } from '../../shared/check/engine';
import type { Condition, ConditionsDoc, Finding } from '../../shared/model/types';
import { rows, xlsx } from '../import/helpers';

const SH = { parcel: 'JDC10501单元05-02地块', city: '上海市', signedOn: '2025-03-01' };
const A1: Condition = { id: 'A1', indicator: 'assembly_ratio', op: '>=', value: 60, scope: 'building' };
const A1p: Condition = { id: 'A1', indicator: 'assembly_ratio', op: '>=', value: 60 };
const G1: Condition = { id: 'G1', indicator: 'green_building_star', op: '>=', value: 2 };
const S1: Condition = { id: 'S1', indicator: 'runoff_capture', op: '>=', value: 80 };
const R1: Condition = { id: 'R1', indicator: 'renewable_substitution', op: '>=', value: 10 };
const P2: Condition = { id: 'P2', indicator: 'green_ratio', op: '>=', value: 35 };

let n = 0;
async function check(sheets: Array<{ name: string; data: unknown[][] }>, conditions: Condition[], contract: ConditionsDoc['contract'] = SH): Promise<Finding[]> {
  const path = await xlsx(`statements-${n++}.xlsx`, (wb) => {
    for (const s of sheets) rows(wb.addWorksheet(s.name), s.data);
  });
  const doc: ConditionsDoc = { format: 'landcheck.conditions/v1', contract, conditions };
  return evaluate(await importWorkbook(path), doc);
}
const kv = (pairs: unknown[][]) => [['指标名称', '设计值', '备注'], ...pairs];

describe('declared-method: the sheet says the value is by a method the jurisdiction does not prescribe', () => {
  it('a note under a per-building table: every building is review, naming the note and both methods', async () => {
    const fs = await check(
      [{ name: '单体指标', data: [['单体装配式指标'], ['楼号', '建筑功能', '建筑面积（㎡）', '单体装配率（%）'], ['1#楼', '住宅', 14200, 62], ['2#楼', '住宅', 14200, 64], [], ['注：单体装配率按《装配式建筑评价标准》GB/T 51129-2017计算。']] }],
      [A1],
    );
    expect(fs.map((f) => [f.building, f.verdict, f.basis])).toEqual([
      ['1#楼', 'review', 'declared-method'],
      ['2#楼', 'review', 'declared-method'],
    ]);
    expect(fs[0].message).toContain('单体指标!A6');
    expect(fs[0].message).toContain('GB/T 51129-2017');
    expect(fs[0].message).toContain('765号');
  });

  it('a 备注 beside the value in a key/value list: review; the prescribed method, a table for reference only, or a city that prescribes nothing: pass', async () => {
    const bad = await check([{ name: '指标', data: kv([['装配率', '62%', '按GB/T 51129-2017计算']]) }], [A1p]);
    expect(bad[0]).toMatchObject({ verdict: 'review', basis: 'declared-method', source: '指标!B2' });
    const local = await check([{ name: '指标', data: kv([['装配率', '62%', '按沪建建材〔2019〕765号计算']]) }], [A1p]);
    expect(local[0]).toMatchObject({ verdict: 'pass' });
    const reference = await check([{ name: '指标', data: [['装配率计算（按GB/T 51129-2017，供参考）'], ...kv([['装配率', '62%', '']])] }], [A1p]);
    expect(reference[0].basis).not.toBe('declared-method');
    const beijing = await check([{ name: '指标', data: kv([['装配率', '62%', '按GB/T 51129-2017计算']]) }], [A1p], { city: '北京市', signedOn: '2025-03-01' });
    expect(beijing[0]).toMatchObject({ verdict: 'pass' });
  });
});

describe('declared-method: a method the contract names that our data do not know (a provincial standard)', () => {
  const CS = { parcel: '[2025]长沙市036号宗地', city: '长沙市', signedOn: '2025-03-08' };
  const hunan: Condition = { ...A1, value: 50, method: 'DBJ43/T 332-2018' };
  it('a title naming GB/T 51129 over a per-building table: review naming the contract’s method; the same title naming DBJ43/T 332, or none: pass', async () => {
    const table = (title: string) => [{ name: '装配式', data: [[title], ['楼栋', '建筑面积（㎡）', '装配率'], ['1栋', 15600, '62%']] }];
    const other = await check(table('装配率计算汇总（依据《装配式建筑评价标准》GB/T 51129-2017）'), [hunan], CS);
    expect(other[0]).toMatchObject({ verdict: 'review', basis: 'declared-method', source: '装配式!C3' });
    expect(other[0].message).toContain('合同条款指定按DBJ43/T 332-2018计算');
    expect((await check(table('装配率计算汇总（依据《湖南省绿色装配式建筑评价标准》DBJ 43/T 332-2018）'), [hunan], CS))[0]).toMatchObject({ verdict: 'pass' });
    expect((await check(table('装配率计算汇总'), [hunan], CS))[0]).toMatchObject({ verdict: 'pass' });
  });

  it('a 备注 in a key/value list: review; without the contract naming the method (长沙 prescribes none in our data): pass', async () => {
    const data = kv([['装配率', '62%', '按GB/T 51129-2017计算']]);
    expect((await check([{ name: '指标', data }], [{ ...A1p, value: 50, method: 'DBJ43/T 332-2018' }], CS))[0]).toMatchObject({ verdict: 'review', basis: 'declared-method' });
    expect((await check([{ name: '指标', data }], [{ ...A1p, value: 50 }], CS))[0]).toMatchObject({ verdict: 'pass' });
  });
});

describe('a 备注 that only says which building is the highest keeps the pass (value-remarks.json neutral)', () => {
  const H1: Condition = { id: 'H1', indicator: 'building_height', op: '<=', value: 100 };
  it('“最高为2#塔楼” in a key/value list and “2#塔楼最高” in a numbered table: pass; “不含屋顶机房” still review', async () => {
    expect((await check([{ name: '指标', data: kv([['建筑高度', 99.6, '最高为2#塔楼']]) }], [H1]))[0]).toMatchObject({ verdict: 'pass' });
    const table = (note: string) => [['序号', '项目', '单位', '数值', '备注'], [1, '建筑高度', 'm', 99.6, note]];
    expect((await check([{ name: '经济技术指标', data: table('2#塔楼最高') }], [H1]))[0]).toMatchObject({ verdict: 'pass' });
    expect((await check([{ name: '经济技术指标', data: table('不含屋顶机房') }], [H1]))[0]).toMatchObject({ verdict: 'review', basis: 'declared-remark' });
  });
});

describe('declared-standard-superseded: the sheet says the value is by an edition no longer in force', () => {
  it('a 备注 “按GB/T 50378-2014评价” under a contract of 2025: review; the 2019 edition: pass', async () => {
    const old = await check([{ name: '指标', data: kv([['绿色建筑星级', '二星级', '按GB/T 50378-2014评价']]) }], [G1]);
    expect(old[0]).toMatchObject({ verdict: 'review', basis: 'declared-standard-superseded', source: '指标!B2' });
    expect(old[0].message).toContain('GB/T 50378-2019');
    const now = await check([{ name: '指标', data: kv([['绿色建筑星级', '二星级', '按GB/T 50378-2019评价']]) }], [G1]);
    expect(now[0]).toMatchObject({ verdict: 'pass' });
  });

  it('a sheet title naming the 2014 edition above a table with the level in a column: review; a contract of 2018 (the 2014 edition in force): pass', async () => {
    const data = [['绿色建筑设计评价表（依据 GB/T 50378—2014）'], ['序号', '指标', '设计指标', '说明'], [1, '绿色建筑星级', '二星级', '设计评价']];
    expect((await check([{ name: '绿色建筑', data }], [G1]))[0]).toMatchObject({ verdict: 'review', basis: 'declared-standard-superseded' });
    expect((await check([{ name: '绿色建筑', data }], [G1], { ...SH, signedOn: '2018-06-01' }))[0]).toMatchObject({ verdict: 'pass' });
  });
});

describe('rainfall-rate-mismatch and the storage checked at the sheet’s own H', () => {
  const surfaces = [['序号', '下垫面类型', '面积（㎡）', '雨量径流系数'], [1, '硬屋面', 8000, 0.85], [2, '道路及硬质铺装', 10000, 0.85], [3, '绿地', 12000, 0.15], ['', '合计', 30000, 0.57]];
  const storage = [['序号', '设施名称', '规模（㎡）', '调蓄容积（m³）'], [1, '下凹式绿地', 1200, 120], [2, '雨水调蓄池', 1, 180], ['', '合计', '', 300]];
  const sheet = (hRow: unknown[], extra: unknown[][] = []) => ({
    name: '海绵城市计算书',
    data: [['海绵城市设计计算书（容积法）'], ['', '年径流总量控制率', '80%', '设计值'], hRow, [], ...surfaces, [], ...storage, ...extra],
  });

  it('a 备注 tying H to 70 % beside a declared 80 %: review; tied to 80 %: pass, saying what was checked and that H for 80 % is not confirmed', async () => {
    const low = await check([sheet(['', '设计降雨量H（mm）', 17.0, '对应年径流总量控制率70%'])], [S1]);
    expect(low[0]).toMatchObject({ verdict: 'review', basis: 'rainfall-rate-mismatch' });
    expect(low[0].message).toContain('70%');
    const same = await check([sheet(['', '设计降雨量H（mm）', 17.0, '对应年径流总量控制率80%'])], [S1]);
    expect(same[0]).toMatchObject({ verdict: 'pass', basis: 'declared-pass' });
    expect(same[0].message).not.toContain('支持该值');
    expect(same[0].message).toContain('未经确认');
    expect(same[0].message).toContain('17 mm');
  });

  it('a note under the tables naming the rate of the rainfall: review; the contract’s own 设计降雨量 decides instead', async () => {
    const note = ['注：设计降雨量17.0mm为年径流总量控制率70%对应值。'];
    const low = await check([sheet(['', '设计降雨量H（mm）', 17.0, ''], [[], note])], [S1]);
    expect(low[0]).toMatchObject({ verdict: 'review', basis: 'rainfall-rate-mismatch' });
    const contract = await check([sheet(['', '设计降雨量H（mm）', 17.0, ''], [[], note])], [{ ...S1, companion: { design_rainfall: 9 } }]);
    expect(contract[0]).toMatchObject({ verdict: 'pass', basis: 'declared-pass' });
    expect(contract[0].message).toContain('支持该值');
  });
});

describe('partial-scope: a value or an input the sheet scopes to part of the project', () => {
  const items = (energyLabel: string) => [
    ['可再生能源利用计算表'],
    ['序号', '可再生能源系统', '年利用量（kWh/a）', '备注'],
    [1, '太阳能光伏', 720000, ''],
    ['', '合计', 720000, ''],
    [],
    ['', energyLabel, 6000000, ''],
    ['', '可再生能源替代率', '12%', ''],
  ];

  it('a sheet title “住宅部分…（商业部分另详）”: review naming the title; a project named “…（一期）” is not a part', async () => {
    const part = await check([{ name: '可再生能源', data: [['住宅部分可再生能源应用计算（商业部分另详）'], ['指标', '数值'], ['可再生能源替代率', '11%']] }], [R1]);
    expect(part[0]).toMatchObject({ verdict: 'review', basis: 'partial-scope' });
    expect(part[0].message).toContain('可再生能源!A1');
    const named = await check([{ name: '指标', data: [['某某产业项目（一期） 主要技术经济指标'], ['项目名称', '某某产业项目（一期）'], ['绿地率', '36%']] }], [P2]);
    expect(named[0]).toMatchObject({ verdict: 'pass' });
  });

  it('the recomputation’s denominator labelled “（仅住宅部分，不含商业）”: review naming the input; a whole-building label: pass', async () => {
    const part = await check([{ name: '可再生能源计算', data: items('建筑年总能耗（kWh/a）（仅住宅部分，不含商业）') }], [R1]);
    expect(part[0]).toMatchObject({ verdict: 'review', basis: 'partial-scope', source: '可再生能源计算!C6' });
    const whole = await check([{ name: '可再生能源计算', data: items('建筑年总能耗（kWh/a）') }], [R1]);
    expect(whole[0]).toMatchObject({ verdict: 'pass' });
  });

  it('a label qualifier “绿地率（一期）”: review', async () => {
    const f = await check([{ name: '指标', data: kv([['绿地率（一期）', '38%', '']]) }], [P2]);
    expect(f[0]).toMatchObject({ verdict: 'review', basis: 'partial-scope' });
  });
});

describe('parcel-mismatch: a sheet title or sheet name naming another parcel', () => {
  it('a title row naming 05-03 against a contract for 05-02: nothing passes; a title naming 05-02 (or ０５－０２): pass', async () => {
    const data = (title: string) => [[title], ['序号', '指标', '单位', '设计指标'], [1, '绿地率', '%', 36]];
    const other = await check([{ name: '主要技术经济指标', data: data('JDC10501单元05-03地块 主要技术经济指标表') }], [P2]);
    expect(other[0]).toMatchObject({ verdict: 'review', basis: 'parcel-mismatch' });
    expect(other[0].message).toContain('05-03');
    const same = await check([{ name: '主要技术经济指标', data: data('JDC10501单元０５－０２地块 主要技术经济指标表') }], [P2]);
    expect(same[0]).toMatchObject({ verdict: 'pass' });
    const unit = await check([{ name: '主要技术经济指标', data: data('JDC10502单元05-02地块 主要技术经济指标表') }], [P2]);
    expect(unit[0]).toMatchObject({ verdict: 'review', basis: 'parcel-mismatch' });
  });

  it('a year and month in a title (“第2版 2025-07”) is a date, not a plot: pass; “XX2025-30号地块” against 2025-31 is another parcel', async () => {
    const data = (title: string) => [[title], ['项目', '单位', '修改前', '修改后'], ['绿地率', '%', 31, 36]];
    const dated = await check([{ name: '指标调整对照', data: data('技术经济指标调整对照表（第2版 2025-07）') }], [P2], { ...SH, parcel: '红旗区XX2025-31号地块' });
    expect(dated[0]).toMatchObject({ verdict: 'pass' });
    const other = await check([{ name: '指标调整对照', data: data('红旗区XX2025-30号地块 技术经济指标调整对照表') }], [P2], { ...SH, parcel: '红旗区XX2025-31号地块' });
    expect(other[0]).toMatchObject({ verdict: 'review', basis: 'parcel-mismatch' });
  });

  it('a sheet named for another parcel, key/value layout: review', async () => {
    const f = await check([{ name: '05-03地块指标', data: kv([['绿地率', '36%', '']]) }], [P2]);
    expect(f[0]).toMatchObject({ verdict: 'review', basis: 'parcel-mismatch' });
  });
});

describe('declared-intent: an intended value, not an achieved one', () => {
  it('“★★（拟申报）” and “二星级（计划）”: review; “二星级（预评价）”: pass', async () => {
    for (const raw of ['★★（拟申报）', '二星级（计划）', '二星级（争创）']) {
      const f = await check([{ name: '指标', data: kv([['绿色建筑星级', raw, '']]) }], [G1]);
      expect(f[0], raw).toMatchObject({ verdict: 'review', basis: 'declared-intent' });
    }
    expect((await check([{ name: '指标', data: kv([['绿色建筑星级', '二星级（预评价）', '']]) }], [G1]))[0]).toMatchObject({ verdict: 'pass' });
  });

  it('a 备注 column saying 目标 / 预计 beside the value in a table: review', async () => {
    for (const note of ['目标值', '预计达到']) {
      const data = [['序号', '指标', '设计指标', '备注'], [1, '绿色建筑星级', '二星级', note], [2, '绿地率', '36%', '']];
      const fs = await check([{ name: '指标', data }], [G1, P2]);
      expect(fs[0], note).toMatchObject({ verdict: 'review', basis: 'declared-intent' });
      expect(fs[1], note).toMatchObject({ verdict: 'pass' });
    }
  });
});

describe('parcel names: one notion of planning unit and plot number', async () => {
  const { parcelMatch, parcelMatches, readParcel, sameParcel } = await import('../../shared/model/parcels');
  it('reads the unit and the plots; compares plots without leading zeros and units when both give one', () => {
    expect(readParcel('闵行区梅陇社区MHP0-0306单元5-3、6-3地块')).toMatchObject({ unit: 'MHP0-0306', plots: ['5-3', '6-3'] });
    expect(sameParcel('…05-03地块住宅项目', '5-3')).toBe(true);
    expect(sameParcel('JDC10502单元05-02地块', 'JDC10501单元05-02地块')).toBe(false);
    expect(parcelMatches('JDC10502单元05-02地块', 'JDC10501单元05-02地块')).toBe(false);
    expect(parcelMatches('05-02', 'JDC10501单元05-02地块')).toBe(true);
    expect(parcelMatch('JDC10501单元05-02', 'JDC10502单元05-02地块')).toBe('other');
    expect(parcelMatch('5-2', 'JDC10501单元05-02地块')).toBe('same');
  });
});

describe('a remark on an input of an agreeing recomputation, and a phase in a title that names the parcel', () => {
  it('绿地面积 “含代征绿地1200㎡” keeps the agreeing 绿地率 from passing; “不含代征用地”, “含集中绿地…” and the prescribed exclusion do not', async () => {
    for (const layout of [0, 1]) {
      const body = (remark: string) => (layout === 0 ? [['项目', '数值', '备注'], ['总用地面积（㎡）', 42000, '不含代征用地'], ['绿地面积（㎡）', 15330, remark], ['绿地率', '36.5%', null]] : [['序号', '指标', '单位', '设计值', '备注'], [1, '总用地面积', '㎡', 42000, '不含代征用地'], [2, '绿地面积', '㎡', 15330, remark], [3, '绿地率', '%', '36.5%', '']]);
      const bad = await check([{ name: '指标', data: body('含代征绿地1200㎡') }], [P2]);
      expect(bad[0], `layout ${layout}`).toMatchObject({ verdict: 'review', basis: 'declared-remark' });
      expect(bad[0].message).toContain('含代征绿地1200㎡');
      for (const harmless of ['含集中绿地4200㎡（不小于用地面积10%）', '不含覆土不足1.5m的地下室顶板绿地', '增加雨水花园']) {
        const ok = await check([{ name: '指标', data: body(harmless) }], [P2]);
        expect(ok[0], `${layout} ${harmless}`).toMatchObject({ verdict: 'pass' });
      }
    }
  });

  it('a title “某花园二期（05-02地块）” names the contract’s parcel: its phase is the project, not a part of it', async () => {
    const fs = await check([{ name: '指标', data: [['嘉定新城某花园二期（05-02地块）主要技术经济指标'], ...kv([['容积率', 2.48, ''], ['绿地率', '36.5%', '']])] }], [P2], { ...SH, parcel: '05-02地块' });
    expect(fs[0]).toMatchObject({ verdict: 'pass' });
    const part = await check([{ name: '指标', data: [['嘉定新城某花园二期 主要技术经济指标'], ...kv([['容积率', 2.48, ''], ['绿地率', '36.5%', '']])] }], [P2], { ...SH, parcel: '05-02地块' });
    expect(part[0]).toMatchObject({ verdict: 'review', basis: 'partial-scope' });
  });
});

describe('building-below in words: the sheet gives a building a lower star than the project', () => {
  it('a note under the table or a 备注 naming a building at a lower level keeps the project star from passing; a note at the same level does not', async () => {
    const note = await check([{ name: '绿色建筑专篇', data: [['项目', '内容'], ['绿色建筑星级', '二星级'], [], ['说明：本项目按绿色建筑二星级标准设计，其中5#楼（幼儿园）按一星级设计。']] }], [G1]);
    expect(note[0]).toMatchObject({ verdict: 'review', basis: 'building-below', source: '绿色建筑专篇!A4' });
    expect(note[0].message).toContain('5#楼');
    const remark = await check([{ name: '指标', data: kv([['绿色建筑星级', '二星级', 'A座按一星级']]) }], [G1]);
    expect(remark[0]).toMatchObject({ verdict: 'review', basis: 'building-below' });
    const same = await check([{ name: '绿色建筑专篇', data: [['项目', '内容'], ['绿色建筑星级', '二星级'], [], ['说明：1#楼、2#楼均按二星级设计。']] }], [G1]);
    expect(same[0]).toMatchObject({ verdict: 'pass' });
  });
});
