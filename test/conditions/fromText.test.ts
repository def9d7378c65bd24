import { describe, expect, it } from 'vitest';
import { conditionsFromText, validateConditions } from '../../shared/conditions/index';
import clauseWords from '../../shared/data/clause-words.json';
import type { Condition } from '../../shared/model/types';

/** Parses one sentence that must become exactly one condition. */
function one(sentence: string): Condition {
  const { doc, unparsed } = conditionsFromText(sentence);
  expect(unparsed).toEqual([]);
  expect(doc.conditions).toHaveLength(1);
  // Whatever the parser produces must be a valid condition file.
  validateConditions(JSON.parse(JSON.stringify(doc)), 'parsed.json');
  return doc.conditions[0];
}

function reasonOf(sentence: string): string {
  const { doc, unparsed } = conditionsFromText(sentence);
  expect(doc.conditions).toEqual([]);
  expect(unparsed).toHaveLength(1);
  expect(unparsed[0].sentence).toBe(sentence.trim().replace(/[。；]$/, ''));
  return unparsed[0].reason;
}

describe('conditionsFromText: single sentences', () => {
  const cases: Array<[string, Record<string, unknown>]> = [
    ['新建公共建筑应达到绿色建筑二星级及以上', { indicator: 'green_building_star', op: '>=', value: 2, scope: 'building', appliesTo: { use: ['public'] } }],
    ['单体预制率不低于40%或单体装配率不低于60%', {
      anyOf: [{ indicator: 'prefab_ratio', op: '>=', value: 40 }, { indicator: 'assembly_ratio', op: '>=', value: 60 }], scope: 'building' }],
    ['单位建筑面积年碳排放量不高于 25 kgCO₂/(m²·a)', { indicator: 'carbon_intensity', op: '<=', value: 25, scope: 'project' }],
    ['单位建筑面积年碳排放量不高于18.5kgCO2/(m2·a)', { indicator: 'carbon_intensity', op: '<=', value: 18.5 }],
    ['年径流总量控制率不低于75%', { indicator: 'runoff_capture', op: '>=', value: 75 }],
    ['可再生能源替代率不低于10%', { indicator: 'renewable_substitution', op: '>=', value: 10 }],
    ['单体装配率不低于50%', { indicator: 'assembly_ratio', op: '>=', value: 50, scope: 'building' }],
    ['屋顶光伏覆盖率不低于50%', { indicator: 'pv_roof_coverage', op: '>=', value: 50, scope: 'project' }],
    ['绿地率不低于百分之三十五', { indicator: 'green_ratio', op: '>=', value: 35 }],
    ['绿地率不低于60％', { indicator: 'green_ratio', op: '>=', value: 60 }],
    ['透水铺装比例不低于0.6', { indicator: 'permeable_paving_ratio', op: '>=', value: 60 }],
    ['容积率不大于2.5', { indicator: 'far', op: '<=', value: 2.5 }],
    ['建筑高度不超过80米', { indicator: 'building_height', op: '<=', value: 80 }],
    ['建筑密度30%以下', { indicator: 'building_density', op: '<=', value: 30 }],
    ['总建筑面积不超过2.0万㎡', { indicator: 'gross_floor_area', op: '<=', value: 20000 }],
    ['总用地面积不小于20000m²', { indicator: 'site_area', op: '>=', value: 20000 }],
    ['预制率不低于40%且装配率不低于60%', { allOf: [{ indicator: 'prefab_ratio', op: '>=', value: 40 }, { indicator: 'assembly_ratio', op: '>=', value: 60 }] }],
    ['新建民用建筑应达到绿色建筑基本级', { indicator: 'green_building_star', op: '>=', value: 0, appliesTo: { use: ['residential', 'public'] } }],
    ['绿色建筑星级不低于三星', { indicator: 'green_building_star', op: '>=', value: 3, scope: 'project' }],
    ['工业厂房屋顶光伏覆盖率不低于50%', { indicator: 'pv_roof_coverage', appliesTo: { use: ['industrial'] }, scope: 'building' }],
    ['新建住宅应采用全装修', { indicator: 'full_fitout', op: '==', value: true, scope: 'building', appliesTo: { use: ['residential'] } }],
    ['应实施智能建造', { indicator: 'smart_construction', op: '==', value: true, scope: 'project' }],
    ['附属绿地应开放共享', { indicator: 'green_space_open_share', op: '==', value: true }],
    ['应开展零碳建筑或光储直柔创新示范', { anyOf: [{ indicator: 'zero_carbon_demo', op: '==', value: true }, { indicator: 'pedf_demo', op: '==', value: true }] }],
    ['超低能耗建筑面积占比不低于30%', { indicator: 'ultra_low_energy_ratio', op: '>=', value: 30 }],
    ['设计降雨量≥33.0mm', { indicator: 'design_rainfall', op: '>=', value: 33 }],
    ['年径流总量控制率大于70%', { indicator: 'runoff_capture', op: '>', value: 70 }],
    ['建筑密度低于35%', { indicator: 'building_density', op: '<', value: 35 }],
    ['绿地率35%（含）以上', { indicator: 'green_ratio', op: '>=', value: 35 }],
    ['新建建筑可再生能源替代率不低于百分之十点五', { indicator: 'renewable_substitution', op: '>=', value: 10.5 }],
    ['绿地率不低于35%，建筑密度不高于30%', { allOf: [{ indicator: 'green_ratio', op: '>=', value: 35 }, { indicator: 'building_density', op: '<=', value: 30 }] }],
    ['采用全装修并实施智能建造', { allOf: [{ indicator: 'full_fitout', op: '==', value: true }, { indicator: 'smart_construction', op: '==', value: true }] }],
    ['建筑面积达到2万平方米的公共建筑应达到绿色建筑二星级', { indicator: 'green_building_star', value: 2, appliesTo: { use: ['public'], minFloorArea: 20000 } }],
    ['单体建筑面积在2万平方米及以上的公共建筑，应采用全装修', { indicator: 'full_fitout', scope: 'building', appliesTo: { use: ['public'], minFloorArea: 20000 } }],
    // Readings added with the condition-language additions (docs/formats.md §6).
    ['政府投资的公共建筑应达到二星级及以上', { indicator: 'green_building_star', op: '>=', value: 2, scope: 'building', appliesTo: { use: ['public'] }, when: { government_investment: true } }],
    ['绿地率不低于30%、不高于40%', { allOf: [{ indicator: 'green_ratio', op: '>=', value: 30 }, { indicator: 'green_ratio', op: '<=', value: 40 }] }],
    ['单体建筑面积1万平方米以下的公共建筑应达到一星级', { indicator: 'green_building_star', op: '>=', value: 1, appliesTo: { use: ['public'], floorArea: { lte: 10000 } } }],
    ['年径流总量控制率不低于75%（对应设计降雨量33mm）', { indicator: 'runoff_capture', op: '>=', value: 75, companion: { design_rainfall: 33 } }],
  ];
  for (const [sentence, expected] of cases) {
    it(sentence, () => {
      const c = one(sentence);
      expect(c).toMatchObject(expected);
      expect(c.text).toBe(sentence);
    });
  }

  it('ids by indicator family, stable and unique', () => {
    const { doc } = conditionsFromText('绿色建筑星级不低于二星级；单体装配率不低于50%；预制率不低于40%；年径流总量控制率不低于75%；附属绿地应开放共享');
    expect(doc.conditions.map((c) => c.id)).toEqual(['G1', 'A1', 'A2', 'S1', 'X1']);
  });

  it('building filter with area: 单体建筑面积2万平方米以上的公共建筑', () => {
    const c = one('单体建筑面积2万平方米以上的公共建筑应达到绿色建筑三星级');
    expect(c).toMatchObject({ indicator: 'green_building_star', op: '>=', value: 3, scope: 'building', appliesTo: { use: ['public'], minFloorArea: 20000 } });
    expect(c.note).toContain('第一千二百五十九条');
    expect(c.note).toContain('UNCONFIRMED');
  });

  it('explicit （含） needs no statutory note', () => {
    const c = one('建筑面积2.0万㎡（含）以上的公共建筑，绿色建筑等级不低于二星级');
    expect(c.appliesTo).toEqual({ use: ['public'], minFloorArea: 20000 });
    expect(c.note).toBeUndefined();
  });

  it('大型公共建筑 → public, minFloorArea from data, UNCONFIRMED note', () => {
    const c = one('大型公共建筑应达到绿色建筑三星级及以上');
    const category = clauseWords.categories.find((x) => x.words.includes('大型公共建筑'));
    expect(category?.status).toBe('UNCONFIRMED');
    expect(c.appliesTo).toEqual({ use: ['public'], minFloorArea: category?.minFloorArea });
    expect(c.note).toContain('UNCONFIRMED');
    expect(c.note).toContain('clause-words.json');
  });

  it('bare 以上 is inclusive and says so; 0.6 with 比例 is 60 and says so', () => {
    expect(one('建筑密度30%以下').note).toContain('民法典');
    expect(one('透水铺装比例不低于0.6').note).toContain('0.6');
  });
});

