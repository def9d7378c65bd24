import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson, describeRule, loadConditions, parseConditions, validateConditions } from '../../shared/conditions/index';
import { InputError } from '../../shared/errors';
import type { Rule } from '../../shared/model/types';

// The example of docs/formats.md §2, verbatim.
const SPEC_EXAMPLE = {
  format: 'landcheck.conditions/v1',
  contract: { number: '沪松规土(2025)第018号', parcel: 'SJC10018单元08-03地块', city: '上海市', signedOn: '2025-03-01' },
  conditions: [
    {
      id: 'G1', clause: '第十二条(一)', text: '新建公共建筑应达到绿色建筑二星级及以上',
      indicator: 'green_building_star', op: '>=', value: 2,
      scope: 'building', appliesTo: { use: ['public'], minFloorArea: 20000 },
    },
    {
      id: 'A1', clause: '第十三条', text: '单体预制率不低于40%或单体装配率不低于60%',
      anyOf: [
        { indicator: 'prefab_ratio', op: '>=', value: 40 },
        { indicator: 'assembly_ratio', op: '>=', value: 60 },
      ],
      scope: 'building',
    },
  ],
};

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** A document with one condition; `patch` edits that condition. */
function withCondition(c: Record<string, unknown>): Record<string, unknown> {
  return { format: 'landcheck.conditions/v1', conditions: [c] };
}

function errorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError');
}

const leaf = { id: 'A1', indicator: 'assembly_ratio', op: '>=', value: 60 };

describe('validateConditions: good files', () => {
  it('accepts the docs/formats.md §2 example unchanged', () => {
    const doc = validateConditions(clone(SPEC_EXAMPLE), 'contract.json');
    expect(doc.conditions).toHaveLength(2);
    expect(doc.conditions[0]).toMatchObject({ id: 'G1', scope: 'building', appliesTo: { minFloorArea: 20000 } });
    expect(doc.contract?.number).toBe('沪松规土(2025)第018号');
  });

  it('defaults scope to project and keeps the optional extension fields', () => {
    const doc = validateConditions(
      {
        format: 'landcheck.conditions/v1', title: '模板', notes: 'n', jurisdiction: '上海市', version: '2025-03',
        conditions: [{ ...leaf, source: '沪建建材〔2019〕765号', note: '说明', method: 'GB/T 51129-2017' }],
      },
      't.json',
    );
    expect(doc.conditions[0].scope).toBe('project');
    expect(doc.conditions[0].note).toBe('说明');
    expect(doc.jurisdiction).toBe('上海市');
  });

  it('accepts nested anyOf/allOf and booleans', () => {
    const doc = validateConditions(
      withCondition({
        id: 'X1',
        anyOf: [
          { allOf: [{ indicator: 'prefab_ratio', op: '>=', value: 40 }, { indicator: 'full_fitout', op: '==', value: true }] },
          { indicator: 'assembly_ratio', op: '>=', value: 60 },
        ],
      }),
      'n.json',
    );
    expect('anyOf' in doc.conditions[0]).toBe(true);
  });
});

