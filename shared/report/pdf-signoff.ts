// The sign-off (blank space for handwritten signatures and 执业章, names printed beneath, the
// organisation's seal) and the cross-page seal (骑缝章) strips drawn at the page edge.
import { FONT } from './fonts';
import type { OrgProfile, ReportOptions } from './options';
import { sealSvg } from './seal';
import type { ReportFacts } from './facts';
import { GRAY, line, type Node, RULE, SEAL_SENTENCE, SEAL_SIZE, sealNode, VERIFY_SENTENCE } from './pdf-blocks';

// ---------------------------------------------------------------- sign-off

export function signOff(f: ReportFacts, opts: ReportOptions): Node[] {
  const s = opts.org.signatories ?? {};
  const person = (role: string, name?: string): Node => ({
    stack: [
      { text: role, bold: true, alignment: 'center', margin: [0, 4, 0, 0] },
      { text: '（签字）', fontSize: 7, color: GRAY, alignment: 'center' },
      // blank space for the handwritten signature
      { text: ' ', margin: [0, 0, 0, 34] },
      { canvas: [{ type: 'line', x1: 10, y1: 0, x2: 140, y2: 0, lineWidth: 0.6, lineColor: '#333333' }] },
      { text: name ? line(name, 30) : '姓名：', alignment: 'center', margin: [0, 3, 0, 0] },
      { text: '执业章', fontSize: 7, color: GRAY, alignment: 'center', margin: [0, 8, 0, 0] },
      // blank space for the practising seal
      { text: ' ', margin: [0, 0, 0, 44] },
      { text: '日期：', fontSize: 8, margin: [12, 0, 0, 4] },
    ],
  });
  return [
    {
      stack: [
        { text: '七、签署', style: 'h1' },
        {
          table: { widths: ['*', '*', '*'], body: [[person('编制', s.preparer), person('校对', s.checker), person('审核', s.approver)]] },
          layout: { hLineWidth: () => 0.6, vLineWidth: () => 0.6, hLineColor: () => RULE, vLineColor: () => RULE },
          margin: [0, 0, 0, 14],
        },
        {
          columns: [
            {
              width: '*',
              stack: [
                { text: `审查机构：${line(opts.org.name, 60)}`, bold: true, margin: [0, 14, 0, 6] },
                { text: opts.org.noSeal ? '（自查报告，不加盖印章）' : '（盖章）', color: GRAY },
                { text: `出具日期：${f.date}`, margin: [0, 16, 0, 0] },
              ],
            },
            opts.org.noSeal ? { width: SEAL_SIZE + 20, text: '' } : { width: SEAL_SIZE + 20, stack: [sealNode(opts.org, SEAL_SIZE)] },
          ],
          margin: [0, 0, 0, 16],
        },
        { text: `说明：${opts.org.noSeal ? '' : SEAL_SENTENCE}${VERIFY_SENTENCE}`, fontSize: 7.5, color: GRAY, margin: [0, 8, 0, 0] },
        { text: `报告核验码：${f.fpShort}　　指纹（SHA-256）：${f.fpHex}`, fontSize: 7.5, color: GRAY, margin: [0, 4, 0, 0] },
      ],
      unbreakable: true,
      pageBreak: 'before',
    },
  ];
}

// ---------------------------------------------------------------- page furniture

export function crossSeal(org: OrgProfile, page: number, pageCount: number, pageWidth: number, pageHeight: number): Node | null {
  if (!org.crossPageSeal || org.noSeal) return null;
  // Pages are split into groups of at most 10; each group shares one seal, one strip per page.
  const groups = Math.ceil(pageCount / 10);
  const gi = Math.floor(((page - 1) * groups) / pageCount);
  const start = Math.ceil((gi * pageCount) / groups) + 1;
  const end = Math.ceil(((gi + 1) * pageCount) / groups);
  const n = end - start + 1;
  const k = page - start;
  const stripPt = SEAL_SIZE / n;
  const y = pageHeight / 2 - SEAL_SIZE / 2;
  if (org.sealPng) return null; // a bitmap seal cannot be sliced cleanly: cross-page seal is drawn only
  const svg = sealSvg(org, SEAL_SIZE, { x: (200 * k) / n, width: 200 / n });
  return { svg, width: stripPt, height: SEAL_SIZE, font: FONT, absolutePosition: { x: pageWidth - stripPt, y } };
}
