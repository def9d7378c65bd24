// Condition files, report PDFs, certificates and seal images that are hostile or not files at all,
// and outputs that would overwrite an input — through the command line (child process, peak
// memory measured). Every case: exit 3, one Chinese message, inputs unchanged.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, ftruncateSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_CONDITIONS, SAMPLE_XLSX, cli, tempDir, write } from './hostile';
import { expectRefused } from './expect';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
let sheet: string;
let conditions: string;
let before: Record<string, string>;

beforeAll(() => {
  sheet = tmp.path('指标表.xlsx');
  conditions = tmp.path('条件.json');
  copyFileSync(SAMPLE_XLSX, sheet);
  copyFileSync(SAMPLE_CONDITIONS, conditions);
  before = { sheet: sha(sheet), conditions: sha(conditions) };
});

function inputsUnchanged(): void {
  expect(sha(sheet)).toBe(before.sheet);
  expect(sha(conditions)).toBe(before.conditions);
}

function fifo(name: string): string {
  const p = tmp.path(name);
  execFileSync('mkfifo', [p]);
  return p;
}

function sparse(name: string, bytes: number): string {
  const p = tmp.path(name);
  const fd = openSync(p, 'w');
  ftruncateSync(fd, bytes);
  closeSync(fd);
  return p;
}

const checkWith = (cond: string) => cli('check', [sheet, '--conditions', cond]);

describe('condition files', () => {
  it('/dev/zero as the conditions', async () => expectRefused(await checkWith('/dev/zero'), '条件文件', '/dev/zero', '不是普通文件'));
  it('a FIFO as the conditions: no hang', async () => expectRefused(await checkWith(fifo('条件管道.json')), '条件管道.json', '不是普通文件'));
  it('a folder as the conditions', async () => {
    mkdirSync(tmp.path('条件夹.json'));
    expectRefused(await checkWith(tmp.path('条件夹.json')), '条件夹.json', '文件夹');
  });
  it('a huge condition file (sparse, 200 MB): refused by size, never read', async () =>
    expectRefused(await checkWith(sparse('巨大条件.json', 200 * 1024 * 1024)), '巨大条件.json', '过大', '4.0 MB'));
  it('anyOf nested 1,000 deep: names the file and the condition', async () => {
    let rule: unknown = { indicator: 'far', op: '<=', value: 2 };
    for (let i = 0; i < 1000; i++) rule = { anyOf: [rule] };
    const doc = JSON.parse(readFileSync(SAMPLE_CONDITIONS, 'utf8'));
    doc.conditions[1].rule = rule;
    doc.conditions[1].id = 'Q9';
    delete doc.conditions[1].op;
    delete doc.conditions[1].value;
    delete doc.conditions[1].indicator;
    const p = write(tmp.path('深层条件.json'), JSON.stringify(doc));
    expectRefused(await checkWith(p), '深层条件.json', '条件 Q9', '嵌套超过 10 层');
  });
  it('any JSON nested 200,000 deep (no stack overflow): names the file and where', async () => {
    const d = 200_000;
    const p = write(tmp.path('深层数组.json'), `{"format":"landcheck.conditions/v1","contract":{"parcel":${'['.repeat(d)}1${']'.repeat(d)}},"conditions":[]}`);
    expectRefused(await checkWith(p), '深层数组.json', 'contract.parcel', '嵌套超过 64 层');
  });
  it('a condition file that is not UTF-8', async () =>
    expectRefused(await checkWith(write(tmp.path('编码.json'), Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))), '编码.json', 'UTF-8'));
});

