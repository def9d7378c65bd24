// Where the report's data live and what verification says when the inputs are not the original
// ones, when the report was made by another version, when the file is not a report at all.
import { spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { PdfDocument, PdfStream } from '../../shared/report/pdf-reader';
import { appendUpdate } from '../../shared/report/pdf-writer';
import { MANIFEST_KEY, readManifest, readReportManifest, type Manifest } from '../../shared/report/manifest';
import { verifyReportFile } from '../../shared/report/verify';
import { fingerprint } from '../../shared/report/fingerprint';
import type { LeafRule } from '../../shared/model/types';
import type { OriginalInputs } from '../../shared/report/rederive';
import { sampleInputs, sampleReport, sampleRun } from './samples';

const NAME = 'public-mixed-songjiang';
let pdf: Uint8Array;
let inputs: OriginalInputs;

beforeAll(async () => {
  pdf = await sampleReport(NAME);
  inputs = await sampleInputs(NAME);
}, 60_000);

/** The report with its embedded data replaced by `m` (an incremental update). */
function withManifest(m: unknown): Buffer {
  const doc = new PdfDocument(pdf);
  const names = doc.dict(doc.catalog().get('Names'))!;
  const spec = doc.dict(doc.nameTreeLookup(names.get('EmbeddedFiles'), MANIFEST_KEY))!;
  const ref = doc.dict(spec.get('EF'))!.get('F') as { num: number };
  return appendUpdate(Buffer.from(pdf), doc, new Map([[ref.num, { dict: [['Type', '/EmbeddedFile']], data: Buffer.from(JSON.stringify(m)), compress: true }]]), doc.num(doc.trailer.get('Size'))!);
}

describe('the embedded verification data', () => {
  it('live in one place: an embedded file of the catalog, with the page digests and the recorded options', async () => {
    const doc = new PdfDocument(pdf);
    const m = readManifest(doc)!;
    const run = await sampleRun(NAME);
    expect(m.fingerprint).toBe(fingerprint(run).hex);
    expect(m.pages.digests).toHaveLength(doc.pages().length);
    expect(m.options.org.name).toBe('上海市某施工图审查中心');
    expect(m.inputs.workbook).toEqual({ file: `${NAME}.xlsx`, sha256: run.imported.sha256 });
    // nothing in the Info dictionary but ordinary metadata and the fingerprint
    expect([...doc.info()!.map.keys()].filter((k) => k.startsWith('LandCheckManifest'))).toEqual([]);
    // the embedded file shows a Chinese name in a reader's attachment list
    const names = doc.dict(doc.catalog().get('Names'))!;
    const spec = doc.dict(doc.nameTreeLookup(names.get('EmbeddedFiles'), MANIFEST_KEY))!;
    expect((doc.resolve(spec.get('UF')) as { text(): string }).text()).toBe('审查报告核验数据.json');
    expect(doc.resolve(doc.dict(spec.get('EF'))!.get('F'))).toBeInstanceOf(PdfStream);
  });

  it('a PDF that is not a LandCheck report, and bytes that are not a PDF', async () => {
    const plain = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
    const o = await verifyReportFile(plain);
    expect(o.status).toBe('not-a-report');
    expect(o.details[0]).toContain('没有 LandCheck 报告的核验数据');
    const junk = await verifyReportFile(Buffer.from('hello'));
    expect(junk.status).toBe('not-a-report');
    expect(junk.details[0]).toContain('不是 PDF 文件');
  });

  it('damaged or malformed embedded data: the file is not an untouched report', async () => {
    const broken = withManifest({ format: 'landcheck.report-manifest/v2', fingerprint: 'x' });
    const o = await verifyReportFile(broken, inputs);
    expect(o.status).toBe('altered');
    expect(o.details[0]).toContain('核验数据无法读取');
  });

  it('a report of LandCheck 0.1.0 (data in the Info dictionary) says which version made it, never "altered"', async () => {
    const doc = new PdfDocument(pdf);
    const info = doc.trailer.get('Info') as { num: number };
    const legacy = appendUpdate(
      Buffer.from(pdf),
      doc,
      new Map([[info.num, `<< /Title (old) /LandCheckFingerprint (${'a'.repeat(64)}) /LandCheckManifestCount (1) /LandCheckManifest1 (eJw=) >>`]]),
      doc.num(doc.trailer.get('Size'))!,
    );
    // strip the embedded data too: an old report has none
    const d2 = new PdfDocument(legacy);
    const root = d2.trailer.get('Root') as { num: number };
    const old = appendUpdate(legacy, d2, new Map([[root.num, '<< /Type /Catalog /Pages 3 0 R >>']]), d2.num(d2.trailer.get('Size'))!);
    const pagesRef = new PdfDocument(pdf).catalog().get('Pages') as { num: number };
    const fixed = Buffer.from(old.toString('latin1').replace('/Pages 3 0 R', `/Pages ${pagesRef.num} 0 R`), 'latin1');
    const o = await verifyReportFile(fixed, inputs);
    expect(o.status).toBe('other-version');
    expect(o.details[0]).toContain('LandCheck 0.1.0');
    expect(o.details[0]).toContain('LC-AAAA-AAAA-AAAA');
  });

  it('a report whose data say another LandCheck version made it: names the version when the pages differ', async () => {
    const m = readReportManifest(pdf)! as Manifest;
    const other = withManifest({ ...m, generator: { ...m.generator, version: '0.0.9', layout: 1 }, options: { ...m.options, reportNo: 'X-1' } });
    const o = await verifyReportFile(other, inputs);
    expect(o.status).toBe('other-version');
    expect(o.headline).toContain('LandCheck 0.0.9');
    expect(o.headline).not.toMatch(/修改/);
  }, 30_000);
});

describe('inputs that are not the original ones: cannot tell, and what differs is named', () => {
  it('a value changed in the workbook: names the cell and the finding', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(inputs.workbook.bytes) as never);
    const ws = wb.getWorksheet('单体指标')!;
    ws.getCell('G3').value = 55;
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const o = await verifyReportFile(pdf, { ...inputs, workbook: { bytes, name: '改过.xlsx' } });
    expect(o.status).toBe('undetermined');
    expect(o.details[0]).toMatch(/^所提供的指标表 改过\.xlsx 与报告记录的不是同一文件/);
    expect(o.details).toContain('指标表 单体指标!G3（A办公楼 装配率）的值不同：报告中 65%，所提供文件中 55%');
    expect(o.needs[0]).toContain(`${NAME}.xlsx`);
  }, 30_000);

  it('a threshold changed in the conditions: names the condition and both thresholds', async () => {
    const doc = structuredClone(inputs.conditions.doc);
    (doc.conditions.find((c) => c.id === 'P2') as unknown as LeafRule).value = 40;
    const o = await verifyReportFile(pdf, { ...inputs, conditions: { doc, name: 'changed.json' } });
    expect(o.status).toBe('undetermined');
    expect(o.details).toContain('条件 P2 的阈值不同：报告中 绿地率 ≥ 20%，所提供 绿地率 ≥ 40%');
    expect(o.details.join('\n')).toMatch(/P2 的结论不同：报告中 符合，按所提供输入为 不符合/);
  }, 30_000);
});

describe('cli/verify.ts', () => {
  it('a missing report file is bad input: exit 3, one Chinese line, no stack trace', () => {
    const r = spawnSync('npx', ['tsx', 'cli/verify.ts', '/nonexistent/r.pdf', 'x.xlsx', '--conditions', 'c.json'], {
      cwd: new URL('../..', import.meta.url).pathname,
      encoding: 'utf8',
    });
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('找不到或无法读取报告文件');
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });
});
