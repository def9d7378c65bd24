// Notes that only restate how a quantity is defined (shared/data/indicator-bases.json) do not block a
// pass for that indicator: where a project's 建筑高度 is measured (“7#楼”, “最高点为10#楼屋面”), and a heat
// pump's renewable part “扣除输入电能后”. A note that changes the figure still blocks. Real workbooks
// in two layouts each.
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../shared/import/index';
import { evaluate } from '../../shared/check/engine';
import type { Condition, Finding } from '../../shared/model/types';
import { rows, xlsx } from '../import/helpers';

let n = 0;
async function check(data: unknown[][], c: Condition): Promise<Finding> {
  const r = await importWorkbook(await xlsx(`definitional-${n++}.xlsx`, (wb) => rows(wb.addWorksheet('指标'), data)));
  return evaluate(r, { format: 'landcheck.conditions/v1', contract: { city: '西宁市' }, conditions: [c] })[0];
}

const H: Condition = { id: 'H', indicator: 'building_height', op: '<=', value: 60 };
const R: Condition = { id: 'R', indicator: 'renewable_substitution', op: '>=', value: 10 };
const U: Condition = { id: 'U', indicator: 'ultra_low_energy_ratio', op: '>=', value: 30 };
const A: Condition = { id: 'A', indicator: 'gross_floor_area', op: '<=', value: 120000 };

describe('notes that restate the definition', () => {
  it('建筑高度 with the building or roof where the highest point is: pass (备注 column and bracket); “不含屋顶构架” still blocks', async () => {
    const table = (note: string) => [['指标', '设计值', '备注'], ['容积率', 2.4, ''], ['建筑高度(m)', 59.4, note]];
    expect((await check(table('7#楼'), H)).verdict).toBe('pass');
    expect((await check([['项目', '数值'], ['建筑高度', '54.6m（最高点为10#楼屋面）']], H)).verdict).toBe('pass');
    expect((await check(table('最高栋8#'), H)).verdict).toBe('pass');
    expect(await check(table('不含屋顶构架'), H)).toMatchObject({ verdict: 'review', basis: 'declared-remark' });
  });

  it('超低能耗建筑面积 with a 备注 naming its buildings (“1#、2#、5#楼”, “3~5#楼”): the share 36 % passes, and the names are no unread list of buildings; on 总建筑面积 the same note limits the figure', async () => {
    const table = (note: string, gfaNote = '') => [['建筑节能指标'], ['序号', '项目', '单位', '数值', '备注'], [1, '总建筑面积', '㎡', 100000, gfaNote], [2, '超低能耗建筑面积', '㎡', 36000, note], [3, '超低能耗建筑面积占比', '%', 36, '']];
    for (const note of ['1#、2#、5#楼', '3~5#楼']) {
      const r = await importWorkbook(await xlsx(`definitional-${n++}.xlsx`, (wb) => rows(wb.addWorksheet('节能指标'), table(note))));
      expect(r.unread ?? [], note).toEqual([]);
      expect(evaluate(r, { format: 'landcheck.conditions/v1', contract: { city: '开封市' }, conditions: [U] })[0], note).toMatchObject({ verdict: 'pass', computed: 36 });
    }
    expect((await check(table('', '1#、2#楼'), A)).verdict).toBe('review');
    expect((await check(table('不含地下室'), U)).verdict).toBe('review');
  });

  it('a heat pump’s 可再生能源量 “扣除输入电能后”: the share it gives passes; “未扣除输入电能” blocks', async () => {
    const book = (note: string) => [['某地块 可再生能源利用计算表'], ['项目', '数值', '单位', '说明'], ['太阳能光伏年发电量', 38.6, '万kWh/a', ''], ['空气源热泵热水可再生能源量', 12.4, '万kWh/a', note], ['可再生能源利用量合计', 51, '万kWh/a', ''], ['建筑年总能耗', 420, '万kWh/a', ''], ['可再生能源替代率', '12.1%', '', '']];
    expect(await check(book('扣除输入电能后'), R)).toMatchObject({ verdict: 'pass', computed: 12.14 });
    expect((await check(book('未扣除输入电能'), R)).verdict).toBe('review');
    expect(await check(book('按SPF扣除耗电；可再生部分'), R)).toMatchObject({ verdict: 'pass', computed: 12.14 });
  });

  it('建筑年总能耗 “按能耗模拟” says how the figure was obtained: pass; “按估算” still blocks', async () => {
    const book = (note: string) => [['可再生能源利用计算表'], ['项目', '数值', '单位', '备注'], ['太阳能光伏年发电量', 51, '万kWh/a', ''], ['建筑年总能耗', 420, '万kWh/a', note], ['可再生能源替代率', '12.1%', '', '']];
    expect(await check(book('按能耗模拟'), R)).toMatchObject({ verdict: 'pass', computed: 12.14 });
    expect((await check(book('按估算'), R)).verdict).toBe('review');
  });
});
