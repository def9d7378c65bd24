// Re-runs and re-submissions (复审) through the API: overrides and their reasons survive a re-run
// when their evidence is unchanged; changed evidence is put to the user, old and new side by side;
// a project keeps every imported version of its sheet, and two runs can be compared.
import { describe, expect, it } from 'vitest';
import { apiHarness } from './harness';
import { CONDITIONS, indicatorWorkbook, SHEET } from './workbooks';

const api = apiHarness({ userName: '郑审查' });
const { call, callError } = api;

const b64 = (b: Buffer) => b.toString('base64');

describe('overrides survive re-runs', () => {
  it('a re-run keeps every override and its reason when the evidence is unchanged', async () => {
    const { projectId, runId } = await call('projects.openSample', { sample: 'public-mixed-songjiang' });
    const first = (await call('check.get', { runId })).run;
    const s1 = first.result.findings.find((f) => f.conditionId === 'S1')!;
    const hotel = first.result.findings.find((f) => f.conditionId === 'G1' && f.building === 'C酒店')!;
    expect([s1.verdict, hotel.verdict]).toEqual(['review', 'fail']);
    await call('check.override', { runId, conditionId: 'S1', building: null, verdict: 'pass', reason: '海绵专项验收资料齐全' });
    await call('check.override', { runId, conditionId: 'G1', building: 'C酒店', verdict: 'review', reason: '待绿建评价标识' });

    const again = await call('check.run', { projectId });
    expect(again.carried).toEqual({ kept: 2, pending: 0 });
    const f = (id: string, b: string | null) => again.run.result.findings.find((x) => x.conditionId === id && x.building === b)!;
    expect(f('S1', null)).toMatchObject({ verdict: 'pass', override: { from: 'review', reason: '海绵专项验收资料齐全', by: '郑审查' } });
    expect(f('G1', 'C酒店')).toMatchObject({ verdict: 'review', override: { from: 'fail', reason: '待绿建评价标识' } });
    expect((await call('projects.get', { projectId })).project.lastOverall).toBe(again.run.result.overall);
    expect((await call('audit.project', { projectId })).map((a) => a.what)).toContain('重新审查沿用改判 2 项');

    // The evidence of S1 changes (a value typed for the import): that one is asked about, G1 is kept.
    await call('import.correct', { projectId, indicator: 'runoff_capture', building: null, value: '85%', reason: '按海绵专项设计说明' });
    const third = await call('check.run', { projectId });
    expect(third.carried).toEqual({ kept: 1, pending: 1 });
    const s1now = third.run.result.findings.find((x) => x.conditionId === 'S1')!;
    expect(s1now.override).toBeUndefined();
    const pending = await call('check.carryovers', { runId: third.runId });
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({
      conditionId: 'S1',
      status: 'pending',
      override: { verdict: 'pass', reason: '海绵专项验收资料齐全', user: '郑审查' },
      oldEvidence: { declared: 80, source: '主要技术经济指标!D17' },
      newEvidence: { declared: 85, source: '人工录入' },
    });
    expect((await call('check.get', { runId: third.runId })).pendingCarryovers).toBe(1);

    // Not decided yet and re-run again: still asked, never silently dropped.
    const fourth = await call('check.run', { projectId });
    expect(fourth.carried).toEqual({ kept: 1, pending: 1 });
    const [c] = await call('check.carryovers', { runId: fourth.runId });
    const kept = await call('check.decideCarryover', { carryoverId: c!.id, keep: true });
    expect(kept.pendingCarryovers).toBe(0);
    expect(kept.carryover).toMatchObject({ status: 'kept', decidedBy: '郑审查' });
    expect(kept.run.result.findings.find((x) => x.conditionId === 'S1')).toMatchObject({ verdict: 'pass', override: { reason: '海绵专项验收资料齐全' } });
    expect(await callError('check.decideCarryover', { carryoverId: c!.id, keep: false })).toContain('已经确认过');
    // Kept on the new evidence: the next re-run re-attaches it without asking.
    const fifth = await call('check.run', { projectId });
    expect(fifth.carried).toEqual({ kept: 2, pending: 0 });
  });

  it('an override whose evidence changed can be dropped; a new override settles the question too', async () => {
    const p = await call('projects.create', { name: '改判丢弃' });
    await call('conditions.save', { projectId: p.id, doc: CONDITIONS });
    await call('import.workbook', { projectId: p.id, fileName: 'v1.xlsx', dataBase64: b64(await indicatorWorkbook({ far: 2.1, height: 64 })) });
    const r1 = await call('check.run', { projectId: p.id });
    await call('check.override', { runId: r1.runId, conditionId: 'P1', building: null, verdict: 'pass', reason: '容积率按补充协议' });
    await call('check.override', { runId: r1.runId, conditionId: 'H1', building: null, verdict: 'review', reason: '高度以许可证为准' });
    await call('import.workbook', { projectId: p.id, fileName: 'v2.xlsx', dataBase64: b64(await indicatorWorkbook({ far: 2.2, height: 66 })) });
    const r2 = await call('check.run', { projectId: p.id });
    expect(r2.carried).toEqual({ kept: 0, pending: 2 });
    const list = await call('check.carryovers', { runId: r2.runId });
    const p1 = list.find((c) => c.conditionId === 'P1')!;
    const dropped = await call('check.decideCarryover', { carryoverId: p1.id, keep: false });
    expect(dropped.carryover.status).toBe('dropped');
    expect(dropped.run.result.findings.find((f) => f.conditionId === 'P1')!.override).toBeUndefined();
    await call('check.override', { runId: r2.runId, conditionId: 'H1', building: null, verdict: 'review', reason: '复核后仍需许可证' });
    expect((await call('check.get', { runId: r2.runId })).pendingCarryovers).toBe(0);
    const r3 = await call('check.run', { projectId: p.id });
    expect(r3.carried).toEqual({ kept: 1, pending: 0 });
    expect(r3.run.result.findings.find((f) => f.conditionId === 'H1')!.override).toMatchObject({ reason: '复核后仍需许可证' });
  });
});

