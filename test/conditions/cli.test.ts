import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateConditions } from '../../shared/conditions/index';

const ROOT = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'cond-cli-'));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'cli/conditions.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function file(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

const NO_TRACE = /\bat .+:\d+:\d+|Error:|node:internal/;

const GOOD = file('good.txt', '第十二条 绿色生态要求：（一）新建公共建筑应达到绿色建筑二星级及以上；（二）单体预制率不低于40%或单体装配率不低于60%。\n');
const MIXED = file('mixed.txt', '第十三条 年径流总量控制率不低于75%；可再生能源替代率为10%；住宅套数不少于500套。');

describe('cli/conditions.ts --from-text', () => {
  it('--json: stdout is exactly the conditions document, exit 0', () => {
    const r = run('--from-text', GOOD, '--json');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out.startsWith('{\n  "format": "landcheck.conditions/v1"')).toBe(true);
    const doc = JSON.parse(r.out);
    expect(validateConditions(doc, 'stdout.json').conditions.map((c) => c.id)).toEqual(['G1', 'A1']);
    expect(doc.conditions[0].clause).toBe('第十二条（一）');
  });

  it('--json with unparsed sentences: JSON on stdout, reasons on stderr, exit 2', () => {
    const r = run('--from-text', MIXED, '--json');
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.out);
    expect(doc.conditions).toHaveLength(1);
    expect(r.err).toContain('可再生能源替代率为10%');
    expect(r.err).toContain('未写明比较关系');
    expect(r.err).toContain('住宅套数不少于500套');
    expect(r.err).not.toMatch(NO_TRACE);
  });

  it('without --json: a Chinese listing', () => {
    const r = run('--from-text', GOOD);
    expect(r.code).toBe(0);
    expect(r.out).toContain('识别出 2 条条件');
    expect(r.out).toContain('预制率 >= 40 或 装配率 >= 60');
    expect(r.out).toContain('绿色建筑星级 >= 二星级');
    const m = run('--from-text', MIXED);
    expect(m.code).toBe(2);
    expect(m.out).toContain('未能解析的句子 2 句');
  });

  it('unreadable input → exit 3, one Chinese message, no stack trace', () => {
    const cases: Array<[string[], string]> = [
      [['--from-text', join(dir, 'missing.txt')], '找不到文件'],
      [['--from-text', file('gbk.txt', Buffer.from([0xb5, 0xda, 0xca, 0xae, 0xb6, 0xfe, 0xcc, 0xf5]))], '不是 UTF-8'],
      [['--from-text', file('empty.txt', '\uFEFF \n ')], '为空'],
      [['--from-text', dir], '文件夹'],
      [['--from-text'], '缺少文件名'],
      [['--frm-text', GOOD], '未知参数 --frm-text'],
      [[], '用法'],
    ];
    for (const [args, msg] of cases) {
      const r = run(...args);
      expect(r.code, args.join(' ')).toBe(3);
      expect(r.out).toBe('');
      expect(r.err).toContain(msg);
      expect(r.err).not.toMatch(NO_TRACE);
    }
  });
});

describe('cli/conditions.ts --validate', () => {
  it('valid file → exit 0 with the count', () => {
    const good = file('ok.json', JSON.stringify({
      format: 'landcheck.conditions/v1',
      conditions: [{ id: 'A1', indicator: 'assembly_ratio', op: '>=', value: 60, scope: 'building' }],
    }));
    const r = run('--validate', good);
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe('条件文件有效：1 条条件');
  });

  it('invalid file → exit 3 and the message of validateConditions', () => {
    const bad = file('contract.json', JSON.stringify({
      format: 'landcheck.conditions/v1',
      conditions: [{ id: 'A1', indicator: 'assembly_ratio', op: '=>', value: 60 }],
    }));
    const r = run('--validate', bad);
    expect(r.code).toBe(3);
    expect(r.err.trim()).toBe('条件文件 contract.json：条件 A1 的 op 字段无效（"=>"），应为 >=、>、<=、<、== 之一');
    const broken = run('--validate', file('broken.json', '{ "format": '));
    expect(broken.code).toBe(3);
    expect(broken.err).toContain('不是有效的 JSON');
    expect(broken.err).not.toMatch(NO_TRACE);
  });
});
