// Comparing two reports as files: the document structure outside the pages, objects an
// incremental update added, and differences in the embedded verification data.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../canonical';
import type { Manifest } from './manifest';
import { PdfDict, PdfDocument, PdfName, PdfRef, PdfStream, PdfString, type PdfValue } from './pdf-reader';

// ---------------------------------------------------------------- comparing the file

/** One object as written: references by number (not followed), streams by decoded content. */
export function shallow(doc: PdfDocument, v: PdfValue, depth = 0): unknown {
  if (depth > 64) return null;
  if (v instanceof PdfRef) return `R${v.num}`;
  if (v instanceof PdfStream) {
    const d = shallow(doc, v.dict, depth + 1) as Record<string, unknown>;
    let data: string;
    try {
      data = createHash('sha256').update(doc.decode(v)).digest('hex');
    } catch {
      data = 'undecodable';
    }
    return { ...d, '#data': data };
  }
  if (v instanceof PdfDict) {
    const o: Record<string, unknown> = {};
    for (const [k, x] of v.map) if (k !== 'Length' && k !== 'Filter' && k !== 'DecodeParms') o[k] = shallow(doc, x, depth + 1);
    return o;
  }
  if (Array.isArray(v)) return v.map((x) => shallow(doc, x, depth + 1));
  if (typeof v === 'number') return Number(v.toFixed(6));
  if (v instanceof PdfString) return `s:${v.bytes.toString('hex')}`;
  if (v instanceof PdfName) return `/${v.name}`;
  return v;
}

/** How the file is written, beyond its pages: every object, its number, the revisions. */
export function compareStructure(a: PdfDocument, b: PdfDocument): string[] {
  const out: string[] = [];
  if (a.repaired) return ['文件的交叉引用数据已损坏（文件被截断或被其他软件改写）'];
  const an = new Set(a.objectNumbers());
  const bn = b.objectNumbers();
  const diff: number[] = [];
  for (const n of bn) {
    if (!an.has(n)) {
      diff.push(n);
      continue;
    }
    let same = false;
    try {
      same = canonicalJson(shallow(a, a.object(n))) === canonicalJson(shallow(b, b.object(n)));
    } catch {
      same = false;
    }
    if (!same) diff.push(n);
  }
  const extra = [...an].filter((n) => !bn.includes(n));
  if (a.sections.length !== b.sections.length || diff.length > bn.length / 4) {
    out.push('文件已被其他软件重新保存或改写（对象的编号和排列与 LandCheck 出具的文件不同）');
    return out;
  }
  out.push(...describeObjects(b, diff, ''));
  if (extra.length) out.push(`文件中增加了 ${extra.length} 个 LandCheck 不会写入的对象`);
  return out;
}

/** What the objects `nums` of `doc` are, in words: the document information, the catalog, a page. */
export function describeObjects(doc: PdfDocument, nums: number[], prefix: string): string[] {
  const infoRef = doc.trailer.get('Info');
  const rootRef = doc.trailer.get('Root');
  let pageOf = new Map<number, number>();
  try {
    pageOf = new Map(doc.pages().flatMap((p) => (p.ref ? [[p.ref.num, p.number] as [number, number]] : [])));
  } catch {
    /* pages unreadable: numbers only */
  }
  const out = new Set<string>();
  for (const n of nums) {
    if (infoRef instanceof PdfRef && n === infoRef.num) out.add(`${prefix}文档信息（标题、作者、主题等）被修改`);
    else if (rootRef instanceof PdfRef && n === rootRef.num) out.add(`${prefix}文档目录被修改（例如增加了打开动作、脚本或表单）`);
    else if (pageOf.has(n)) out.add(`${prefix}第 ${pageOf.get(n)} 页的页面对象被修改`);
    else out.add(`${prefix}文件中的对象 ${n} 被修改或增加`);
    if (out.size >= 10) break;
  }
  return [...out];
}

/** The first bytes of `doc` up to the end of its `count`-th revision (in file order). */
export function revisionPrefix(doc: PdfDocument, count: number): Buffer | null {
  const inOrder = [...doc.sections].reverse();
  const end = inOrder[count - 1]?.endsAt;
  return end ? doc.buf.subarray(0, end) : null;
}

export function manifestDifferences(a: Manifest, b: Manifest): string[] {
  if (canonicalJson(a) === canonicalJson(b)) return [];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof Manifest>;
  const names: Partial<Record<keyof Manifest, string>> = {
    findings: '审查结论',
    overall: '总体结论',
    values: '指标数值',
    conditions: '合同条件',
    options: '出具信息',
    inputs: '输入文件记录',
    pages: '页面摘要',
    fingerprint: '报告指纹',
    parts: '报告指纹',
  };
  const what = [...keys].filter((k) => canonicalJson(a[k]) !== canonicalJson(b[k])).map((k) => names[k] ?? '其他记录');
  return [`报告内嵌的核验数据（${[...new Set(what)].join('、')}）与报告页面不符：核验数据被替换或改动过`];
}
