// Validation of the additions of docs/formats.md §6: each accepted in its documented form, each
// misuse named by one Chinese message with the condition id and the field.
import { describe, expect, it } from 'vitest';
import { validateConditions } from '../../shared/conditions/index';
import { InputError } from '../../shared/errors';

const leaf = { id: 'A1', indicator: 'assembly_ratio', op: '>=', value: 60, scope: 'building' };
const docOf = (c: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ format: 'landcheck.conditions/v1', conditions: [c], ...extra });

function message(doc: unknown): string {
  try {
    validateConditions(doc, 'x.json');
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('expected an InputError');
}

describe('additions: accepted as documented', () => {
  it('every new field at once', () => {
    const doc = validateConditions(
      docOf(
        {
          ...leaf,
          appliesTo: { use: ['residential'], height: { gt: 100 }, floors: { gte: 12, lte: 33 }, floorArea: { lt: 10000 }, projectFloorArea: { gte: 30000 } },
          aggregate: 'eachOrAverage',
          parcel: '5-3',
          inForce: { from: '2025-09-01', to: '2030-12-31' },
          when: { government_investment: false, key_area: true },
          companion: { design_rainfall: 22.2 },
          toConfirm: '“高星级”按二星级及以上理解，请确认',
        },
        { facts: { government_investment: false } },
      ),
      'x.json',
    );
    expect(doc.conditions[0]).toMatchObject({ aggregate: 'eachOrAverage', parcel: '5-3', companion: { design_rainfall: 22.2 } });
    expect(doc.facts).toEqual({ government_investment: false });
  });
});

describe('additions: errors name the condition and the field', () => {
  const cases: Array<[string, unknown, string[]]> = [
    ['aggregate value', docOf({ ...leaf, aggregate: 'mean' }), ['条件 A1 的 aggregate 字段无效（"mean"）', 'each、average、eachOrAverage']],
    ['aggregate on project scope', docOf({ ...leaf, scope: 'project', aggregate: 'average' }), ['条件 A1 的 aggregate 字段只能用于 scope 为 building']],
    ['average of a boolean', docOf({ id: 'F1', indicator: 'full_fitout', op: '==', value: true, scope: 'building', aggregate: 'average' }), ['条件 F1 的 aggregate 字段无效', '不能取平均']],
    ['height on project scope', docOf({ ...leaf, scope: 'project', appliesTo: { height: { gt: 100 } } }), ['条件 A1 的 appliesTo.height 字段按单体筛选']],
    ['empty bound', docOf({ ...leaf, appliesTo: { height: {} } }), ['条件 A1 的 appliesTo.height 至少要写 gt、gte、lt、lte 之一']],
    ['gt and gte', docOf({ ...leaf, appliesTo: { height: { gt: 24, gte: 24 } } }), ['条件 A1 的 appliesTo.height 同时写了 gt 和 gte']],
    ['empty range', docOf({ ...leaf, appliesTo: { floors: { gt: 30, lt: 12 } } }), ['条件 A1 的 appliesTo.floors 的下限 30 与上限 12 之间没有任何数值']],
    ['bound typo', docOf({ ...leaf, appliesTo: { height: { gtt: 100 } } }), ['条件 A1', '未知字段 "gtt"（是否应为 "gt"？）']],
    ['bound as text', docOf({ ...leaf, appliesTo: { height: { gt: '100米' } } }), ['条件 A1 的 appliesTo.height.gt 字段类型错误（"100米"）']],
    ['bad date', docOf({ ...leaf, inForce: { from: '2025-02-30' } }), ['条件 A1 的 inForce.from 不是有效日期']],
    ['from after to', docOf({ ...leaf, inForce: { from: '2026-01-01', to: '2025-01-01' } }), ['条件 A1 的 inForce 的起始日期 2026-01-01 晚于截止日期 2025-01-01']],
    ['inForce typo', docOf({ ...leaf, inForce: { form: '2025-01-01' } }), ['条件 A1', '未知字段 "form"（是否应为 "from"？）']],
    ['unknown fact', docOf({ ...leaf, when: { goverment_investment: true } }), ['条件 A1 的 when 引用了未知的项目事实 "goverment_investment"（是否应为 "government_investment"？）']],
    ['fact as text', docOf({ ...leaf, when: { government_investment: '是' } }), ['条件 A1 的 when.government_investment 字段类型错误（"是"）', 'true 或 false']],
    ['unknown doc fact', docOf(leaf, { facts: { affordable: true } }), ['facts 中有未知的项目事实 "affordable"']],
    ['companion unknown', docOf({ ...leaf, companion: { rainfall: 22.2 } }), ['条件 A1 的 companion 引用了未知指标 "rainfall"']],
    ['companion boolean indicator', docOf({ ...leaf, companion: { full_fitout: 1 } }), ['条件 A1 的 companion 中 全装修（full_fitout）不是数值指标']],
    ['empty parcel', docOf({ ...leaf, parcel: ' ' }), ['条件 A1 的 parcel 不能为空']],
    ['typo agregate', docOf({ ...leaf, agregate: 'average' }), ['条件 A1 含有未知字段 "agregate"（是否应为 "aggregate"？）']],
  ];
  for (const [name, doc, parts] of cases) {
    it(name, () => {
      const m = message(doc);
      expect(m.startsWith('条件文件 x.json：')).toBe(true);
      for (const p of parts) expect(m).toContain(p);
      expect(m).not.toMatch(/Invalid|expected|received|\{C\}|\{P\}|\{F\}/);
    });
  }
});

describe('docs/formats.md', () => {
  it('every condition-file example in the format spec is valid', async () => {
    const { readFileSync } = await import('node:fs');
    const md = readFileSync('docs/formats.md', 'utf8');
    const blocks = [...md.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]).filter((b) => b.includes('"landcheck.conditions/v1"'));
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    for (const b of blocks) expect(() => validateConditions(JSON.parse(b), 'docs/formats.md')).not.toThrow();
  });
});
