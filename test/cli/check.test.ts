// `npm run check` end to end (through build/run-cli.mjs, as npm runs it): exit codes, the JSON contract, the Chinese table, and one clear
// Chinese message (exit 3, no stack trace) for every kind of bad input.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, openSync, closeSync, ftruncateSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { cfb, zipBomb } from '../helpers/files';
import { benchConditions, buildSheet } from '../../bench/sheet';

const ROOT = process.cwd();
const SAMPLES = join(ROOT, 'seeds', 'samples');
const tmp = mkdtempSync(join(tmpdir(), 'landcheck-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function check(...args: string[]) {
  const t = Date.now();
  const r = spawnSync(process.execPath, [join(ROOT, 'build', 'run-cli.mjs'), 'check', ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - t };
}

const sample = (name: string) => [join(SAMPLES, `${name}.xlsx`), '--conditions', join(SAMPLES, `${name}.conditions.json`)];

describe('check: verdicts and output', () => {
  it('a --json document of 1.5 MB reaches a pipe whole (the process waits for stdout to drain before it exits)', async () => {
    const sheet = join(tmp, 'large.xlsx');
    const conditions = join(tmp, 'large.conditions.json');
    writeFileSync(sheet, await buildSheet(200));
    writeFileSync(conditions, JSON.stringify(benchConditions()));
    const r = spawnSync(process.execPath, [join(ROOT, 'build', 'run-cli.mjs'), 'check', sheet, '--conditions', conditions, '--json'], { encoding: 'utf8', cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    expect(r.stdout.length).toBeGreaterThan(1_000_000);
    const doc = JSON.parse(r.stdout);
    expect(doc.findings.filter((f: { conditionId: string }) => f.conditionId === 'A1')).toHaveLength(200);
  }, 60_000);

  it('exit 0 and a Chinese table for a compliant project', () => {
    const r = check(...sample('residential-jiading'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('结论：符合');
    expect(r.stdout).toContain('单体指标!');
    expect(r.stderr).toBe('');
  });

  it('--json prints exactly one landcheck.result/v1 document; exit 1 on fail, 2 on incomplete', () => {
    const fail = check(...sample('public-mixed-songjiang'), '--json');
    expect(fail.code).toBe(1);
    const doc = JSON.parse(fail.stdout);
    expect(doc.format).toBe('landcheck.result/v1');
    expect(doc.overall).toBe('fail');
    expect(doc.input.file).toBe('public-mixed-songjiang.xlsx');
    expect(doc.input.sha256).toMatch(/^[0-9a-f]{64}$/);
    for (const f of doc.findings) {
      for (const k of ['conditionId', 'indicator', 'building', 'verdict', 'required', 'declared', 'computed', 'source', 'message']) {
        expect(f, k).toHaveProperty(k);
      }
      expect(['pass', 'fail', 'missing', 'review', 'not_applicable']).toContain(f.verdict);
    }
    const hotel = doc.findings.find((f: { conditionId: string; building: string }) => f.conditionId === 'G1' && f.building === 'C酒店');
    expect(hotel).toMatchObject({ verdict: 'fail', declared: 2, computed: 1 });
    const incomplete = check(...sample('messy-renovation'), '--json');
    expect(incomplete.code).toBe(2);
    expect(JSON.parse(incomplete.stdout).overall).toBe('incomplete');
  });
});

describe('check: bad input gives exit 3 and one Chinese message naming the file', () => {
  const conditions = join(SAMPLES, 'residential-jiading.conditions.json');
  const bad = (name: string, bytes: Buffer | string) => {
    const p = join(tmp, name);
    writeFileSync(p, bytes);
    return p;
  };
  const expectBad = (r: ReturnType<typeof check>, ...words: string[]) => {
    expect(r.code, r.stderr).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr.startsWith('错误：')).toBe(true);
    expect(r.stderr).not.toMatch(/\n\s+at |Error:|node:internal|\.ts:\d+/);
    for (const w of words) expect(r.stderr).toContain(w);
    expect(r.ms).toBeLessThan(15_000);
  };

  it('a missing workbook', () => expectBad(check(join(tmp, '不存在.xlsx'), '--conditions', conditions), '不存在.xlsx'));
  it('a legacy .xls', () => expectBad(check(bad('旧表.xls', cfb(['Root Entry', 'Workbook'])), '--conditions', conditions), '旧表.xls', '.xls'));
  it('a password-protected workbook', () =>
    expectBad(check(bad('加密.xlsx', cfb(['Root Entry', 'EncryptionInfo', 'EncryptedPackage'])), '--conditions', conditions), '加密.xlsx', '密码'));
  it('a corrupt workbook', () => {
    const whole = readFileSync(join(SAMPLES, 'residential-jiading.xlsx'));
    expectBad(check(bad('截断.xlsx', whole.subarray(0, whole.length / 2)), '--conditions', conditions), '截断.xlsx');
  });
  it('a 100 MB file, refused before reading it', () => {
    const p = join(tmp, '巨大.xlsx');
    copyFileSync(join(SAMPLES, 'residential-jiading.xlsx'), p);
    const fd = openSync(p, 'r+');
    ftruncateSync(fd, 100 * 1024 * 1024);
    closeSync(fd);
    expectBad(check(p, '--conditions', conditions), '巨大.xlsx', '过大');
  });
  it('an xlsx whose contents expand to gigabytes', () => {
    const r = check(bad('炸弹.xlsx', zipBomb(4)), '--conditions', conditions);
    expectBad(r, '炸弹.xlsx');
    expect(r.ms).toBeLessThan(10_000);
  });
  it('a condition file with a typo in a field name', () => {
    const doc = JSON.parse(readFileSync(conditions, 'utf8'));
    doc.conditions[1].indicater = doc.conditions[1].indicator;
    delete doc.conditions[1].indicator;
    const r = check(join(SAMPLES, 'residential-jiading.xlsx'), '--conditions', bad('typo.json', JSON.stringify(doc)));
    expectBad(r, 'typo.json', doc.conditions[1].id, 'indicater');
  });
  it('an unknown indicator', () => {
    const doc = JSON.parse(readFileSync(conditions, 'utf8'));
    doc.conditions[0].indicator = 'assembly_rate';
    const r = check(join(SAMPLES, 'residential-jiading.xlsx'), '--conditions', bad('unknown.json', JSON.stringify(doc)));
    expectBad(r, 'unknown.json', doc.conditions[0].id, 'assembly_rate', 'assembly_ratio');
  });
  it('a condition file that is not JSON', () => expectBad(check(...sample('residential-jiading').slice(0, 2), bad('broken.json', '{"format": ')), 'broken.json'));
  it('missing arguments and unknown flags', () => {
    expectBad(check(join(SAMPLES, 'residential-jiading.xlsx')), '--conditions');
    expectBad(check(...sample('residential-jiading'), '--pfd', 'x.pdf'), '--pfd');
  });
});