describe('conditionsFromText: sentences that state several conditions', () => {
  const cases: Array<[string, Array<Record<string, unknown>>]> = [
    ['绿色建筑星级不低于二星级，大型公共建筑不低于三星级', [
      { indicator: 'green_building_star', op: '>=', value: 2, scope: 'project' },
      { indicator: 'green_building_star', op: '>=', value: 3, scope: 'building', appliesTo: { use: ['public'], minFloorArea: 20000 } }]],
    ['新建民用建筑应达到绿色建筑基本级，其中大型公共建筑应达到二星级', [
      { value: 0, appliesTo: { use: ['residential', 'public'] } },
      { value: 2, appliesTo: { use: ['public'], minFloorArea: 20000 } }]],
    ['居住建筑和公共建筑装配率分别不低于50%和40%', [
      { indicator: 'assembly_ratio', value: 50, appliesTo: { use: ['residential'] } },
      { indicator: 'assembly_ratio', value: 40, appliesTo: { use: ['public'] } }]],
    ['住宅建筑单体装配率应不低于50%，公共建筑单体装配率应不低于40%', [
      { indicator: 'assembly_ratio', value: 50, appliesTo: { use: ['residential'] } },
      { indicator: 'assembly_ratio', value: 40, appliesTo: { use: ['public'] } }]],
    ['建筑高度在60米（含）以下时，其单体建筑预制率应不低于40%，建筑高度在60米以上时，其单体建筑预制率应不低于20%', [
      { indicator: 'prefab_ratio', value: 40, appliesTo: { height: { lte: 60 } } },
      { indicator: 'prefab_ratio', value: 20, appliesTo: { height: { gt: 60 } } }]],
    ['政府投资的公共建筑应达到绿色建筑一星级，其中大型公共建筑应达到二星级', [
      { value: 1, appliesTo: { use: ['public'] }, when: { government_investment: true } },
      { value: 2, appliesTo: { use: ['public'], minFloorArea: 20000 }, when: { government_investment: true } }]],
    ['容积率5-3: 2.50、6-3: 2.80', [
      { indicator: 'far', op: '<=', value: 2.5, parcel: '5-3', toConfirm: expect.stringContaining('请确认') },
      { indicator: 'far', op: '<=', value: 2.8, parcel: '6-3', toConfirm: expect.stringContaining('请确认') }]],
  ];
  for (const [sentence, expected] of cases) {
    it(sentence, () => {
      const { doc, unparsed } = conditionsFromText(sentence);
      expect(unparsed).toEqual([]);
      expect(doc.conditions).toHaveLength(expected.length);
      expected.forEach((e, i) => expect(doc.conditions[i]).toMatchObject({ ...e, text: sentence }));
      validateConditions(JSON.parse(JSON.stringify(doc)), 'parsed.json');
    });
  }
});

