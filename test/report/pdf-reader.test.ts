// The one PDF reader on hostile files: cycles, depth, bombs, broken cross-references. Every case
// ends in a Chinese answer within limits, never a crash or a hang; and it reads what other tools
// write (qpdf's object and cross-reference streams).
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { PdfDocument, PdfError, PdfStream } from '../../shared/report/pdf-reader';
import { pageDigests, pageText } from '../../shared/report/pdf-pages';
import { verifyReportFile } from '../../shared/report/verify';
import { qpdfResave, zeroBomb } from './forge';
import { sampleReport } from './samples';

/** A PDF from numbered object bodies, with a correct classic cross-reference table. */
function pdfOf(objects: string[], trailerExtra = ''): Buffer {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const page = (contents = '4 0 R') => `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] /Contents ${contents} >>`;

describe('PdfDocument on hostile input', () => {
  it('a page tree that contains itself is refused, not followed forever', () => {
    const pdf = pdfOf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>', page(), '<< /Length 0 >>\nstream\n\nendstream']);
    expect(() => new PdfDocument(pdf).pages()).toThrow(PdfError);
  });

  it('arrays nested 100 000 deep are refused at the depth limit', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const pdf = pdfOf(['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [3 0 R] /Count 1 /X ${deep} >>`, page(), '<< /Length 0 >>\nstream\n\nendstream']);
    const doc = new PdfDocument(pdf);
    expect(() => doc.pages()).toThrow(/嵌套层次过深/);
  });

  it('a stream whose /Length refers to itself, and a wrong /Length, are still read to endstream', () => {
    const body = 'BT /F1 12 Tf (abc) Tj ET';
    const pdf = pdfOf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', page(), `<< /Length 4 0 R >>\nstream\n${body}\nendstream`]);
    const doc = new PdfDocument(pdf);
    expect(doc.pageContent(doc.pages()[0]).toString('latin1')).toBe(body);
    const wrong = pdfOf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', page(), `<< /Length 99999 >>\nstream\n${body}\nendstream`]);
    const d2 = new PdfDocument(wrong);
    expect(d2.pageContent(d2.pages()[0]).toString('latin1')).toBe(body);
  });

  it('a content stream that inflates beyond the limit is refused fast', () => {
    const bomb = zeroBomb(2048); // 2 GiB of zeros
    const pdf = Buffer.concat([
      Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n' + page() + '\nendobj\n4 0 obj\n<< /Filter /FlateDecode /Length ' + bomb.length + ' >>\nstream\n', 'latin1'),
      bomb,
      Buffer.from('\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1'),
    ]);
    const t = performance.now();
    const doc = new PdfDocument(pdf); // no usable xref: objects found by scanning
    expect(doc.repaired).toBe(true);
    expect(() => doc.pageContent(doc.pages()[0])).toThrow(/超过上限/);
    expect(performance.now() - t).toBeLessThan(5000);
  });

  it('a cross-reference chain that loops, offsets out of range, garbage: a Chinese PdfError or a repaired read', () => {
    const ok = pdfOf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', page(), '<< /Length 0 >>\nstream\n\nendstream']);
    const s = ok.toString('latin1');
    const at = /startxref\n(\d+)/.exec(s)![1];
    const looping = Buffer.from(s.replace('>>\nstartxref', `/Prev ${at} >>\nstartxref`), 'latin1');
    expect(new PdfDocument(looping).pages()).toHaveLength(1); // repaired by scanning
    const far = Buffer.from(s.replace(/startxref\n\d+/, 'startxref\n999999999'), 'latin1');
    expect(new PdfDocument(far).pages()).toHaveLength(1);
    for (const junk of [Buffer.from('%PDF-1.7\n' + 'x'.repeat(5000)), Buffer.from('not a pdf'), Buffer.alloc(0)]) {
      expect(() => new PdfDocument(junk).pages()).toThrow(PdfError);
    }
  });

  it('verification of hostile files answers in Chinese, never throws', async () => {
    const files = [
      pdfOf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [2 0 R] /Count 1 >>']),
      pdfOf(['<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(LandCheck-manifest) 3 0 R] >> >> >>', '<< /Type /Pages /Kids [] /Count 0 >>', '<< /EF << /F 3 0 R >> >>']),
      Buffer.from('%PDF-1.4\n%%EOF\n'),
    ];
    for (const f of files) {
      const o = await verifyReportFile(f);
      expect(['not-a-report', 'altered']).toContain(o.status);
      expect(o.headline + o.details.join('')).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('PdfDocument on what other tools write', () => {
  let report: Uint8Array;
  beforeAll(async () => {
    report = await sampleReport('residential-jiading');
  }, 60_000);

  it('qpdf object streams and cross-reference streams give the same pages and text', () => {
    const original = new PdfDocument(report);
    const rewritten = new PdfDocument(qpdfResave(report, '--object-streams=generate'));
    expect(rewritten.sections[0].kind).toBe('stream');
    expect(pageDigests(rewritten).map((d) => d.hash)).toEqual(pageDigests(original).map((d) => d.hash));
    expect(pageText(rewritten, rewritten.pages()[0])).toEqual(pageText(original, original.pages()[0]));
    // poppler agrees on the page count
    const info = execFileSync('pdfinfo', ['-'], { input: report, encoding: 'utf8' });
    expect(info).toContain(`Pages:           ${original.pages().length}`);
  });

  it('reads the cover text the way pdftotext does', () => {
    const doc = new PdfDocument(report);
    const runs = pageText(doc, doc.pages()[0]);
    expect(runs).toContain('土地出让合同绿色生态条件符合性审查意见书');
    expect(runs.some((r) => r.includes('符合'))).toBe(true);
    const streams = doc.objectNumbers().filter((n) => doc.object(n) instanceof PdfStream);
    expect(streams.length).toBeGreaterThan(3);
  });
});
