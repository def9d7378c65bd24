// The sheet against itself (docs/evidence-policy.md §4a) on real workbooks in several layouts:
// totals its parts contradict, cached formula results their formula no longer gives, a sole
// building not shown to be the whole project — and consistent sheets that must stay as they were.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../shared/check/engine';
import { importWorkbook } from '../../shared/import/index';
import type { Condition, ConditionsDoc, Finding } from '../../shared/model/types';
import { rows, xlsx } from '../import/helpers';

const FAR: Condition = { id: 'P1', text: '容积率不大于2.0', indicator: 'far', op: '<=', value: 2 };
const GFA: Condition = { id: 'P4', text: '总建筑面积不超过80000平方米', indicator: 'gross_floor_area', op: '<=', value: 80000 };
const GR: Condition = { id: 'P2', text: '绿地率不低于35%', indicator: 'green_ratio', op: '>=', value: 35 };
const ASM: Condition = { id: 'A4', text: '装配率不低于60%', indicator: 'assembly_ratio', op: '>=', value: 60 };

let n = 0;
async function check(fill: (wb: ExcelJS.Workbook) => void, conditions: Condition[]): Promise<Finding[]> {
  const path = await xlsx(`self-${n++}.xlsx`, fill);
  const doc: ConditionsDoc = { format: 'landcheck.conditions/v1', contract: { parcel: '05-02地块', city: '上海市', signedOn: '2025-03-01' }, conditions };
  return evaluate(await importWorkbook(path), doc);
}
const byId = (fs: Finding[], id: string) => fs.find((f) => f.conditionId === id)!;
const HDR = ['序号', '指标名称', '单位', '规划指标', '设计指标', '备注'];