describe('conditionsFromText: never a guess', () => {
  const cases: Array<[string, string]> = [
    ['单位建筑面积年碳排放量不高于 X kgCO₂/(m²·a)', '未写明数值'],
    ['年径流总量控制率应达到较高水平', '未写明数值'],
    ['预制率或装配率不低于40%', '“预制率”未写明数值'],
    ['可再生能源替代率为10%', '未写明比较关系'],
    ['住宅套数不少于500套', '未识别出合同指标'],
    ['学校的公共建筑应达到二星级及以上', '学校'],
    ['总建筑面积3万平方米（含）以上的新建项目，80%建筑面积应采用装配式建筑技术，单体装配率不低于50%', '“80%”'],
    ['100%建筑面积应采用装配式建筑技术，绿地率不低于30%', '“装配式建筑技术”'],
    ['用地性质为二类居住用地的项目，绿地率不低于30%', '性质'],
    ['鼓励采用智能建造', '鼓励'],
    ['本项目不采用全装修', '否定'],
    ['绿地率不低于35', '缺少单位 %'],
    ['建筑高度不超过80', '缺少单位'],
    ['绿地率不低于35平方米', '单位“平方米”与指标单位 % 不符'],
    ['单位建筑面积年碳排放量不高于2吨', '不符'],
    ['预制率不低于40%或装配率不低于60%且应采用全装修', '优先关系不明确'],
    ['绿色建筑星级不低于二星级或三星级', '出现多次'],
    ['绿地率不低于30%、不低于40%', '出现多次'],
    ['绿色建筑星级应满足相关要求', '未写明要求的星级'],
    ['单体建筑面积1万平方米左右的公共建筑应达到一星级', '左右'],
    ['年径流总量控制率不低于75%设计降雨量33mm', '“设计降雨量”未写明比较关系'],
    ['预制率不低于40%装配率不低于60%', '缺少“或”“且”等连接词'],
    ['其中大型公共建筑应达到二星级', '以“其中”承接上文'],
    ['或单体装配率不低于60%', '以“或”承接上文'],
    ['住宅应达到一星级，其中大型公共建筑应达到二星级', '不在前文的适用范围之内'],
    ['政府投资或保障性住房项目应采用全装修', '项目事实是否限定每一类未写明'],
    ['政府投资的公共建筑和住宅应达到绿色建筑二星级', '项目事实是否限定每一类未写明'],
    ['住宅应采用全装修，年径流总量控制率不低于75%', '整个场地的指标'],
    ['住宅建筑面积不低于2万平方米', '整个场地的指标'],
    ['可再生能源综合利用率不低于10%', '口径不同'],
    ['新建住宅应满足相关要求', '未识别出合同指标'],
  ];
  for (const [sentence, reason] of cases) {
    it(sentence, () => {
      expect(reasonOf(sentence)).toContain(reason);
    });
  }

  it('skips sentences that state nothing measurable', () => {
    const { doc, unparsed } = conditionsFromText('绿色生态要求：\n应满足相关政策要求。\n约定开工时间为交付土地后12个月内');
    expect(doc.conditions).toEqual([]);
    expect(unparsed).toEqual([]);
  });
});

