// The paste screen's words (renderer/screens/conditions/reading.ts) on real parser output: every
// character of a sentence shown once, a value's unit on its own, each part's meaning in Chinese,
// conditions in plain Chinese with no ids or field names; the form's checks of the fields of
// docs/formats.md §6 and the validator's messages about them in the form's words.
import { describe, expect, it } from 'vitest';
import { conditionsFromText, PROJECT_FACTS, validateConditions } from '../../shared/conditions/index';
import type { ConditionsDoc } from '../../shared/model/types';
import { conditionWords, factsNeeded, partKey, partMeaning, pieces, refusalGroup, REFUSAL_GROUPS } from '../../renderer/screens/conditions/reading';
import { checkConditions, formWords } from '../../renderer/screens/conditions/checks';
import { mergeConditions } from '../../renderer/screens/conditions/merge';

/** The vocabulary the screen gets from `conditions.projectFacts`. */
const FACTS = PROJECT_FACTS.map((f) => ({ id: f.id, yes: f.yes, no: f.no }));

const DEV_WORDS = /[a-z]+_[a-z_]+|appliesTo|minFloorArea|floorArea|projectFloorArea|height|floors|aggregate|each|average|inForce|companion|toConfirm|facts|when|scope|building|\btrue\b|\bfalse\b|\bgte?\b|\blte?\b/;

const TEXT = [
  '高度100米以上（不含100米）的居住建筑，建筑单体预制率不低于１５％或单体装配率不低于35%',
  '政府投资项目的绿地率不低于35%',
  '年径流总量控制率不低于75%，对应设计降雨量22.2mm',
  '单体或平均装配率不低于40%',
  '自2025年9月1日起签订出让合同的项目，新建建筑应达到绿色建筑二星级标准',
  '总建筑面积3万平方米（含）以上的项目，超低能耗建筑面积占比不低于30%',
  '十二层及以上的住宅，装配率不低于50%',
  '容积率 5-3: 2.50',
  '到2025年，城镇建筑可再生能源替代率达到10%',
  '高层住宅装配率不低于50%',
].join('；');

describe('a sentence as shown', () => {
  const r = conditionsFromText(TEXT);
  it('keeps every character once, in order, and shows a value’s unit on its own', () => {
    for (const x of r.readings) expect(pieces(x).map((p) => p.text).join('')).toBe(x.sentence);
    const first = pieces(r.readings[0]!).filter((p) => p.role);
    expect(first.map((p) => `${p.role}:${p.text}`)).toEqual([
      'bound:高度100米以上（不含100米）的',
      'filter:居住建筑',
      'indicator:建筑单体预制率',
      'comparator:不低于',
      'value:１５',
      'unit:％',
      'connector:或',
      'indicator:单体装配率',
      'comparator:不低于',
      'value:35',
      'unit:%',
    ]);
  });

  it('says what each part produced, in Chinese', () => {
    const meanings = r.readings.flatMap((x) => x.parts.map((p) => partMeaning(p, x.sentence, FACTS)));
    expect(meanings).toContain('适用范围：建筑高度100 m 以上（不含 100 m）');
    expect(meanings).toContain('适用建筑：居住建筑');
    expect(meanings).toContain('指标：预制率');
    expect(meanings).toContain('比较：不低于（≥）');
    expect(meanings).toContain('数值：１５，单位：%');
    expect(meanings).toContain('或：满足其一即可');
    expect(meanings).toContain('项目事实：仅适用于政府投资项目');
    expect(meanings).toContain('同时写明：设计降雨量 22.2 mm');
    expect(meanings).toContain('单体/平均：每栋单体满足，或加权平均满足');
    expect(meanings).toContain('生效日期：2025-09-01 起签订的合同适用');
    expect(meanings).toContain('适用范围：项目总建筑面积30000 m² 及以上');
    expect(meanings).toContain('适用范围：地上层数12 层 及以上');
    expect(meanings).toContain('地块：5-3');
    expect(meanings).toContain('数值：二星级');
    expect(meanings).toContain('政策目标用语：区域性或阶段性目标，不是本项目的条件');
    expect(meanings).toContain('未能识别的字词：可能限定了要求，因此本句未识别为条件');
    for (const m of meanings) expect(m).not.toMatch(DEV_WORDS);
  });

  it('renders each condition in plain Chinese, and every part it came from points at a piece of it', () => {
    for (const c of r.doc.conditions) {
      const text = conditionWords(c, FACTS).map((l) => l.map((w) => w.text).join('')).join('\n');
      expect(text, c.id).not.toMatch(DEV_WORDS);
    }
    const a1 = conditionWords(r.doc.conditions.find((c) => c.id === 'A1')!, FACTS).map((l) => l.map((w) => w.text).join(''));
    expect(a1).toEqual(['适用于 逐栋单体：居住建筑，建筑高度 100 m 以上（不含 100 m）', '要求：预制率 不低于 15% 或 装配率 不低于 35%']);
    // The indicators, comparisons, bounds, facts … of a sentence are found among its condition's pieces.
    for (const x of r.readings.filter((y) => !y.refused)) {
      const keys = new Set(x.conditionIds.flatMap((id) => conditionWords(r.doc.conditions.find((c) => c.id === id)!, FACTS).flat().map((w) => w.key)));
      for (const p of x.parts) {
        const k = partKey(p);
        if (k && p.role !== 'value' && p.role !== 'connector') expect(keys.has(k), `${x.sentence}: ${x.sentence.slice(p.start, p.end)} → ${k}`).toBe(true);
      }
    }
  });

  it('groups refusals by what the user can do, every kind in a group', () => {
    const codes = ['policy-target', 'advisory', 'no-indicator', 'continuation', 'scope-not-expressible', 'negated', 'unexplained', 'no-comparator', 'no-value', 'unit', 'ambiguous'] as const;
    for (const c of codes) expect(REFUSAL_GROUPS.filter((g) => g.codes.includes(c))).toHaveLength(1);
    expect(r.unparsed.map((u) => refusalGroup(u.code).id)).toEqual(['not-condition', 'unclear']);
  });

  it('lists the project facts the conditions depend on, confirmed or not', () => {
    expect(factsNeeded(r.doc.conditions, undefined)).toEqual([{ id: 'government_investment', conditions: [{ id: 'X1', wanted: true }] }]);
    expect(factsNeeded([], { key_area: true })).toEqual([{ id: 'key_area', conditions: [] }]);
  });
});

