// `npm run check --pdf` then `npm run verify` on real files: genuine with the original inputs;
// cannot tell (exit 2, what to provide) without them or with other inputs, naming what differs;
// altered (exit 1, which page) when the pages were changed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = process.cwd();
const SAMPLES = join(ROOT, 'seeds', 'samples');
const tmp = mkdtempSync(join(tmpdir(), 'landcheck-verify-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const cli = (name: string, ...args: string[]) => {
  const r = spawnSync(process.execPath, [join(ROOT, 'build', 'run-cli.mjs'), name, ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('check --pdf, then verify', () => {
  const sheet = join(SAMPLES, 'residential-jiading.xlsx');
  const conditions = join(SAMPLES, 'residential-jiading.conditions.json');
  const pdf = join(tmp, '报告.pdf');

  it('the report verifies against the same inputs', () => {
    const made = cli('check', sheet, '--conditions', conditions, '--pdf', pdf, '--org', '上海某审图公司');
    expect(made.code).toBe(0);
    expect(made.out).toContain('已生成审查意见书');
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const v = cli('verify', pdf, sheet, '--conditions', conditions);
    expect(v.code, v.out + v.err).toBe(0);
    expect(v.out).toMatch(/^核验结果：真实一致/);
    expect(v.out).not.toMatch(/npm|LANDCHECK|undefined/);
  });

  it('without the inputs: exit 2, says what to provide, does not call it altered', () => {
    const v = cli('verify', pdf);
    expect(v.code, v.out + v.err).toBe(2);
    expect(v.out).toMatch(/^核验结果：无法判断/);
    expect(v.out).toContain('请提供：');
    expect(v.out).toContain('residential-jiading.xlsx');
    expect(v.out).not.toContain('已被修改');
  });

  it('a page changed after issue: exit 1, names the page', () => {
    const bytes = readFileSync(pdf);
    const s = bytes.toString('latin1');
    // re-saved copy with one page removed (qpdf), as a forger would
    const forged = join(tmp, '少一页.pdf');
    spawnSync('qpdf', [pdf, '--pages', pdf, '1,3-z', '--', forged]);
    expect(s.startsWith('%PDF-')).toBe(true);
    const v = cli('verify', forged, sheet, '--conditions', conditions);
    expect(v.code, v.out + v.err).toBe(1);
    expect(v.out).toMatch(/^核验结果：已被修改/);
    expect(v.out).toContain('缺少第 2 页');
  });

  it('a changed threshold fails verification and names the condition', () => {
    const doc = JSON.parse(readFileSync(conditions, 'utf8'));
    const c = doc.conditions.find((x: { id: string }) => x.id === 'P2');
    c.value = 40;
    const changed = join(tmp, 'changed.json');
    writeFileSync(changed, JSON.stringify(doc));
    const v = cli('verify', pdf, sheet, '--conditions', changed);
    expect(v.code).toBe(2);
    expect(v.out).toMatch(/^核验结果：无法判断：所提供的输入不是出具该报告时所用的原始文件/);
    expect(v.out).toContain('条件 P2 的阈值不同');
  });

  it('a changed workbook value fails verification and names the cell', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sheet);
    const ws = wb.getWorksheet('单体指标')!;
    const cell = ws.getCell('F3');
    expect(typeof cell.value).toBe('number');
    cell.value = Number(cell.value) - 5;
    const changed = join(tmp, '改过.xlsx');
    await wb.xlsx.writeFile(changed);
    const v = cli('verify', pdf, changed, '--conditions', conditions);
    expect(v.code).toBe(2);
    expect(v.out).toContain('所提供的指标表 改过.xlsx 与报告记录的不是同一文件');
    expect(v.out).toContain('单体指标!F3');
  });

  it('a file that is not a report is bad input', () => {
    const v = cli('verify', conditions, sheet, '--conditions', conditions);
    expect(v.code).toBe(3);
    expect(v.err).toContain('不是 PDF');
  });
});

describe('check --pdf: outputs never overwrite inputs; no seal without an organisation', () => {
  const sheet = join(SAMPLES, 'residential-jiading.xlsx');
  const conditions = join(SAMPLES, 'residential-jiading.conditions.json');

  it('refuses an output that is the workbook or the condition file, and leaves it untouched', () => {
    const copy = join(tmp, '指标表.xlsx');
    writeFileSync(copy, readFileSync(sheet));
    const before = readFileSync(copy);
    const r = cli('check', copy, '--conditions', conditions, '--pdf', copy, '--org', '某审图公司');
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/输出文件.*(指标表|输入)/);
    expect(readFileSync(copy).equals(before)).toBe(true);
    const r2 = cli('check', sheet, '--conditions', conditions, '--xlsx', conditions);
    expect(r2.code).toBe(3);
  });

  it('a self-check report without --org carries no seal and says so', () => {
    const pdf = join(tmp, '自查.pdf');
    const r = cli('check', sheet, '--conditions', conditions, '--pdf', pdf, '--project', '嘉定某住宅项目');
    expect(r.code, r.err).toBe(0);
    const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
    expect(text).toContain('未指定审查单位（自查）');
    expect(text).toContain('不加盖印章');
    expect(text).toContain('项目名称嘉定某住宅项目');
    expect(text).not.toContain('出让条件合规自查');
    // and it verifies like any other report
    const v = cli('verify', pdf, sheet, '--conditions', conditions);
    expect(v.code, v.out).toBe(0);
  });
});
