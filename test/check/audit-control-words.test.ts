// A self-assessment table (指标 | 自评得分) whose 控制项 row states in words the engine cannot read
// (“第4.1.2条待整改”, “基本满足”) was dropped without a word: the declared 二星级 then passed on
// Q0 = 400 alone. The cell is now read as unreadable (input-undetermined). Two layouts, with twins. GB/T 50378-2019 §3.2.7: a 控制项
// cell that says “第4.1.2条待整改” or “基本满足” is not 全部满足, whatever a 控制项基础分值 of 400 beside it says.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { firstFinding, oneCondition } from './helpers';
import { rows, tmp, xlsx } from '../import/helpers';

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const doc = oneCondition({ id: 'G1', indicator: 'green_building_star', op: '>=', value: 2 });
const check = async (path: string) => (await firstFinding(path, doc)).f;

let n = 0;
/** Layout A: 指标 | 自评得分 rows; Q = (400 + 80 + 75 + 70 + 150 + 75 + 20) / 10 = 87 → 三星 by score. */
const rowsLayout = (control: string, star?: string) =>
  xlsx(`gs-rows-${n++}.xlsx`, (wb) => {
    rows(wb.addWorksheet('绿建自评'), [
      ['绿色建筑评价自评估表'],
      ['评价阶段', '评价'],
      ['指标', '自评得分'],
      ['控制项', control],
      ['控制项基础分值', 400],
      ['安全耐久', 80],
      ['健康舒适', 75],
      ['生活便利', 70],
      ['资源节约', 150],
      ['环境宜居', 75],
      ['提高与创新加分项', 20],
      ['全装修', '是'],
      ['围护结构热工性能提高比例', '20%'],
      ['节水器具用水效率等级', '1级'],
      ['室内主要空气污染物浓度降低比例', '20%'],
      ...(star ? [['绿色建筑星级', star]] : []),
    ]);
  });

describe('an unreadable 控制项 in a 自评得分 column', () => {
  it('rows, no declared star: review, not a recomputed 三星', async () => {
    const f = await check(await rowsLayout('第4.1.2条待整改'));
    expect([f.verdict, f.basis]).toEqual(['review', 'input-undetermined']);
  });

  it('rows, declared 二星级 beside the unreadable 控制项 → review (it was dropped unread: agree-pass)', async () => {
    for (const text of ['第4.1.2条待整改', '基本满足']) {
      const f = await check(await rowsLayout(text, '二星级'));
      expect([f.verdict, f.basis], text).toEqual(['review', 'input-undetermined']);
      expect(f.message).toContain(text);
    }
  });

  it('rows twin: declared 二星级 beside 控制项 满足 passes', async () => {
    const f = await check(await rowsLayout('满足', '二星级'));
    expect(f.verdict).toBe('pass');
  });

  it('three columns 评价指标 | 满分值 | 自评得分: an unreadable 控制项 is read (unreadable), not dropped', async () => {
    const table = (control: string) =>
      xlsx(`gs-3col-${n++}.xlsx`, (wb) =>
        rows(wb.addWorksheet('预评价'), [
          ['评价阶段', '评价'],
          ['评价指标', '满分值', '自评得分'],
          ['控制项', undefined, control],
          ['控制项基础分值', 400, 400],
          ['安全耐久', 100, 80],
          ['健康舒适', 100, 75],
          ['生活便利', 100, 70],
          ['资源节约', 200, 150],
          ['环境宜居', 100, 75],
          ['提高与创新加分项', 100, 20],
          ['全装修', undefined, '是'],
          ['围护结构热工性能提高比例', undefined, '20%'],
          ['节水器具用水效率等级', undefined, '1级'],
          ['室内主要空气污染物浓度降低比例', undefined, '20%'],
          ['绿色建筑星级', undefined, '二星级'],
        ]),
      );
    const bad = await check(await table('基本满足'));
    expect([bad.verdict, bad.basis]).toEqual(['review', 'input-undetermined']);
    const good = await check(await table('满足'));
    expect(good.verdict).toBe('pass');
  });
});
