// Withdrawn values: a 备注 on the row saying the value is deleted or cancelled, or a strikethrough,
// makes it a placeholder; a facility row marked 取消 / 不计入 / 远期 is not counted in the storage.
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../shared/import/index';
import { rows, xlsx } from './helpers';

describe('withdrawn values', () => {
  it('a remark on the row withdraws the value; other rows stay', async () => {
    const path = await xlsx('withdrawn-remark.xlsx', (wb) => {
      rows(wb.addWorksheet('指标'), [['指标名称', '单位', '设计指标', '备注'], ['绿地率', '%', '36%', '该值已删除，待重新核算'], ['容积率', '', 1.95, '含地下商业'], ['装配率', '%', '60%', '远期实施']]);
    });
    const r = await importWorkbook(path);
    expect(r.project.green_ratio).toMatchObject({ value: null, status: 'placeholder', source: '指标!C2' });
    expect(r.project.green_ratio?.interpretation).toContain('该值已删除');
    expect(r.project.far).toMatchObject({ value: 1.95, status: 'ok' });
    expect(r.project.assembly_ratio?.status).toBe('placeholder');
    expect(r.issues.some((i) => i.source === '指标!C2' && i.message.includes('撤销'))).toBe(true);
  });

  it('a struck-through value is withdrawn', async () => {
    const path = await xlsx('withdrawn-strike.xlsx', (wb) => {
      const ws = wb.addWorksheet('指标');
      rows(ws, [['容积率', 1.95], ['绿地率', '36%']]);
      ws.getCell('B2').font = { strike: true };
    });
    const r = await importWorkbook(path);
    expect(r.project.green_ratio?.status).toBe('placeholder');
    expect(r.project.far?.value).toBe(1.95);
  });

  it('a cancelled facility row is not counted; the stated 合计 stays as written', async () => {
    const path = await xlsx('withdrawn-facility.xlsx', (wb) => {
      rows(wb.addWorksheet('海绵'), [
        ['序号', '设施名称', '规模（㎡）', '调蓄容积（m³）', '备注'],
        [1, '下凹式绿地', 1200, 120, ''],
        [2, '雨水花园', 450, 90, '不计入'],
        [3, '雨水调蓄池', 1, 200, '施工图阶段已取消，待补充'],
        [4, '透水铺装', 800, 40, ''],
        ['', '合计', '', 450, ''],
      ]);
    });
    const r = await importWorkbook(path);
    expect((r.facilities ?? []).map((f) => [f.name, f.volume])).toEqual([['下凹式绿地', 120], ['透水铺装', 40]]);
    expect(r.project.storage_provided?.value).toBe(450);
    expect(r.issues.filter((i) => i.message.includes('未计入合计')).length).toBe(2);
  });
});
