// Corrections through the API: a remembered correction remembers which cell to read for a workbook
// layout, never a typed value; a typed value belongs to the one import it was typed for. Projects
// and batches read the same file the same way.
import { describe, expect, it } from 'vitest';
import { apiHarness } from './harness';
import { CONDITIONS, indicatorWorkbook, SHEET } from './workbooks';

const api = apiHarness({ userName: '周审查' });
const { call, callError } = api;

async function projectWith(name: string, file: Buffer, fileName = 'submission.xlsx') {
  const p = await call('projects.create', { name });
  await call('conditions.save', { projectId: p.id, doc: CONDITIONS });
  const imp = await call('import.workbook', { projectId: p.id, fileName, dataBase64: file.toString('base64') });
  return { projectId: p.id, imp };
}

async function finishedBatch(batchId: number) {
  let d = await call('batch.get', { batchId });
  for (let i = 0; i < 400 && d.running; i++) {
    await new Promise((r) => setTimeout(r, 20));
    d = await call('batch.get', { batchId });
  }
  return d;
}

describe('a typed value belongs to one import', () => {
  it('never appears in another project’s import of a workbook with the same layout, nor in the next import', async () => {
    const a = await projectWith('甲项目', await indicatorWorkbook({ height: 54 }));
    const typed = await call('import.correct', { projectId: a.projectId, indicator: 'building_height', building: null, value: '99', reason: '按规划许可证' });
    expect(typed).toMatchObject({ remembered: false });
    expect(typed.imported.project.building_height).toMatchObject({ value: 99, source: '人工录入' });
    expect(typed.imported.project.building_height.interpretation).toContain('周审查');

    // Another project, the same layout (same firm, next project): its own value, not 99.
    const b = await projectWith('乙项目', await indicatorWorkbook({ height: 48, name: '乙' }));
    expect(b.imp.imported.project.building_height).toMatchObject({ value: 48, source: `${SHEET}!B7` });
    expect(b.imp.mappingsApplied).toBe(0);
    expect(JSON.stringify(b.imp.imported)).not.toContain('人工录入');
    // The same project's next submission: not carried either, and the answer says so.
    const next = await call('import.workbook', { projectId: a.projectId, fileName: 'v2.xlsx', dataBase64: (await indicatorWorkbook({ height: 55 })).toString('base64') });
    expect(next).toMatchObject({ version: 2, typedNotCarried: 1, mappingsApplied: 0 });
    expect(next.imported.project.building_height.value).toBe(55);
    // A batch of the same file: not there either.
    const { batchId } = await call('batch.start', { items: [{ fileName: 'b.xlsx', dataBase64: (await indicatorWorkbook({ height: 54 })).toString('base64') }], conditions: CONDITIONS });
    const done = await finishedBatch(batchId);
    const detail = await call('projects.get', { projectId: done.items[0]!.projectId! });
    expect(detail.lastImport!.imported.project.building_height.value).toBe(54);
  });

  it('is kept through later corrections of the same import, and listed with who typed it', async () => {
    const a = await projectWith('丙项目', await indicatorWorkbook());
    await call('import.correct', { projectId: a.projectId, indicator: 'far', building: null, value: '1.95', reason: '以审定方案为准' });
    await call('import.correct', { projectId: a.projectId, indicator: 'building_height', building: null, value: '58', reason: '含女儿墙' });
    const d = await call('projects.get', { projectId: a.projectId });
    expect(d.lastImport!.version).toBe(1);
    expect(d.lastImport!.typed.map((t) => [t.indicator, t.value, t.user])).toEqual([
      ['far', '1.95', '周审查'],
      ['building_height', '58', '周审查'],
    ]);
    expect(d.lastImport!.imported.project.far.value).toBe(1.95);
    const versions = await call('import.versions', { projectId: a.projectId });
    expect(versions).toMatchObject([{ version: 1, corrections: 2, typedValues: 2, fileName: 'submission.xlsx' }]);
    // A value that is not one of the indicator's is refused, naming it.
    expect(await callError('import.correct', { projectId: a.projectId, indicator: 'far', building: null, value: '很高', reason: 'x' })).toContain('容积率');
  });
});

