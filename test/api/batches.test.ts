// Saved batches through the API: a batch is a record with its summary; each workbook opens like a
// project (inspect, override, report); the summary Excel and all PDFs at once; turning the batch
// into projects; a batch cut off by closing the app says so.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../shared/api/handlers';
import { ROOT, apiHarness } from './harness';
import { CONDITIONS, indicatorWorkbook } from './workbooks';

const api = apiHarness({ userName: '钱审查' });
const { call, callError } = api;

async function runBatch(files: Array<{ fileName: string; data: Buffer }>, name?: string) {
  const { batchId } = await call('batch.start', { items: files.map((f) => ({ fileName: f.fileName, dataBase64: f.data.toString('base64') })), conditions: CONDITIONS, name });
  let d = await call('batch.get', { batchId });
  for (let i = 0; i < 400 && d.running; i++) {
    await new Promise((r) => setTimeout(r, 20));
    d = await call('batch.get', { batchId });
  }
  return d;
}

describe('saved batches', () => {
  it('keeps the batch with its summary; workbooks open like projects, reports and the summary export', async () => {
    const files = [
      { fileName: '一号.xlsx', data: await indicatorWorkbook({ name: '一号项目', greenRatio: 0.36, far: 1.8 }) },
      { fileName: '二号.xlsx', data: await indicatorWorkbook({ name: '二号项目', greenRatio: 0.3, far: 2.4 }) },
      { fileName: '坏文件.xlsx', data: Buffer.from('not a workbook') },
    ];
    const done = await runBatch(files, '三月送审');
    expect(done.batch).toMatchObject({ name: '三月送审', status: 'finished', total: 3, user: '钱审查', tally: { done: 2, error: 1 }, overall: { pass: 1, fail: 1 }, projectsInBatch: 2 });
    expect(done.items.map((i) => [i.fileName, i.status, i.overall ?? null])).toEqual([
      ['一号.xlsx', 'done', 'pass'],
      ['二号.xlsx', 'done', 'fail'],
      ['坏文件.xlsx', 'error', null],
    ]);
    expect(done.items[2]!.error).toContain('坏文件.xlsx');
    expect(done.items[1]).toMatchObject({ projectName: '二号项目', counts: { fail: 2, pass: 1 } });
    // Saved: listed (newest first), and not among the projects until turned into projects.
    expect((await call('batch.list', {}))[0]).toMatchObject({ id: done.batch.id, name: '三月送审' });
    expect((await call('projects.list', {})).items.map((p) => p.name)).not.toContain('二号项目');

    // A workbook of the batch opens like a project: inspect, override (counts follow), report.
    const item = done.items[1]!;
    const detail = await call('projects.get', { projectId: item.projectId! });
    expect(detail.batch).toEqual({ batchId: done.batch.id, name: '三月送审' });
    expect(detail.project.parcel).toBe('G-01');
    await call('check.override', { runId: item.runId!, conditionId: 'P1', building: null, verdict: 'review', reason: '容积率待规划复核' });
    const after = await call('batch.get', { batchId: done.batch.id });
    expect(after.items[1]!.counts).toMatchObject({ fail: 1, review: 1 });

    // The summary: data through the API, and as an Excel workbook with numbers as numbers.
    const summary = await call('batch.summary', { batchId: done.batch.id });
    expect(summary.rows[1]).toMatchObject({ projectName: '二号项目', parcel: 'G-01', overall: 'fail', overrides: 1 });
    expect(summary.rows[1]!.opinions.map((o) => [o.conditionId, o.verdict])).toEqual([
      ['P1', 'review'],
      ['P2', 'fail'],
    ]);
    expect(summary.rows[2]).toMatchObject({ status: 'error', opinions: [] });
    const xlsx = await call('batch.summaryXlsx', { batchId: done.batch.id });
    expect(xlsx.fileName).toBe('三月送审_汇总.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.dataBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('汇总')!;
    expect(sheet.getRow(1).values).toContain('审查结论');
    expect(sheet.getRow(3).getCell(2).value).toBe('二号.xlsx');
    expect(sheet.getRow(3).getCell(6).value).toBe('不符合');
    expect(sheet.getRow(3).getCell(8).value).toBe(1); // 不符合 1, a number
    expect(wb.getWorksheet('审查意见')!.rowCount).toBe(3);

    // All PDFs at once: a saved profile is required (never a made-up seal).
    expect(await callError('batch.reportsZip', { batchId: done.batch.id, org: { name: '未保存的单位' } })).toContain('请先在“报告”页保存');
    await call('org.save', { profile: { name: '某审图中心', sealText: '审查专用章' } });
    const all = await call('batch.reportsZip', { batchId: done.batch.id, org: { name: '某审图中心' } });
    expect(all.reports).toBe(2);
    const zipFile = join(api.dir, 'all.zip');
    writeFileSync(zipFile, Buffer.from(all.dataBase64, 'base64'));
    const names = execFileSync('python3', ['-c', 'import sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print("\\n".join(z.namelist()))', zipFile], {
      encoding: 'utf8',
    })
      .trim()
      .split('\n');
    expect(names).toHaveLength(2);
    expect(names[0]).toMatch(/^001_一号_审查报告_LC-[0-9A-F-]+\.pdf$/);
    // Each PDF is recorded as issued, so it verifies.
    const pdf = execFileSync('python3', ['-c', 'import sys,zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))', zipFile, names[1]!]);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await call('report.verify', { dataBase64: pdf.toString('base64') })).ok).toBe(true);

    // Turned into projects: listed among the projects, still shown with the batch.
    expect(await call('batch.toProjects', { batchId: done.batch.id })).toEqual({ projects: 2 });
    expect((await call('projects.list', {})).items.map((p) => p.name)).toEqual(expect.arrayContaining(['一号项目', '二号项目']));
    const kept = await call('batch.get', { batchId: done.batch.id });
    expect(kept.items[0]).toMatchObject({ inBatch: false, projectName: '一号项目' });
    expect((await call('projects.get', { projectId: item.projectId! })).batch).toBeNull();
    // Deleting the batch keeps the projects made from it.
    await call('batch.delete', { batchId: done.batch.id });
    expect(await callError('batch.get', { batchId: done.batch.id })).toContain('不存在');
    expect((await call('projects.get', { projectId: item.projectId! })).project.name).toBe('二号项目');
  });

  it('deleting a batch deletes the workbooks still in it', async () => {
    const done = await runBatch([{ fileName: 'x.xlsx', data: await indicatorWorkbook({ name: '批内' }) }]);
    const projectId = done.items[0]!.projectId!;
    await call('batch.delete', { batchId: done.batch.id });
    expect(await callError('projects.get', { projectId })).toContain('不存在');
  });

  it('a batch still running when the app stopped is shown as interrupted, its remaining files cancelled', async () => {
    const id = api.holder.store.createBatch({ name: '中断的批次', fileNames: ['a.xlsx', 'b.xlsx'] });
    api.holder.store.completeBatchItem(id, 0, { status: 'error', error: '示例' });
    createHandlers({ holder: api.holder, seedsDir: join(ROOT, 'seeds'), version: 'test' }); // the app starts again
    const d = await call('batch.get', { batchId: id });
    expect(d).toMatchObject({ running: false, batch: { status: 'interrupted', tally: { error: 1, cancelled: 1 } } });
    expect(d.items[1]).toMatchObject({ status: 'cancelled', error: '程序在审查该文件前关闭' });
  });
});
