// Verifying in the app (the report.* API methods), with the same answers as `npm run verify`:
// every issued file of a run is archived on its own and verifies; a receiver in another office
// drops the PDF and then the inputs (or picks a project) and gets 真实一致; an altered copy is
// 已被修改; the code in the footer and the QR text find the issuing office's records.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiHarness, SAMPLES } from '../api/harness';
import { verifyReportFile } from '../../shared/report/verify';
import { qrPayload } from '../../shared/report/fingerprint';
import { openDatabase } from '../../shared/store/sqlite';
import { loadMigrations, migrate, openStore } from '../../shared/store/index';
import { dropGlyphRun } from './forge';
import { sampleInputs } from './samples';
import { tempDir } from './helpers';

const office = apiHarness(); // the issuing office
const receiver = apiHarness(); // another installation
const NAME = 'public-mixed-songjiang';
const ORG = { name: '上海市某施工图审查中心', sealText: '审查专用章', preparer: '张三' };

describe('issued files are archived one by one, and each verifies in the app', () => {
  it('two PDFs and an Excel file of one run', async () => {
    const { runId } = await office.call('projects.openSample', { sample: NAME });
    const a = await office.call('report.render', { runId, kind: 'pdf', org: ORG });
    const x = await office.call('report.render', { runId, kind: 'xlsx', org: ORG });
    const b = await office.call('report.render', { runId, kind: 'pdf', org: ORG, reportNo: '沪审〔2026〕18 号' });
    for (const f of [a, x, b]) {
      const v = await office.call('report.verify', { dataBase64: f.dataBase64, fileName: f.fileName });
      expect(v, f.fileName).toMatchObject({ ok: true, status: 'genuine', runId });
      expect(v.archived?.fileName).toBe(f.fileName);
    }
    // the receiver of the first PDF, at the office: also the page-by-page answer (inputs from the records)
    const v = await office.call('report.verify', { dataBase64: a.dataBase64 });
    expect(v.inputsFrom).toBe('records');
    expect(v.notes?.join('\n')).toContain('已使用本机存档中记录的原始指标表和合同条件进行核验');
  }, 90_000);
});

describe('a receiver without the issuing office records', () => {
  it('drops the PDF, then the workbook and the conditions: the same answer as npm run verify', async () => {
    const { runId } = await office.call('projects.openSample', { sample: NAME });
    const pdf = await office.call('report.render', { runId, kind: 'pdf', org: ORG });
    const alone = await receiver.call('report.verify', { dataBase64: pdf.dataBase64 });
    expect(alone).toMatchObject({ ok: false, status: 'undetermined', archived: null });
    expect(alone.headline).toMatch(/^无法判断/);
    expect(alone.needs?.join('\n')).toContain(`${NAME}.xlsx`);
    expect(alone.report?.org).toBe(ORG.name);

    const inputs = await sampleInputs(NAME);
    const withInputs = await receiver.call('report.verify', {
      dataBase64: pdf.dataBase64,
      workbook: { fileName: `${NAME}.xlsx`, dataBase64: Buffer.from(inputs.workbook.bytes).toString('base64') },
      conditions: JSON.parse(readFileSync(join(SAMPLES, `${NAME}.conditions.json`), 'utf8')),
      conditionsFileName: `${NAME}.conditions.json`,
    });
    expect(withInputs).toMatchObject({ ok: true, status: 'genuine', inputsFrom: 'given' });
    // the command line's answer on the same bytes and inputs
    const cli = await verifyReportFile(Buffer.from(pdf.dataBase64, 'base64'), inputs);
    expect(cli.status).toBe(withInputs.status);
    expect(cli.headline).toBe(withInputs.headline);

    // an altered copy, with the inputs: 已被修改 and where
    const forged = dropGlyphRun(Buffer.from(pdf.dataBase64, 'base64'), 0, '不', '符合');
    const bad = await receiver.call('report.verify', {
      dataBase64: forged.toString('base64'),
      workbook: { fileName: 'x.xlsx', dataBase64: Buffer.from(inputs.workbook.bytes).toString('base64') },
      conditions: JSON.parse(readFileSync(join(SAMPLES, `${NAME}.conditions.json`), 'utf8')),
    });
    expect(bad).toMatchObject({ ok: false, status: 'altered' });
    expect(bad.differences.join('\n')).toContain('第 1 页文字不同');
    // only one of the two inputs: a clear message
    expect(await receiver.callError('report.verify', { dataBase64: pdf.dataBase64, workbook: { fileName: 'x.xlsx', dataBase64: 'UEs=' } })).toContain('还需要合同条件文件');
  }, 90_000);

  it('picks a project of this installation that holds the same inputs', async () => {
    const { runId } = await office.call('projects.openSample', { sample: 'industrial-lingang' });
    const pdf = await office.call('report.render', { runId, kind: 'pdf', org: ORG });
    const { projectId } = await receiver.call('projects.openSample', { sample: 'industrial-lingang' });
    const v = await receiver.call('report.verify', { dataBase64: pdf.dataBase64, projectId });
    expect(v).toMatchObject({ ok: true, status: 'genuine', inputsFrom: 'project' });
  }, 90_000);
});

