// Hostile input through the API boundary (`dispatch`, as IPC and HTTP call it): the error
// envelope carries one Chinese message naming the file, sheet or condition, within the time bound.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiHarness } from '../api/harness';
import { SAMPLE_CONDITIONS, TIME_BOUND_MS, deepSheet, manyBigSheets, xlsxOf } from './hostile';
import { expectApiError } from './expect';

const api = apiHarness();
const b64 = (b: Buffer) => b.toString('base64');

async function timed<T>(p: Promise<T>): Promise<T> {
  const t = Date.now();
  const v = await p;
  expect(Date.now() - t).toBeLessThan(TIME_BOUND_MS);
  return v;
}

function nestedRule(depth: number): unknown {
  let rule: unknown = { indicator: 'far', op: '<=', value: 2 };
  for (let i = 0; i < depth; i++) rule = { [i % 2 ? 'allOf' : 'anyOf']: [rule] };
  return rule;
}

function docWith(rule: unknown, id = 'K7') {
  const doc = JSON.parse(readFileSync(SAMPLE_CONDITIONS, 'utf8'));
  doc.conditions[0] = { id, text: '嵌套条件', rule };
  return doc;
}

describe('API: hostile workbooks', () => {
  it("import.workbook with the issue's 29-sheet workbook names the file", async () => {
    const p = await api.call('projects.create', { name: '导入' });
    const env = await timed(api.raw('import.workbook', { projectId: p.id, fileName: '二十九表.xlsx', dataBase64: b64(manyBigSheets(29, 9.9)) }));
    expectApiError(env, undefined, '二十九表.xlsx', '解压后过大');
  });
  it('import.workbook with deeply nested sheet XML names the file and the sheet', async () => {
    const p = await api.call('projects.create', { name: '深层' });
    const env = await timed(api.raw('import.workbook', { projectId: p.id, fileName: '深层.xlsx', dataBase64: b64(xlsxOf([{ name: '单体指标', xml: deepSheet(50_000) }])) }));
    expectApiError(env, undefined, '深层.xlsx', '工作表“单体指标”', '嵌套');
  });
  it('batch.start with hostile items: each item refused in Chinese, the batch finishes', async () => {
    const doc = JSON.parse(readFileSync(SAMPLE_CONDITIONS, 'utf8'));
    const { batchId } = await api.call('batch.start', {
      items: [
        { fileName: '炸弹.xlsx', dataBase64: b64(manyBigSheets(3, 9.9)) },
        { fileName: '深层.xlsx', dataBase64: b64(xlsxOf([{ name: 'S', xml: deepSheet(10_000) }])) },
        { fileName: '文本.xlsx', dataBase64: b64(Buffer.from('不是表格')) },
      ],
      conditions: doc,
    });
    const t = Date.now();
    let s = await api.call('batch.get', { batchId });
    while (s.running && Date.now() - t < TIME_BOUND_MS) {
      await new Promise((r) => setTimeout(r, 100));
      s = await api.call('batch.get', { batchId });
    }
    expect(s.running).toBe(false);
    expect(s.items.map((i) => i.status)).toEqual(['error', 'error', 'error']);
    s.items.forEach((i) => expectApiError({ ok: false, error: i.error ?? '' }, undefined, i.fileName));
  });
});

describe('API: hostile condition documents', () => {
  it('anyOf/allOf nested 1,000 deep: refused before any recursion, naming the condition', async () => {
    const env = await timed(api.raw('conditions.validate', { doc: docWith(nestedRule(1000)) }));
    expectApiError(env, 'invalid', '条件 K7', '嵌套超过');
  });
  it('nested 30 deep (under the request limit): the conditions check names the condition', async () => {
    const env = await timed(api.raw('conditions.validate', { doc: docWith(nestedRule(30), 'K8') }));
    expectApiError(env, undefined, '条件 K8', '嵌套超过 10 层');
  });
  it('conditions.save of such a document stores nothing', async () => {
    const p = await api.call('projects.create', { name: '条件' });
    expectApiError(await api.raw('conditions.save', { projectId: p.id, doc: docWith(nestedRule(1000)) }), 'invalid', '条件 K7');
    expect((await api.call('conditions.get', { projectId: p.id })).latest).toBeNull();
  });
  it('any request nested beyond the limit is refused as invalid (no stack overflow anywhere)', async () => {
    let deep: unknown = '名称';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expectApiError(await api.raw('projects.create', { name: deep }), 'invalid', '嵌套超过 200 层');
  });
  it('an unknown method is refused by name', async () => {
    expectApiError(await api.raw('fs.readFile', { path: '/etc/passwd' }), 'unknown_method', '未知的操作');
  });
});
