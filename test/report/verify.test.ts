// Tamper checks: the report verifies against its own inputs and names what changed otherwise.
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReportPdf } from '../../shared/report/pdf';
import { verifyReport } from '../../shared/report/verify';
import { readReportManifest } from '../../shared/report/manifest';
import type { CheckRun, LeafRule } from '../../shared/model/types';
import { clone, makeRun } from './fixtures';

let pdf: Uint8Array;
const base = makeRun();

beforeAll(async () => {
  pdf = await renderReportPdf(base, { org: { name: '某某施工图审查中心' } });
});

describe('verifyReport', () => {
  it('matches the same inputs and verdicts (also when checked at another time, from another path)', () => {
    const again = makeRun();
    again.checkedAt = '2027-01-01T00:00:00.000Z';
    again.imported.file = '/elsewhere/x.xlsx';
    const out = verifyReport(pdf, again);
    expect(out).toMatchObject({ ok: true, differences: [] });
    expect(out.fingerprint).toBe(readReportManifest(pdf)!.fingerprint);
  });

  it('one value changed in the workbook: names the file, the cell and the finding', () => {
    const r: CheckRun = clone(base);
    r.imported.sha256 = r.result.input.sha256 = 'b'.repeat(64);
    const b2 = r.imported.buildings.find((b) => b.name === '2#楼')!;
    b2.values.assembly_ratio.value = 58;
    const f = r.result.findings.find((x) => x.conditionId === 'A1' && x.building === '2#楼')!;
    f.declared = 58;
    const out = verifyReport(pdf, r);
    expect(out.ok).toBe(false);
    expect(out.differences[0]).toMatch(/^指标表文件不同（报告中 sha256 a3f1c2d4e5b60718…，当前 bbbbbbbbbbbbbbbb…）$/);
    expect(out.differences).toContain('指标表 单体指标!H5（2#楼 装配率）的值不同：报告中 52%，当前 58%');
    expect(out.differences).toContain('2#楼 条件 A1 的申报值不同：报告中 52%，当前 58%');
  });

  it('one threshold changed: names the condition and both thresholds', () => {
    const r: CheckRun = clone(base);
    const a1 = r.conditions.conditions.find((c) => c.id === 'A1') as { anyOf: LeafRule[] };
    a1.anyOf[1].value = 65;
    const r1 = r.conditions.conditions.find((c) => c.id === 'R1') as unknown as LeafRule;
    r1.value = 80;
    const out = verifyReport(pdf, r);
    expect(out.ok).toBe(false);
    expect(out.differences).toContain('条件 A1 的阈值不同：报告中 预制率 ≥ 40% 或 装配率 ≥ 60%，当前 预制率 ≥ 40% 或 装配率 ≥ 65%');
    expect(out.differences).toContain('条件 R1 的阈值不同：报告中 年径流总量控制率 ≥ 75%，当前 年径流总量控制率 ≥ 80%');
  });

  it('a verdict changed by another engine: names the building and both verdicts, and the overall', () => {
    const r: CheckRun = clone(base);
    const g1 = r.result.findings.find((x) => x.conditionId === 'G1' && x.building === '3#楼')!;
    g1.verdict = 'fail';
    const out = verifyReport(pdf, r);
    expect(out.ok).toBe(false);
    expect(out.differences).toEqual(['3#楼 条件 G1 的结论不同：报告中 符合，当前 不符合']);
  });

  it('rule versions changed: names the rule data', () => {
    const r: CheckRun = clone(base);
    r.rules.assembly = 'GB/T 51129-2025';
    const out = verifyReport(pdf, r);
    expect(out.differences).toEqual(['规则数据 assembly 的版本不同：报告中 GB/T 51129-2017，当前 GB/T 51129-2025']);
  });

  it('a PDF without a manifest, or with a damaged one, does not verify', async () => {
    const plain = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
    const out = verifyReport(plain, base);
    expect(out.ok).toBe(false);
    expect(out.differences[0]).toContain('没有 LandCheck 报告指纹');

    const s = Buffer.from(pdf).toString('latin1');
    // flip one character inside the first manifest chunk
    const chunkAt = s.search(/\((?:[A-Za-z0-9+/]{200})/);
    expect(chunkAt).toBeGreaterThan(0);
    const damaged = Buffer.from(pdf);
    damaged[chunkAt + 50] = damaged[chunkAt + 50] === 0x41 ? 0x42 : 0x41;
    const out2 = verifyReport(damaged, base);
    expect(out2.ok).toBe(false);
    expect(out2.differences[0]).toContain('核验数据已损坏');
  });
});

describe('cli/verify.ts', () => {
  it('a missing report file is bad input: exit 3, one Chinese line, no stack trace', () => {
    const r = spawnSync('npx', ['tsx', 'cli/verify.ts', '/nonexistent/r.pdf', 'x.xlsx', '--conditions', 'c.json'], {
      cwd: new URL('../..', import.meta.url).pathname,
      encoding: 'utf8',
    });
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('找不到或无法读取报告文件');
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });
});
