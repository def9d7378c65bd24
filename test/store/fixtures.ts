// Builders of realistic ImportResult / ConditionsDoc / CheckRun objects and temp dirs for the store tests.

import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CheckRun, ConditionsDoc, Finding, ImportedValue, ImportResult, Overall } from '../../shared/model/types.js';

export function tempDir(): { dir: string; file: (name: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'landcheck-store-'));
  return { dir, file: (n) => join(dir, n), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function value(indicator: string, v: number, cell: string): ImportedValue {
  return { indicator, value: v, raw: String(v), source: `单体指标!${cell}`, label: indicator, interpretation: `数值 ${v}`, status: 'ok' };
}

export function makeImport(buildings = 3, seed = 'a'): ImportResult {
  const sha256 = createHash('sha256').update(`workbook-${seed}-${buildings}`).digest('hex');
  return {
    file: `指标表-${seed}.xlsx`,
    sha256,
    sheets: ['项目指标', '单体指标'],
    project: { green_ratio: value('green_ratio', 35.2, 'C5'), far: value('far', 2.5, 'C6') },
    buildings: Array.from({ length: buildings }, (_, i) => ({
      name: `${i + 1}#楼`,
      nameSource: `单体指标!A${i + 4}`,
      use: 'residential' as const,
      floorArea: 10000 + i * 137.5,
      values: {
        green_building_star: value('green_building_star', 2, `G${i + 4}`),
        prefab_ratio: value('prefab_ratio', 50 + (i % 7), `H${i + 4}`),
      },
    })),
    surfaces: [{ name: '绿地', area: 1234.5, coefficient: 0.15, source: '径流!B3' }],
    issues: [{ level: 'warning', message: '单体指标!H9 为空', source: '单体指标!H9' }],
  };
}

export function makeConditions(threshold = 30): ConditionsDoc {
  return {
    format: 'landcheck.conditions/v1',
    contract: { number: '沪规划资源让〔2024〕12号', parcel: 'A-01', city: '上海' },
    conditions: [
      { id: 'C1', indicator: 'green_ratio', op: '>=', value: threshold, scope: 'project', text: `绿地率不低于${threshold}%` },
      { id: 'C2', indicator: 'green_building_star', op: '>=', value: 2, scope: 'building', text: '绿色建筑二星级及以上' },
    ],
  };
}

export function makeRun(imp: ImportResult, conditions: ConditionsDoc, overall: Overall = 'pass'): CheckRun {
  const findings: Finding[] = [
    {
      conditionId: 'C1',
      indicator: 'green_ratio',
      building: null,
      verdict: overall === 'fail' ? 'fail' : 'pass',
      required: '≥ 30%',
      declared: 35.2,
      computed: null,
      source: '项目指标!C5',
      message: '绿地率 35.2% 满足不低于 30% 的要求',
    },
    ...imp.buildings.map(
      (b): Finding => ({
        conditionId: 'C2',
        indicator: 'green_building_star',
        building: b.name,
        verdict: 'pass',
        required: '≥ 二星级',
        declared: 2,
        computed: 2,
        source: b.values.green_building_star!.source,
        message: `${b.name} 绿色建筑二星级，满足要求`,
        calculation: {
          method: 'greenStar',
          indicator: 'green_building_star',
          value: 2,
          clause: 'GB/T 50378-2019 §3.2.8',
          formula: 'Q = (Q0 + Q1 + … + Q5 + QA) / 10',
          inputs: [{ label: '控制项', value: true }, { label: '安全耐久', value: 70 }],
          steps: ['控制项全部满足', '总得分 72 分 ≥ 70 分', '判定为二星级'],
          confidence: 'confirmed',
          notes: [],
        },
      }),
    ),
  ];
  return {
    result: { format: 'landcheck.result/v1', overall, input: { file: imp.file, sha256: imp.sha256 }, findings },
    imported: imp,
    conditions,
    conditionsFile: '出让条件.json',
    conditionsSha256: createHash('sha256').update(JSON.stringify(conditions)).digest('hex'),
    rules: { indicators: '2025-01' },
    checkedAt: '2025-03-01T08:00:00.000Z',
  };
}
