// Combined building names (“1#、2#楼”, “1-3#楼”): one record for several buildings, reported as an
// unread list of buildings with its members (never silently dropped).
import { describe, expect, it } from 'vitest';
import { combinedMembers } from '../../shared/import/combined';
import { importWorkbook } from '../../shared/import/index';
import { rows, xlsx } from './helpers';

describe('combined building names', () => {
  it('names the members of 1#、2#楼, 1-3#楼, 1#~2#楼 and A栋/B栋; single names and ratios are not combined', () => {
    expect(combinedMembers('1#、2#楼')).toEqual(['1#楼', '2#楼']);
    expect(combinedMembers('1-3#楼')).toEqual(['1#楼', '2#楼', '3#楼']);
    expect(combinedMembers('1#~2#楼')).toEqual(['1#楼', '2#楼']);
    expect(combinedMembers('A栋/B栋')).toEqual(['A#栋', 'B#栋']);
    expect(combinedMembers('3#楼')).toBeNull();
    expect(combinedMembers('1-1')).toBeNull();
    expect(combinedMembers('办公、住宅')).toBeNull();
  });

  it('a sideways column “1#、2#楼” is an unread list of buildings naming 1#楼 and 2#楼', async () => {
    const path = await xlsx('combined-col.xlsx', (wb) => {
      rows(wb.addWorksheet('绿色建筑'), [['指标', '1#、2#楼', '3#楼'], ['建筑功能', '办公', '办公'], ['建筑面积(㎡)', 42000, 25000], ['绿色建筑星级', '一星级', '二星级']]);
    });
    const r = await importWorkbook(path);
    expect(r.buildings.map((b) => b.name)).toEqual(['3#楼']);
    const u = r.unread?.find((b) => b.title === '1#、2#楼');
    expect(u).toMatchObject({ range: 'B1:B4', indicators: ['building_name'] });
    expect(u?.reason).toContain('1#楼、2#楼');
  });

  it('a row “1#~2#楼” in a building table is no building of its own, and its members are not given its value', async () => {
    for (const [name, head] of [['1#~2#楼', ['单体名称', '装配率']], ['1、2号楼', ['楼栋', '建筑功能', '单体装配率(%)']]] as const) {
      const path = await xlsx(`combined-row-${head.length}.xlsx`, (wb) => {
        const body = head.length === 2 ? [[name, '62%'], ['3#楼', '55%']] : [[name, '住宅', 62], ['3#楼', '住宅', 55]];
        rows(wb.addWorksheet('装配率'), [[...head], ...body]);
      });
      const r = await importWorkbook(path);
      expect(r.buildings.map((b) => b.name)).toEqual(['3#楼']);
      expect(r.unread?.find((b) => b.title === name)?.reason).toContain('1#楼、2#楼');
    }
  });

  it('a summary row (平均, 平均值（面积加权）, 最大值) is neither a building nor a value of one', async () => {
    for (const word of ['平均', '平均值（面积加权）', '最大值']) {
      const path = await xlsx(`aggregate-${word.length}.xlsx`, (wb) => {
        rows(wb.addWorksheet('装配率汇总'), [['单体装配率汇总表'], ['单体名称', '预制率', '装配率'], ['1号楼', '', '62%'], ['2号楼', '', '58%'], [word, '', '60%']]);
      });
      const r = await importWorkbook(path);
      expect(r.buildings.map((b) => b.name).sort()).toEqual(['1号楼', '2号楼']);
      expect(r.buildings.every((b) => b.values.assembly_ratio?.value !== 60)).toBe(true);
    }
  });
});