describe('validateConditions: errors name file, condition and field', () => {
  const cases: Array<[string, Record<string, unknown>, string[]]> = [
    ['bad op', withCondition({ ...leaf, op: '=>' }), ['条件文件 x.json：条件 A1 的 op 字段无效（"=>"），应为 >=、>、<=、<、== 之一']],
    ['unknown indicator with suggestion', withCondition({ ...leaf, id: 'G2', indicator: 'assembly_rate' }), ['条件文件 x.json：条件 G2 引用了未知指标 "assembly_rate"（是否应为 "assembly_ratio"？）']],
    ['indicator written as its Chinese label', withCondition({ ...leaf, indicator: '装配率' }), ['条件 A1', '未知指标 "装配率"', '"assembly_ratio"']],
    ['input indicator', withCondition({ ...leaf, indicator: 'gb_total_score' }), ['条件 A1', 'gb_total_score', '计算输入项，不是合同指标']],
    ['unknown format', { ...clone(SPEC_EXAMPLE), format: 'landcheck.conditions/v2' }, ['format 字段无效', 'landcheck.conditions/v1']],
    ['missing conditions', { format: 'landcheck.conditions/v1' }, ['缺少 conditions 字段']],
    ['empty conditions', { format: 'landcheck.conditions/v1', conditions: [] }, ['conditions 为空']],
    ['duplicate ids', { format: 'landcheck.conditions/v1', conditions: [leaf, { ...leaf }] }, ['条件 A1 的 id 与第 1 条条件重复']],
    ['leaf with both indicator and anyOf', withCondition({ ...leaf, anyOf: [{ indicator: 'prefab_ratio', op: '>=', value: 40 }] }), ['条件 A1', 'indicator 和 anyOf']],
    ['empty anyOf', withCondition({ id: 'A1', anyOf: [] }), ['条件 A1 的 anyOf 不能为空']],
    ['unknown top-level field', { ...clone(SPEC_EXAMPLE), condition: [] }, ['顶层 含有未知字段 "condition"', '"conditions"']],
    ['typo indicater', withCondition({ id: 'A1', indicater: 'assembly_ratio', op: '>=', value: 60 }), ['条件 A1 含有未知字段 "indicater"（是否应为 "indicator"？）']],
    ['typo appliesto', withCondition({ ...leaf, appliesto: { use: ['public'] } }), ['条件 A1 含有未知字段 "appliesto"（是否应为 "appliesTo"？）']],
    ['boolean with >=', withCondition({ id: 'F1', indicator: 'full_fitout', op: '>=', value: true }), ['条件 F1 的 op 字段无效', '只能为 ==']],
    ['boolean with number', withCondition({ id: 'F1', indicator: 'full_fitout', op: '==', value: 1 }), ['条件 F1 的 value 字段无效（1）', 'true 或 false']],
    ['star 2.5', withCondition({ id: 'G1', indicator: 'green_building_star', op: '>=', value: 2.5 }), ['条件 G1 的 value 字段无效（2.5）', '0–3 的整数']],
    ['star 4', withCondition({ id: 'G1', indicator: 'green_building_star', op: '>=', value: 4 }), ['条件 G1 的 value', '0–3']],
    ['percent 120', withCondition({ ...leaf, value: 120 }), ['条件 A1 的 value 字段无效（120）', '0–100']],
    ['percent as string', withCondition({ ...leaf, value: '60%' }), ['条件 A1 的 value 字段类型错误（"60%"）']],
    ['negative area', withCondition({ id: 'S1', indicator: 'site_area', op: '>=', value: -5 }), ['条件 S1 的 value 字段无效（-5）', '不能为负数']],
    ['use not allowed', withCondition({ ...leaf, appliesTo: { use: ['office'] } }), ['条件 A1 的 appliesTo.use[0] 字段无效（"office"）', 'residential、public、industrial']],
    ['minFloorArea as text', withCondition({ ...leaf, appliesTo: { minFloorArea: '2万' } }), ['条件 A1 的 appliesTo.minFloorArea 字段类型错误（"2万"）', '数字']],
    ['minFloorArea negative', withCondition({ ...leaf, appliesTo: { minFloorArea: -1 } }), ['条件 A1 的 appliesTo.minFloorArea', '不能为负数']],
    ['bad scope', withCondition({ ...leaf, scope: 'site' }), ['条件 A1 的 scope 字段无效（"site"）', 'project、building']],
    ['missing op', withCondition({ id: 'A1', indicator: 'assembly_ratio', value: 60 }), ['条件 A1 缺少 op 字段']],
    ['no id: named by position', withCondition({ indicator: 'assembly_ratio', op: '>=', value: 60 }), ['第 1 条条件（无 id）', '缺少 id 字段']],
    ['error inside nested anyOf', withCondition({ id: 'A9', anyOf: [{ indicator: 'prefab_ratio', op: '>=', value: 40 }, { indicator: 'assembly_rate', op: '>=', value: 60 }] }), ['条件 A9 的 anyOf[1] 引用了未知指标 "assembly_rate"']],
    ['bad op inside nested allOf', withCondition({ id: 'A8', anyOf: [{ allOf: [{ indicator: 'prefab_ratio', op: '≥', value: 40 }] }] }), ['条件 A8 的 anyOf[0].allOf[0].op 字段无效（"≥"）']],
    ['op with anyOf', withCondition({ id: 'A9', op: '>=', anyOf: [{ indicator: 'prefab_ratio', op: '>=', value: 40 }] }), ['条件 A9 的 op 字段只能与 indicator 一起使用']],
  ];
  for (const [name, doc, parts] of cases) {
    it(name, () => {
      const e = errorOf(() => validateConditions(doc, 'x.json'));
      expect(e.message.startsWith('条件文件 x.json：')).toBe(true);
      for (const p of parts) expect(e.message).toContain(p);
      expect(e.message).not.toMatch(/Invalid|expected|received|at position/);
    });
  }

  it('reports the first problem by condition order and counts the rest', () => {
    const e = errorOf(() =>
      validateConditions({ format: 'landcheck.conditions/v1', conditions: [leaf, { ...leaf, id: 'B1', op: '=>' }, { ...leaf, id: 'B2', value: 900 }] }, 'x.json'),
    );
    expect(e.message).toContain('条件 B1 的 op');
    expect(e.message).toContain('另有 1 处问题');
  });
});