describe('parts-dont-add: totals the sheet\'s own parts contradict', () => {
  it('vertical list: 计容建筑面积 whose 其中 rows add up to more → 容积率 review, naming both cells and the larger reading', async () => {
    const fs = await check((wb) => {
      rows(wb.addWorksheet('主要技术经济指标'), [
        ['主要技术经济指标表'], HDR,
        [1, '总用地面积', '㎡', undefined, 39720],
        [2, '计容建筑面积', '㎡', undefined, 78000],
        [undefined, '其中：住宅', '㎡', undefined, 70000],
        [undefined, '其中：商业', '㎡', undefined, 12000],
        [3, '容积率', undefined, '≤2.0', 1.96],
      ]);
    }, [FAR]);
    const f = byId(fs, 'P1');
    expect(f).toMatchObject({ verdict: 'review', basis: 'parts-dont-add' });
    expect(f.message).toContain('主要技术经济指标!E4');
    expect(f.message).toContain('主要技术经济指标!E5');
    expect(f.message).toContain('82000');
    expect(f.message).toContain('2.064，高于合同要求');
  });

  it('项目|数值|单位 table: 总建筑面积 79500 vs 地上 62000 + 地下 24000 → review, and the sum fails the bound', async () => {
    const fs = await check((wb) => {
      rows(wb.addWorksheet('指标'), [['项目', '数值', '单位'], ['总建筑面积', 79500, '㎡'], ['地上建筑面积', 62000, '㎡'], ['地下建筑面积', 24000, '㎡']]);
    }, [GFA]);
    const f = byId(fs, 'P4');
    expect(f).toMatchObject({ verdict: 'review', basis: 'parts-dont-add', source: '指标!B2' });
    expect(f.message).toMatch(/指标!B3.*指标!B4/);
    expect(f.message).toContain('按此总建筑面积为86000 m²，高于合同要求');
  });

  it('sideways table: 总建筑面积 | 其中：地上 | 其中：地下 headers over one row of values; both readings fail → fail stays', async () => {
    const fs = await check((wb) => {
      rows(wb.addWorksheet('面积'), [['指标', '总建筑面积(㎡)', '其中：地上(㎡)', '其中：地下(㎡)', '容积率'], ['设计值', 90000, 60000, 25000, 1.9]]);
    }, [GFA]);
    const f = byId(fs, 'P4');
    expect(f.verdict).toBe('fail');
    expect(f.message).toContain('同样不满足要求');
    // a bound both readings meet is still a contradiction: review
    const g = byId(
      await check((wb) => {
        rows(wb.addWorksheet('面积'), [['指标', '总建筑面积(㎡)', '其中：地上(㎡)', '其中：地下(㎡)', '建筑密度'], ['设计值', 70000, 50000, 15000, '28%']]);
      }, [GFA]),
      'P4',
    );
    expect(g).toMatchObject({ verdict: 'review', basis: 'parts-dont-add' });
    expect(g.message).toMatch(/面积!B2.*地上 50000（面积!C2） \+ 地下 15000（面积!D2） = 65000/);
  });

  it('building table with 其中 columns: the building whose parts do not add up is review, the other passes', async () => {
    const B: Condition = { id: 'B4', text: '单体建筑面积不超过80000平方米', scope: 'building', indicator: 'gross_floor_area', op: '<=', value: 80000 };
    const fs = await check((wb) => {
      rows(wb.addWorksheet('单体'), [['楼号', '建筑功能', '总建筑面积(㎡)', '其中：地上(㎡)', '其中：地下(㎡)'], ['1#楼', '住宅', 70000, 60000, 25000], ['2#楼', '住宅', 10000, 8000, 2000]]);
    }, [B]);
    expect(fs.find((f) => f.building === '1#楼')).toMatchObject({ verdict: 'review', basis: 'parts-dont-add' });
    expect(fs.find((f) => f.building === '2#楼')).toMatchObject({ verdict: 'pass' });
  });

  it('a 其中 cell merged over the parts, with 其他: a sum below the total contradicts it', async () => {
    const fs = await check((wb) => {
      const ws = wb.addWorksheet('指标');
      rows(ws, [['指标', undefined, '设计值'], ['总用地面积', undefined, 40000], ['计容建筑面积', undefined, 78000], ['其中', '住宅', 60000], [undefined, '商业', 10000], [undefined, '其他', 5000], ['容积率', undefined, 1.95]]);
      ws.mergeCells('A4:A6');
    }, [FAR]);
    expect(byId(fs, 'P1')).toMatchObject({ verdict: 'review', basis: 'parts-dont-add' });
  });

  it('no false contradiction: parts that add up, partial 其中 lists, nested parts, rounding', async () => {
    // 其中 rows that add up
    const ok = await check((wb) => {
      rows(wb.addWorksheet('指标'), [HDR, [1, '总用地面积', '㎡', undefined, 40000], [2, '计容建筑面积', '㎡', undefined, 78000], [undefined, '其中：住宅', '㎡', undefined, 66000], [undefined, '其中：商业', '㎡', undefined, 12000], [3, '容积率', undefined, undefined, 1.95]]);
    }, [FAR]);
    expect(byId(ok, 'P1')).toMatchObject({ verdict: 'pass' });
    // partial 其中 rows under 绿地面积 (t23): they claim nothing
    const green = await check((wb) => {
      rows(wb.addWorksheet('指标'), [HDR, [1, '总用地面积', '㎡', undefined, 40000], [2, '绿地面积', '㎡', undefined, 14400], [undefined, '其中：集中绿地', '㎡', undefined, 5000], [undefined, '其中：宅旁绿地', '㎡', undefined, 6000], [3, '绿地率', '%', '35', '36%']]);
    }, [GR]);
    expect(byId(green, 'P2')).toMatchObject({ verdict: 'pass' });
    // 地上 + 地下 = 总 (in 万㎡ and ㎡), with a 人防 row nested under 地下; and a rounding-size difference
    const levels = await check((wb) => {
      rows(wb.addWorksheet('指标'), [['指标名称', '设计值', '单位'], ['总建筑面积', 7.8, '万㎡'], ['其中：地上建筑面积', 56000.2, '㎡'], ['地下建筑面积', 22000.1, '㎡'], ['其中：人防面积', 8000, '㎡']]);
    }, [GFA]);
    expect(byId(levels, 'P4')).toMatchObject({ verdict: 'pass', basis: 'declared-pass' });
  });

  it('a rounding-size difference matters when the other reading fails the requirement', async () => {
    const fs = await check((wb) => {
      rows(wb.addWorksheet('指标'), [['项目', '数值', '单位'], ['总建筑面积', 79990, '㎡'], ['地上建筑面积', 60000, '㎡'], ['地下建筑面积', 20010, '㎡']]);
    }, [GFA]);
    expect(byId(fs, 'P4')).toMatchObject({ verdict: 'review', basis: 'parts-dont-add' });
  });

  it('applicability by project area: a total its parts contradict cannot leave the clause out', async () => {
    const big: Condition = { ...GR, id: 'G9', appliesTo: { projectFloorArea: { gte: 80000 } } } as Condition;
    const fs = await check((wb) => {
      rows(wb.addWorksheet('指标'), [['项目', '数值', '单位'], ['总建筑面积', 79000, '㎡'], ['地上建筑面积', 62000, '㎡'], ['地下建筑面积', 24000, '㎡'], ['绿地率', '30%', '']]);
    }, [big]);
    expect(byId(fs, 'G9')).toMatchObject({ verdict: 'review', basis: 'applicability-unknown' });
    expect(byId(fs, 'G9').message).toContain('86000');
  });
});

