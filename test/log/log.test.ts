// The local log file: one line per event with its ISO time, rotated by size into at most the
// configured number of files, nothing of a file's contents, never throwing; start-up and
// migration events name the database and its schema versions.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LogFile, closeLog, logEvent, logFilePath, logInternal, openLog, scrub } from '../../shared/log/index';
import { logDatabaseOpened, schemaVersionOnDisk } from '../../shared/log/startup';
import { latestVersion, migrate, openStore } from '../../shared/store/index';
import { openDatabase } from '../../shared/store/sqlite';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'landcheck-logtest-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  closeLog();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const ISO_LINE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (INFO|WARN|ERROR) \S+( |$)/;

describe('log file', () => {
  it('rotates by size: never more than the configured files, none above the limit, newest line in the current file', () => {
    const dir = tmp();
    const log = new LogFile(dir, { maxBytes: 2000, files: 3 });
    for (let i = 0; i < 400; i++) log.write('INFO', 'event', { n: i, note: '说明文字'.repeat(3) });
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['landcheck.log', 'landcheck.log.1', 'landcheck.log.2']);
    for (const f of files) expect(statSync(join(dir, f)).size).toBeLessThanOrEqual(2000);
    const current = readFileSync(join(dir, 'landcheck.log'), 'utf8').trim().split('\n');
    expect(current.at(-1)).toContain('n=399');
    for (const line of current) expect(line).toMatch(ISO_LINE);
    // the three files hold the most recent events, in order, without a gap
    const all = ['landcheck.log.2', 'landcheck.log.1', 'landcheck.log'].flatMap((f) => readFileSync(join(dir, f), 'utf8').trim().split('\n'));
    const ns = all.map((l) => Number(/ n=(\d+)/.exec(l)![1]));
    expect(ns).toEqual(ns.map((_, i) => ns[0]! + i));
    expect(ns.at(-1)).toBe(399);
  });

  it('the default is 1 MB × 3 files', () => {
    const dir = tmp();
    const log = new LogFile(dir);
    const line = 'x'.repeat(1000);
    for (let i = 0; i < 3200; i++) log.write('INFO', 'filler', { line });
    expect(readdirSync(dir).sort()).toEqual(['landcheck.log', 'landcheck.log.1', 'landcheck.log.2']);
    expect(statSync(join(dir, 'landcheck.log.1')).size).toBeLessThanOrEqual(1024 * 1024);
    expect(statSync(join(dir, 'landcheck.log.1')).size).toBeGreaterThan(1000 * 1024);
  });

  it('an internal error lands in the log as one line with where it happened, without quoted file contents', () => {
    const dir = tmp();
    openLog(dir);
    expect(logFilePath()).toBe(join(dir, 'landcheck.log'));
    let err: unknown;
    try {
      JSON.parse('{"项目名称":"某小区","密码":"秘密内容123"} 尾部');
    } catch (e) {
      err = e;
    }
    logInternal(err, { doing: 'conditions.import' });
    const lines = readFileSync(join(dir, 'landcheck.log'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(ISO_LINE);
    expect(lines[0]).toContain('ERROR internal doing="conditions.import" error="SyntaxError"');
    expect(lines[0]).toContain('at="at ');
    expect(lines[0]).not.toContain('秘密内容');
    expect(lines[0]).not.toContain('某小区');
    expect(scrub('Unexpected token \'x\', "abc" is not valid JSON')).toBe('Unexpected token \'x\', "…" is not valid JSON');
  });

  it('writing never throws, even where the folder cannot be made', () => {
    const dir = tmp();
    const blocker = join(dir, 'file');
    writeFileSync(blocker, 'x');
    const log = new LogFile(join(blocker, 'logs'));
    expect(() => log.write('ERROR', 'internal', { message: 'x' })).not.toThrow();
    closeLog();
    expect(() => logEvent('INFO', 'nothing open')).not.toThrow();
    expect(logFilePath()).toBeNull();
  });

  it('start-up events: a new database is created, an old one migrated, with the schema versions', () => {
    const dir = tmp();
    openLog(join(dir, 'logs'));
    const db = join(dir, 'app.sqlite');
    expect(schemaVersionOnDisk(db)).toBeNull();
    const s = openStore(db);
    s.close();
    logDatabaseOpened(db, null, { ok: true });
    expect(schemaVersionOnDisk(db)).toBe(latestVersion());
    // a database left at schema version 1 by an older release, then opened (and migrated)
    const old = join(dir, 'old.sqlite');
    const raw = openDatabase(old);
    migrate(raw, { target: 1 });
    raw.close();
    const before = schemaVersionOnDisk(old);
    expect(before).toBe(1);
    openStore(old).close();
    logDatabaseOpened(old, before, { ok: false, message: '审计日志第 3 条记录缺失' });
    logDatabaseOpened(db, latestVersion(), { ok: true });
    const lines = readFileSync(join(dir, 'logs', 'landcheck.log'), 'utf8').trim().split('\n');
    expect(lines[0]).toMatch(new RegExp(`INFO database\\.created path=".*app\\.sqlite" to=${latestVersion()}$`));
    expect(lines[1]).toMatch(new RegExp(`INFO database\\.migrated path=".*old\\.sqlite" from=1 to=${latestVersion()}$`));
    expect(lines[2]).toContain('WARN audit.broken');
    expect(lines[3]).toMatch(/INFO database\.opened /);
    expect(existsSync(join(dir, 'logs', 'landcheck.log.1'))).toBe(false);
  });
});