describe('outputs never overwrite inputs', () => {
  it('--pdf is the workbook itself', async () => {
    expectRefused(await cli('check', [sheet, '--conditions', conditions, '--pdf', sheet]), '与输入的指标表', '是同一个文件');
    inputsUnchanged();
  });
  it('--xlsx is the condition file spelt another way (dir/../file)', async () => {
    mkdirSync(tmp.path('子目录'), { recursive: true });
    expectRefused(await cli('check', [sheet, '--conditions', conditions, '--xlsx', join(tmp.dir, '子目录', '..', '条件.json')]), '与输入的条件文件', '是同一个文件');
    inputsUnchanged();
  });
  it('--pdf is a hard link to the workbook', async () => {
    linkSync(sheet, tmp.path('硬链接.pdf'));
    expectRefused(await cli('check', [sheet, '--conditions', conditions, '--pdf', tmp.path('硬链接.pdf')]), '硬链接.pdf', '与输入的指标表');
    inputsUnchanged();
  });
  it('--xlsx is a symlink to the condition file', async () => {
    symlinkSync(conditions, tmp.path('软链接.xlsx'));
    expectRefused(await cli('check', [sheet, '--conditions', conditions, '--xlsx', tmp.path('软链接.xlsx')]), '软链接.xlsx', '与输入的条件文件');
    inputsUnchanged();
  });
  it('--pdf is the seal image', async () => {
    const png = write(tmp.path('印章.png'), Buffer.from('89504e470d0a1a0a', 'hex'));
    const h = sha(png);
    expectRefused(await cli('check', [sheet, '--conditions', conditions, '--seal-png', png, '--pdf', png]), '与输入的印章图片');
    expect(sha(png)).toBe(h);
  });
  it('--pdf and --xlsx are the same file', async () => {
    const r = await cli('check', [sheet, '--conditions', conditions, '--pdf', tmp.path('同一.out'), '--xlsx', tmp.path('同一.out')]);
    expectRefused(r, '是同一个文件', '同一.out');
    expect(existsSync(tmp.path('同一.out'))).toBe(false);
  });
  it('--pdf is a folder', async () => {
    mkdirSync(tmp.path('输出夹'), { recursive: true });
    expectRefused(await cli('check', [sheet, '--conditions', conditions, '--pdf', tmp.path('输出夹')]), '输出夹', '文件夹');
  });
  it('--pdf is a device (/dev/null)', async () => expectRefused(await cli('check', [sheet, '--conditions', conditions, '--pdf', '/dev/null']), '/dev/null', '不是普通文件'));
  it('--pdf in a folder that does not exist', async () => {
    expectRefused(await cli('check', [sheet, '--conditions', conditions, '--pdf', tmp.path('没有/报告.pdf')]), '报告.pdf', '所在文件夹不存在');
    inputsUnchanged();
  });
  it('an existing output is replaced whole (temporary file and rename), with its permissions, and no temporary file stays', async () => {
    const out = write(tmp.path('旧报告.pdf'), 'old content');
    execFileSync('chmod', ['640', out]);
    const inodeBefore = statSync(out).ino;
    const r = await cli('check', [sheet, '--conditions', conditions, '--pdf', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    expect(statSync(out).ino).not.toBe(inodeBefore); // a new file renamed into place
    expect(statSync(out).mode & 0o777).toBe(0o640);
    expect(readdirSync(tmp.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    inputsUnchanged();
  });
});

describe('report PDFs, certificates and seal images', () => {
  const verify = (pdf: string) => cli('verify', [pdf, sheet, '--conditions', conditions]);
  it('verify: /dev/zero as the report', async () => expectRefused(await verify('/dev/zero'), '报告文件', '不是普通文件'));
  it('verify: a FIFO as the report (no hang)', async () => expectRefused(await verify(fifo('报告管道.pdf')), '报告管道.pdf', '不是普通文件'));
  it('verify: a report of 100 MB (sparse: refused by size)', async () => expectRefused(await verify(sparse('巨大报告.pdf', 100 * 1024 * 1024)), '巨大报告.pdf', '过大', '60 MB'));
  it('--sign: /dev/zero as the certificate', async () => {
    const r = await cli('check', [sheet, '--conditions', conditions, '--pdf', tmp.path('签名.pdf'), '--sign', '/dev/zero'], { env: { LANDCHECK_P12_PASSWORD: 'x' } });
    expectRefused(r, '签名证书文件', '不是普通文件');
    expect(existsSync(tmp.path('签名.pdf'))).toBe(false);
  });
  it('--sign: a certificate file of 50 MB', async () => {
    const r = await cli('check', [sheet, '--conditions', conditions, '--pdf', tmp.path('签名2.pdf'), '--sign', sparse('巨大证书.p12', 50 * 1024 * 1024)], { env: { LANDCHECK_P12_PASSWORD: 'x' } });
    expectRefused(r, '巨大证书.p12', '过大');
  });
  it('--seal-png: a FIFO as the seal image (no hang)', async () => {
    const r = await cli('check', [sheet, '--conditions', conditions, '--pdf', tmp.path('印章.pdf'), '--seal-png', fifo('印章管道.png')]);
    expectRefused(r, '印章管道.png', '不是普通文件');
  });
});

