// Pure helpers of the renderer (no DOM): project order, condition editing, files, JSON errors.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProjectRow } from '../../shared/api/contract';
import type { Condition, ConditionsDoc } from '../../shared/model/types';
import { sortProjects } from '../../renderer/sort';
import { describe as describeRule, nextId, withKind, CONDITION_INDICATORS } from '../../renderer/conditions-edit';
import { base64ToBytes, fileToBase64, jsonErrorWhere, mimeOf } from '../../renderer/encode';

const row = (id: number, name: string, updatedAt: string, lastOverall: ProjectRow['lastOverall'] = null): ProjectRow => ({
  id,
  name,
  parcel: null,
  archived: false,
  createdAt: updatedAt,
  updatedAt,
  lastOverall,
});

describe('sortProjects', () => {
  const rows = [
    row(1, '松江新城项目10', '2025-03-02T00:00:00Z', 'pass'),
    row(2, '宝山项目', '2025-03-05T00:00:00Z', null),
    row(3, '浦东项目', '2025-03-01T00:00:00Z', 'fail'),
    row(4, '松江新城项目9', '2025-03-04T00:00:00Z', 'incomplete'),
  ];
  it('sorts names by pinyin with numbers in numeric order', () => {
    expect(sortProjects(rows, 'name').map((r) => r.name)).toEqual(['宝山项目', '浦东项目', '松江新城项目9', '松江新城项目10']);
  });
  it('puts the most recently changed first', () => {
    expect(sortProjects(rows, 'updated').map((r) => r.id)).toEqual([2, 4, 1, 3]);
  });
  it('puts failing projects first, unchecked last', () => {
    expect(sortProjects(rows, 'verdict').map((r) => r.lastOverall)).toEqual(['fail', 'incomplete', 'pass', null]);
  });
  it('does not change its input', () => {
    const copy = rows.map((r) => r.id);
    sortProjects(rows, 'name');
    expect(rows.map((r) => r.id)).toEqual(copy);
  });
});

describe('condition editing', () => {
  const sample = JSON.parse(readFileSync(join(import.meta.dirname, '../../seeds/samples/residential-jiading.conditions.json'), 'utf8')) as ConditionsDoc;
  const leaf = sample.conditions.find((c) => c.id === 'P2')!;
  const anyOf = sample.conditions.find((c) => c.id === 'A1')!;

  it('offers only condition indicators', () => {
    expect(CONDITION_INDICATORS.some((d) => d.id === 'green_ratio')).toBe(true);
    expect(CONDITION_INDICATORS.some((d) => d.id === 'green_area')).toBe(false);
  });
  it('describes rules in Chinese with units', () => {
    expect(describeRule(leaf)).toBe('绿地率 ≥ 35%');
    expect(describeRule(anyOf)).toBe('预制率 ≥ 40% 或 装配率 ≥ 60%');
  });
  it('turns a single rule into 或 branches and back, keeping clause, text and scope', () => {
    const branches = withKind(leaf, 'anyOf') as Condition & { anyOf: unknown[] };
    expect(branches.anyOf).toHaveLength(2);
    expect(branches.anyOf[0]).toEqual({ indicator: 'green_ratio', op: '>=', value: 35 });
    expect(branches.clause).toBe(leaf.clause);
    expect('indicator' in branches).toBe(false);
    const back = withKind(branches, 'leaf');
    expect(back).toMatchObject({ id: 'P2', clause: leaf.clause, text: leaf.text, indicator: 'green_ratio', op: '>=', value: 35 });
    expect('anyOf' in back).toBe(false);
  });
  it('switches 或 to 且 keeping the branches', () => {
    const all = withKind(anyOf, 'allOf') as Condition & { allOf: unknown[] };
    expect(all.allOf).toEqual((anyOf as unknown as { anyOf: unknown[] }).anyOf);
    expect(all.scope).toBe('building');
    expect(all.appliesTo).toEqual({ use: ['residential'] });
  });
  it('picks an unused id', () => {
    const doc: ConditionsDoc = { format: 'landcheck.conditions/v1', conditions: [{ ...leaf, id: 'C2' }] };
    expect(nextId(doc)).toBe('C3');
    expect(nextId({ ...doc, conditions: [{ ...leaf, id: 'C1' }] })).toBe('C2');
  });
});

describe('files', () => {
  it('round-trips a real workbook through base64', async () => {
    const bytes = readFileSync(join(import.meta.dirname, '../../seeds/samples/residential-jiading.xlsx'));
    const b64 = await fileToBase64(new Blob([bytes]));
    expect(b64).toBe(bytes.toString('base64'));
    expect(Buffer.from(base64ToBytes(b64)).equals(bytes)).toBe(true);
  });
  it('knows the download types', () => {
    expect(mimeOf('报告.PDF')).toBe('application/pdf');
    expect(mimeOf('x.xlsx')).toMatch(/spreadsheetml/);
    expect(mimeOf('x.bin')).toBe('application/octet-stream');
  });
  it('says where a JSON text is broken, in Chinese', () => {
    const where = (t: string) => {
      try {
        JSON.parse(t);
        return 'ok';
      } catch (e) {
        return jsonErrorWhere(t, e);
      }
    };
    expect(where('{"format": ')).toBe('内容不完整（文件可能被截断或为空）');
    expect(where('')).toBe('内容不完整（文件可能被截断或为空）');
    expect(where('{\n  "a": 1,\n  "b" 2\n}')).toBe('第 3 行第 7 列附近格式错误');
  });
});