describe('appending read conditions', () => {
  it('renames clashing ids and says which', () => {
    const d = (ids: string[]): ConditionsDoc => ({ format: 'landcheck.conditions/v1', conditions: ids.map((id) => ({ id, indicator: 'far', op: '<=', value: 2 })) });
    const m = mergeConditions(d(['X1', 'X1-2']), d(['X1', 'G1']));
    expect(m.doc.conditions.map((c) => c.id)).toEqual(['X1', 'X1-2', 'X1-3', 'G1']);
    expect(m.renamed).toEqual({ X1: 'X1-3' });
  });
});

describe('the form’s checks of the fields a clause may add', () => {
  const doc = (conditions: unknown[]): ConditionsDoc => ({ format: 'landcheck.conditions/v1', conditions: conditions as ConditionsDoc['conditions'] });
  it('names the mistake at its field, in Chinese', () => {
    const c = checkConditions(
      doc([
        { id: 'A1', indicator: 'assembly_ratio', op: '>=', value: 40, scope: 'building', appliesTo: { height: { gt: 100, lte: 80 }, floors: { gte: 'x' } }, aggregate: 'average' },
        { id: 'A2', indicator: 'assembly_ratio', op: '>=', value: 40, scope: 'project', appliesTo: { height: { gt: 24 } }, aggregate: 'eachOrAverage' },
        { id: 'G1', indicator: 'green_building_star', op: '>=', value: 2, scope: 'building', aggregate: 'average', inForce: { from: '2025-02-30', to: '2024-01-01' } },
        { id: 'S1', indicator: 'runoff_capture', op: '>=', value: 75, companion: { design_rainfall: -1, green_ratio: 120 }, inForce: { from: '2025-09-01', to: '2025-01-01' } },
      ]),
      new Set(),
    );
    expect(Object.fromEntries(c.errors)).toEqual({
      '0.height': '建筑高度的下限 100 m 高于上限 80 m，没有任何建筑在此范围内',
      '0.floors.lower': '请填写数字（层）',
      '1.height': '按建筑高度筛选单体只适用于范围为“逐栋单体”的条件，请把范围改为逐栋单体',
      '1.aggregate': '“单体/平均”只适用于范围为“逐栋单体”的条件，请把范围改为逐栋单体或清除此项',
      '2.aggregate': '绿色建筑星级不是数值指标，不能取平均，请选择“单体”',
      '2.inForce.from': '请按 年-月-日 填写日期，如 2025-09-01',
      '3.inForce.to': '截止日期早于起始日期 2025-09-01',
      '3.companion.design_rainfall': '设计降雨量不能为负数',
      '3.companion.green_ratio': '绿地率是百分数，应在 0 到 100 之间',
    });
  });

  it('puts the validator’s messages about those fields into the form’s words', () => {
    const bad: Array<Record<string, unknown>> = [
      { id: 'A1', indicator: 'assembly_ratio', op: '>=', value: 40, aggregate: 'average' },
      { id: 'A2', indicator: 'assembly_ratio', op: '>=', value: 40, scope: 'building', aggregate: 'mean' },
      { id: 'A3', indicator: 'assembly_ratio', op: '>=', value: 40, appliesTo: { height: { gt: 100 } } },
      { id: 'A4', indicator: 'assembly_ratio', op: '>=', value: 40, scope: 'building', appliesTo: { floors: { gt: 10, gte: 11 } } },
      { id: 'A5', indicator: 'assembly_ratio', op: '>=', value: 40, scope: 'building', appliesTo: { floorArea: {} } },
      { id: 'G1', indicator: 'green_building_star', op: '>=', value: 2, inForce: { from: '2025-9-1' } },
      { id: 'G2', indicator: 'green_building_star', op: '>=', value: 2, when: { goverment_investment: true } },
      { id: 'S1', indicator: 'runoff_capture', op: '>=', value: 75, companion: { rainfall: 22.2 } },
    ];
    for (const c of bad) {
      let message = '';
      try {
        validateConditions({ format: 'landcheck.conditions/v1', conditions: [c] }, '条件.json');
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message, String(c.id)).not.toBe('');
      const words = formWords(message, FACTS);
      expect(words, message).toContain(`条件 ${String(c.id)}`);
      expect(words.replace(/"[^"]*"/g, ''), message).not.toMatch(DEV_WORDS);
    }
  });
});
