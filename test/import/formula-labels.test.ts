// Declared values under formula-style and scope-bracket labels: “装配率 P=(Q1+Q2+Q3)/(100-Q4)”,
// “预制率（±0.000以上）”, “可再生能源替代率 Rr=…” are still that indicator; ±0.000以上 on a 预制率 is
// its definition (shared/data/indicator-bases.json), never a requirement nor a qualifying note;
// Q1–Q4 reproducing P (GB/T 51129-2017 §4.0.1) confirm it. Real workbooks, several layouts, twins.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../shared/check/engine';
import { importWorkbook } from '../../shared/import/index';
import type { Condition, ConditionsDoc, Finding } from '../../shared/model/types';
import { rows, xlsx } from './helpers';

const PREFAB: Condition = { id: 'A2', text: '单体预制率不低于25%', scope: 'building', indicator: 'prefab_ratio', op: '>=', value: 25 };
const ASM: Condition = { id: 'A1', text: '单体装配率不低于50%', scope: 'building', indicator: 'assembly_ratio', op: '>=', value: 50 };
const RR: Condition = { id: 'R1', text: '可再生能源替代率不低于10%', indicator: 'renewable_substitution', op: '>=', value: 10 };

let n = 0;
async function check(fill: (wb: ExcelJS.Workbook) => void, conditions: Condition[], city = '南宁市'): Promise<Finding[]> {
  const doc: ConditionsDoc = { format: 'landcheck.conditions/v1', contract: { city, signedOn: '2025-03-01' }, conditions };
  return evaluate(await importWorkbook(await xlsx(`formula-${n++}.xlsx`, fill)), doc);
}
const of = (fs: Finding[], b: string) => fs.find((f) => f.building === b)!;

/** Component rows with 预制 | 现浇 volume columns and the result row in the last column. */
const volumeColumns = (label: string, declared: string, cast = 5460) => (wb: ExcelJS.Workbook) => {
  rows(wb.addWorksheet('1#楼预制率计算'), [
    ['1#楼预制率计算表'],
    ['构件类型', '预制混凝土体积(m³)', '现浇混凝土体积(m³)', '小计(m³)'],
    ['预制叠合板', 620, undefined, 620],
    ['预制楼梯', 180, undefined, 180],
    ['预制剪力墙', 1020, undefined, 1020],
    ['现浇构件', undefined, cast, cast],
    ['合计', 1820, cast, 1820 + cast],
    [label, undefined, undefined, declared],
  ]);
};

/** One volume column and a 预制/现浇 flag column; the result right of its label. */
const flagged = (label: string, declared: string) => (wb: ExcelJS.Workbook) => {
  rows(wb.addWorksheet('2#楼预制率'), [
    ['2#楼单体预制率计算'],
    ['构件名称', '预制/现浇', '混凝土体积(m³)'],
    ['预制外墙板', '预制', 300],
    ['预制叠合楼板', '预制', 420],
    ['现浇墙柱梁', '现浇', 1680],
    [label, declared],
  ]);
};

describe('预制率 declared in its table’s result row under a scope bracket', () => {
  it('volume columns, “预制率（±0.000以上）”: read as declared, agrees with the rows → pass', async () => {
    const f = of(await check(volumeColumns('预制率（±0.000以上）', '25.0%'), [PREFAB]), '1#楼');
    expect(f).toMatchObject({ verdict: 'pass', source: '1#楼预制率计算!D8' });
  });

  it('flag column, “单体预制率（地上部分）” with the figure beside it: pass (720 / 2400 = 30 %)', async () => {
    const f = of(await check(flagged('单体预制率（地上部分）', '30.0%'), [PREFAB]), '2#楼');
    expect(f).toMatchObject({ verdict: 'pass', source: '2#楼预制率!B6' });
  });

  it('negative twin: a declared figure the rows do not give is never a pass', async () => {
    // rows give 1820 / (1820 + 7460) = 19.6 %
    const f = of(await check(volumeColumns('预制率（±0.000以上）', '25.0%', 7460), [PREFAB]), '1#楼');
    expect(f.verdict).not.toBe('pass');
  });

  it('negative twin: a note that limits the figure (仅标准层) still keeps it from passing', async () => {
    const f = of(await check(flagged('单体预制率（仅标准层）', '30.0%'), [PREFAB]), '2#楼');
    expect(f.verdict).not.toBe('pass');
  });
});

