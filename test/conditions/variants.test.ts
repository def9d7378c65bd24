// Generated variants (docs/contract-text.md): every label of every numeric contract indicator with
// every comparison word of the wording table reads as that comparison; every unknown qualifier
// put into a readable sentence blocks the reading; every policy word makes it a policy target.
// Behaviour comes from what the words mean, not from a list of known sentences.
import { describe, expect, it } from 'vitest';
import { conditionsFromText } from '../../shared/conditions/index';
import { LABELS } from '../../shared/conditions/tokens';
import { DISTINCT_NAMES, POLICY_WORDS, POSTFIX_COMPARATORS, PREFIX_COMPARATORS, STAR_WORDS } from '../../shared/conditions/words';
import type { Op } from '../../shared/model/types';

/** A value as a contract writes it in the indicator's unit, and its value in that unit. */
const WRITTEN: Record<string, Array<[string, number]>> = {
  '%': [['35%', 35], ['35％', 35], ['百分之三十五', 35], ['12.5%', 12.5]],
  'm²': [['2万平方米', 20000], ['20000㎡', 20000], ['1.5万m²', 15000]],
  m: [['80米', 80], ['100m', 100]],
  mm: [['33mm', 33], ['22.2毫米', 22.2]],
  '': [['2.5', 2.5], ['0.8', 0.8]],
  'kgCO₂/(m²·a)': [['25kgCO₂/(m²·a)', 25], ['18.5kgCO2/(m2·a)', 18.5]],
};

// Catalogue labels a clause may not use for the indicator (a different measure, DISTINCT_NAMES) are refused instead.
const distinct = (label: string) => DISTINCT_NAMES.some((d) => label.includes(d.word));
// Labels that carry a policy word ("城镇建筑可再生能源替代率", a sheet's label for the city-wide measure)
// are policy targets in a clause: tested with the policy words below.
const policy = (label: string) => POLICY_WORDS.some((w) => label.includes(w));
const numeric = LABELS.filter((l) => (l.def.type === 'number' || l.def.type === 'percent') && WRITTEN[l.def.unit] && !distinct(l.label) && !policy(l.label));
/** The indicator a clause's label reads as: its own, or the one it stands in for in a clause ("建筑节能率" → 节能率, to confirm). */
const readsAs = (def: (typeof LABELS)[number]['def']) => [def.id, ...(def.standsInFor ? [def.standsInFor.indicator] : [])];

function single(sentence: string) {
  const { doc, unparsed } = conditionsFromText(sentence);
  return { c: doc.conditions, u: unparsed };
}

describe('every label × every prefix comparison word', () => {
  it(`${numeric.length} labels × ${PREFIX_COMPARATORS.length} words × values`, () => {
    const wrong: string[] = [];
    let n = 0;
    for (const { label, def } of numeric) {
      for (const [k, cmp] of PREFIX_COMPARATORS.entries()) {
        // Each written form of the unit in turn (all of them over the comparison words).
        for (const [written, value] of [WRITTEN[def.unit][k % WRITTEN[def.unit].length]]) {
          const sentence = `${label}${cmp.word}${written}`;
          const { c, u } = single(sentence);
          n++;
          const got = c.length === 1 && 'indicator' in c[0] ? `${c[0].indicator} ${c[0].op} ${c[0].value}` : `${c.length} conditions, ${u.map((x) => x.reason).join('/')}`;
          if (!readsAs(def).some((id) => got === `${id} ${cmp.op} ${value}`)) wrong.push(`${sentence} → ${got}`);
        }
      }
    }
    expect(n).toBeGreaterThan(2000);
    expect(wrong).toEqual([]);
  });
});

describe('names of a different measure', () => {
  it('are refused wherever a catalogue label contains them', () => {
    const labels = LABELS.filter((l) => distinct(l.label));
    expect(labels.length).toBeGreaterThan(0);
    for (const { label } of labels) {
      const { c, u } = single(`${label}不低于35%`);
      expect(c, label).toEqual([]);
      expect(u[0]?.code, label).toBe('no-indicator');
    }
  });
});

