// The PDF read back with poppler: text, metadata, fonts, pages, seal pixels, QR.
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { fingerprint } from '../../shared/report/fingerprint';
import { readReportManifest } from '../../shared/report/manifest';
import { renderReportPdf, REPORT_TITLE, type ReportOptions } from '../../shared/report/pdf';
import { sealSvg } from '../../shared/report/seal';
import { isInputError } from '../../shared/errors';
import { CONDITIONS, makeBigRun, makeRun } from './fixtures';
import { has, pdfinfo, pdftotext, redPixels, renderPage, tempDir, writePdf } from './helpers';

const OPTS: ReportOptions = {
  org: { name: '上海市某某建设工程施工图审查有限公司', sealText: '审查专用章', signatories: { preparer: '张三', checker: '李四' } },
  reportNo: 'SC-2026-0158',
  date: '2026-11-21',
};

describe('renderReportPdf (typical run)', () => {
  const dir = tempDir();
  const run = makeRun();
  let bytes: Uint8Array;
  let path: string;
  let text: string;
  let pages: number;
  let ms: number;

  beforeAll(async () => {
    await renderReportPdf(run, OPTS); // warm-up: font files parsed once per process
    const t0 = performance.now();
    bytes = await renderReportPdf(run, OPTS);
    ms = performance.now() - t0;
    path = writePdf(dir, 'typical.pdf', bytes);
    text = pdftotext(path);
    pages = Number(pdfinfo(path).Pages);
  });

  it('brings the Chinese back exactly: title, project, contract, every clause text', () => {
    expect(text).toContain(REPORT_TITLE);
    expect(text).toContain('松江区SJC10018单元08-03地块商品住宅及配套商业项目');
    expect(text).toContain('沪松规土(2025)第018号');
    expect(text).toContain('SC-2026-0158');
    const flat = text.replace(/\s+/g, '');
    for (const c of CONDITIONS) {
      expect(flat).toContain(c.text!.replace(/\s+/g, ''));
      expect(flat).toContain(c.clause!);
    }
    // per-building rows and sources
    expect(flat).toContain('2#楼');
    expect(flat).toContain('单体指标!H5');
    // overall conclusion on the cover
    const page1 = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
    expect(page1).toContain('不符合');
    expect(page1).toContain('审查结论');
  });

  it('prints the fingerprint and 第 x 页 共 y 页 on every page, and stores it in the metadata', () => {
    const fp = fingerprint(run);
    const perPage = text.split('\f').filter((p) => p.trim());
    expect(perPage.length).toBe(pages);
    perPage.forEach((p, i) => {
      expect(p.replace(/\s+/g, '')).toContain(`第${i + 1}页共${pages}页`);
      expect(p).toContain(fp.short);
    });
    const info = pdfinfo(path);
    expect(info.Subject).toContain(fp.short);
    expect(info.Keywords).toContain(fp.hex);
    const m = readReportManifest(bytes);
    expect(m?.fingerprint).toBe(fp.hex);
    expect(m?.parts).toEqual(fp.parts);
    expect(m?.findings.length).toBe(run.result.findings.length);
  });

  it('has the calculation appendix with inputs, cells, formula and clause', () => {
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain('附录A计算过程');
    expect(flat).toContain('GB/T51129-2017§4.0.1');
    expect(flat).toContain('P=(Q1+Q2+Q3)/(100−Q4)×100%');
    expect(flat).toContain('装配率计算!C4');
    expect(flat).toContain('V=10·H·φ·F');
  });

  it('embeds Noto Sans SC as a subset', () => {
    const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' });
    expect(fonts).toMatch(/[A-Z]{6}\+NotoSansSC-Regular/);
    expect(fonts).toMatch(/[A-Z]{6}\+NotoSansSC-Bold/);
    expect(fonts).not.toMatch(/\bno\s+no\b/); // every font embedded
  });

  it('is small (< 1 MB; its speed is measured by npm run bench)', () => {
    expect(bytes.length).toBeLessThan(1_000_000);
    expect(ms).toBeGreaterThan(0);
  });

  it('draws the red seal over the sign-off on the last page, and no seal on page 1 without 骑缝章', () => {
    const last = renderPage(path, pages, dir);
    expect(redPixels(last, 0.5, 1, 0, 0.9)).toBeGreaterThan(300);
    const first = renderPage(path, 1, dir);
    expect(redPixels(first, 0.9, 1, 0.3, 0.7)).toBe(0);
    // the cover's conclusion 不符合 is red
    expect(redPixels(first, 0.2, 0.8, 0.45, 0.75)).toBeGreaterThan(100);
  });

  it.skipIf(!has('zbarimg'))('footer QR code decodes to LANDCHECK1:<fingerprint>', () => {
    const img = renderPage(path, 2, dir, 150);
    const out = execFileSync('zbarimg', ['-q', '--raw', img.png], { encoding: 'utf8' });
    expect(out.trim()).toBe(`LANDCHECK1:${fingerprint(run).hex}`);
  });
});

