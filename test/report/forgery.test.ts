// Verification covers what a reader sees: every forgery of a real report is rejected and names
// where; every untouched report is accepted (also several reports of one run, and signed ones).
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyReportFile, type VerifyOutcome } from '../../shared/report/verify';
import { renderReportPdf } from '../../shared/report/pdf';
import { readReportManifest, embedManifest, digestsOf, type Manifest } from '../../shared/report/manifest';
import { PdfDocument } from '../../shared/report/pdf-reader';
import type { OriginalInputs } from '../../shared/report/rederive';
import { appendUpdate } from '../../shared/report/pdf-writer';
import { invertSealImage, zeroBomb, addStamp, dropGlyphRun, editContent, editInfo, flipStreamByte, graftManifest, qpdfPages, qpdfResave, swapGlyph } from './forge';
import { pdftotext, tempDir, writePdf } from './helpers';
import { sampleInputs, sampleReport } from './samples';

const FAILING = 'public-mixed-songjiang';
const PASSING = 'residential-jiading';
const reportOf = sampleReport;
const inputsOf = sampleInputs;

/** The big conclusion line of the cover: a line that is only a conclusion word. */
function coverConclusion(pdfText: string): string | undefined {
  return pdfText
    .split('\f')[0]
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l === '符合' || l === '不符合' || l === '需补充材料');
}

let failing: Uint8Array;
let passing: Uint8Array;
let failingIn: OriginalInputs;
let passingIn: OriginalInputs;
const dir = tempDir();

beforeAll(async () => {
  [failing, passing] = await Promise.all([reportOf(FAILING), reportOf(PASSING)]);
  [failingIn, passingIn] = await Promise.all([inputsOf(FAILING), inputsOf(PASSING)]);
}, 60_000);

const text = (pdf: Uint8Array, name: string) => pdftotext(writePdf(dir, name, pdf));

function altered(o: VerifyOutcome, ...where: RegExp[]): void {
  expect(o.status, `${o.headline}\n${o.details.join('\n')}`).toBe('altered');
  expect(o.ok).toBe(false);
  expect(o.headline).toMatch(/^已被修改/);
  for (const w of where) expect(o.details.join('\n')).toMatch(w);
}

describe('untouched reports are genuine', () => {
  it('a failing and a passing report, with their inputs', async () => {
    for (const [pdf, inp] of [
      [failing, failingIn],
      [passing, passingIn],
    ] as const) {
      const o = await verifyReportFile(pdf, inp);
      expect(o.status, o.details.join('\n')).toBe('genuine');
      expect(o.ok).toBe(true);
      expect(o.headline).toMatch(/^真实一致/);
      expect(o.notes.join('\n')).toContain('上海市某施工图审查中心');
    }
  }, 60_000);

  it('several reports of one run (another number, date, organisation, a second copy) all verify', async () => {
    const others = [
      await reportOf(FAILING, { reportNo: '沪审绿〔2026〕第 17 号' }),
      await reportOf(FAILING, { issuedAt: new Date('2026-12-01T08:00:00Z'), date: '2026-12-01' }),
      await reportOf(FAILING, { org: { name: '另一家审图机构', crossPageSeal: true, signatories: { preparer: '张三', checker: '李四', approver: '王五' } } }),
      await reportOf(FAILING),
    ];
    // the second copy of the same report is the same file
    expect(Buffer.from(others[3]).equals(Buffer.from(failing))).toBe(true);
    for (const pdf of others) expect((await verifyReportFile(pdf, failingIn)).status).toBe('genuine');
  }, 120_000);

  it('every sample report, with a drawn seal, a cross-page seal and signatories, verifies', async () => {
    for (const name of ['public-mixed-songjiang', 'residential-jiading', 'messy-renovation', 'industrial-lingang']) {
      const pdf = await reportOf(name, { org: { name: '上海市某施工图审查中心', crossPageSeal: true, signatories: { preparer: '张三', checker: '李四', approver: '王五' } }, project: { name: `${name} 项目` } });
      const o = await verifyReportFile(pdf, await inputsOf(name));
      expect(o.status, `${name}: ${o.details.join('\n')}`).toBe('genuine');
    }
  }, 120_000);

  it('a report made from a run read back from the store (object keys sorted) verifies by making it again', async () => {
    const { canonicalJson } = await import('../../shared/canonical');
    const { sampleRun } = await import('./samples');
    const stored = JSON.parse(canonicalJson(await sampleRun(FAILING)));
    const pdf = await renderReportPdf(stored, { org: { name: '上海市某施工图审查中心' }, issuedAt: new Date('2026-11-21T00:00:00Z') });
    const o = await verifyReportFile(pdf, failingIn);
    expect(o.status, o.details.join('\n')).toBe('genuine');
  }, 60_000);

  it('without the inputs: cannot tell, neutral, and says what to provide', async () => {
    const o = await verifyReportFile(failing);
    expect(o.status).toBe('undetermined');
    expect(o.headline).toMatch(/^无法判断/);
    expect(o.headline).not.toMatch(/修改|伪造|篡改/);
    expect(o.needs.join('\n')).toContain(`${FAILING}.xlsx`);
    expect(o.needs.join('\n')).toContain('合同条件文件');
  });

  it('inputs that are not the original ones: cannot tell, names the file and what differs', async () => {
    const o = await verifyReportFile(failing, { ...failingIn, workbook: passingIn.workbook });
    expect(o.status).toBe('undetermined');
    expect(o.details[0]).toContain('不是同一文件');
  }, 30_000);
});

