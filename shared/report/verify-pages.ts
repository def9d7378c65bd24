// Comparing two reports page by page: count, order, and for a changed page what changed (text
// runs, fonts, images, annotations).
import { PdfDocument } from './pdf-reader';
import { type PageDigest, pageText } from './pdf-pages';

// ---------------------------------------------------------------- comparing pages

export function describePageChange(a: PdfDocument, ai: number, ad: PageDigest, b: PdfDocument, bi: number, bd: PageDigest): string[] {
  const where = `第 ${ai + 1} 页`;
  const out: string[] = [];
  if (ad.box !== bd.box) out.push(`${where}的页面尺寸或方向被改变`);
  if (ad.content !== bd.content) {
    const ta = pageText(a, a.pages()[ai]);
    const tb = pageText(b, b.pages()[bi]);
    const diffs: string[] = [];
    const n = Math.max(ta.length, tb.length);
    for (let i = 0; i < n && diffs.length < 3; i++) {
      if (ta[i] === tb[i]) continue;
      const x = ta[i] === undefined ? '（无）' : `“${ta[i].slice(0, 60)}”`;
      const y = tb[i] === undefined ? '（无）' : `“${tb[i].slice(0, 60)}”`;
      diffs.push(`${where}文字不同：报告中为${x}，应为${y}`);
      // after an inserted or removed line everything shifts: one line says enough
      if (ta[i + 1] === tb[i] || ta[i] === tb[i + 1]) break;
    }
    out.push(...(diffs.length ? diffs : [`${where}的图形或排版被改动（文字相同）`]));
  }
  const keys = new Set([...Object.keys(ad.resources), ...Object.keys(bd.resources)]);
  const res: string[] = [];
  for (const k of keys) {
    if (ad.resources[k] === bd.resources[k]) continue;
    if (k.startsWith('Font/')) res.push('字体的字形数据被替换（显示的文字可能与复制出的文字不同）');
    else if (k.startsWith('XObject/')) res.push('页面中的图像（印章、二维码或图表）被替换');
    else res.push('绘图参数被改变');
  }
  for (const r of new Set(res)) out.push(`${where}${r}`);
  if (ad.annots.length > bd.annots.length) out.push(`${where}被加上了批注、图章或链接（${ad.annots.length - bd.annots.length} 个）`);
  else if (ad.annots.join() !== bd.annots.join()) out.push(`${where}的批注被改动`);
  if (out.length === 0) out.push(`${where}内容不同`);
  return out;
}

/** Differences between the pages a reader sees (a) and the pages LandCheck makes (b). */
export function comparePages(a: PdfDocument, ap: PageDigest[], b: PdfDocument, bp: PageDigest[]): string[] {
  const out: string[] = [];
  if (ap.length !== bp.length) out.push(`页数不同：报告有 ${ap.length} 页，按原始输入生成的报告应有 ${bp.length} 页`);
  const bIndex = new Map<string, number>();
  bp.forEach((d, i) => bIndex.set(d.hash, i));
  const aIndex = new Map<string, number>();
  ap.forEach((d, i) => aIndex.set(d.hash, i));
  const sameMultiset = ap.length === bp.length && ap.map((d) => d.hash).sort().join() === bp.map((d) => d.hash).sort().join();
  if (sameMultiset) {
    const moved = ap.map((d, i) => ({ i, j: bIndex.get(d.hash)! })).filter(({ i, j }) => i !== j);
    if (moved.length) out.push(`页面顺序被改变：${moved.slice(0, 20).map(({ i, j }) => `第 ${i + 1} 页应为第 ${j + 1} 页`).join('，')}`);
    return out;
  }
  // pages changed in place (paired by position), pages the file lacks, pages it should not have
  const unmatchedB = new Set(bp.map((_d, j) => j).filter((j) => !aIndex.has(bp[j].hash)));
  const foreign: number[] = [];
  let described = 0;
  ap.forEach((d, i) => {
    if (bIndex.has(d.hash)) return;
    if (unmatchedB.has(i)) {
      unmatchedB.delete(i);
      if (described++ < 10) out.push(...describePageChange(a, i, d, b, i, bp[i]));
      return;
    }
    foreign.push(i);
  });
  if (described > 10) out.push(`……另有 ${described - 10} 页内容不同`);
  for (const j of [...unmatchedB].slice(0, 10)) {
    const first = (pageText(b, b.pages()[j])[0] ?? '').slice(0, 30);
    out.push(`缺少第 ${j + 1} 页${first ? `（该页应以“${first}”开头）` : ''}`);
  }
  for (const i of foreign.slice(0, 10)) out.push(`第 ${i + 1} 页不是 LandCheck 按这些输入生成的页面`);
  // order of the pages both have
  const common = ap.map((d) => bIndex.get(d.hash)).filter((j): j is number => j !== undefined);
  if (common.some((j, k) => k > 0 && j < common[k - 1])) out.push('页面顺序被改变');
  return out;
}