describe('looking a report up by the code a receiver has', () => {
  it('the footer code, the QR text or the fingerprint find every file of the run', async () => {
    const { runId } = await office.call('projects.openSample', { sample: 'residential-jiading' });
    const a = await office.call('report.render', { runId, kind: 'pdf', org: ORG });
    await office.call('report.render', { runId, kind: 'xlsx', org: ORG });
    const short = `LC-${a.fingerprint.slice(0, 4)}-${a.fingerprint.slice(4, 8)}-${a.fingerprint.slice(8, 12)}`.toUpperCase();
    for (const text of [short, short.toLowerCase().replace(/-/g, ' '), qrPayload(a.fingerprint), a.fingerprint]) {
      const r = await office.call('report.lookup', { text });
      expect(r.files.map((f) => f.kind).sort(), text).toEqual(['pdf', 'xlsx']);
      expect(r.files[0]).toMatchObject({ orgName: ORG.name, shortCode: short, overall: 'pass' });
    }
    expect((await receiver.call('report.lookup', { text: short })).files).toEqual([]);
    expect(await office.callError('report.lookup', { text: '随便写的' })).toContain('核验码');
  }, 60_000);
});

describe('the report_files migration', () => {
  it('a database from before the archive migrates; reports whose bytes were kept join the archive', () => {
    const dir = tempDir();
    const path = join(dir, 'old.db');
    const all = loadMigrations();
    const at = all.find((m) => m.name === 'report_files')!.version;
    const db = openDatabase(path);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    migrate(db, { target: at - 1 });
    const T = '2026-01-01T00:00:00.000Z';
    const fp = 'ab'.repeat(32);
    const sha = 'cd'.repeat(32);
    db.prepare("INSERT INTO projects (id, name, archived, created_at, updated_at) VALUES (1, '旧项目', 0, ?, ?)").run(T, T);
    db.prepare("INSERT INTO condition_sets (id, project_id, version, doc, sha256, created_at) VALUES (1, 1, 1, '{}', ?, ?)").run('ee'.repeat(32), T);
    db.prepare("INSERT INTO imports (id, project_id, file_name, workbook_sha256, data, data_sha256, created_at) VALUES (1, 1, 'a.xlsx', ?, x'00', ?, ?)").run('ff'.repeat(32), '00'.repeat(32), T);
    db.prepare("INSERT INTO runs (id, project_id, import_id, condition_set_id, overall, checked_at, data, data_sha256, created_at) VALUES (1, 1, 1, 1, 'pass', ?, x'00', ?, ?)").run(T, '00'.repeat(32), T);
    db.prepare("INSERT INTO reports (id, run_id, fingerprint, file_name, kind, bytes, bytes_sha256, created_at) VALUES (1, 1, ?, 'old.pdf', 'pdf', x'25504446', ?, ?)").run(fp, sha, T);
    db.prepare("INSERT INTO reports (id, run_id, fingerprint, file_name, kind, bytes, bytes_sha256, created_at) VALUES (2, 1, ?, 'nobytes.pdf', 'pdf', NULL, NULL, ?)").run(fp, T);
    db.close();
    const s = openStore(path);
    expect(s.issuedFile(sha)).toMatchObject({ fileName: 'old.pdf', shortCode: 'LC-ABAB-ABAB-ABAB', projectName: '旧项目' });
    expect(s.issuedFiles({ code: 'LC-ABAB-ABAB-ABAB' }).map((f) => f.fileName)).toEqual(['old.pdf']);
    s.deleteProject(1);
    expect(s.issuedFile(sha)).toBeNull();
    s.close();
  });
});
