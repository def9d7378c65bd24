// The page tree (ISO 32000-1 §7.7.3) with inherited attributes (§7.7.3.4), a page's content
// streams joined (§7.8.2), and name-tree look-up (§7.9.6), all within the document's limits.
import { PdfError, PdfRef, PdfStream, PdfString, isName, type PdfDict, type PdfValue } from './pdf-values';
import type { PdfDocument } from './pdf-reader';

export interface PdfPage {
  /** 1-based. */
  number: number;
  ref: PdfRef | null;
  dict: PdfDict;
  /** Inherited attributes resolved (§7.7.3.4). */
  resources: PdfDict | null;
  mediaBox: number[] | null;
  cropBox: number[] | null;
  rotate: number;
}

/** The pages in order, with inherited attributes. */
export function pageTree(doc: PdfDocument): PdfPage[] {
  const out: PdfPage[] = [];
  const visited = new Set<number>();
  const rect = (v: PdfValue | undefined) => {
    const a = doc.array(v);
    if (!a || a.length !== 4) return null;
    const n = a.map((x) => doc.num(x));
    return n.every((x): x is number => x !== null) ? n : null;
  };
  const walk = (node: PdfValue | undefined, inh: { res: PdfValue | undefined; media: PdfValue | undefined; crop: PdfValue | undefined; rot: PdfValue | undefined }, depth: number) => {
    if (depth > doc.limits.maxDepth) throw new PdfError('页面树层次过深');
    const ref = node instanceof PdfRef ? node : null;
    if (ref) {
      if (visited.has(ref.num)) throw new PdfError('页面树成环');
      visited.add(ref.num);
    }
    const d = doc.dict(node);
    if (!d) throw new PdfError('页面树中有无效节点');
    const here = {
      res: d.get('Resources') ?? inh.res,
      media: d.get('MediaBox') ?? inh.media,
      crop: d.get('CropBox') ?? inh.crop,
      rot: d.get('Rotate') ?? inh.rot,
    };
    const type = doc.resolve(d.get('Type'));
    const kids = doc.array(d.get('Kids'));
    if (isName(type, 'Pages') || (!isName(type, 'Page') && kids)) {
      for (const k of kids ?? []) walk(k, here, depth + 1);
      return;
    }
    if (out.length >= doc.limits.maxPages) throw new PdfError('页数超过上限');
    out.push({
      number: out.length + 1,
      ref,
      dict: d,
      resources: doc.dict(here.res),
      mediaBox: rect(here.media),
      cropBox: rect(here.crop),
      rotate: doc.num(here.rot) ?? 0,
    });
  };
  walk(doc.catalog().get('Pages'), { res: undefined, media: undefined, crop: undefined, rot: undefined }, 0);
  return out;
}

/** The page's content: its content streams decoded and joined (§7.8.2). */
export function pageContentOf(doc: PdfDocument, page: PdfPage): Buffer {
  const c = doc.resolve(page.dict.get('Contents'));
  const parts: Buffer[] = [];
  const list = Array.isArray(c) ? c : c ? [c] : [];
  for (const item of list) {
    const st = doc.resolve(item);
    if (st instanceof PdfStream) parts.push(doc.decode(st));
  }
  return parts.length === 1 ? parts[0] : Buffer.concat(parts.flatMap((p, i) => (i ? [Buffer.from('\n'), p] : [p])));
}

/** An entry of a name tree (§7.9.6), e.g. /EmbeddedFiles. */
export function nameTreeEntry(doc: PdfDocument, tree: PdfValue | undefined, key: string): PdfValue | undefined {
  const seen = new Set<PdfDict>();
  const visit = (node: PdfValue | undefined, depth: number): PdfValue | undefined => {
    const d = doc.dict(node);
    if (!d || seen.has(d) || depth > doc.limits.maxDepth) return undefined;
    seen.add(d);
    const names = doc.array(d.get('Names'));
    if (names) {
      for (let i = 0; i + 1 < names.length; i += 2) {
        const k = doc.resolve(names[i]);
        if (k instanceof PdfString && k.text() === key) return names[i + 1];
      }
    }
    for (const kid of doc.array(d.get('Kids')) ?? []) {
      const v = visit(kid, depth + 1);
      if (v !== undefined) return v;
    }
    return undefined;
  };
  return visit(tree, 0);
}
