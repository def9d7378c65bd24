// Result assembly: import warnings into `result.warnings`, a coverage summary into
// `result.coverage`, and the readable command-line output of both; end to end on a real workbook.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { checkImported, coverageSummary, runCheck } from '../../shared/check/run';
import type { ConditionsDoc, ImportedValue, ImportResult, UnreadBlock } from '../../shared/model/types';

const ROOT = process.cwd();
const tmp = mkdtempSync(join(tmpdir(), 'landcheck-run-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const v = (indicator: string, value: number, source: string): ImportedValue => ({
  indicator,
  value,
  raw: String(value),
  source,
  label: indicator,
  interpretation: '',
  status: 'ok',
});

function imp(extra: Partial<ImportResult> = {}): ImportResult {
  return {
    file: '/somewhere/项目.xlsx',
    sha256: 'a'.repeat(64),
    sheets: ['指标'],
    project: { green_ratio: v('green_ratio', 36, '指标!C7') },
    buildings: [],
    surfaces: [],
    issues: [],
    ...extra,
  };
}

const conditions: ConditionsDoc = {
  format: 'landcheck.conditions/v1',
  contract: { city: '上海市', parcel: '08-03地块' },
  conditions: [{ id: 'L1', indicator: 'green_ratio', op: '>=', value: 35 }],
};

describe('result.warnings', () => {
  it('carries every import issue with its cell and indicator', () => {
    const run = checkImported(
      imp({
        issues: [
          { level: 'warning', message: '指标!C7：绿地率出现两次且数值不同', source: '指标!C7', indicator: 'green_ratio' },
          { level: 'warning', message: '工作表“旧版”为隐藏工作表，未读取' },
        ],
      }),
      conditions,
      'c.json',
    );
    expect(run.result.warnings).toEqual([
      { message: '指标!C7：绿地率出现两次且数值不同', source: '指标!C7', indicator: 'green_ratio' },
      { message: '工作表“旧版”为隐藏工作表，未读取' },
    ]);
  });

  it('is absent when there is nothing to say, and names the parcel checked in a several-parcel workbook', () => {
    expect(checkImported(imp(), conditions, 'c.json').result.warnings).toBeUndefined();
    const parcels = [
      { name: '08-02地块', nameSource: '指标!B2', project: { green_ratio: v('green_ratio', 30, '指标!C7') }, buildings: [], surfaces: [] },
      { name: '08-03地块', nameSource: '指标!E2', project: { green_ratio: v('green_ratio', 36, '指标!F7') }, buildings: [], surfaces: [] },
    ];
    const run = checkImported(imp({ project: {}, parcels }), conditions, 'c.json');
    expect(run.result.findings[0]).toMatchObject({ verdict: 'pass', source: '指标!F7' });
    expect(run.result.warnings).toEqual([{ message: '工作簿含 2 个地块（08-02地块、08-03地块），按合同所指地块“08-03地块”（指标!E2）审查', source: '指标!E2' }]);
  });
});

describe('result.coverage', () => {
  const unread: UnreadBlock = { sheet: '海绵', range: 'B20:F28', title: '调蓄设施', indicators: ['storage_provided'], reason: '表头无法识别' };
  const imported = imp({
    unread: [unread],
    coverage: [
      { sheet: '指标', state: 'visible', cells: 80, used: 60, unusedLabels: [{ source: '指标!B30', label: '绿地率', indicator: 'green_ratio', reason: '规划条件列' }] },
      { sheet: '海绵', state: 'visible', cells: 20, used: 5, unusedLabels: [] },
      { sheet: '旧版', state: 'hidden', cells: 300, used: 0, unusedLabels: [] },
      { sheet: '模板', state: 'veryHidden', cells: 10, used: 0, unusedLabels: [] },
    ],
  });

  it('summarises skipped sheets, unread tables, unused labels and the share of visible cells used', () => {
    expect(coverageSummary(imported)).toEqual({
      skippedSheets: [
        { sheet: '旧版', state: 'hidden' },
        { sheet: '模板', state: 'veryHidden' },
      ],
      unread: [unread],
      unusedLabels: 1,
      usedShare: 0.65, // (60 + 5) / (80 + 20): hidden sheets do not count
    });
    const run = checkImported(imported, conditions, 'c.json');
    expect(run.result.coverage?.usedShare).toBe(0.65);
    // the unread 调蓄设施 table does not concern 绿地率
    expect(run.result.findings[0].verdict).toBe('pass');
  });

  it('is absent for an import without coverage (results stored before it existed)', () => {
    expect(coverageSummary(imp())).toBeUndefined();
    expect(checkImported(imp(), conditions, 'c.json').result.coverage).toBeUndefined();
  });
});

describe('end to end on a workbook', () => {
  // A key/value sheet: 绿地率 stated once (45 %) and again as an error cell (#DIV/0!: an import
  // warning, not a second value), and its parts (绿地面积 3800, 用地面积 10000 → 38 %).
  // (Two different values would be a conflict, and a conflict is review: docs/evidence-policy.md.)
  async function workbook(): Promise<string> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('主要技术经济指标');
    const data: [string, number | string | ExcelJS.CellErrorValue, string][] = [
      ['项目名称', '测试项目', ''],
      ['总用地面积', 10000, 'm²'],
      ['绿地面积', 3800, 'm²'],
      ['绿地率', 0.45, '%'],
      ['容积率', 1.8, ''],
      ['绿地率', { error: '#DIV/0!' }, '%'],
    ];
    data.forEach(([label, value, unit], i) => {
      ws.getCell(i + 2, 1).value = label;
      ws.getCell(i + 2, 2).value = value;
      if (typeof value === 'number' && unit === '%') ws.getCell(i + 2, 2).numFmt = '0.0%';
      if (unit) ws.getCell(i + 2, 3).value = unit;
    });
    const path = join(tmp, '指标表.xlsx');
    await wb.xlsx.writeFile(path);
    return path;
  }
  const conditionsFile = () => {
    const p = join(tmp, '条件.json');
    writeFileSync(p, JSON.stringify({ ...conditions, contract: { city: '上海市' } }));
    return p;
  };

  it('the JSON result carries the import warning, the verdict basis and the consistency remark', async () => {
    const run = await runCheck({ sheetPath: await workbook(), conditionsPath: conditionsFile() });
    const f = run.result.findings[0];
    expect(f).toMatchObject({ verdict: 'pass', basis: 'disagree-both-pass', declared: 45, computed: 38, source: '主要技术经济指标!B5' });
    expect(f.remarks).toEqual(['一致性提示：申报值 45% 与复核值 38% 不一致，两者均满足要求']);
    expect(run.result.warnings?.some((w) => w.message.includes('绿地率另有一处无法读取') && w.indicator === 'green_ratio')).toBe(true);
  });

  it('the readable output prints the remark and the warnings in Chinese', async () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'build', 'run-cli.mjs'), 'check', await workbook(), '--conditions', conditionsFile()], {
      encoding: 'utf8',
      cwd: ROOT,
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('一致性提示：申报值 45% 与复核值 38% 不一致，两者均满足要求');
    expect(r.stdout).toMatch(/导入提示（\d+ 条）：\n(- .*\n)*- .*绿地率另有一处无法读取/);
    expect(r.stderr).toBe('');
  });
});
