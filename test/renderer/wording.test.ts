// How the screens word values and requirements, and the checks of the condition form: the
// indicator's own words and units ("≥ 二星级", "≥ 75%", "= 是"), errors in Chinese at the field,
// a percent written as a fraction asked about, values in the sheet's order.
import { describe, expect, it } from 'vitest';
import type { ConditionsDoc } from '../../shared/model/types';
import { leafRequirement, requirementText, ruleText } from '../../renderer/format';
import { checkConditions, conditionOfMessage, formWords, questionId } from '../../renderer/screens/conditions/checks';
import { sortBySheetOrder, cellPosition } from '../../shared/model/order';

describe('requirements in words', () => {
  it('a star level, a percentage and a yes/no read in their own terms', () => {
    expect(leafRequirement('green_building_star', '>= 2')).toBe('≥ 二星级');
    expect(leafRequirement('green_ratio', '>= 75')).toBe('≥ 75%');
    expect(leafRequirement('full_fitout', '== true')).toBe('= 是');
    expect(leafRequirement('far', '<= 2.5')).toBe('≤ 2.5');
  });
  it('a compound condition reads from the condition itself', () => {
    const conditions = [{ id: 'A1', anyOf: [{ indicator: 'prefab_ratio', op: '>=', value: 40 }, { indicator: 'assembly_ratio', op: '>=', value: 60 }] }] as ConditionsDoc['conditions'];
    expect(requirementText({ conditionId: 'A1', indicator: 'prefab_ratio', required: '预制率 >= 40 或 装配率 >= 60' }, conditions)).toMatch(/≥ 40% 或 .* ≥ 60%/);
    expect(ruleText({ allOf: [{ indicator: 'green_ratio', op: '>=', value: 35 }, { anyOf: [{ indicator: 'full_fitout', op: '==', value: true }] }] })).toBe('绿地率 ≥ 35% 且 （全装修 = 是）');
  });
});

describe('the condition form checks', () => {
  const doc = (conditions: unknown[]): ConditionsDoc => ({ format: 'landcheck.conditions/v1', conditions: conditions as ConditionsDoc['conditions'] });

  it('asks about 0.75 for a percentage until answered; never for a ratio without unit', () => {
    const d = doc([
      { id: 'C1', indicator: 'green_ratio', op: '>=', value: 0.75 },
      { id: 'C2', indicator: 'far', op: '<=', value: 0.75 },
      { id: 'C3', anyOf: [{ indicator: 'prefab_ratio', op: '>=', value: 0.4 }, { indicator: 'assembly_ratio', op: '>=', value: 60 }] },
    ]);
    const first = checkConditions(d, new Set());
    expect([...first.questions.entries()]).toEqual([
      ['0.value', 0.75],
      ['2.b0.value', 0.4],
    ]);
    const answered = checkConditions(d, new Set([questionId('0', 0.75)]));
    expect([...answered.questions.keys()]).toEqual(['2.b0.value']);
    expect(first.errors.size).toBe(0);
  });

  it('names the mistake at its field, in Chinese', () => {
    const c = checkConditions(
      doc([
        { id: 'C1', indicator: 'green_ratio', op: '>=', value: 120 },
        { id: 'C1', indicator: 'far', op: '<=', value: 'abc' },
        { id: ' ', indicator: 'far', op: '<=', value: -1, appliesTo: { minFloorArea: -5 } },
      ]),
      new Set(),
    );
    expect(Object.fromEntries(c.errors)).toEqual({
      '0.value': '绿地率是百分数，应在 0 到 100 之间',
      '1.id': '编号“C1”与第 1 条重复',
      '1.value': '请填写数字，如 2.5',
      '2.id': '请填写条件编号',
      '2.value': '要求值不能为负数',
      '2.minFloorArea': '请填写不小于 0 的面积（m²）',
    });
  });

  it('puts the validator’s field names and indicator ids into the form’s words', () => {
    const msg = '条件文件 条件：条件 S1 的 appliesTo.minFloorArea 字段类型错误（"x"），应为数字；indicator runoff_capture 的 value 应为 true 或 false';
    const words = formWords(msg);
    expect(words).toBe('条件 S1 的 适用的最小单体建筑面积 字段类型错误（"x"），应为数字；指标 年径流总量控制率 的 要求值 应为 是或否');
    expect(words).not.toMatch(/[a-z]{3,}/);
    expect(conditionOfMessage(words, doc([{ id: 'X' }, { id: 'S1' }]))).toBe(1);
  });
});

describe('imported values in the sheet’s order', () => {
  it('sheet by sheet, row by row, column by column; typed values last in catalogue order', () => {
    const sheets = ['主要指标', '单体'];
    const v = (indicator: string, source: string) => ({ indicator, source });
    const sorted = sortBySheetOrder([v('b', '单体!A2'), v('z', '人工录入'), v('a', '主要指标!C10'), v('c', '主要指标!C9'), v('y', '人工录入'), v('d', '主要指标!AA9')], sheets, (id) => ['y', 'z'].indexOf(id));
    expect(sorted.map((x) => x.indicator)).toEqual(['c', 'd', 'a', 'b', 'y', 'z']);
    expect(cellPosition("'主要指标'!$B$3", sheets)).toEqual([0, 3, 2]);
  });
});
