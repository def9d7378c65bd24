// Heat pumps in a 可再生能源 table (shared/import/heatPump.ts, shared/calc/renewable.ts): a figure
// the sheet gives as heat output (年供热量, 制热量) counts only as Q × (1 − 1/COP); without a stated
// COP the figure is undetermined (review). Two layouts: a line-item table with a 备注 column, and
// key/value rows with a COP row.
import { describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import { importWorkbook } from '../../shared/import/index';
import { checkImported } from '../../shared/check/run';
import { validateConditions } from '../../shared/conditions/index';
import { rows, xlsx } from '../import/helpers';

const conditions = validateConditions(
  {
    format: 'landcheck.conditions/v1',
    contract: { city: '上海市', signedOn: '2025-03-01' },
    conditions: [{ id: 'R1', text: '可再生能源替代率不低于10%', indicator: 'renewable_substitution', op: '>=', value: 10 }],
  },
  'r.conditions.json',
);

async function run(name: string, fill: (wb: ExcelJS.Workbook) => void) {
  const path = await xlsx(name, fill);
  const imported = await importWorkbook(path);
  return { imported, f: checkImported(imported, conditions, 'r.conditions.json').result.findings[0] };
}

/** Layout A: 序号 | 可再生能源系统 | <header> | 备注, a 合计 row, then 总能耗 and 替代率. */
function table(ws: ExcelJS.Worksheet, header: string, hpNote: string, extra: unknown[][] = []): void {
  rows(ws, [
    ['可再生能源利用计算表'],
    ['序号', '可再生能源系统', header, '备注'],
    [1, '太阳能光伏', 200000, '发电量'],
    [2, '空气源热泵热水', 520000, hpNote],
    ['', '合计', 720000, ''],
    [],
    ['', '建筑年总能耗（kWh/a）', 6000000, ''],
    ['', '可再生能源替代率', '12%', ''],
    ...extra,
  ]);
}

describe('heat pumps counted by heat output', () => {
  it('layout A: 年供热量 with "COP=3.0" in the row: (200000 + 520000 × 2/3) / 6000000 = 9.11 % refutes 12 % (review)', async () => {
    const { imported, f } = await run('hp-a.xlsx', (wb) => table(wb.addWorksheet('可再生能源计算'), '年供热量（kWh/a）', 'COP=3.0，按总供热量计'));
    expect(imported.project.re_heat_pump?.heatOutput).toMatchObject({ text: '年供热量（kWh/a）', cop: { value: 3, source: '可再生能源计算!D4' } });
    expect(f).toMatchObject({ verdict: 'review', basis: 'disagree-recomputed-fails-unconfirmed', computed: 9.11 });
    expect(f.calculation?.steps.join('\n')).toContain('520000 × (1 − 1/3) = 346667');
    // the stated 合计 is the sum as written: no contradiction
    expect(f.calculation?.contradictions).toBeUndefined();
  });

  it('layout A: the COP in a note under the table is used; no COP at all leaves the figure undetermined (review)', async () => {
    const noted = await run('hp-a-note.xlsx', (wb) => table(wb.addWorksheet('可再生能源计算'), '制热量（kWh/a）', '', [[], ['注：空气源热泵热水机组 SPF 取 4.0。']]));
    // (200000 + 520000 × 3/4) / 6000000 = 9.83 %
    expect(noted.f).toMatchObject({ verdict: 'review', computed: 9.83 });
    const none = await run('hp-a-none.xlsx', (wb) => table(wb.addWorksheet('可再生能源计算'), '年供热量（kWh/a）', '按总供热量计'));
    expect(none.f).toMatchObject({ verdict: 'review', basis: 'input-undetermined', computed: null });
    expect(none.f.message).toContain('未给出其 COP');
  });

  it('layout A: a column of renewable use (可再生能源利用量) is taken as written (pass)', async () => {
    const { imported, f } = await run('hp-a-use.xlsx', (wb) => table(wb.addWorksheet('可再生能源计算'), '可再生能源利用量（kWh/a）', 'COP=3.0'));
    expect(imported.project.re_heat_pump?.heatOutput).toBeUndefined();
    expect(f).toMatchObject({ verdict: 'pass', computed: 12 });
  });

  it('a label that says it is the renewable part (空气源热泵热水系统（可再生能源部分）) is taken as written under a 年供能量 header; systems named with their amount (太阳能热水系统有效得热量, 屋顶光伏发电) are line items', async () => {
    const sheet = (hp: string) => [
      ['可再生能源利用计算表'],
      ['序号', '系统', '年供能量', '单位'],
      [1, '屋顶光伏发电', 180000, 'kWh/a'],
      [2, '太阳能热水系统有效得热量', 95000, 'kWh/a'],
      [3, hp, 70000, 'kWh/a'],
      [4, '可再生能源合计', 345000, 'kWh/a'],
      [5, '建筑年总能耗', 2800000, 'kWh/a'],
      [6, '可再生能源替代率', '12.3%'],
    ];
    const part = await run('hp-part.xlsx', (wb) => rows(wb.addWorksheet('可再生能源'), sheet('空气源热泵热水系统（可再生能源部分）')));
    expect(part.imported.project.re_solar_thermal).toMatchObject({ value: 95000 });
    expect(part.imported.project.re_pv_generation).toMatchObject({ value: 180000 });
    expect(part.f).toMatchObject({ verdict: 'pass', computed: 12.32 });
    // the same row without those words is the heat output, and no COP is given: review
    const output = await run('hp-output.xlsx', (wb) => rows(wb.addWorksheet('可再生能源'), sheet('空气源热泵热水系统')));
    expect(output.f).toMatchObject({ verdict: 'review', basis: 'input-undetermined' });
  });

  it('layout B: key/value rows “空气源热泵年供热量” with a COP row', async () => {
    const { imported, f } = await run('hp-b.xlsx', (wb) =>
      rows(wb.addWorksheet('节能计算'), [
        ['可再生能源替代率计算'],
        ['光伏年发电量', 240000, 'kWh/a'],
        ['空气源热泵年供热量', 480000, 'kWh/a'],
        ['热泵机组制热性能系数COP', 2.5],
        ['建筑年总能耗', 6000000, 'kWh/a'],
        ['可再生能源替代率', '12%'],
      ]),
    );
    expect(imported.project.re_heat_pump?.heatOutput?.cop?.value).toBe(2.5);
    // (240000 + 480000 × 0.6) / 6000000 = 8.8 %
    expect(f).toMatchObject({ verdict: 'review', computed: 8.8 });
  });
});
