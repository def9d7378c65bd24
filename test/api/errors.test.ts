// One error module with kinds that cross every boundary: a handler's deliberate error reaches an
// HTTP client of the web host with its kind and Chinese message; an unexpected exception becomes
// kind `internal` with the neutral message (no stack, no English) and is written to the log file;
// the kind survives a worker thread and is rebuilt as a typed error in the renderer; the command
// line's exit code derives from it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../shared/api/handlers';
import { startWebHost, type WebHost } from '../../shared/api/http';
import { ApiError, dispatch } from '../../shared/api/dispatch';
import type { Handlers } from '../../shared/api/contract';
import { ERROR_KINDS, EXIT_CODE_OF_KIND, INTERNAL_MESSAGE, InputError, LandCheckError, exitCodeOf, kindOf } from '../../shared/errors';
import { StoreError } from '../../shared/store/errors';
import { deserializeError, serializeError } from '../../shared/work/protocol';
import { closeLog, openLog } from '../../shared/log/index';
import { InvokeError, unwrap } from '../../renderer/invoke-error';
import { describeFailure } from '../../cli/common';
import { expectNoInternals } from '../security/expect';
import { apiHarness, ROOT } from './harness';

const api = apiHarness();
let host: WebHost;
let logDir: string;

/** The real handlers, with `projects.rename` replaced by one that fails as a bug would. */
function handlersWithBug(): Handlers {
  const real = createHandlers({ holder: api.holder, seedsDir: join(ROOT, 'seeds'), version: 'test' });
  return {
    ...real,
    'projects.rename': async () => {
      const row = undefined as unknown as { name: string };
      return { id: 1, name: row.name } as never; // TypeError: reading 'name' of undefined
    },
  };
}

beforeAll(async () => {
  logDir = mkdtempSync(join(tmpdir(), 'landcheck-log-'));
  openLog(logDir);
  host = await startWebHost({ handlers: handlersWithBug(), staticDir: join(api.dir, 'no-ui') });
});
afterAll(() => {
  host.server.close();
  closeLog();
  rmSync(logDir, { recursive: true, force: true });
});

