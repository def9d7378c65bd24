// A record or 调蓄设施 table read in part: a figure in a column the reader did not take, in the
// unit of the table's indicators, is reported unread, so no pass rests on the columns that were
// read (shared/import/tableRemains.ts; evidence rule unread-table). Of two volume columns of a
// facility table the effective one is the storage provided (column-roles.json facilityTable).
// Real workbooks in three layouts, with twins whose columns are all understood.
import { describe, expect, it } from 'vitest';
import { firstFinding, oneCondition } from '../check/helpers';
import type { Condition } from '../../shared/model/types';
import { rows, xlsx } from './helpers';

const S1: Condition = { id: 'S1', indicator: 'runoff_capture', op: '>=', value: 75 };

/** 下垫面 giving V = 10 × 20 × 0.5 × 2.0 = 200 m³, a declared 75 %, then the facility table. */
const sponge = (facilities: unknown[][]) =>
  xlsx(`remains-${Math.random().toString(36).slice(2)}.xlsx`, (wb) =>
    rows(wb.addWorksheet('海绵城市'), [
      ['下垫面类型', '面积(㎡)', '雨量径流系数'],
      ['屋面', 6000, 0.85],
      ['道路', 4000, 0.85],
      ['绿地', 10000, 0.15],
      ['合计', 20000, 0.5],
      [],
      ['设计降雨量（mm）', 20],
      ['年径流总量控制率', '75%'],
      [],
      ...facilities,
    ]),
  );

async function check(facilities: unknown[][]) {
  const { imported, f } = await firstFinding(await sponge(facilities), oneCondition(S1, '济南市'));
  return { f, volumes: (imported.facilities ?? []).map((x) => x.volume), unread: (imported.unread ?? []).map((u) => `${u.sheet}!${u.range}`) };
}

describe('a table read in part', () => {
  it('调蓄容积 | 有效调蓄容积: the effective volumes (160 m³ < V 200 m³) are the storage, in either column order; never a pass on the gross 230 m³', async () => {
    for (const [a, b, flip] of [['调蓄容积(m³)', '有效调蓄容积(m³)', false], ['有效调蓄容积(m³)', '调蓄容积(m³)', true]] as const) {
      const row = (name: string, gross: number, eff: number) => (flip ? [name, eff, gross] : [name, gross, eff]);
      const { f, volumes, unread } = await check([['设施名称', a, b], row('雨水调蓄池', 150, 100), row('下凹式绿地', 80, 60), row('合计', 230, 160)]);
      expect(volumes).toEqual([100, 60]);
      expect(unread).toEqual([]);
      expect(f.verdict).not.toBe('pass');
      expect(f.message).toContain('160');
    }
  });

  it('a second volume column under words no catalogue knows (折减后容积): the table is unread and the target does not pass', async () => {
    const { f, unread } = await check([['设施名称', '调蓄容积(m³)', '折减后容积(m³)'], ['雨水调蓄池', 150, 100], ['下凹式绿地', 80, 60], ['合计', 230, 160]]);
    expect(unread).toEqual(['海绵城市!A10:C13']);
    expect([f.verdict, f.basis]).toEqual(['review', 'unread-table']);
    expect(f.message).toContain('海绵城市!C11');
  });

  it('twins: area and depth beside the volume are its factors, a 备注 and a 序号 are no figures: nothing unread, 230 m³ ≥ 200 m³ passes', async () => {
    const { f, volumes, unread } = await check([
      ['序号', '设施名称', '面积(㎡)', '调蓄深度(m)', '调蓄容积(m³)', '备注'],
      [1, '下凹式绿地', 800, 0.1, 80, 2024],
      [2, '雨水调蓄池', undefined, undefined, 150, '地下'],
      [undefined, '合计', undefined, undefined, 230],
    ]);
    expect(volumes).toEqual([80, 150]);
    expect(unread).toEqual([]);
    expect(f.verdict).toBe('pass');
  });

  it('a 汇水分区 table with a volume column the reader does not know (复核容积): unread, never a pass on the designed volumes', async () => {
    const path = await xlsx('remains-zones.xlsx', (wb) =>
      rows(wb.addWorksheet('分区'), [
        ['汇水分区', '汇水面积(㎡)', '综合径流系数', '需调蓄容积(m³)', '设计调蓄容积(m³)', '复核容积(m³)'],
        ['A区', 10000, 0.5, 100, 120, 90],
        ['B区', 10000, 0.5, 100, 110, 80],
        [],
        ['设计降雨量（mm）', 20],
        ['年径流总量控制率', '75%'],
      ]),
    );
    const { imported, f } = await firstFinding(path, oneCondition(S1, '济南市'));
    expect((imported.unread ?? []).map((u) => `${u.sheet}!${u.range}`)).toContain('分区!A1:F3');
    expect(f.verdict).not.toBe('pass');
  });

  it('twin: 设施调蓄容积 per 汇水分区 is the storage provided; zone B (60 m³ < 100 m³) refutes 75 % although the sum (210 m³) covers both needs (200 m³)', async () => {
    const path = await xlsx('remains-zones-facility.xlsx', (wb) =>
      rows(wb.addWorksheet('分区'), [
        ['汇水分区', '汇水面积F(㎡)', '综合径流系数φ', '设计降雨量H(mm)', '需调蓄容积(m³)', '设施调蓄容积(m³)'],
        ['分区一', 10000, 0.5, 20, 100, 150],
        ['分区二', 10000, 0.5, 20, 100, 60],
        ['合计', 20000, 0.5, 20, 200, 210],
        [],
        ['场地年径流总量控制率', '75%'],
      ]),
    );
    const { imported, f } = await firstFinding(path, oneCondition(S1, '济南市'));
    expect(imported.unread ?? []).toEqual([]);
    expect([f.verdict, f.basis]).toEqual(['review', 'declared-unsupported']);
    expect(f.message).toContain('分区二');
  });
});
