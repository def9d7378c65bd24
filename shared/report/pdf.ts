// The 审查意见书 as PDF (pdfmake): cover with the project's and the contract's identity and the
// conclusion; 一 项目概况; 二 审查依据; 三 审查结论 (counts, overrides and hand entries with who);
// 四 审查意见 (one numbered item per finding that is not 符合, with its 整改要求); 五 逐条审查结果;
// 六 一致性提示与导入说明; 附录 A 计算过程; sign-off with blank space for handwritten signatures
// and 执业章. Verification code + QR + page numbers in every footer. Rendering is a function of
// the run and the options only (the moment of issue is an option): verification makes the same
// pages again. The verification data are embedded afterwards (shared/report/manifest.ts).
// The sections are made in pdf-front-matter.ts, pdf-opinions.ts, pdf-findings.ts, pdf-appendix.ts
// and pdf-signoff.ts from the blocks of pdf-blocks.ts; this file lays the document out.
import type { CheckRun } from '../model/types';
import { FONT, getPdfMake } from './fonts';
import { fingerprint, qrPayload } from './fingerprint';
import { buildManifest, digestsOf, embedManifest } from './manifest';
import { PdfDocument } from './pdf-reader';
import { handEntriesOf, overridesOf, type ReportOptions } from './options';
import { pdfLine } from './sanitize';
import { qrPng } from './qrimage';
import { describeRule } from './describe';
import { reportFacts, type ReportFacts } from './facts';
import { GRAY, line, type Node, REPORT_TITLE, RULE } from './pdf-blocks';
import { basisSection, conclusion, cover, overview } from './pdf-front-matter';
import { opinions } from './pdf-opinions';
import { findingsSection, notesSection } from './pdf-findings';
import { appendix } from './pdf-appendix';
import { crossSeal, signOff } from './pdf-signoff';

export type { OrgProfile, ReportOptions, ProjectIdentity } from './options';
export { REPORT_TITLE, SEAL_NOTE } from './pdf-blocks';

// ---------------------------------------------------------------- document

/** The pages as pdfmake lays them out (no verification data yet). */
async function layOut(run: CheckRun, opts: ReportOptions, facts: ReportFacts, issuedAt: Date): Promise<Uint8Array> {
  const fp = { hex: facts.fpHex, short: facts.fpShort };
  const qr = `data:image/png;base64,${qrPng(qrPayload(fp.hex)).toString('base64')}`;
  const doc = {
    pageSize: 'A4',
    images: { lcqr: qr },
    pageMargins: [56, 60, 56, 74],
    info: {
      title: `${REPORT_TITLE}（${pdfLine(facts.reportNo, 60)}）`,
      author: pdfLine(opts.org.name, 80),
      subject: `报告核验码 ${fp.short}`,
      keywords: `LandCheck; fingerprint:${fp.hex}; ${pdfLine(facts.projectName, 80)}`,
      creator: 'LandCheck 出让条件合规审查',
      producer: 'LandCheck (pdfmake)',
      creationDate: issuedAt,
      LandCheckFingerprint: fp.hex,
    },
    defaultStyle: { font: FONT, fontSize: 9, lineHeight: 1.25 },
    styles: {
      h1: { fontSize: 14, bold: true, margin: [0, 0, 0, 8] },
      h2: { fontSize: 10.5, bold: true, margin: [0, 6, 0, 3] },
      h3: { fontSize: 9.5, bold: true, margin: [0, 4, 0, 2] },
      caption: { fontSize: 8.5, bold: true, alignment: 'center', margin: [0, 4, 0, 0] },
    },
    header: (page: number, pageCount: number, pageSize: { width: number; height: number }) => {
      const nodes: Node[] = [];
      if (page > 1) {
        nodes.push({
          columns: [
            { text: REPORT_TITLE, fontSize: 7.5, color: GRAY },
            { text: `编号 ${line(facts.reportNo, 60)}`, fontSize: 7.5, color: GRAY, alignment: 'right' },
          ],
          margin: [56, 30, 56, 0],
        });
        nodes.push({ canvas: [{ type: 'line', x1: 56, y1: 3, x2: pageSize.width - 56, y2: 3, lineWidth: 0.5, lineColor: RULE }] });
      }
      const cs = crossSeal(opts.org, page, pageCount, pageSize.width, pageSize.height);
      if (cs) nodes.push(cs);
      return nodes;
    },
    footer: (page: number, pageCount: number) => ({
      columns: [
        { image: 'lcqr', width: 50, height: 50 },
        {
          width: '*',
          stack: [
            { text: `报告核验码 ${fp.short}`, bold: true, fontSize: 8 },
            { text: `${line(opts.org.name, 40)} 出具`, fontSize: 6.5, color: GRAY },
            { text: '扫码或在 LandCheck“校验报告”中核验；也可凭核验码向出具单位查询', fontSize: 6.5, color: GRAY },
          ],
          margin: [6, 8, 0, 0],
        },
        { text: `第 ${page} 页 共 ${pageCount} 页`, width: 110, alignment: 'right', fontSize: 8.5, margin: [0, 18, 0, 0] },
      ],
      margin: [56, 10, 56, 0],
    }),
    content: [
      ...cover(facts, opts),
      ...overview(facts),
      ...basisSection(facts),
      ...conclusion(facts),
      ...opinions(facts),
      ...findingsSection(facts),
      ...notesSection(facts),
      ...appendix(facts),
      ...signOff(facts, opts),
    ],
  };
  void run;
  const buf = await getPdfMake().createPdf(doc).getBuffer();
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

export async function renderReportPdf(run: CheckRun, opts: ReportOptions): Promise<Uint8Array> {
  const fp = fingerprint(run);
  const handEntries = await handEntriesOf(run.imported);
  const facts = reportFacts(run, opts, fp, handEntries);
  const issuedAt = opts.issuedAt ?? new Date();
  const laidOut = await layOut(run, opts, facts, issuedAt);
  // the laid-out file is parsed once: for its page digests and to append the manifest
  const parsed = new PdfDocument(laidOut);
  const manifest = buildManifest(run, { ...opts, reportNo: facts.reportNo }, {
    issuedAt,
    pages: digestsOf(parsed),
    corrections: handEntries,
    overrides: overridesOf(run),
    fingerprint: fp,
  });
  return embedManifest(laidOut, manifest, opts.org.sealPng, parsed);
}

export { describeRule };
