// report.identity: the warnings the report screen shows when the indicator sheet names a project
// other than the one the report is issued for (the report itself names the project record).
import { describe, expect, it } from 'vitest';
import { apiHarness } from './harness';

const { call, callError } = apiHarness();

describe('report.identity', () => {
  it('warns while the sheet names another project, and no longer once the project carries that name', async () => {
    const { projectId, runId } = await call('projects.openSample', { sample: 'public-mixed-songjiang' });
    const before = await call('report.identity', { runId });
    const nameWarning = (ws: string[]) => ws.filter((w) => w.includes('指标表所填项目名称'));
    expect(nameWarning(before.warnings)).toHaveLength(1);

    const { run } = await call('check.get', { runId });
    const sheetName = run.imported.project.project_name?.value;
    expect(typeof sheetName).toBe('string');
    expect(before.warnings[0]).toContain(`“${String(sheetName)}”`);
    await call('projects.rename', { projectId, name: String(sheetName) });
    expect(nameWarning((await call('report.identity', { runId })).warnings)).toHaveLength(0);
  });

  it('answers an unknown run with one Chinese message', async () => {
    expect(await callError('report.identity', { runId: 999_999 })).toBe('审查记录 999999 不存在');
  });
});