async function post(method: string, body: unknown): Promise<{ status: number; json: { ok: boolean; error?: string; kind?: string } }> {
  const res = await fetch(`${host.url}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-LandCheck-Token': host.token },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as never };
}

const logText = () => readFileSync(join(logDir, 'landcheck.log'), 'utf8');

describe('errors over the web host', () => {
  it('a handler error crosses with its kind and Chinese message', async () => {
    const missing = await post('projects.get', { projectId: 9999 });
    expect(missing.json).toEqual({ ok: false, error: '项目 9999 不存在（可能已被删除）', kind: 'not_found' });
    const bad = await post('import.workbook', { projectId: (await api.call('projects.create', { name: '坏文件' })).id, fileName: '文本.xlsx', dataBase64: Buffer.from('不是表格').toString('base64') });
    expect(bad.json.ok).toBe(false);
    expect(bad.json.kind).toBe('bad_file');
    expect(bad.json.error).toContain('文本.xlsx');
    // a refusal before any handler keeps its own kind
    expect((await post('projects.create', { name: 42 })).json.kind).toBe('invalid');
  });

  it('an unexpected exception becomes internal with a neutral Chinese message, and is logged', async () => {
    const before = (() => {
      try {
        return logText().length;
      } catch {
        return 0;
      }
    })();
    const { status, json } = await post('projects.rename', { projectId: 1, name: '新名称' });
    expect(status).toBe(200);
    expect(json).toEqual({ ok: false, error: INTERNAL_MESSAGE, kind: 'internal' });
    expectNoInternals(json.error!);
    expect(json.error).not.toMatch(/undefined|name/);
    const added = logText().slice(before).trim().split('\n');
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z ERROR internal doing="projects\.rename" error="TypeError" message="[^"]*name[^"]*" at="at /);
  });
});

describe('errors through dispatch (IPC uses the same)', () => {
  it('ApiError, InputError and StoreError keep their kinds; a plain Error is internal', async () => {
    const throwing = (e: unknown) => ({ 'settings.get': async () => Promise.reject(e) }) as unknown as Handlers;
    const kind = async (e: unknown) => ((await dispatch(throwing(e), 'settings.get', {})) as { kind: string }).kind;
    expect(await kind(new ApiError('正在处理', 'busy'))).toBe('busy');
    expect(await kind(new InputError('找不到文件', 'a.xlsx', undefined, 'not_found'))).toBe('not_found');
    expect(await kind(new StoreError('数据库已损坏', 'corrupt', 'a.sqlite'))).toBe('bad_file');
    expect(await kind(new StoreError('数据库由较新版本创建', 'newer'))).toBe('conflict');
    expect(await kind(new RangeError('Maximum call stack size exceeded'))).toBe('internal');
    expect(await kind('a string')).toBe('internal');
    // a deliberately raised internal error is treated like any unexpected one
    const env = await dispatch(throwing(new LandCheckError('internal', 'x')), 'settings.get', {});
    expect(env).toEqual({ ok: false, error: INTERNAL_MESSAGE, kind: 'internal' });
  });
});

describe('the kind crosses threads and reaches the renderer typed', () => {
  it('survives serialisation to and from a worker thread, with its place', () => {
    const e = new LandCheckError('too_large', '文件“a.xlsx”解压后过大', { file: 'a.xlsx', sheet: '单体指标', cell: 'G4' });
    const back = deserializeError(JSON.parse(JSON.stringify(serializeError(e))));
    expect(back).toBeInstanceOf(LandCheckError);
    expect(back).toMatchObject({ kind: 'too_large', message: e.message, file: 'a.xlsx', sheet: '单体指标', cell: 'G4' });
    const input = deserializeError(serializeError(new InputError('单元格为空', 'b.xlsx', '单体指标!B2')));
    expect(input).toBeInstanceOf(InputError);
    expect(input).toMatchObject({ kind: 'invalid', file: 'b.xlsx', where: '单体指标!B2' });
    const store = deserializeError(serializeError(new StoreError('数据库被占用', 'busy')));
    expect(kindOf(store)).toBe('busy');
    // an unexpected error stays unexpected, keeping its stack for the log only
    const bug = deserializeError(serializeError(new TypeError('x is undefined')));
    expect(kindOf(bug)).toBe('internal');
    expect(bug.stack).toContain('errors.test.ts');
  });

  it('the renderer rebuilds an envelope as an InvokeError of the same kind', () => {
    expect(unwrap({ ok: true, value: 5 })).toBe(5);
    let caught: unknown;
    try {
      unwrap({ ok: false, error: '项目 3 不存在', kind: 'not_found' });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(InvokeError);
    expect(caught).toMatchObject({ kind: 'not_found', message: '项目 3 不存在' });
  });
});

describe('command line exit codes from the kind', () => {
  const saved = process.env.LANDCHECK_DATA_DIR;
  let dir = '';
  afterEach(() => {
    closeLog();
    openLog(logDir);
    if (saved === undefined) delete process.env.LANDCHECK_DATA_DIR;
    else process.env.LANDCHECK_DATA_DIR = saved;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('every error kind exits 3, the documented code for input that could not be processed', () => {
    expect(Object.keys(EXIT_CODE_OF_KIND).sort()).toEqual([...ERROR_KINDS].sort());
    for (const k of ERROR_KINDS) expect(exitCodeOf(new LandCheckError(k, '错误'))).toBe(3);
    expect(exitCodeOf(new Error('bug'))).toBe(3);
  });

  it('an unexpected error ends a command with one line naming the log file, where it is recorded', () => {
    dir = mkdtempSync(join(tmpdir(), 'landcheck-cli-data-'));
    process.env.LANDCHECK_DATA_DIR = dir;
    closeLog();
    const { message, code } = describeFailure(new TypeError("Cannot read properties of undefined (reading 'rows')"), 'check');
    expect(code).toBe(3);
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toContain(join(dir, 'logs', 'landcheck.log'));
    expectNoInternals(message);
    expect(readFileSync(join(dir, 'logs', 'landcheck.log'), 'utf8')).toMatch(/ERROR internal doing="check" error="TypeError"/);
    const input = describeFailure(new InputError('文件“a.xlsx”不存在', 'a.xlsx', undefined, 'not_found'), 'check');
    expect(input).toEqual({ message: '文件“a.xlsx”不存在', code: 3 });
  });
});
