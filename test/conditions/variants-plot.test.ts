// Generated variants for the wordings of planning conditions and 出让公告 (docs/contract-text.md §2, §3):
// facts about the plot written before the requirements change nothing; the same words in a
// qualifying form (…的, …时) never vanish silently; every name of a measure the catalogue lacks,
// every group no field can state and every project fact reads the same wherever it is written.
import { describe, expect, it } from 'vitest';
import { PROJECT_FACTS, conditionsFromText } from '../../shared/conditions/index';
import { DESCRIPTIONS, DISTINCT_NAMES, UNSUPPORTED_FILTERS, WHOLE_AREA } from '../../shared/conditions/words';

function read(sentence: string) {
  const { doc, unparsed } = conditionsFromText(sentence);
  return { c: doc.conditions.map(({ id: _i, text: _t, ...rest }) => rest), u: unparsed };
}

/** Facts about a plot as 规划条件 and 出让公告 write them before the requirements. */
const DESCRIPTIONS_WRITTEN = [
  '项目位于金普新区先进街道',
  '宗地位于XX区XX路以东、XX路以南',
  '本地块坐落于高新区创业大道北侧',
  '用地面积为9441平方米',
  '项目用地面积12345平方米',
  '该宗地出让面积为12345.6平方米',
  '规划用地面积约为2.3公顷',
  '总用地面积20218.64平方米(30.33亩)',
  '用地性质为商业服务业用地-零售商业用地',
  '用地性质:二类居住用地',
  '土地用途为城镇住宅用地',
  '规划用地性质为居住(兼容商业金融、行政办公)',
  '本宗地为二类居住用地',
];

/** Requirements with the reading they have alone. */
const REQUIREMENTS = [
  '容积率需不超过0.5，绿地率需不小于30%',
  '建筑密度≤30%',
  '绿色建筑应达到二星级及以上',
  '住宅建筑单体装配率不低于50%',
  '年径流总量控制率不低于75%，对应设计降雨量22.2mm',
  '政府投资的公共建筑应达到绿色建筑三星级',
  '高度100米以上（不含100米）的居住建筑，建筑单体预制率不低于15%或单体装配率不低于35%',
];

