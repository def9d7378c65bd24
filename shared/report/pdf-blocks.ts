// Building blocks of the 审查意见书 (pdfmake nodes): text made safe for the font, colours, table
// layouts, verdict cells, key–value tables, warning boxes, the seal; and the fixed sentences.
import type { Verdict } from '../model/types';
import { InputError } from '../errors';
import { FONT, glyphSafe } from './fonts';
import type { OrgProfile } from './options';
import { pdfLine, pdfText, readerText, textOf } from './sanitize';
import { sealSvg } from './seal';
import { VERDICT_COLOR, VERDICT_FILL, VERDICT_WORD } from './labels';
import { NOT_GIVEN } from './identity';

export const REPORT_TITLE = '土地出让合同绿色生态条件符合性审查意见书';
export const SEAL_SENTENCE = '本意见书上的印章为可视标识，不是《信息安全技术 电子签章》（GB/T 38540）所规定的电子签章，不具有电子签章的法律效力。';
export const VERIFY_SENTENCE =
  '证明本意见书内容的是报告核验码：收到本意见书的一方可在 LandCheck 的“校验报告”中打开本文件，并提供原始指标表和合同条件文件，核对各页内容是否由这些输入生成且未被改动；也可凭核验码向出具单位查询存档。';
export const SEAL_NOTE = `说明：${SEAL_SENTENCE}${VERIFY_SENTENCE}`;

export type Node = Record<string, unknown> | string | Node[];

export const t = (s: unknown, max?: number) => glyphSafe(pdfText(s, max));
export const line = (s: unknown, max?: number) => glyphSafe(pdfLine(s, max));
/** Rule-data and calculation text as a reader sees it. */
export const rt = (s: unknown, max?: number) => t(readerText(textOf(s)), max);

export const GRAY = '#555555';
export const RULE = '#9E9E9E';
export const HEAD_FILL = '#ECEFF3';
export const SEAL_SIZE = 120;

export const tableLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => RULE,
  vLineColor: () => RULE,
  paddingLeft: () => 3,
  paddingRight: () => 3,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

/** A table whose first row is its heading (no borders around it). */
export const headedTableLayout = {
  ...tableLayout,
  hLineWidth: (i: number) => (i === 0 ? 0 : 0.5),
  vLineWidth: (i: number, node: { table: { widths: unknown[] } }) => (i === 0 || i === node.table.widths.length ? 0.5 : 0.5),
  paddingLeft: (i: number) => (i === 0 ? 3 : 3),
};

export function headingRow(heading: Node, cols: number): Node[] {
  return [{ ...(heading as Record<string, unknown>), colSpan: cols, border: [false, false, false, false], margin: [-3, 0, 0, 0] }, ...Array(cols - 1).fill({})];
}

export function verdictCell(v: Verdict, branches?: string, override?: string): Node {
  return {
    text: [
      { text: VERDICT_WORD[v], bold: true, color: VERDICT_COLOR[v] },
      ...(override ? [{ text: `\n${override}`, fontSize: 6.5, bold: true, color: VERDICT_COLOR.review }] : []),
      ...(branches ? [{ text: `\n${branches}`, fontSize: 6.5, color: GRAY }] : []),
    ],
    fillColor: VERDICT_FILL[v],
    alignment: 'center',
  };
}

export function head(cells: string[]): Node[] {
  return cells.map((c) => ({ text: c, bold: true, fillColor: HEAD_FILL, alignment: 'center' }));
}

export function isPng(b: Uint8Array): boolean {
  return b.length > 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;
}

export function sealNode(org: OrgProfile, size: number): Record<string, unknown> {
  if (org.sealPng) {
    if (!isPng(org.sealPng)) throw new InputError('机构印章图片不是 PNG 文件，请提供 PNG 格式的印章图片');
    return { image: `data:image/png;base64,${Buffer.from(org.sealPng).toString('base64')}`, fit: [size, size] };
  }
  return { svg: sealSvg(org, size), width: size, font: FONT };
}

export function kvTable(rows: Array<[string, string]>, widths: [number, string] = [110, '*']): Node {
  return {
    table: {
      widths,
      body: rows.map(([k, v]) => [
        { text: k, color: GRAY, alignment: 'right', margin: [0, 2, 6, 2] },
        { text: t(v || NOT_GIVEN, 300), margin: [0, 2, 0, 2] },
      ]),
    },
    layout: {
      hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 0 || i === node.table.body.length ? 1 : 0.4),
      vLineWidth: () => 0,
      hLineColor: () => RULE,
    },
  };
}

export function warningBox(lines: string[]): Node[] {
  if (!lines.length) return [];
  return [
    {
      table: {
        widths: ['*'],
        body: [[{ text: [{ text: '请注意：', bold: true }, lines.map((l) => t(l, 400)).join('\n')], color: '#8A1C1C', margin: [6, 4, 6, 4] }]],
      },
      layout: { hLineWidth: () => 1, vLineWidth: () => 1, hLineColor: () => '#C62828', vLineColor: () => '#C62828' },
      margin: [0, 0, 0, 12],
    },
  ];
}
