// Short header words of building tables and share-stated yes/no measures: "高度" and "性质" beside
// a building key column, a column title right of 单体 that is no building's name, "全装修比例 100%".
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../shared/import/index';
import { rows, xlsx } from './helpers';

describe('short words of a building table', () => {
  it('高度(m) and 性质 beside 楼号 are the height and the use of each building', async () => {
    const path = await xlsx('bt-height-use.xlsx', (wb) => {
      rows(wb.addWorksheet('单体'), [
        ['楼号', '性质', '层数', '高度(m)', '建筑面积(㎡)', '装配率(%)'],
        ['1#', '住宅', 27, 79.8, 21500, 45],
        ['2#', '商业', 4, 21.5, 8200, 52],
      ]);
    });
    const r = await importWorkbook(path);
    const b = (n: string) => r.buildings.find((x) => x.name === n)!;
    expect(b('1#').values.building_height.value).toBe(79.8);
    expect(b('1#').use).toBe('residential');
    expect(b('2#').use).toBe('public');
    expect(b('2#').values.building_height.value).toBe(21.5);
  });

  it('the same words in another layout (title row, 单体名称 key, 性质 last) are read too', async () => {
    const path = await xlsx('bt-height-use-2.xlsx', (wb) => {
      rows(wb.addWorksheet('Sheet1'), [
        ['各单体技术指标'],
        [],
        [undefined, '单体名称', '建筑面积', '高度', '性质'],
        [undefined, 'A栋', 12000, 53.9, '住宅'],
        [undefined, 'B栋', 3000, 18, '商业'],
      ]);
    });
    const r = await importWorkbook(path);
    const a = r.buildings.find((x) => x.name === 'A栋')!;
    expect(a.values.building_height.value).toBe(53.9);
    expect(a.use).toBe('residential');
  });

  it('negative twin: a bare 高度 / 性质 outside a building table is not a building height or use', async () => {
    const path = await xlsx('bt-height-no-key.xlsx', (wb) => {
      rows(wb.addWorksheet('指标'), [
        ['项目', '数值'],
        ['高度', 79.8],
        ['性质', '住宅'],
        ['容积率', 2.1],
      ]);
    });
    const r = await importWorkbook(path);
    expect(r.project.building_height).toBeUndefined();
    expect(r.project.far.value).toBe(2.1);
    expect(r.buildings).toEqual([]);
  });
});

describe('a column title right of a building key is no building name', () => {
  it('单体 | 装配式建筑评价等级 over 1# | A级: buildings 1# and 2#, not 装配式建筑评价等级', async () => {
    const path = await xlsx('bt-grade.xlsx', (wb) => {
      rows(wb.addWorksheet('装配式'), [['单体', '装配式建筑评价等级'], ['1#', 'A级'], ['2#', 'AA级']]);
    });
    const r = await importWorkbook(path);
    expect(r.buildings.map((b) => b.name)).not.toContain('装配式建筑评价等级');
    expect(r.buildings.every((b) => b.values.assembly_ratio === undefined)).toBe(true);
  });

  it('a key/value pair 单体名称 | 2#楼 still names the building', async () => {
    const path = await xlsx('bt-name-pair.xlsx', (wb) => {
      rows(wb.addWorksheet('计算表'), [['单体名称', '2#楼'], ['装配率', '58%']]);
    });
    const r = await importWorkbook(path);
    expect(r.buildings.map((b) => b.name)).toEqual(['2#楼']);
    expect(r.buildings[0].values.assembly_ratio.value).toBe(58);
  });
});

describe('a yes/no measure stated as a share', () => {
  it('住宅全装修比例 100% is 全装修 (text and percent-formatted number)', async () => {
    const path = await xlsx('fitout-share.xlsx', (wb) => {
      rows(wb.addWorksheet('指标'), [['项目', '数值'], ['住宅全装修比例', '100%'], ['容积率', 1.8]]);
      const ws = wb.addWorksheet('另表');
      rows(ws, [['指标名称', '设计值'], ['全装修率', 1]]);
      ws.getCell('B2').numFmt = '0%';
    });
    const r = await importWorkbook(path);
    expect(r.project.full_fitout.value).toBe(true);
    expect(r.project.full_fitout.source).toBe('指标!B2');
  });

  it('negative twin: a share below 100 % is not 全装修', async () => {
    const path = await xlsx('fitout-share-80.xlsx', (wb) => {
      const ws = wb.addWorksheet('指标');
      rows(ws, [['指标', '设计值'], ['全装修比例', 0.8]]);
      ws.getCell('B2').numFmt = '0%';
    });
    const r = await importWorkbook(path);
    expect(r.project.full_fitout.value).toBe(false);
    const path2 = await xlsx('fitout-share-80-text.xlsx', (wb) => {
      rows(wb.addWorksheet('指标'), [['项目', '数值'], ['住宅全装修比例', '80%']]);
    });
    expect((await importWorkbook(path2)).project.full_fitout.value).toBe(false);
  });
});