describe('conditionsFromText: a whole contract text', () => {
  const TEXT = `国有建设用地使用权出让合同（节选）
第十二条 绿色生态要求：（一）新建公共建筑应达到绿色建筑二星级及以上；（二）单体建筑面积2万平方米以上的公共建筑应达到绿色建筑三星级；（三）新建住宅应采用全装修。
第十三条 装配式建筑：单体预制率不低于40%或单体装配率不低于60%。
第十四条 本地块应满足以下要求：
1. 可再生能源替代率不低于10%；
2、年径流总量控制率不低于75%；
3. 单位建筑面积年碳排放量不高于 X kgCO₂/(m²·a)；
(4) 应开展零碳建筑或光储直柔创新示范
第十五条 受让人应按相关政策要求实施。`;

  it('numbers every condition with its clause, keeps text verbatim, lists the unparsed', () => {
    const { doc, unparsed } = conditionsFromText(TEXT);
    const rows = doc.conditions.map((c) => [c.id, c.clause, c.text]);
    expect(rows).toEqual([
      ['G1', '第十二条（一）', '新建公共建筑应达到绿色建筑二星级及以上'],
      ['G2', '第十二条（二）', '单体建筑面积2万平方米以上的公共建筑应达到绿色建筑三星级'],
      ['A1', '第十二条（三）', '新建住宅应采用全装修'],
      ['A2', '第十三条', '装配式建筑：单体预制率不低于40%或单体装配率不低于60%'],
      ['R1', '第十四条 1.', '可再生能源替代率不低于10%'],
      ['S1', '第十四条 2、', '年径流总量控制率不低于75%'],
      ['C1', '第十四条(4)', '应开展零碳建筑或光储直柔创新示范'],
    ]);
    expect(unparsed).toEqual([
      { sentence: '单位建筑面积年碳排放量不高于 X kgCO₂/(m²·a)', clause: '第十四条 3.', reason: expect.stringContaining('未写明数值'), code: 'no-value' },
    ]);
    const valid = validateConditions(JSON.parse(JSON.stringify(doc)), 'from-text.json');
    expect(valid.conditions).toHaveLength(7);
    expect(doc.conditions[1]).toMatchObject({ scope: 'building', appliesTo: { use: ['public'], minFloorArea: 20000 } });
  });

  it('handles CRLF, BOM and full-width digits', () => {
    const { doc } = conditionsFromText('\uFEFF第三条\r\n（一）绿地率不低于３５％\r\n（二）建筑密度不高于３０％');
    expect(doc.conditions.map((c) => [c.clause, 'indicator' in c ? c.value : null])).toEqual([
      ['第三条（一）', 35],
      ['第三条（二）', 30],
    ]);
  });
});

