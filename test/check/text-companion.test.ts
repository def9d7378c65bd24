// A condition whose text states the 设计降雨量 with the rate (“年径流总量控制率不低于80%（对应设计降雨量
// 19.5mm）”) and no `companion` field: the storage is checked at the contract's H, read from the
// text by the clause grammar (clauseReading.ts textCompanion). Real workbooks in two layouts, with
// twins whose storage holds that H.
import { describe, expect, it } from 'vitest';
import type { Condition } from '../../shared/model/types';
import { textCompanion } from '../../shared/check/clauseReading';
import { rows, xlsx } from '../import/helpers';
import { firstFinding, oneCondition } from './helpers';

const S1: Condition = { id: 'S1', text: '年径流总量控制率不低于80%（对应设计降雨量19.5mm）', indicator: 'runoff_capture', op: '>=', value: 80 };

describe('the 设计降雨量 stated in the condition’s text', () => {
  it('is read from the words, and only with a word that ties it to the rate', () => {
    expect(textCompanion(S1.text)).toEqual({ design_rainfall: 19.5 });
    expect(textCompanion('年径流总量控制率不低于80%，相应设计降雨量为19.5mm')).toEqual({ design_rainfall: 19.5 });
    expect(textCompanion('年径流总量控制率不低于80%')).toBeUndefined();
  });

  it('summary rows whose own 需调蓄容积 used a smaller H: 200 m³ < 292.5 m³ at 19.5 mm is not a pass; 300 m³ passes', async () => {
    const book = (provided: number) => [['海绵城市设计计算'], ['汇水面积F(㎡)', 25000], ['综合径流系数φ', 0.6], ['需调蓄容积V(m³)', 181.5], ['设施调蓄容积(m³)', provided], ['年径流总量控制率', '80%']];
    const short = await firstFinding(await xlsx('text-companion-1.xlsx', (wb) => rows(wb.addWorksheet('海绵'), book(200))), oneCondition(S1, '石嘴山市'));
    expect([short.f.verdict, short.f.basis]).toEqual(['review', 'declared-unsupported']);
    expect(short.f.message).toContain('292.5');
    const enough = await firstFinding(await xlsx('text-companion-2.xlsx', (wb) => rows(wb.addWorksheet('海绵'), book(300))), oneCondition(S1, '石嘴山市'));
    expect(enough.f.verdict).toBe('pass');
  });

  it('a 下垫面 table and a facility table: V = 10 × 19.5 × 0.5 × 2.0 = 195 m³; 180 m³ is not a pass, 200 m³ passes', async () => {
    const book = (provided: number) => (wb: import('exceljs').Workbook) => {
      rows(wb.addWorksheet('下垫面'), [['下垫面类型', '面积(㎡)', '雨量径流系数'], ['屋面', 6000, 0.85], ['道路', 4000, 0.85], ['绿地', 10000, 0.15], ['合计', 20000, 0.5], [], ['年径流总量控制率', '80%']]);
      rows(wb.addWorksheet('设施'), [['设施名称', '有效调蓄容积(m³)'], ['雨水调蓄池', provided - 60], ['下凹式绿地', 60], ['合计', provided]]);
    };
    const short = await firstFinding(await xlsx('text-companion-3.xlsx', book(180)), oneCondition(S1, '石嘴山市'));
    expect(short.f.verdict).not.toBe('pass');
    const enough = await firstFinding(await xlsx('text-companion-4.xlsx', book(200)), oneCondition(S1, '石嘴山市'));
    expect(enough.f.verdict).toBe('pass');
  });
});