describe('stale-formula: a cached result its own formula no longer gives', () => {
  it('vertical list (t91 layout): 容积率 =E4/E3 cached 1.95 over inputs no label names → review with both numbers', async () => {
    const fs = await check((wb) => {
      const ws = wb.addWorksheet('主要技术经济指标');
      rows(ws, [['主要技术经济指标表'], HDR, [1, '净用地面积（扣除代征道路）', '㎡', undefined, 40000], [2, '住宅及配套计容面积合计', '㎡', undefined, 85000], [3, '容积率', undefined, '≤2.0']]);
      ws.getCell('E5').value = { formula: 'E4/E3', result: 1.95 } as ExcelJS.CellValue;
    }, [FAR]);
    const f = byId(fs, 'P1');
    expect(f).toMatchObject({ verdict: 'review', basis: 'stale-formula', source: '主要技术经济指标!E5' });
    expect(f.message).toContain('=E4/E3');
    expect(f.message).toContain('1.95');
    expect(f.message).toContain('2.125');
    expect(f.message).toContain('高于合同要求');
  });

  it('项目|数值|单位 table: an input of the recomputation (计容 =SUM over other-sheet parts) is stale → review', async () => {
    const fs = await check((wb) => {
      const ws = wb.addWorksheet('指标');
      rows(ws, [['项目', '数值', '单位'], ['总用地面积', 40000, '㎡'], ['计容建筑面积', undefined, '㎡'], ['容积率', 1.95, '']]);
      ws.getCell('B3').value = { formula: "SUM('面积 明细'!B2:B3)", result: 78000 } as ExcelJS.CellValue;
      rows(wb.addWorksheet('面积 明细'), [['分项', '面积'], ['住宅', 70000], ['商业', 12000]]);
    }, [FAR]);
    const f = byId(fs, 'P1');
    expect(f).toMatchObject({ verdict: 'review', basis: 'stale-formula' });
    expect(f.message).toContain('82000');
    expect(f.message).toContain('2.05');
  });

  it('sideways table with a percent-formatted formula: evaluated value passes, cached fails → review, not fail', async () => {
    const fs = await check((wb) => {
      const ws = wb.addWorksheet('规划指标');
      rows(ws, [['总用地面积', '绿地面积', '绿地率'], [40000, 14400]]);
      ws.getCell('C2').value = { formula: 'B2/A2', result: 0.3 } as ExcelJS.CellValue;
      ws.getCell('C2').numFmt = '0.0%';
    }, [GR]);
    const f = byId(fs, 'P2');
    expect(f.verdict).toBe('review');
    expect(f.message).toContain('=B2/A2');
  });

  it('correct cached results and formulas the evaluator does not read change nothing', async () => {
    const fs = await check((wb) => {
      const ws = wb.addWorksheet('指标');
      rows(ws, [['指标名称', '设计值'], ['总用地面积', 40000], ['计容建筑面积', 78000], ['绿地面积', 14400], ['容积率'], ['绿地率']]);
      ws.getCell('B5').value = { formula: 'B3/B2', result: 1.95 } as ExcelJS.CellValue;
      ws.getCell('B6').value = { formula: 'ROUND(B4/B2,3)', result: 0.36 } as ExcelJS.CellValue;
      ws.getCell('B6').numFmt = '0.0%';
    }, [FAR, GR]);
    expect(byId(fs, 'P1')).toMatchObject({ verdict: 'pass' });
    expect(byId(fs, 'P2')).toMatchObject({ verdict: 'pass' });
  });
});

describe('sole-building-unproven: the one building answers for the project only when it is the whole project', () => {
  it('t113 layout: project 总建筑面积 52000 and "单体名称：1#楼" without an area → review', async () => {
    const fs = await check((wb) => {
      rows(wb.addWorksheet('主要技术经济指标'), [['指标名称', '设计指标'], ['总建筑面积(㎡)', 52000]]);
      rows(wb.addWorksheet('装配率'), [['单体名称：1#楼'], ['装配率', '62%']]);
    }, [ASM]);
    const f = byId(fs, 'A4');
    expect(f).toMatchObject({ verdict: 'review', basis: 'sole-building-unproven' });
    expect(f.message).toContain('52000');
  });

  it('a building table of one building whose area equals the project\'s → the building figure answers for the project', async () => {
    const fs = await check((wb) => {
      rows(wb.addWorksheet('指标'), [['项目', '数值', '单位'], ['总建筑面积', 52000, '㎡']]);
      rows(wb.addWorksheet('装配率计算'), [['1#楼 装配率计算'], ['单体名称', '1#楼'], ['建筑面积(㎡)', 52000], ['装配率', '62%']]);
    }, [ASM]);
    expect(byId(fs, 'A4')).toMatchObject({ verdict: 'pass' });
  });

  it('a smaller building area than the project\'s → not the whole project (missing, never the building figure)', async () => {
    const fs = await check((wb) => {
      rows(wb.addWorksheet('指标'), [['项目', '数值', '单位'], ['总建筑面积', 52000, '㎡']]);
      rows(wb.addWorksheet('装配率计算'), [['1#楼 装配率计算'], ['单体名称', '1#楼'], ['建筑面积(㎡)', 20000], ['装配率', '62%']]);
    }, [ASM]);
    expect(byId(fs, 'A4').verdict).not.toBe('pass');
  });
});
