// The API handlers on a real SQLite file and the real samples: the paths the desktop app takes
// (sample project → conditions → import → correction → check → override → report → verify),
// batch checking, and the validation boundary. The web host mounts these same handlers.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { apiHarness, SAMPLES } from './harness';

const api = apiHarness();
const { call, callError } = api;
const b64 = (file: string) => readFileSync(file).toString('base64');

describe('the desktop path through the handlers', () => {
  it('opens a sample project: conditions, import and a first check', async () => {
    const info = await call('app.info', {});
    expect(info.samples.map((s) => s.id)).toContain('public-mixed-songjiang');
    const { projectId, runId } = await call('projects.openSample', { sample: 'public-mixed-songjiang' });
    const p = await call('projects.get', { projectId });
    expect(p.project.lastOverall).toBe('fail');
    expect(p.conditions?.version).toBe(1);
    expect(p.lastImport?.imported.buildings.map((b) => b.name)).toContain('C酒店');
    const got = await call('check.get', { runId });
    expect(got.run.result.overall).toBe('fail');
  });

  it('starts a project from a template, imports a workbook, corrects a value and re-checks', async () => {
    const project = await call('projects.create', { name: '嘉定住宅自查' });
    const templates = await call('conditions.templates', {});
    expect(templates.length).toBeGreaterThanOrEqual(3);
    // the project's own contract conditions
    const doc = JSON.parse(readFileSync(join(SAMPLES, 'residential-jiading.conditions.json'), 'utf8'));
    const saved = await call('conditions.save', { projectId: project.id, doc });
    expect(saved.version).toBe(1);
    const imp = await call('import.workbook', { projectId: project.id, fileName: 'residential-jiading.xlsx', dataBase64: b64(join(SAMPLES, 'residential-jiading.xlsx')) });
    expect(imp.imported.project.green_ratio.source).toMatch(/!C\d+$/);
    const first = await call('check.run', { projectId: project.id });
    expect(first.run.result.overall).toBe('pass');

    // a typed correction with a reason: 绿地率 is really 30 % → the green-ratio condition fails
    const corrected = await call('import.correct', { projectId: project.id, indicator: 'green_ratio', building: null, value: '30%', reason: '以规划许可证为准' });
    expect(corrected.imported.project.green_ratio).toMatchObject({ value: 30, source: '人工录入' });
    expect(corrected.imported.project.green_ratio.interpretation).toContain('以规划许可证为准');
    const second = await call('check.run', { projectId: project.id });
    const p2 = second.run.result.findings.find((f) => f.conditionId === 'P2')!;
    expect(p2.verdict).not.toBe('pass');

    // a correction pointing at another cell of the same workbook
    const byCell = await call('import.correct', { projectId: project.id, indicator: 'building_height', building: null, cell: '主要技术经济指标!C14', reason: '取规划高度' });
    expect(byCell.imported.project.building_height).toMatchObject({ source: '主要技术经济指标!C14', status: 'ok' });
    await expect(call('import.correct', { projectId: project.id, indicator: 'building_height', building: null, cell: '不存在的表!A1', reason: 'x' })).rejects.toThrow('没有工作表');

    // The cell is remembered for the workbook's layout; the typed value belonged to that import only.
    const again = await call('import.workbook', { projectId: project.id, fileName: 'residential-jiading.xlsx', dataBase64: b64(join(SAMPLES, 'residential-jiading.xlsx')) });
    expect(again).toMatchObject({ mappingsApplied: 1, typedNotCarried: 1, version: 2 });
    expect(again.imported.project.building_height).toMatchObject({ source: '主要技术经济指标!C14' });
    expect(again.imported.project.green_ratio.source).not.toBe('人工录入');
    expect(again.imported.project.green_ratio.value).not.toBe(30);
  });

  it('overrides a verdict only with a reason, and the report shows and verifies it', async () => {
    const { projectId, runId } = await call('projects.openSample', { sample: 'public-mixed-songjiang' });
    const before = await call('check.get', { runId });
    const f = before.run.result.findings.find((x) => x.verdict === 'review')!;
    expect(await callError('check.override', { runId, conditionId: f.conditionId, building: f.building, verdict: 'pass', reason: '   ' })).toContain('参数无效');
    const after = await call('check.override', { runId, conditionId: f.conditionId, building: f.building, verdict: 'pass', reason: '已核对装配率计算书，申报值有依据' });
    const o = after.run.result.findings.find((x) => x.conditionId === f.conditionId && x.building === f.building)!;
    expect(o).toMatchObject({ verdict: 'pass', override: { from: 'review', reason: '已核对装配率计算书，申报值有依据' } });

    const pdf = await call('report.render', { runId, kind: 'pdf', org: { name: '上海某审图公司', sealText: '审查专用章', preparer: '张三' } });
    const bytes = Buffer.from(pdf.dataBase64, 'base64');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const list = await call('report.list', { projectId });
    expect(list.map((r) => r.fingerprint)).toContain(pdf.fingerprint);
    const ok = await call('report.verify', { dataBase64: pdf.dataBase64 });
    expect(ok).toMatchObject({ ok: true, runId, status: 'genuine' });
    expect(ok.archived?.fileName).toBe(pdf.fileName);
    // a truncated copy is not the issued file
    const cut = await call('report.verify', { dataBase64: bytes.subarray(0, bytes.length - 200).toString('base64') });
    expect(cut.ok).toBe(false);
    expect(cut.status).toBe('altered');
    // any other PDF is not recognised
    const foreign = await call('report.verify', { dataBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64') });
    expect(foreign.ok).toBe(false);
    expect(foreign.status).toBe('not-a-report');

    const xlsx = await call('report.render', { runId, kind: 'xlsx', org: { name: '上海某审图公司' } });
    expect(Buffer.from(xlsx.dataBase64, 'base64').subarray(0, 2).toString()).toBe('PK');
  });

  it('overrides change the project’s conclusion in the list; a saved seal is reused by name', async () => {
    const { projectId, runId } = await call('projects.openSample', { sample: 'messy-renovation' });
    expect((await call('projects.get', { projectId })).project.lastOverall).toBe('incomplete');
    const run = (await call('check.get', { runId })).run;
    for (const f of run.result.findings.filter((x) => x.verdict === 'missing' || x.verdict === 'review')) {
      await call('check.override', { runId, conditionId: f.conditionId, building: f.building, verdict: 'pass', reason: '现场核查补充材料齐全' });
    }
    expect((await call('projects.get', { projectId })).project.lastOverall).toBe('pass');
    const listed = await call('projects.list', {});
    expect(listed.items.find((p) => p.id === projectId)!.lastOverall).toBe('pass');
    expect(listed.items.find((p) => p.id === projectId)!.name).toBe('样例：北外滩城市更新（格式杂乱，需补充材料）');

    const png = readFileSync(join(process.cwd(), 'build', 'icon.png')).toString('base64');
    await call('org.save', { profile: { name: '有印章的机构', sealPngBase64: png, approver: '李审定' } });
    const withSaved = await call('report.render', { runId, kind: 'pdf', org: { name: '有印章的机构' } });
    const drawn = await call('report.render', { runId, kind: 'pdf', org: { name: '没有存档的机构' } });
    // the saved PNG seal (and the approver's name) make it into the report
    expect(Buffer.from(withSaved.dataBase64, 'base64').includes(Buffer.from('/Subtype /Image'))).toBe(true);
    expect(Buffer.from(withSaved.dataBase64, 'base64').length).not.toBe(Buffer.from(drawn.dataBase64, 'base64').length);
  });

  it('batch: 20 workbooks with progress, a summary, reports, and cancel', async () => {
    const names = ['residential-jiading', 'public-mixed-songjiang', 'messy-renovation', 'industrial-lingang'];
    const items = Array.from({ length: 20 }, (_, i) => {
      const n = names[i % names.length];
      return {
        fileName: `${String(i + 1).padStart(2, '0')}-${n}.xlsx`,
        dataBase64: b64(join(SAMPLES, `${n}.xlsx`)),
        conditions: JSON.parse(readFileSync(join(SAMPLES, `${n}.conditions.json`), 'utf8')),
      };
    });
    const { batchId } = await call('batch.start', { items });
    let status = await call('batch.get', { batchId });
    for (let i = 0; i < 400 && status.running; i++) {
      await new Promise((r) => setTimeout(r, 25));
      status = await call('batch.get', { batchId });
    }
    expect(status.batch).toMatchObject({ status: 'finished', total: 20, tally: { done: 20, error: 0, cancelled: 0, pending: 0 } });
    expect(status.items.map((i) => i.overall)).toEqual(
      Array.from({ length: 20 }, (_, i) => ['pass', 'fail', 'incomplete', 'fail'][i % 4]),
    );
    await call('org.save', { profile: { name: '批量测试机构' } });
    const report = await call('batch.report', { batchId, index: 1, org: { name: '批量测试机构' } });
    expect(Buffer.from(report.dataBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');

    const second = await call('batch.start', { items });
    await call('batch.cancel', { batchId: second.batchId });
    let s2 = await call('batch.get', { batchId: second.batchId });
    for (let i = 0; i < 400 && s2.running; i++) {
      await new Promise((r) => setTimeout(r, 10));
      s2 = await call('batch.get', { batchId: second.batchId });
    }
    expect(s2.batch.status).toBe('cancelled');
    expect(s2.items.filter((i) => i.status === 'cancelled').length).toBeGreaterThan(10);
  });

  it('a batch item without conditions and a broken workbook are reported per item, not as a crash', async () => {
    // Without any condition file the batch does not start, and says which workbook lacks one.
    expect(await callError('batch.start', { items: [{ fileName: 'a.xlsx', dataBase64: b64(join(SAMPLES, 'residential-jiading.xlsx')) }] })).toContain('a.xlsx');
    const { batchId } = await call('batch.start', {
      items: [
        { fileName: 'a.xlsx', dataBase64: b64(join(SAMPLES, 'residential-jiading.xlsx')), conditions: { format: 'landcheck.conditions/v1', conditions: [{ id: 'X', indicator: 'nope', op: '>=', value: 1 }] } },
        { fileName: 'broken.xlsx', dataBase64: Buffer.from('not a workbook').toString('base64'), conditions: { format: 'landcheck.conditions/v1', conditions: [] } },
      ],
    });
    let s = await call('batch.get', { batchId });
    for (let i = 0; i < 200 && s.running; i++) {
      await new Promise((r) => setTimeout(r, 10));
      s = await call('batch.get', { batchId });
    }
    expect(s.items[0]).toMatchObject({ status: 'error' });
    expect(s.items[0].error).toContain('a.xlsx 的条件');
    expect(s.items[1]).toMatchObject({ status: 'error' });
    expect(s.items[1].error).toContain('broken.xlsx');
  });
});

describe('the boundary', () => {
  it('refuses unknown methods and invalid inputs with Chinese messages', async () => {
    expect(await callError('shell.exec', {})).toBe('未知的操作：shell.exec');
    expect(await callError('projects.create', { name: '' })).toContain('参数无效');
    expect(await callError('projects.get', { projectId: -1 })).toContain('参数无效');
    expect(await callError('import.workbook', { projectId: 1, fileName: 'x.xlsx', dataBase64: '!!!' })).toContain('参数无效');
    expect(await callError('projects.get', { projectId: 99999 })).toContain('不存在');
  });

  it('an invalid condition document names the condition and field', async () => {
    const msg = await callError('conditions.validate', { doc: { format: 'landcheck.conditions/v1', conditions: [{ id: 'G1', indicator: 'green_building_star', op: '=>', value: 2 }] } });
    expect(msg).toContain('G1');
    expect(msg).toContain('op');
  });

  it('a bad workbook gives the importer’s message naming the file', async () => {
    const p = await call('projects.create', { name: '坏文件' });
    const msg = await callError('import.workbook', { projectId: p.id, fileName: '旧格式.xls', dataBase64: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(600)]).toString('base64') });
    expect(msg).toContain('旧格式.xls');
  });

  it('checking a project without conditions or import says what to do', async () => {
    const p = await call('projects.create', { name: '空项目' });
    expect(await callError('check.run', { projectId: p.id })).toContain('尚未设置出让条件');
  });
});

describe('overrides in the report', () => {
  it('the PDF and the Excel export show the override, its original verdict and the reason', async () => {
    const { runId } = await call('projects.openSample', { sample: 'public-mixed-songjiang' });
    const f = (await call('check.get', { runId })).run.result.findings.find((x) => x.verdict === 'review')!;
    await call('check.override', { runId, conditionId: f.conditionId, building: f.building, verdict: 'pass', reason: '已核对装配率计算书原件' });
    const pdf = await call('report.render', { runId, kind: 'pdf', org: { name: '改判测试机构' } });
    const file = join(api.dir, 'override.pdf');
    writeFileSync(file, Buffer.from(pdf.dataBase64, 'base64'));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    // the narrow verdict column wraps '人工改判（原结论：需复核）' between other columns' lines
    expect(text).toContain('人工改判（原');
    // pdftotext interleaves the wrapped lines of neighbouring cells: allow the message's lines between
    expect(text).toMatch(/人工改判（原.{0,80}结论：需复.{0,80}核）/);
    expect(text).toContain('人工改判理由：已核对装配率计算书原件');
    const xlsx = await call('report.render', { runId, kind: 'xlsx', org: { name: '改判测试机构' } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.dataBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('审查结果')!;
    const heads = (ws.getRow(1).values as unknown[]).map(String);
    const col = (name: string) => heads.indexOf(name);
    let row: ExcelJS.Row | undefined;
    ws.eachRow((r) => {
      if (r.getCell(col('改判理由')).value === '已核对装配率计算书原件') row = r;
    });
    expect(row).toBeDefined();
    expect(row!.getCell(col('程序结论')).value).toBe('需复核');
    expect(row!.getCell(col('最终结论')).value).toBe('符合');
    expect(row!.getCell(col('是否改判')).value).toBe('是');
  });
});