describe('facts about the plot before the requirements', () => {
  it('every description × every requirement reads as the requirement alone', () => {
    const wrong: string[] = [];
    for (const r of REQUIREMENTS) {
      const alone = read(r);
      expect(alone.u, r).toEqual([]);
      expect(alone.c.length, r).toBeGreaterThan(0);
      for (const d of DESCRIPTIONS_WRITTEN) {
        for (const sentence of [`${d}，${r}`, `${d},${d.startsWith('用地性质') ? '项目位于某街道' : '用地性质为商业用地'}，${r}`]) {
          const got = read(sentence);
          if (JSON.stringify(got.c) !== JSON.stringify(alone.c) || got.u.length) wrong.push(`${sentence} → ${JSON.stringify(got)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('each written description matches a pattern of the data, and a label line is no heading', () => {
    for (const d of DESCRIPTIONS_WRITTEN) expect(DESCRIPTIONS.patterns.some((re) => re.test(d.replace(/（/g, '(').replace(/）/g, ')'))), d).toBe(true);
    const { doc, unparsed } = conditionsFromText('用地性质：二类居住用地；主要规划指标：容积率：≤1.6；建筑密度：≤30%；绿地率≥35%');
    expect(unparsed).toEqual([]);
    expect(doc.conditions.map((c) => ('indicator' in c ? `${c.indicator} ${c.op} ${c.value}` : ''))).toEqual(['far <= 1.6', 'building_density <= 30', 'green_ratio >= 35']);
  });

  it('the same words in a qualifying form are never dropped: refused, never read as the requirement alone', () => {
    const emitted: string[] = [];
    const qualifying = [
      '用地性质为住宅用地的项目',
      '用地面积为9441平方米的地块',
      '项目位于重点区域',
      '本地块为居住用地的',
      '用地性质为商业用地时',
      '项目位于某街道的住宅',
    ];
    for (const q of qualifying) {
      for (const r of ['绿地率不低于35%', '单体装配率不低于50%', '绿色建筑应达到二星级']) {
        const sentence = `${q}，${r}`;
        const got = read(sentence);
        if (JSON.stringify(got.c) === JSON.stringify(read(r).c)) emitted.push(`${sentence} → ${JSON.stringify(got.c)}`);
      }
    }
    expect(emitted).toEqual([]);
  });

  it('a plot area with a comparison word is a requirement, not a description', () => {
    expect(read('用地面积不低于9441平方米，容积率不超过2.0').c).toEqual([
      { allOf: [{ indicator: 'site_area', op: '>=', value: 9441 }, { indicator: 'far', op: '<=', value: 2 }], scope: 'project' },
    ]);
  });
});

describe('names of a measure the catalogue lacks', () => {
  it('every one is refused with its reason, in every position', () => {
    const wrong: string[] = [];
    for (const { word, reason } of DISTINCT_NAMES) {
      for (const sentence of [`${word}不低于35%`, `住宅建筑单体${word}应不低于50%，公共建筑单体${word}应不低于40%`, `项目位于某街道，${word}不小于30%`]) {
        const { c, u } = read(sentence);
        if (c.length || u.length !== 1 || u[0].code !== 'no-indicator' || u[0].reason !== reason) wrong.push(`${sentence} → ${JSON.stringify({ c, u })}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('groups no condition field can state', () => {
  it('every one refuses the sentence, alone or in a list of groups', () => {
    const wrong: string[] = [];
    for (const w of UNSUPPORTED_FILTERS) {
      for (const sentence of [`${w}建筑装配率不应低于22%`, `政府投资的${w}等公共建筑执行二星级及以上绿色建筑标准`]) {
        const { c, u } = read(sentence);
        if (c.length || u[0]?.code !== 'scope-not-expressible') wrong.push(`${sentence} → ${JSON.stringify({ c, u })}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('project facts', () => {
  it('every word of every fact, before a requirement, makes the condition depend on it', () => {
    const wrong: string[] = [];
    for (const f of PROJECT_FACTS) {
      for (const [words, value] of [
        [f.words, true],
        [f.negated, false],
      ] as const) {
        for (const w of words) {
          const sentence = `${w.endsWith('的') ? w : `${w}的`}项目，单体装配率不低于50%`.replace('的项目的项目', '的项目').replace('项目的项目', '项目');
          const { c, u } = read(sentence);
          const ok = u.length === 0 && c.length === 1 && c[0].when?.[f.id] === value && 'indicator' in c[0] && c[0].indicator === 'assembly_ratio' && c[0].value === 50;
          if (!ok) wrong.push(`${sentence} → ${JSON.stringify({ c, u })}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('a requirement to adopt 装配式混凝土建筑 is never turned into a condition on the project', () => {
    const { c } = read('应采用装配式混凝土建筑，单体装配率不低于50%');
    for (const x of c) expect(x.when).toBeUndefined();
  });
});

describe('the whole floor area built as 装配式建筑', () => {
  it('adds nothing to a per-building requirement; any other share is refused', () => {
    const alone = read('单体装配率不低于50%').c;
    for (const w of WHOLE_AREA) {
      for (const verb of ['应采用装配式建筑技术', '应采用装配式建筑', '须按装配式建筑实施']) {
        expect(read(`${w}${verb}，单体装配率不低于50%`).c, `${w}${verb}`).toEqual(alone);
        expect(read(`${w}${verb}`).c, `${w}${verb} alone`).toEqual([]);
      }
    }
    for (const share of ['80%', '50%', '30%的']) {
      const { c, u } = read(`${share}建筑面积应采用装配式建筑技术，单体装配率不低于50%`);
      expect(c, share).toEqual([]);
      expect(u, share).toHaveLength(1);
    }
  });
});

describe('a group named with the topic of the requirement that follows', () => {
  const GROUPS: Array<[string, string[]]> = [
    ['住宅建筑', ['residential']],
    ['新建住宅', ['residential']],
    ['公共建筑', ['public']],
    ['住宅和公共建筑', ['residential', 'public']],
  ];
  it('every group × verb × topic word: the values after it apply to that group', () => {
    const wrong: string[] = [];
    for (const [group, use] of GROUPS) {
      for (const verb of ['应采用', '全部采用', '应全部采用', '须采用']) {
        for (const topic of ['装配式建筑', '装配式建筑技术']) {
          const sentence = `${group}${verb}${topic}，预制率不低于40%，装配率不低于60%`;
          const { c, u } = read(sentence);
          const ok =
            u.length === 0 &&
            c.length === 1 &&
            JSON.stringify(c[0]) ===
              JSON.stringify({
                allOf: [
                  { indicator: 'prefab_ratio', op: '>=', value: 40 },
                  { indicator: 'assembly_ratio', op: '>=', value: 60 },
                ],
                scope: 'building',
                appliesTo: { use },
              });
          if (!ok) wrong.push(`${sentence} → ${JSON.stringify({ c, u })}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('a value written for another group after it is refused, never given to both', () => {
    for (const [group] of GROUPS) {
      for (const other of ['公共建筑', '居住建筑', '政府投资项目']) {
        const { c, u } = read(`${group}应采用装配式建筑，${other}装配率不低于40%`);
        expect(c, `${group}/${other}`).toEqual([]);
        expect(u, `${group}/${other}`).toHaveLength(1);
      }
    }
    // A topic of another family names no value: refused.
    expect(read('住宅建筑应执行绿色建筑标准，装配率不低于50%').c).toEqual([]);
  });
});

describe('units and number forms of real clauses', () => {
  it('（含N万平方米） on an area bound, and 大于等于/小于等于 spelt out', () => {
    for (const [written, value] of [
      ['2万平方米', 20000],
      ['1.5万㎡', 15000],
      ['20000平方米', 20000],
    ] as const) {
      const { c } = read(`单体建筑面积${written}（含${written}）以上的公共建筑应达到二星级`);
      expect(c, written).toEqual([{ indicator: 'green_building_star', op: '>=', value: 2, scope: 'building', appliesTo: { use: ['public'], minFloorArea: value } }]);
    }
    expect(read('容积率：大于1.0，小于等于2.5').c[0]).toMatchObject({ allOf: [{ op: '>', value: 1 }, { op: '<=', value: 2.5 }] });
    expect(read('容积率大于或等于1.0且小于或等于2.5').c[0]).toMatchObject({ allOf: [{ op: '>=', value: 1 }, { op: '<=', value: 2.5 }] });
  });

  it('Chinese numerals right before a unit; never inside a word', () => {
    for (const [written, value] of [
      ['三十五%', 35],
      ['百分之三十五', 35],
      ['十二点五%', 12.5],
    ] as const) {
      expect(read(`绿地率不低于${written}`).c, written).toEqual([{ indicator: 'green_ratio', op: '>=', value, scope: 'project' }]);
    }
    expect(read('建筑高度不超过一百米').c).toEqual([{ indicator: 'building_height', op: '<=', value: 100, scope: 'project' }]);
    expect(read('单体建筑面积两万平方米（含）以上的公共建筑应达到二星级').c[0]).toMatchObject({ appliesTo: { use: ['public'], minFloorArea: 20000 } });
    expect(read('建筑高度二十七米以上的住宅建筑装配率不低于50%').c[0]).toMatchObject({ appliesTo: { use: ['residential'], height: { gte: 27 } } });
    // Without a unit a Chinese numeral is no value; inside a word (二类, 一种) it is no number.
    expect(read('绿地率不低于三十五').c).toEqual([]);
    expect(read('本宗地为二类居住用地，容积率不大于2.5').c).toEqual([{ indicator: 'far', op: '<=', value: 2.5, scope: 'project' }]);
  });

  it('a list of stages after the level (进行规划、设计和建设) joins nothing; 或 at the end is still refused', () => {
    for (const stages of ['进行设计和建设', '进行规划、设计、建设', '进行规划、设计和施工', '设计、建设']) {
      expect(read(`应按照绿色建筑二星级标准${stages}`).c, stages).toEqual([{ indicator: 'green_building_star', op: '>=', value: 2, scope: 'project' }]);
    }
    expect(read('绿地率不低于30%或').c).toEqual([]);
  });
});

describe('a later part without a group of its own', () => {
  it('after a part naming a group, a fact or bound alone is refused, never read as the whole project', () => {
    const wrong: string[] = [];
    // Facts that name a group themselves (保障性住房 → residential) are groups, not this case.
    const later = [...PROJECT_FACTS.filter((f) => !f.uses).flatMap((f) => f.words.filter((w) => !w.endsWith('的')).map((w) => `${w}的`)), '建筑高度100米以上的', '总建筑面积10万平方米以上的项目'];
    for (const first of ['新建公共建筑全部达到绿色建筑一星级以上', '住宅建筑装配率不低于50%']) {
      for (const l of later) {
        const sentence = `${first}，${l}${first.includes('星级') ? '达到二星级以上' : '装配率不低于60%'}`;
        const { c, u } = read(sentence);
        if (c.length || u.length !== 1) wrong.push(`${sentence} → ${JSON.stringify(c)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('单体 / 平均 belong to the part they are written in', () => {
  it('every pair of groups × every pair of aggregation words', () => {
    const words: Array<[string, string | undefined]> = [
      ['单体', undefined],
      ['平均', 'average'],
      ['单体或平均', 'eachOrAverage'],
    ];
    const wrong: string[] = [];
    for (const [g1, g2] of [
      ['住宅', '公共建筑'],
      ['公共建筑', '居住建筑'],
    ]) {
      for (const [w1, a1] of words) {
        for (const [w2, a2] of words) {
          const sentence = `${g1}${w1}装配率不低于50%，${g2}${w2}装配率不低于40%`;
          const { c, u } = read(sentence);
          if (u.length || c.length !== 2 || c[0].aggregate !== a1 || c[1].aggregate !== a2) wrong.push(`${sentence} → ${JSON.stringify(c)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
