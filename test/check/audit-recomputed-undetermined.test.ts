// A recomputation that rests on an input the sheet states but the engine could not read confirms
// nothing, whether or not a declared value stands beside it: with a declared value the rule
// input-undetermined says so; without one (no declared value, “/”, or a declared value that cannot
// be read) the recomputation alone used to pass (recomputed-pass). GB/T 50378-2019 §3.2.7: a 控制项
// cell that says “第4.1.2条待整改” or “基本满足” is not 全部满足, whatever a 控制项基础分值 of 400 beside it says.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { firstFinding, oneCondition } from './helpers';
import { rows, tmp, xlsx } from '../import/helpers';

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const doc = oneCondition({ id: 'G1', indicator: 'green_building_star', op: '>=', value: 2 });
const check = async (path: string) => (await firstFinding(path, doc)).f;

let n = 0;
/** Layout B: categories as columns under a title, the 控制项 and Table 3.2.8 answers in a second table. */
const columnsLayout = (control: string) =>
  xlsx(`gs-cols-${n++}.xlsx`, (wb) => {
    const ws = wb.addWorksheet('绿色建筑');
    rows(ws, [
      ['评价阶段', '评价'],
      [],
      [undefined, '控制项基础分值', '安全耐久', '健康舒适', '生活便利', '资源节约', '环境宜居', '提高与创新加分项'],
      ['自评得分', 400, 80, 75, 70, 150, 75, 20],
    ]);
    rows(wb.addWorksheet('技术要求'), [
      ['项目', '内容'],
      ['控制项达标情况', control],
      ['全装修', '是'],
      ['围护结构热工性能提高比例', '20%'],
      ['节水器具用水效率等级', 1],
      ['室内主要空气污染物浓度降低比例', '20%'],
    ]);
  });

describe('a recomputation resting on an unreadable input, without a declared value', () => {
  it('控制项 “第4.1.2条待整改” / “基本满足” beside Q0 400 → review, not a recomputed 三星 (was recomputed-pass)', async () => {
    for (const text of ['第4.1.2条待整改', '基本满足']) {
      const f = await check(await columnsLayout(text));
      expect([f.verdict, f.basis], text).toEqual(['review', 'input-undetermined']);
      expect(f.message).toContain(text);
    }
  });

  it('twin: 控制项 满足 → the recomputed 三星 passes', async () => {
    const f = await check(await columnsLayout('满足'));
    expect([f.verdict, f.basis, f.computed]).toEqual(['pass', 'recomputed-pass', 3]);
  });
});