describe('conditionsFromText: readings for the paste screen', () => {
  it('parts are ranges of the user’s own text, tied to the conditions they produced', () => {
    const text = '第十三条 高度100米以上（不含100米）的居住建筑，建筑单体预制率不低于１５％或单体装配率不低于35%；新建和改建地区年径流污染控制率分别不低于80%和75%';
    const { doc, readings } = conditionsFromText(text);
    expect(readings).toHaveLength(2);
    const [read, refused] = readings;
    expect(read.conditionIds).toEqual(doc.conditions.map((c) => c.id));
    const show = (r: typeof read) => r.parts.map((p) => `${p.role}:${r.sentence.slice(p.start, p.end)}`);
    expect(show(read)).toEqual([
      'filter:高度100米以上（不含100米）的',
      'filter:居住建筑',
      'indicator:建筑单体预制率',
      'comparator:不低于',
      'value:１５％',
      'connector:或',
      'indicator:单体装配率',
      'comparator:不低于',
      'value:35%',
    ]);
    expect(read.parts.every((p) => p.conditionIds.includes('A1'))).toBe(true);
    expect(refused.conditionIds).toEqual([]);
    expect(refused.refused?.code).toBe('unexplained');
    expect(show(refused)).toContain('unexplained:改建地区');
  });
});

describe('conditionsFromText: the sentences of issue 10', () => {
  const read: Array<[string, Array<Record<string, unknown>>]> = [
    ['高度100米以上（不含100米）的居住建筑，建筑单体预制率不低于15%或单体装配率不低于35%', [
      { anyOf: [{ indicator: 'prefab_ratio', op: '>=', value: 15 }, { indicator: 'assembly_ratio', op: '>=', value: 35 }], scope: 'building', appliesTo: { use: ['residential'], height: { gt: 100 } } }]],
    ['单体或平均装配率不低于40%', [{ indicator: 'assembly_ratio', op: '>=', value: 40, scope: 'building', aggregate: 'eachOrAverage' }]],
    ['1.0＜容积率≤2.5', [{ allOf: [{ indicator: 'far', op: '>', value: 1 }, { indicator: 'far', op: '<=', value: 2.5 }] }]],
    ['实现绿色建筑二星级标准', [{ indicator: 'green_building_star', op: '>=', value: 2 }]],
    ['执行绿色建筑二星级标准', [{ indicator: 'green_building_star', op: '>=', value: 2 }]],
    ['按绿色建筑二星级标准建设', [{ indicator: 'green_building_star', op: '>=', value: 2 }]],
    ['容积率：2.0-3.0', [{ allOf: [{ indicator: 'far', op: '>=', value: 2 }, { indicator: 'far', op: '<=', value: 3 }] }]],
    ['容积率 5-3: 2.50', [{ indicator: 'far', op: '<=', value: 2.5, parcel: '5-3', toConfirm: expect.any(String) }]],
    ['住宅建筑限高：≤80米', [{ indicator: 'building_height', op: '<=', value: 80, scope: 'building', appliesTo: { use: ['residential'] } }]],
    ['建筑节能需达到65%', [{ indicator: 'energy_saving_rate', op: '>=', value: 65, toConfirm: expect.any(String) }]],
    ['年径流总量控制率不低于75%，对应设计降雨量22.2mm', [{ indicator: 'runoff_capture', op: '>=', value: 75, companion: { design_rainfall: 22.2 } }]],
    ['非政府投资的公共建筑应达到绿色建筑一星级', [{ indicator: 'green_building_star', value: 1, when: { government_investment: false } }]],
    ['单体预制率不低于40%或单体装配率不低于60%，且应采用全装修', [
      { allOf: [{ anyOf: [{ indicator: 'prefab_ratio', op: '>=', value: 40 }, { indicator: 'assembly_ratio', op: '>=', value: 60 }] }, { indicator: 'full_fitout', op: '==', value: true }] }]],
  ];
  for (const [sentence, expected] of read) {
    it(`reads: ${sentence}`, () => {
      const { doc, unparsed } = conditionsFromText(sentence);
      expect(unparsed).toEqual([]);
      expect(doc.conditions).toHaveLength(expected.length);
      expected.forEach((e, i) => expect(doc.conditions[i]).toMatchObject(e));
    });
  }
  const refused: Array<[string, string]> = [
    ['新建和改建地区年径流污染控制率分别不低于80%和75%', 'unexplained'],
    ['到2025年，城镇建筑可再生能源替代率达到10%', 'policy-target'],
    ['到2030年，进一步提升到15%', 'policy-target'],
    ['城镇建筑可再生能源替代率超过8%', 'policy-target'],
  ];
  for (const [sentence, code] of refused) {
    it(`refuses: ${sentence}`, () => {
      const { doc, unparsed } = conditionsFromText(sentence);
      expect(doc.conditions).toEqual([]);
      expect(unparsed.map((u) => u.code)).toEqual([code]);
    });
  }
});