describe('a remembered cell mapping', () => {
  it('is read in every workbook of the layout from its own cell, in projects and batches alike', async () => {
    const a = await projectWith('丁项目', await indicatorWorkbook({ greenRatio: 0.3, unlabelled: 0.37 }));
    const fixed = await call('import.correct', { projectId: a.projectId, indicator: 'green_ratio', building: null, cell: `${SHEET}!B12`, reason: '绿地率以附表校核值为准' });
    expect(fixed.remembered).toBe(true);
    expect(fixed.imported.project.green_ratio).toMatchObject({ value: 37, source: `${SHEET}!B12` });

    // The next workbook of the layout (another project): read from ITS B12.
    const file = await indicatorWorkbook({ greenRatio: 0.31, unlabelled: 0.33, name: '戊' });
    const b = await projectWith('戊项目', file);
    expect(b.imp.mappingsApplied).toBe(1);
    expect(b.imp.imported.project.green_ratio).toMatchObject({ value: 33, source: `${SHEET}!B12` });
    expect(b.imp.imported.project.green_ratio.interpretation).toContain('周审查');
    // A workbook of another layout is not touched.
    const other = await projectWith('己项目', await indicatorWorkbook({ greenRatio: 0.31, unlabelled: 0.33, extraSheet: true }));
    expect(other.imp.mappingsApplied).toBe(0);
    expect(other.imp.imported.project.green_ratio.value).toBe(31);

    // The same file as a batch: the same values and the same verdicts as the project.
    const { batchId } = await call('batch.start', { items: [{ fileName: 'submission.xlsx', dataBase64: file.toString('base64') }], conditions: CONDITIONS });
    const done = await finishedBatch(batchId);
    const inBatch = await call('projects.get', { projectId: done.items[0]!.projectId! });
    const asProject = await call('projects.get', { projectId: b.projectId });
    expect(inBatch.lastImport!.imported.project).toEqual(asProject.lastImport!.imported.project);
    const batchRun = await call('check.get', { runId: done.items[0]!.runId! });
    const projectRun = await call('check.run', { projectId: b.projectId });
    expect(batchRun.run.result.findings.map((f) => [f.conditionId, f.verdict])).toEqual(projectRun.run.result.findings.map((f) => [f.conditionId, f.verdict]));
    expect(projectRun.run.result.findings.find((f) => f.conditionId === 'P2')!.verdict).toBe('fail');

    // The screen of remembered mappings: per layout, with who and when; removing one stops it.
    const layouts = await call('mappings.list', {});
    const mine = layouts.find((l) => l.mappings.some((m) => m.cell === `${SHEET}!B12`))!;
    expect(mine).toMatchObject({ sheets: [SHEET], fileNames: ['submission.xlsx'] });
    expect(mine.mappings[0]).toMatchObject({ indicatorName: '绿地率', user: '周审查', reason: '绿地率以附表校核值为准' });
    expect(mine.mappings[0]!.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await call('mappings.remove', { layoutKey: mine.layoutKey, indicator: 'green_ratio', building: null })).toEqual({ removed: true });
    const after = await projectWith('庚项目', file);
    expect(after.imp.mappingsApplied).toBe(0);
    expect(after.imp.imported.project.green_ratio.value).toBe(31);
  });

  it('must be a cell that can be read in the workbook', async () => {
    const a = await projectWith('辛项目', await indicatorWorkbook());
    expect(await callError('import.correct', { projectId: a.projectId, indicator: 'green_ratio', building: null, cell: '不存在的表!A1', reason: 'x' })).toContain('没有工作表');
    expect(await callError('import.correct', { projectId: a.projectId, indicator: 'green_ratio', building: null, cell: `${SHEET}!H40`, reason: 'x' })).toContain('空单元格');
    expect(await callError('import.correct', { projectId: a.projectId, indicator: 'green_ratio', building: null, reason: 'x' })).toContain('二者选一');
    expect((await call('mappings.list', {})).some((l) => l.mappings.some((m) => m.cell.includes('H40')))).toBe(false);
  });
});

describe('who did it', () => {
  const anon = apiHarness({ userName: null });
  it('corrections and overrides need the user name; once set it is recorded and shown in the audit trail', async () => {
    const p = await anon.call('projects.create', { name: '无名项目' });
    await anon.call('conditions.save', { projectId: p.id, doc: CONDITIONS });
    await anon.call('import.workbook', { projectId: p.id, fileName: 'a.xlsx', dataBase64: (await indicatorWorkbook()).toString('base64') });
    expect(await anon.call('settings.get', {})).toEqual({ userName: null });
    expect(await anon.callError('import.correct', { projectId: p.id, indicator: 'far', building: null, value: '1.9', reason: 'x' })).toContain('请先在“设置”中填写您的姓名');
    const { runId, run } = await anon.call('check.run', { projectId: p.id });
    const f = run.result.findings[0]!;
    expect(await anon.callError('check.override', { runId, conditionId: f.conditionId, building: f.building, verdict: 'review', reason: '待核' })).toContain('姓名');
    await anon.call('settings.save', { userName: '吴工' });
    await anon.call('check.override', { runId, conditionId: f.conditionId, building: f.building, verdict: 'review', reason: '待核' });
    const got = await anon.call('check.get', { runId });
    expect(got.run.result.findings[0]!.override).toMatchObject({ by: '吴工', reason: '待核' });
    const trail = await anon.call('audit.project', { projectId: p.id });
    expect(trail[0]).toMatchObject({ kind: 'override', user: '吴工' });
    expect(trail[0]!.what).toContain('改判 条件 P1');
    expect(trail.map((t) => t.what).join('\n')).toContain('导入指标表 a.xlsx（第 1 次导入）');
    expect(trail.every((t) => !/[a-z_]{4,}/.test(t.what.replace(/\S+\.xlsx/g, '')))).toBe(true);
  });
});
