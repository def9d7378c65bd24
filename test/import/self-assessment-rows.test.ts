// Self-assessment summaries (GB/T 50378-2019 Table 3.2.4 / §3.2.8): 控制项's value is the 自评得分
// cell ("满足"), never the 400 of 控制项基础分值; rows that are no score (全装修 是, 围护结构提高比例
// 10%) in a 指标 | 自评得分 table are read from 自评得分 when written with words or their unit.
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../shared/import/index';
import { rows, xlsx } from './helpers';

describe('self-assessment rows that are no score', () => {
  it('评价指标类别 | 控制项基础分值 | 评分项满分值 | 自评得分: 控制项 满足, 自评星级 read', async () => {
    const path = await xlsx('selfeval-1.xlsx', (wb) => {
      rows(wb.addWorksheet('自评估汇总'), [
        ['绿色建筑预评价自评估汇总表'],
        ['评价指标类别', '控制项基础分值', '评分项满分值', '自评得分', '备注'],
        ['控制项', 400, '—', '满足', '全部满足'],
        ['安全耐久', undefined, 100, 72, undefined],
        ['资源节约', undefined, 200, 118, undefined],
        ['总得分Q', undefined, undefined, 78.5, undefined],
        ['自评星级', undefined, undefined, '二星级', undefined],
      ]);
    });
    const p = (await importWorkbook(path)).project;
    expect(p.gb_control_met).toMatchObject({ value: true, source: '自评估汇总!D3', status: 'ok' });
    expect(p.gb_score_safety.value).toBe(72);
    expect(p.green_building_star.value).toBe(2);
  });

  it('two columns 指标 | 自评得分: 控制项, 全装修 and Table 3.2.8 rows are read', async () => {
    const path = await xlsx('selfeval-2.xlsx', (wb) => {
      rows(wb.addWorksheet('自评'), [
        ['指标', '自评得分'],
        ['控制项', '满足'],
        ['安全耐久', 75],
        ['总分', 79.5],
        ['全装修', '是'],
        ['围护结构热工性能提高比例', '10%'],
      ]);
    });
    const p = (await importWorkbook(path)).project;
    expect(p.gb_control_met.value).toBe(true);
    expect(p.full_fitout).toMatchObject({ value: true, source: '自评!B5' });
    expect(p.gb_envelope_improvement.value).toBe(10);
    expect(p.gb_score_safety.value).toBe(75);
  });

  it('negative twin: a second score column (专家预评审得分) stating another star makes the star ambiguous', async () => {
    const path = await xlsx('selfeval-expert.xlsx', (wb) => {
      rows(wb.addWorksheet('预评价得分'), [
        ['评价指标', '满分值', '自评得分', '专家预评审得分'],
        ['安全耐久', 100, 70, 60],
        ['星级', undefined, '二星级', '一星级'],
        ['全装修', undefined, '是', '是'],
      ]);
    });
    const p = (await importWorkbook(path)).project;
    expect(p.green_building_star.status).toBe('ambiguous');
    expect(p.full_fitout.value).toBe(true);
  });

  it('negative twin: 控制项 不满足 stays no; a bare number in 自评得分 is no percentage', async () => {
    const path = await xlsx('selfeval-neg.xlsx', (wb) => {
      rows(wb.addWorksheet('自评'), [
        ['评价指标类别', '控制项基础分值', '自评得分'],
        ['控制项', 400, '不满足'],
        ['围护结构热工性能提高比例', undefined, 5],
      ]);
    });
    const p = (await importWorkbook(path)).project;
    expect(p.gb_control_met?.value ?? null).not.toBe(true);
    expect(p.gb_envelope_improvement?.value ?? null).toBeNull();
  });
});