describe('parseConditions / loadConditions', () => {
  it('invalid JSON names line and column', () => {
    const e = errorOf(() => parseConditions('{\n  "format": "landcheck.conditions/v1",\n  "conditions": [ { "id": "A1" "op": ">=" } ]\n}', 'x.json'));
    expect(e.message).toContain('条件文件 x.json 不是有效的 JSON：第 3 行第');
    expect(e.message).toContain('"id": "A1"');
  });

  it('truncated JSON', () => {
    expect(errorOf(() => parseConditions('{"format": "landcheck.conditions/v1", "conditions": [', 'y.json')).message).toContain('意外结束');
  });

  it('reads a file with BOM, rejects missing and non-UTF-8 files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cond-'));
    const ok = join(dir, 'contract.json');
    writeFileSync(ok, `\uFEFF${JSON.stringify(SPEC_EXAMPLE, null, 2)}`);
    const doc = await loadConditions(ok);
    expect(doc.conditions.map((c) => c.id)).toEqual(['G1', 'A1']);

    await expect(loadConditions(join(dir, 'none.json'))).rejects.toThrow(/条件文件 .*none\.json 不存在/);
    const gbk = join(dir, 'gbk.json');
    writeFileSync(gbk, Buffer.from([0x7b, 0xc4, 0xe3, 0xba, 0xc3, 0xff, 0x7d]));
    await expect(loadConditions(gbk)).rejects.toThrow('条件文件 gbk.json 不是 UTF-8 编码的文本');
    const empty = join(dir, 'empty.json');
    writeFileSync(empty, '  \n');
    await expect(loadConditions(empty)).rejects.toThrow('条件文件 empty.json 为空');
  });
});

describe('describeRule and canonicalJson', () => {
  it('renders leaves and compound rules', () => {
    expect(describeRule({ indicator: 'green_building_star', op: '>=', value: 2 })).toBe('>= 2');
    const r: Rule = {
      anyOf: [
        { indicator: 'prefab_ratio', op: '>=', value: 40 },
        { allOf: [{ indicator: 'assembly_ratio', op: '>=', value: 60 }, { indicator: 'full_fitout', op: '==', value: true }] },
      ],
    };
    expect(describeRule(r)).toBe('预制率 >= 40 或 （装配率 >= 60 且 全装修 == true）');
  });

  it('canonical JSON sorts keys recursively and ignores layout', () => {
    const a = { b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' }, u: undefined };
    const b = JSON.parse('{ "a": { "c": "x", "d": [3, {"y": 2, "z": 1}] }, "b": 1 }');
    expect(canonicalJson(a)).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson(b)).toBe(canonicalJson(a));
    expect(canonicalJson([1, 'é', true, null])).toBe('[1,"é",true,null]');
  });
});