describe('复审: versions of the sheet and the comparison of two runs', () => {
  it('lists every imported version and says which values, verdicts and 审查意见 changed', async () => {
    const p = await call('projects.create', { name: '复审项目' });
    await call('conditions.save', { projectId: p.id, doc: CONDITIONS });
    await call('import.workbook', { projectId: p.id, fileName: '第一次送审.xlsx', dataBase64: b64(await indicatorWorkbook({ greenRatio: 0.3, far: 2.2, height: 50 })) });
    const r1 = await call('check.run', { projectId: p.id });
    await call('import.workbook', { projectId: p.id, fileName: '第二次送审.xlsx', dataBase64: b64(await indicatorWorkbook({ greenRatio: 0.36, far: 2.3, height: 65 })) });
    const r2 = await call('check.run', { projectId: p.id });

    const versions = await call('import.versions', { projectId: p.id });
    expect(versions.map((v) => [v.version, v.fileName])).toEqual([
      [2, '第二次送审.xlsx'],
      [1, '第一次送审.xlsx'],
    ]);
    const runs = await call('runs.list', { projectId: p.id });
    expect(runs.map((r) => [r.runId, r.importVersion, r.fileName, r.conditionsVersion])).toEqual([
      [r2.runId, 2, '第二次送审.xlsx', 1],
      [r1.runId, 1, '第一次送审.xlsx', 1],
    ]);

    const cmp = await call('runs.compare', { fromRunId: r1.runId, toRunId: r2.runId });
    expect(cmp.from).toMatchObject({ runId: r1.runId, importVersion: 1, overall: 'fail' });
    expect(cmp.to).toMatchObject({ runId: r2.runId, importVersion: 2, overall: 'fail' });
    expect(cmp.conditionsChanged).toBe(false);
    const changed = Object.fromEntries(cmp.values.map((v) => [v.indicator, [v.before?.value, v.after?.value]]));
    expect(changed).toMatchObject({ green_ratio: [30, 36], far: [2.2, 2.3], building_height: [50, 65] });
    expect(changed.site_area).toBeUndefined();
    expect(cmp.values.find((v) => v.indicator === 'green_ratio')!.after!.source).toBe(`${SHEET}!B6`);
    expect(cmp.verdicts.map((v) => [v.conditionId, v.before, v.after])).toEqual([
      ['P2', 'fail', 'pass'],
      ['H1', 'pass', 'fail'],
    ]);
    expect(cmp.closed.map((o) => o.conditionId)).toEqual(['P2']);
    expect(cmp.closed[0]!.beforeMessage).toBeTruthy();
    expect(cmp.open.map((o) => [o.conditionId, o.before, o.after])).toEqual([['P1', 'fail', 'fail']]);
    expect(cmp.added.map((o) => o.conditionId)).toEqual(['H1']);
    expect(cmp.withdrawn).toEqual([]);
    // Overrides count: the verdict the reviewer stands behind is compared.
    await call('check.override', { runId: r2.runId, conditionId: 'P1', building: null, verdict: 'pass', reason: '补充协议调整容积率' });
    const cmp2 = await call('runs.compare', { fromRunId: r1.runId, toRunId: r2.runId });
    expect(cmp2.closed.map((o) => o.conditionId)).toEqual(['P1', 'P2']);
    expect(cmp2.verdicts.find((v) => v.conditionId === 'P1')).toMatchObject({ before: 'fail', after: 'pass', afterOverridden: true });

    const other = await call('projects.openSample', { sample: 'residential-jiading' });
    expect(await callError('runs.compare', { fromRunId: r1.runId, toRunId: other.runId })).toContain('同一项目');
  });
});