describe('every postfix comparison word, with and without （含）/（不含）', () => {
  const strictOf: Record<Op, Op> = { '>=': '>', '>': '>', '<=': '<', '<': '<', '==': '==' };
  it('reads the bound and its inclusiveness', () => {
    const wrong: string[] = [];
    for (const p of POSTFIX_COMPARATORS) {
      for (const [tail, op] of [
        ['', p.op],
        ...(p.inclusive === 'statutory' ? [['(含)', p.op === '<=' ? '<=' : '>='], ['(不含)', strictOf[p.op]]] : []),
      ] as Array<[string, Op]>) {
        const sentence = `绿地率35%${p.word}${tail}`;
        const { c, u } = single(sentence);
        const got = c.length === 1 && 'indicator' in c[0] ? `${c[0].op} ${c[0].value}` : u.map((x) => x.reason).join('/');
        if (got !== `${op} 35`) wrong.push(`${sentence} → ${got}`);
        if (p.inclusive === 'statutory' && tail === '' && !(c[0]?.note ?? '').includes('民法典')) wrong.push(`${sentence}: no statutory note`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('star levels', () => {
  it('every star word, with prefix or suffix, and the comparisons', () => {
    const wrong: string[] = [];
    for (const w of STAR_WORDS) {
      for (const sentence of [`应达到绿色建筑${w.word}`, `应达到${w.word}绿色建筑`, `绿色建筑星级不低于${w.word}`, `执行绿色建筑${w.word}标准`, `按${w.word}及以上绿色建筑标准建设`]) {
        const { c, u } = single(sentence);
        const ok = c.length === 1 && 'indicator' in c[0] && c[0].indicator === 'green_building_star' && c[0].op === '>=' && c[0].value === w.value;
        if (!ok) wrong.push(`${sentence} → ${JSON.stringify(c)} ${u.map((x) => x.reason).join('/')}`);
        if (ok && w.confirm && !c[0].toConfirm) wrong.push(`${sentence}: ${w.word} not marked to confirm`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('ranges', () => {
  it('every separator, the unit on one or both ends', () => {
    for (const sep of ['-', '~', '～', '至', '—', '–', '－']) {
      for (const [text, lo, hi] of [['2.0{s}3.0', 2, 3], ['1.2{s}2.5', 1.2, 2.5]] as const) {
        const { c } = single(`容积率：${text.replace('{s}', sep)}`);
        expect(c, sep).toHaveLength(1);
        expect(c[0]).toMatchObject({ allOf: [{ indicator: 'far', op: '>=', value: lo }, { indicator: 'far', op: '<=', value: hi }] });
      }
      expect(single(`绿地率30%${sep}40%`).c[0]).toMatchObject({ allOf: [{ op: '>=', value: 30 }, { op: '<=', value: 40 }] });
      expect(single(`绿地率30${sep}40%`).c[0]).toMatchObject({ allOf: [{ op: '>=', value: 30 }, { op: '<=', value: 40 }] });
    }
    for (const [l, r, ops] of [['<', '≤', ['>', '<=']], ['≤', '<', ['>=', '<']], ['<', '<', ['>', '<']], ['＜', '≤', ['>', '<=']]] as const) {
      expect(single(`1.0${l}容积率${r}2.5`).c[0]).toMatchObject({ allOf: [{ op: ops[0], value: 1 }, { op: ops[1], value: 2.5 }] });
    }
  });
});

/** Real qualifiers no condition field can state: each must block the reading. */
const QUALIFIERS = ['改建', '既有', '沿街', '高层', '多层', '低层', '一期', '二期', '商业', '办公', '临街', '地下', '局部', '部分', '裙房', '塔楼', '试点', '近期', '首期', '中小套型', '精装', '租赁', '人才', '安置', '酒店', '养老'];
const BASES = [
  '住宅建筑应达到绿色建筑二星级',
  '公共建筑单体装配率不低于50%',
  '年径流总量控制率不低于75%',
  '新建住宅应采用全装修',
  '建筑高度100米以上的居住建筑单体预制率不低于15%',
  '单体或平均装配率不低于40%',
  '屋顶光伏覆盖率不低于50%',
];

describe('an unknown qualifier never becomes part of a silent reading', () => {
  it('every qualifier, in front of the sentence and in front of the indicator', () => {
    const emitted: string[] = [];
    for (const base of BASES) {
      expect(single(base).c.length, base).toBeGreaterThan(0);
      for (const q of QUALIFIERS) {
        for (const sentence of [`${q}${base}`, base.replace(/(绿色建筑|单体装配率|年径流总量控制率|全装修|单体预制率|装配率|屋顶光伏覆盖率)/, `${q}$1`)]) {
          const { c, u } = single(sentence);
          if (c.length > 0 || u.length !== 1) emitted.push(`${sentence} → ${JSON.stringify(c)}`);
        }
      }
    }
    expect(emitted).toEqual([]);
  });

  it('every policy word makes a policy target', () => {
    for (const w of POLICY_WORDS) {
      const { c, u } = single(`${w}建筑可再生能源替代率达到10%`);
      expect(c, w).toEqual([]);
      expect(u[0]?.code, w).toBe('policy-target');
    }
    const policyLabels = LABELS.filter((l) => policy(l.label));
    expect(policyLabels.length).toBeGreaterThan(0);
    for (const { label } of policyLabels) expect(single(`${label}不低于8%`).u[0]?.code, label).toBe('policy-target');
    for (const d of ['到2025年', '2025年底前', '至2030年', '“十四五”期间']) expect(single(`${d}，屋顶光伏覆盖率达到50%`).u[0]?.code, d).toBe('policy-target');
  });
});