describe('report options and growth', () => {
  it('cross-page seal: a strip of the seal on the right edge of every page', async () => {
    const dir = tempDir();
    const bytes = await renderReportPdf(makeRun(), { ...OPTS, org: { ...OPTS.org, crossPageSeal: true } });
    const path = writePdf(dir, 'cross.pdf', bytes);
    const pages = Number(pdfinfo(path).Pages);
    for (const p of [1, Math.ceil(pages / 2), pages]) {
      const img = renderPage(path, p, dir);
      expect(redPixels(img, 0.95, 1, 0.35, 0.65)).toBeGreaterThan(5);
    }
  });

  it('page count grows with the findings (40 buildings)', async () => {
    const dir = tempDir();
    const small = writePdf(dir, 's.pdf', await renderReportPdf(makeRun(), OPTS));
    const big = writePdf(dir, 'b.pdf', await renderReportPdf(makeBigRun(40), OPTS));
    expect(Number(pdfinfo(big).Pages)).toBeGreaterThan(Number(pdfinfo(small).Pages));
    const text = pdftotext(big);
    expect(text).toContain('40#楼');
  });

  it('uses the organisation PNG seal when given, and rejects a non-PNG', async () => {
    const { qrPng } = await import('../../shared/report/qrimage');
    const png = qrPng('seal');
    const bytes = await renderReportPdf(makeRun(), { org: { name: '某审查机构', sealPng: png } });
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    await expect(renderReportPdf(makeRun(), { org: { name: '某审查机构', sealPng: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]) } })).rejects.toSatisfy(
      (e) => isInputError(e) && /PNG/.test((e as Error).message),
    );
  });

  it('sealSvg draws the name as shapes on a red ring with a star', () => {
    const svg = sealSvg({ name: '某某审查中心', sealText: '审查专用章' });
    expect(svg).toMatch(/^<svg /);
    expect(svg).toContain('#D40000');
    expect((svg.match(/<path /g) ?? []).length).toBe(6 + 5);
    expect(svg).toContain('<polygon');
  });
});

describe('a 500-building report', () => {
  it('renders with thousands of findings, < 3 MB, every building present', async () => {
    const run = makeBigRun(500);
    expect(run.result.findings.length).toBeGreaterThan(1400);
    const t0 = performance.now();
    const bytes = await renderReportPdf(run, OPTS);
    const ms = performance.now() - t0;
    expect(bytes.length).toBeLessThan(3_000_000);
    expect(ms).toBeGreaterThan(0); // speed: npm run bench
    const dir = tempDir();
    const path = writePdf(dir, 'big.pdf', bytes);
    const flat = pdftotext(path).replace(/\s+/g, '');
    expect(flat).toContain('500#楼');
    expect(flat).toContain('A.1000');
    expect(readReportManifest(bytes)?.findings.length).toBe(run.result.findings.length);
  }, 60_000);
});