describe('forgeries are rejected and say where', () => {
  it('one byte changed inside a page content stream', async () => {
    const forged = flipStreamByte(failing, 2);
    altered(await verifyReportFile(forged, failingIn));
    altered(await verifyReportFile(forged));
  }, 30_000);

  it('a glyph run removed so the cover shows 符合 instead of 不符合 (checked with pdftotext)', async () => {
    expect(coverConclusion(text(failing, 'f.pdf'))).toBe('不符合');
    const forged = dropGlyphRun(failing, 0, '不', '符合');
    expect(coverConclusion(text(forged, 'forged.pdf'))).toBe('符合');
    const o = await verifyReportFile(forged, failingIn);
    altered(o, /第 1 页文字不同/, /不符合/);
    // the file alone already shows the page no longer matches what was issued
    altered(await verifyReportFile(forged), /第 1 页/);
  }, 30_000);

  it('a digit glyph rewritten (same font), e.g. a count on the cover', async () => {
    const forged = swapGlyph(failing, 0, '1', '023456789');
    altered(await verifyReportFile(forged, failingIn), /第 1 页文字不同/);
  }, 30_000);

  it('a page removed (qpdf) and a page removed by an incremental update', async () => {
    const n = new PdfDocument(failing).pages().length;
    const forged = qpdfPages(failing, `1-3,5-${n}`);
    altered(await verifyReportFile(forged, failingIn), /页数不同/, /第 4 页/);
    altered(await verifyReportFile(forged), /页数不同/);
  }, 30_000);

  it('pages reordered', async () => {
    const n = new PdfDocument(failing).pages().length;
    const forged = qpdfPages(failing, `1,3,2,4-${n}`);
    altered(await verifyReportFile(forged, failingIn), /顺序/);
    altered(await verifyReportFile(forged), /顺序/);
  }, 30_000);

  it("a failing run's embedded data grafted onto a passing report's pages", async () => {
    const forged = graftManifest(passing, failing);
    altered(await verifyReportFile(forged, failingIn));
    altered(await verifyReportFile(forged, passingIn));
    altered(await verifyReportFile(forged));
    // a careful forger also rewrites the page digests of the grafted data to match the pages
    const m = readReportManifest(failing)! as Manifest;
    const passingPages = readReportManifest(passing)!.pages;
    const laidOut = new PdfDocument(passing);
    const firstRevision = laidOut.buf.subarray(0, [...laidOut.sections].reverse()[0].endsAt!);
    const careful = embedManifest(firstRevision, { ...m, pages: { ...passingPages, digests: digestsOf(firstRevision) } });
    altered(await verifyReportFile(careful, failingIn), /第 1 页文字不同/);
    const o = await verifyReportFile(careful, passingIn);
    expect(o.ok).toBe(false);
    expect(o.status).not.toBe('genuine');
  }, 60_000);

  it('re-saved by another tool (qpdf), with and without object streams: the file is not the issued one', async () => {
    for (const forged of [qpdfResave(failing), qpdfResave(failing, '--object-streams=generate'), qpdfResave(failing, '--linearize')]) {
      const o = await verifyReportFile(forged, failingIn);
      altered(o, /重新保存|改写/);
      expect(o.headline).toContain('各页内容与按原始输入生成的一致');
    }
  }, 60_000);

  it('a page edited by an incremental update, a stamp annotation added, the document information changed', async () => {
    altered(
      await verifyReportFile(editContent(failing, 1, (t) => t.replace(/0 0 0 scn/, '1 0 0 scn')), failingIn),
      /第 2 页/,
    );
    altered(await verifyReportFile(addStamp(failing, 0), failingIn), /第 1 页被加上了批注/);
    altered(await verifyReportFile(editInfo(failing, 'forged'), failingIn), /文档信息/);
  }, 60_000);

  it("the organisation's own seal image (its hash recorded) replaced on the sign-off page", async () => {
    const { qrPng } = await import('../../shared/report/qrimage');
    const sealed = await reportOf(FAILING, { org: { name: '某审图中心', sealPng: qrPng('某审图中心 审查专用章') } });
    expect((await verifyReportFile(sealed, failingIn)).status).toBe('genuine');
    const pages = new PdfDocument(sealed).pages().length;
    const forged = invertSealImage(sealed, pages - 1);
    altered(await verifyReportFile(forged, failingIn), new RegExp(`第 ${pages} 页页面中的图像`));
  }, 60_000);

  it('a PDF whose embedded data inflate to 2 GiB is refused fast, in bounded memory', async () => {
    const bomb = zipBombReport(failing);
    const before = process.memoryUsage().rss;
    const t = performance.now();
    const o = await verifyReportFile(bomb, failingIn);
    expect(performance.now() - t).toBeLessThan(5000);
    expect(process.memoryUsage().rss - before).toBeLessThan(300 * 1024 * 1024);
    altered(o, /核验数据/);
  }, 30_000);

});

/** The report with its embedded data replaced by a deflate stream of 2 GiB of zeros (~2 MB). */
function zipBombReport(pdf: Uint8Array): Buffer {
  const data = zeroBomb(2048);
  const doc = new PdfDocument(pdf);
  const names = doc.dict(doc.catalog().get('Names'))!;
  const spec = doc.dict(doc.nameTreeLookup(names.get('EmbeddedFiles'), 'LandCheck-manifest'))!;
  const ref = doc.dict(spec.get('EF'))!.get('F') as { num: number };
  return appendUpdate(Buffer.from(pdf), doc, new Map([[ref.num, `<< /Type /EmbeddedFile /Filter /FlateDecode /Length ${data.length} >>\nstream\n${data.toString('latin1')}\nendstream`]]), doc.num(doc.trailer.get('Size'))!);
}