/** Q1–Q4 and P on a sheet per building, 项目 | 得分. */
const perSheet = (q: [number, number, number, number], declared: string) => (wb: ExcelJS.Workbook) => {
  rows(wb.addWorksheet('3#楼'), [
    ['3#楼装配率计算表'],
    ['项目', '得分'],
    ['主体结构部分得分 Q1', q[0]],
    ['围护墙和内隔墙部分得分 Q2', q[1]],
    ['装修和设备管线部分得分 Q3', q[2]],
    ['缺少的评价项分值总和 Q4', q[3]],
    ['装配率 P=(Q1+Q2+Q3)/(100-Q4)', declared],
  ]);
};

/** Buildings as columns: 评价项 | 1#楼 | 2#楼, the formula label last. */
const sideways = (p1: string, p2: string) => (wb: ExcelJS.Workbook) => {
  rows(wb.addWorksheet('装配率汇总'), [
    ['评价项', '1#楼', '2#楼'],
    ['主体结构得分', 24, 22],
    ['围护墙和内隔墙得分', 11, 10],
    ['装修和设备管线得分', 16, 18],
    ['缺少的评价项分值', 0, 5],
    ['装配率P=(Q1+Q2+Q3)/(100-Q4)×100%', p1, p2],
  ]);
};

describe('装配率 under “P=(Q1+Q2+Q3)/(100-Q4)”, confirmed by the standard’s own formula', () => {
  it('sheet per building: (25+12+18)/(100−5) = 57.9 % declared 57.9 % → pass', async () => {
    const f = of(await check(perSheet([25, 12, 18, 5], '57.9%'), [ASM], '贵阳市'), '3#楼');
    expect(f).toMatchObject({ verdict: 'pass', source: '3#楼!B7' });
  });

  it('buildings as columns: 51 % and 52.6 % declared, both reproduced → pass', async () => {
    const fs = await check(sideways('51%', '52.6%'), [ASM], '贵阳市');
    expect(of(fs, '1#楼')).toMatchObject({ verdict: 'pass', source: '装配率汇总!B6' });
    expect(of(fs, '2#楼')).toMatchObject({ verdict: 'pass', source: '装配率汇总!C6' });
  });

  it('negative twin: a declared P the Q values do not give is not a pass', async () => {
    // (20+10+16)/(100−5) = 48.4 %, declared 51 %
    const f = of(await check(perSheet([20, 10, 16, 5], '51.0%'), [ASM], '贵阳市'), '3#楼');
    expect(f.verdict).not.toBe('pass');
  });
});

describe('the standard’s symbols Q1–Q4 name the items whatever the description', () => {
  const fill = (q4Label: string, declared: string) => (wb: ExcelJS.Workbook) => {
    rows(wb.addWorksheet('4#楼装配式'), [
      ['4#楼装配式建筑指标'],
      ['项目', '数值'],
      ['Q1：主体结构部分', 25],
      ['Q2：围护墙和内隔墙部分', 12],
      ['Q3：装修和设备管线部分', 18],
      [q4Label, 5],
      ['装配率 P=(Q1+Q2+Q3)/(100-Q4)×100%', declared],
    ]);
  };
  it('“评价项目缺少分值 Q4”: (25+12+18)/(100−5) = 57.9 % confirms the declared 57.9 %', async () => {
    const f = of(await check(fill('评价项目缺少分值 Q4', '57.9%'), [ASM], '贵阳市'), '4#楼');
    expect(f).toMatchObject({ verdict: 'pass', source: '4#楼装配式!B7' });
  });
  it('negative twin: a declared P above what Q1–Q4 give is not a pass', async () => {
    const f = of(await check(fill('评价项目缺少分值 Q4', '62.0%'), [ASM], '贵阳市'), '4#楼');
    expect(f.verdict).not.toBe('pass');
  });
});

describe('可再生能源替代率 under “Rr=…”', () => {
  it('the formula label is the indicator; its declared value agrees with the amounts → pass; a short one fails', async () => {
    const fill = (share: string, re: number) => (wb: ExcelJS.Workbook) => {
      rows(wb.addWorksheet('可再生能源'), [['项目', '数值', '单位'], ['建筑年总能耗', 1200000, 'kWh/a'], ['可再生能源年利用量', re, 'kWh/a'], ['可再生能源替代率 Rr=Er/Et×100%', share]]);
    };
    expect((await check(fill('12.5%', 150000), [RR]))[0]).toMatchObject({ verdict: 'pass', source: '可再生能源!B4' });
    expect((await check(fill('9.5%', 114000), [RR]))[0].verdict).toBe('fail');
  });
});
