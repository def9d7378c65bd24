// The summary chart (vector SVG): per condition, a bar split by verdict; and for project-level
// numeric conditions, required vs declared vs recomputed on one scale.
import { formatValue, indicatorName } from '../model/indicators';
import type { Verdict } from '../model/types';
import type { ReportFacts } from './facts';
import { glyphSafe } from './fonts';
import { OP_WORD, VERDICT_COLOR, VERDICT_ORDER, VERDICT_WORD } from './labels';
import { pdfLine } from './sanitize';

const FONT = 'NotoSansSC';

function esc(s: string): string {
  return glyphSafe(pdfLine(s, 40)).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function txt(x: number, y: number, s: string, size = 8, anchor = 'start', fill = '#333333', bold = false): string {
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-family="${FONT}" font-size="${size}" fill="${fill}" text-anchor="${anchor}"${bold ? ' font-weight="bold"' : ''}>${esc(s)}</text>`;
}

/** Null when there is nothing worth drawing. Width in pt fits the A4 text block. */
export function summaryChartSvg(f: ReportFacts): { svg: string; width: number } | null {
  const W = 480;
  const labelW = 120;
  const barW = W - labelW - 60;
  const parts: string[] = [];
  let y = 4;
  // Part 1: verdict distribution per condition with more than one finding (building scope).
  const multi = f.groups.filter((g) => g.findings.length > 1);
  if (multi.length) {
    parts.push(txt(0, y + 9, '各条件单体审查结果分布', 8.5, 'start', '#000000', true));
    y += 16;
    for (const g of multi) {
      const n = g.findings.length;
      parts.push(txt(0, y + 9, `${g.id} ${g.rule}`.slice(0, 24), 7.5));
      let x = labelW;
      for (const v of VERDICT_ORDER) {
        const k = g.findings.filter((x) => x.verdict === v).length;
        if (!k) continue;
        const w = (barW * k) / n;
        parts.push(`<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="12" fill="${VERDICT_COLOR[v]}"/>`);
        if (w > 14) parts.push(txt(x + w / 2, y + 9, String(k), 7, 'middle', '#FFFFFF', true));
        x += w;
      }
      parts.push(txt(labelW + barW + 4, y + 9, `共 ${n} 栋`, 7.5));
      y += 17;
    }
    // legend
    let lx = labelW;
    for (const v of VERDICT_ORDER as Verdict[]) {
      parts.push(`<rect x="${lx}" y="${y + 2}" width="8" height="8" fill="${VERDICT_COLOR[v]}"/>`);
      parts.push(txt(lx + 11, y + 9, VERDICT_WORD[v], 7));
      lx += 56;
    }
    y += 22;
  }
  // Part 2: project-level numeric findings — required threshold vs declared vs recomputed.
  const bullets = f.groups
    .flatMap((g) => g.findings.filter((x) => x.building === null).map((x) => ({ g, x })))
    .filter(({ g, x }) => {
      const c = g.condition;
      return c && 'indicator' in c && typeof c.value === 'number' && (typeof x.declared === 'number' || typeof x.computed === 'number');
    });
  if (bullets.length) {
    parts.push(txt(0, y + 9, '项目指标：要求值、申报值与核算值', 8.5, 'start', '#000000', true));
    y += 16;
    for (const { g, x } of bullets) {
      const c = g.condition as { indicator: string; op: keyof typeof OP_WORD; value: number };
      const d = typeof x.declared === 'number' ? x.declared : null;
      const k = typeof x.computed === 'number' ? x.computed : null;
      const max = Math.max(c.value, d ?? 0, k ?? 0) * 1.2 || 1;
      const sx = (v: number) => labelW + (barW * Math.max(0, v)) / max;
      parts.push(txt(0, y + 9, `${g.id} ${indicatorName(x.indicator)}`, 7.5));
      parts.push(`<rect x="${labelW}" y="${y}" width="${barW}" height="16" fill="#F2F2F2"/>`);
      if (d !== null) parts.push(`<rect x="${labelW}" y="${y + 2}" width="${(sx(d) - labelW).toFixed(1)}" height="7" fill="#5B7FA6"/>`);
      if (k !== null) parts.push(`<rect x="${labelW}" y="${y + 10}" width="${(sx(k) - labelW).toFixed(1)}" height="4" fill="#263238"/>`);
      const tx = sx(c.value);
      parts.push(`<line x1="${tx.toFixed(1)}" y1="${y - 2}" x2="${tx.toFixed(1)}" y2="${y + 18}" stroke="#C62828" stroke-width="1.5"/>`);
      const label = `要求 ${OP_WORD[c.op]} ${formatValue(c.indicator, c.value)}；申报 ${d === null ? '—' : formatValue(x.indicator, d)}；核算 ${k === null ? '—' : formatValue(x.indicator, k)}`;
      parts.push(txt(labelW, y + 27, label, 6.5, 'start', '#555555'));
      y += 34;
    }
    parts.push(`<rect x="${labelW}" y="${y + 2}" width="14" height="6" fill="#5B7FA6"/>`);
    parts.push(txt(labelW + 17, y + 8, '申报值', 7));
    parts.push(`<rect x="${labelW + 60}" y="${y + 3}" width="14" height="4" fill="#263238"/>`);
    parts.push(txt(labelW + 77, y + 8, '核算值', 7));
    parts.push(`<line x1="${labelW + 126}" y1="${y}" x2="${labelW + 126}" y2="${y + 10}" stroke="#C62828" stroke-width="1.5"/>`);
    parts.push(txt(labelW + 130, y + 8, '合同要求', 7));
    y += 14;
  }
  if (!parts.length) return null;
  const H = Math.ceil(y + 4);
  return {
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${parts.join('')}</svg>`,
    width: W,
  };
}
