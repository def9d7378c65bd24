// Verification of a report as a reader sees it. Given the PDF and, where available, the original
// inputs (workbook and conditions; the options are recorded in the report), the report is made
// again and compared page by page: page count and order, each page's decoded content, the fonts
// and images it draws with, its annotations; then the embedded data and the file's structure;
// signatures are checked for integrity. Three answers:
// - genuine (真实一致): LandCheck makes exactly these pages from these inputs;
// - altered (已被修改): where and what;
// - undetermined (无法判断): without the original inputs nothing more can be said (what to provide).
// A report made by another LandCheck version whose output differs says which version made it.
import { createHash } from 'node:crypto';
import type { Condition, ConditionsDoc, ImportedScalar } from '../model/types';
import { formatValue, indicatorName } from '../model/indicators';
import { canonicalJson, sha256Hex } from '../canonical';
import { ENGINE, ruleVersions } from '../check/versions';
import { describeRule, describeScope, findingLabel } from './describe';
import {
  legacyReport,
  ManifestError,
  PAGE_DIGEST,
  readManifest,
  readSealImage,
  REPORT_LAYOUT,
  type Manifest,
  type ManifestFinding,
  type ManifestValue,
} from './manifest';
import { fingerprintOfParts, shortCode } from './fingerprint';
import { overallWord, verdictWord } from './labels';
import { PdfDict, PdfDocument, PdfError, PdfName, PdfRef, PdfStream, PdfString, type PdfValue } from './pdf-reader';
import { Canonicaliser, pageDigest, pageText, type PageDigest } from './pdf-pages';
import { checkSignatures, type SignatureCheck } from './signature-check';
import { rederiveReport, rederiveRun, type OriginalInputs } from './rederive';

export type VerifyStatus = 'genuine' | 'altered' | 'undetermined' | 'other-version' | 'not-a-report';

export interface ReportSummary {
  reportNo: string | null;
  shortCode: string;
  fingerprint: string;
  /** "LandCheck 0.1.0" */
  generator: string;
  issuedAt: string;
  org: string;
  project: string | null;
  overall: string;
  workbook: { file: string; sha256: string };
  conditions: { file: string; sha256: string };
  corrections: number;
  overrides: number;
}

export interface VerifyOutcome {
  status: VerifyStatus;
  ok: boolean;
  /** One Chinese sentence: the answer. */
  headline: string;
  /** Where and what (altered), what differs (inputs), or why it cannot be read. */
  details: string[];
  /** What to provide to get an answer (undetermined). */
  needs: string[];
  /** Signatures, who made the report, what verification does and does not prove. */
  notes: string[];
  report: ReportSummary | null;
  signatures: SignatureCheck[];
  /** The report's fingerprint (from its embedded data), when readable. */
  fingerprint: string | null;
  /** Same as `details` (earlier API). */
  differences: string[];
}

const MAX_LINES = 30;
const HEADLINE: Record<VerifyStatus, string> = {
  genuine: '真实一致：报告各页内容与按原始输入重新生成的报告完全一致，未被改动',
  altered: '已被修改：报告与 LandCheck 按记录的输入出具的报告不一致',
  undetermined: '无法判断：需要原始输入才能核对报告各页内容',
  'other-version': '无法用本版本判断：报告由其他版本的 LandCheck 出具',
  'not-a-report': '无法核验：该文件不是可识别的 LandCheck 审查报告',
};

function outcome(status: VerifyStatus, parts: Partial<VerifyOutcome> & { headline?: string }): VerifyOutcome {
  const details = parts.details ?? [];
  return {
    status,
    ok: status === 'genuine',
    headline: parts.headline ?? HEADLINE[status],
    details,
    needs: parts.needs ?? [],
    notes: parts.notes ?? [],
    report: parts.report ?? null,
    signatures: parts.signatures ?? [],
    fingerprint: parts.fingerprint ?? null,
    differences: details,
  };
}

function capped(lines: string[], out: string[]): void {
  out.push(...lines.slice(0, MAX_LINES));
  if (lines.length > MAX_LINES) out.push(`……另有 ${lines.length - MAX_LINES} 处同类差异`);
}

// ---------------------------------------------------------------- reading a report

export interface Inspection {
  doc: PdfDocument | null;
  manifest: Manifest | null;
  /** Set when the file cannot be verified at all (not a PDF, no LandCheck data, damaged data). */
  failure: { status: VerifyStatus; details: string[] } | null;
  signatures: SignatureCheck[];
  /** Pages as the file shows them. */
  pages: PageDigest[];
  /** Page-by-page check against the digests recorded at issue (null when not applicable). */
  selfCheck: string[] | null;
  summary: ReportSummary | null;
}

function summaryOf(m: Manifest): ReportSummary {
  return {
    reportNo: m.options.reportNo ?? null,
    shortCode: shortCode(m.fingerprint),
    fingerprint: m.fingerprint,
    generator: `${m.generator.name} ${m.generator.version}`,
    issuedAt: m.issuedAt,
    org: m.options.org.name,
    project: m.options.project?.name ?? null,
    overall: m.overall,
    workbook: m.inputs.workbook,
    conditions: m.inputs.conditions,
    corrections: m.inputs.corrections.length,
    overrides: m.inputs.overrides.length,
  };
}

/** Reads a report without its inputs: embedded data, signatures, pages against their digests. */
export function inspectReport(pdf: Uint8Array): Inspection {
  const empty: Inspection = { doc: null, manifest: null, failure: null, signatures: [], pages: [], selfCheck: null, summary: null };
  let doc: PdfDocument;
  try {
    doc = new PdfDocument(pdf);
  } catch (e) {
    if (e instanceof PdfError) return { ...empty, failure: { status: 'not-a-report', details: [`无法读取该 PDF：${e.message}`] } };
    throw e;
  }
  let manifest: Manifest | null = null;
  try {
    manifest = readManifest(doc);
  } catch (e) {
    if (e instanceof ManifestError || e instanceof PdfError) {
      return { ...empty, doc, failure: { status: 'altered', details: [`报告内嵌的核验数据无法读取（${e.message}）：原始报告的核验数据总是完整的，该文件已被改动或损坏`] } };
    }
    throw e;
  }
  if (!manifest) {
    const legacy = legacyReport(doc);
    if (legacy) {
      return {
        ...empty,
        doc,
        failure: {
          status: 'other-version',
          details: [
            `该报告由 LandCheck 0.1.0 版出具${legacy.fingerprint ? `（核验码 ${shortCode(legacy.fingerprint)}）` : ''}，其中的核验数据不覆盖页面内容，本版本无法逐页核验。请使用出具报告时的版本核验，或凭核验码向出具单位查询。`,
          ],
        },
      };
    }
    return {
      ...empty,
      doc,
      failure: { status: 'not-a-report', details: ['该文件中没有 LandCheck 报告的核验数据：它不是本程序出具的审查报告，或核验数据已被删除。'] },
    };
  }
  let signatures: SignatureCheck[] = [];
  let pages: PageDigest[] = [];
  try {
    signatures = checkSignatures(doc);
    const c = new Canonicaliser(doc);
    pages = doc.pages().map((p) => pageDigest(doc, p, c));
  } catch (e) {
    if (e instanceof PdfError) return { ...empty, doc, manifest, failure: { status: 'altered', details: [`报告页面无法读取（${e.message}）：该文件已被改动或损坏`] } };
    throw e;
  }
  let selfCheck: string[] | null = null;
  if (manifest.pages.algorithm === PAGE_DIGEST) {
    selfCheck = [];
    const rec = manifest.pages.digests;
    if (rec.length !== pages.length) selfCheck.push(`页数不同：报告出具时共 ${rec.length} 页，该文件有 ${pages.length} 页`);
    const n = Math.min(rec.length, pages.length);
    const changed: number[] = [];
    for (let i = 0; i < n; i++) if (rec[i] !== pages[i].hash) changed.push(i + 1);
    if (changed.length) {
      const moved = changed.filter((p) => rec.includes(pages[p - 1].hash));
      if (moved.length === changed.length && rec.length === pages.length) {
        selfCheck.push(`页面顺序被改变：${changed.map((p) => `第 ${p} 页原为第 ${rec.indexOf(pages[p - 1].hash) + 1} 页`).join('，')}`);
      } else {
        selfCheck.push(`以下页面与出具时不同：第 ${changed.slice(0, 40).join('、')} 页${changed.length > 40 ? ` 等 ${changed.length} 页` : ''}`);
      }
    }
  }
  return { doc, manifest, failure: null, signatures, pages, selfCheck, summary: summaryOf(manifest) };
}

// ---------------------------------------------------------------- notes

function signatureNotes(sigs: SignatureCheck[], fileEnd: number): { bad: string[]; notes: string[] } {
  const bad: string[] = [];
  const notes: string[] = [];
  sigs.forEach((s, i) => {
    const who = s.signer ? `“${s.signer}”的` : '';
    const label = sigs.length > 1 ? `第 ${i + 1} 个数字签名` : '数字签名';
    if (!s.intact) bad.push(`${label}（${who}证书）校验失败：${s.problem ?? '签名无效'}`);
    else notes.push(`${label}完整有效：由${who}证书签署${s.signedAt ? `，签署时间 ${s.signedAt.replace(/^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2}).*/, '$1-$2-$3 $4:$5')}` : ''}；签名后${s.coversTo === fileEnd ? '文件未再改动' : '文件有追加内容'}（证书是否受信任请用 PDF 阅读器查看）`);
  });
  return { bad, notes };
}

function issuerNote(m: Manifest): string {
  const when = m.issuedAt.slice(0, 16).replace('T', ' ');
  return `报告记录：${m.options.org.name} 于 ${when}（UTC）用 LandCheck ${m.generator.version} 出具，报告编号 ${m.options.reportNo ?? '—'}，核验码 ${shortCode(m.fingerprint)}。核验证明页面内容由这些输入生成且未被改动；出具单位的身份以数字签名或向出具单位查询核验码为准。`;
}

function inputsNeeded(m: Manifest): string[] {
  const out = [
    `出具报告时所用的指标表：${m.inputs.workbook.file}（SHA-256 ${m.inputs.workbook.sha256.slice(0, 16)}…）`,
    `合同条件文件：${m.inputs.conditions.file}（条件内容摘要 ${m.inputs.conditions.sha256.slice(0, 16)}…）`,
  ];
  const extra: string[] = [];
  if (m.inputs.corrections.length) extra.push(`人工录入或修正的 ${m.inputs.corrections.length} 项数值`);
  if (m.inputs.overrides.length) extra.push(`人工改判的 ${m.inputs.overrides.length} 项结论`);
  if (extra.length) out.push(`报告中已记录${extra.join('和')}，核验时会一并套用，无需另行提供`);
  return out;
}

// ---------------------------------------------------------------- comparing pages

function describePageChange(a: PdfDocument, ai: number, ad: PageDigest, b: PdfDocument, bi: number, bd: PageDigest): string[] {
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
  const sameMultiset = ap.length === bp.length && [...ap.map((d) => d.hash)].sort().join() === [...bp.map((d) => d.hash)].sort().join();
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

// ---------------------------------------------------------------- comparing the file

/** One object as written: references by number (not followed), streams by decoded content. */
function shallow(doc: PdfDocument, v: PdfValue, depth = 0): unknown {
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
function compareStructure(a: PdfDocument, b: PdfDocument): string[] {
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
function describeObjects(doc: PdfDocument, nums: number[], prefix: string): string[] {
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
function revisionPrefix(doc: PdfDocument, count: number): Buffer | null {
  const inOrder = [...doc.sections].reverse();
  const end = inOrder[count - 1]?.endsAt;
  return end ? doc.buf.subarray(0, end) : null;
}

function manifestDifferences(a: Manifest, b: Manifest): string[] {
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

// ---------------------------------------------------------------- the answer

/**
 * The verification of a report. Without `inputs` the answer is "altered" only when the pages
 * contradict the digests recorded at issue, otherwise "undetermined" with what to provide.
 */
export async function verifyReportFile(pdf: Uint8Array, inputs?: OriginalInputs): Promise<VerifyOutcome> {
  const ins = inspectReport(pdf);
  if (ins.failure) return outcome(ins.failure.status, { details: ins.failure.details, signatures: ins.signatures });
  const m = ins.manifest!;
  const doc = ins.doc!;
  const sig = signatureNotes(ins.signatures, doc.buf.length);
  const base = { report: ins.summary, signatures: ins.signatures, fingerprint: m.fingerprint };
  const notes = [...sig.notes, issuerNote(m)];
  const selfConsistent = fingerprintOfParts(m.parts) === m.fingerprint;
  const early: string[] = [...sig.bad];
  if (!selfConsistent) early.push('报告内嵌的核验数据自相矛盾（指纹与其组成部分不符）：核验数据被改动过');
  const selfCheck = ins.selfCheck ?? [];

  if (!inputs) {
    if (early.length || selfCheck.length) return outcome('altered', { ...base, details: [...early, ...selfCheck], notes });
    return outcome('undetermined', {
      ...base,
      headline: '无法判断：报告各页与其出具时记录的页面摘要一致，但只有用原始输入重新生成才能确认内容未被改动',
      needs: inputsNeeded(m),
      notes: [...notes, `也可凭核验码 ${shortCode(m.fingerprint)} 向出具单位查询该报告的存档。`],
    });
  }

  // the inputs as given, against the inputs the report records
  const givenWorkbook = sha256Hex(inputs.workbook.bytes);
  const givenConditions = sha256Hex(canonicalJson(inputs.conditions.doc));
  const inputProblems: string[] = [];
  if (givenWorkbook !== m.inputs.workbook.sha256) {
    inputProblems.push(`所提供的指标表 ${inputs.workbook.name} 与报告记录的不是同一文件（报告记录 SHA-256 ${m.inputs.workbook.sha256.slice(0, 16)}…，所提供 ${givenWorkbook.slice(0, 16)}…）`);
  }
  if (givenConditions !== m.inputs.conditions.sha256) {
    inputProblems.push(`所提供的条件文件 ${inputs.conditions.name} 与报告记录的合同条件内容不同`);
  }

  const run = await rederiveRun(m, inputs);
  if (inputProblems.length) {
    if (early.length || selfCheck.length) return outcome('altered', { ...base, details: [...early, ...selfCheck], notes });
    const details = [...inputProblems];
    compareData(m, freshManifestView(run), details);
    return outcome('undetermined', {
      ...base,
      headline: '无法判断：所提供的输入不是出具该报告时所用的原始文件',
      details,
      needs: inputsNeeded(m),
      notes,
    });
  }

  let sealPng: Buffer | undefined;
  if (m.options.org.sealPngSha256) {
    const seal = readSealImage(doc);
    if (!seal || sha256Hex(seal) !== m.options.org.sealPngSha256) {
      return outcome('altered', { ...base, details: ['报告所附的印章图片缺失或与核验数据记录的不符'], notes });
    }
    sealPng = seal;
  }
  const rebuilt = Buffer.from(await rederiveReport(m, run, sealPng));
  const bdoc = new PdfDocument(rebuilt);
  const bc = new Canonicaliser(bdoc);
  const bpages = bdoc.pages().map((p) => pageDigest(bdoc, p, bc));
  const pageDiffs = comparePages(doc, ins.pages, bdoc, bpages);
  const sameVersion = m.generator.version === ENGINE.version && m.generator.layout === REPORT_LAYOUT;
  const sameRules = canonicalJson(m.rules) === canonicalJson(ruleVersions());
  if (pageDiffs.length) {
    // the digests recorded at issue do not depend on the version that checks them
    if ((!sameVersion || !sameRules) && !selfCheck.length && !early.length) {
      return outcome('other-version', {
        ...base,
        headline: `无法用本版本判断：报告由 LandCheck ${m.generator.version} 出具，与本机 LandCheck ${ENGINE.version} 按同样输入生成的报告不同`,
        details: [
          !sameVersion
            ? `出具报告的是 LandCheck ${m.generator.version}（版式 ${m.generator.layout}），本机为 ${ENGINE.version}（版式 ${REPORT_LAYOUT}）；两个版本的输出不同，请用 ${m.generator.version} 版核验，或凭核验码向出具单位查询`
            : '出具报告时所用的规则数据版本与本机不同，请用出具报告时的版本核验，或凭核验码向出具单位查询',
        ],
        notes,
      });
    }
    return outcome('altered', { ...base, details: [...early, ...pageDiffs], notes });
  }
  // the pages are right; the data inside and the file itself must be too
  const bm = readManifest(bdoc)!;
  const after: string[] = [...early, ...manifestDifferences(m, bm)];
  const prefix = revisionPrefix(doc, bdoc.sections.length);
  if (!prefix) after.push('文件已被其他软件重新保存或改写（修订记录与 LandCheck 出具的文件不同）');
  else {
    try {
      after.push(...compareStructure(new PdfDocument(prefix), bdoc));
    } catch (e) {
      if (!(e instanceof PdfError)) throw e;
      after.push(`文件结构无法读取（${e.message}）`);
    }
  }
  // what was appended after LandCheck's part must be signatures, nothing else
  const inOrder = [...doc.sections].reverse();
  for (const sec of inOrder.slice(bdoc.sections.length)) {
    if (ins.signatures.some((g) => g.coversTo === sec.endsAt)) continue;
    after.push(...describeObjects(doc, sec.objects, '报告出具后被追加修改：'));
  }
  if (prefix && ins.signatures.some((g) => g.coversTo < prefix.length)) after.push('数字签名所覆盖的不是完整的报告');
  if (after.length) {
    return outcome('altered', {
      ...base,
      headline: '已被修改：报告各页内容与按原始输入生成的一致，但文件本身被改动过',
      details: after,
      notes,
    });
  }
  return outcome('genuine', { ...base, notes });
}

// ---------------------------------------------------------------- naming what differs in the data

interface DataView {
  parts: Manifest['parts'];
  values: ManifestValue[];
  conditions: ConditionsDoc;
  rules: Record<string, string>;
  overall: string;
  findings: ManifestFinding[];
}

function freshManifestView(run: Awaited<ReturnType<typeof rederiveRun>>): DataView {
  const values: ManifestValue[] = [];
  for (const v of Object.values(run.imported.project)) values.push({ building: null, indicator: v.indicator, value: v.value, source: v.source });
  for (const b of run.imported.buildings) for (const v of Object.values(b.values)) values.push({ building: b.name, indicator: v.indicator, value: v.value, source: v.source });
  return {
    parts: {
      workbook: run.imported.sha256,
      conditions: sha256Hex(canonicalJson(run.conditions)),
      rules: sha256Hex(canonicalJson(run.rules)),
      findings: '',
    },
    values,
    conditions: run.conditions,
    rules: run.rules,
    overall: run.result.overall,
    findings: run.result.findings,
  };
}

function val(indicator: string, v: ImportedScalar | null | undefined): string {
  return v === null || v === undefined ? '无' : formatValue(indicator, v);
}

function compareData(a: Manifest, b: DataView, out: string[]): void {
  if (a.parts.workbook !== b.parts.workbook) capped(compareValues(a.values, b.values), out);
  if (a.parts.conditions !== b.parts.conditions) capped(compareConditions(a.conditions, b.conditions), out);
  if (a.overall !== b.overall) out.push(`总体结论不同：报告中 ${overallWord(a.overall)}，按所提供输入为 ${overallWord(b.overall)}`);
  capped(compareFindings(a.findings, b.findings), out);
}

function compareValues(a: ManifestValue[], b: ManifestValue[]): string[] {
  const lines: string[] = [];
  const key = (v: ManifestValue) => `${v.source}\u0000${v.indicator}`;
  const am = new Map(a.map((v) => [key(v), v]));
  const bm = new Map(b.map((v) => [key(v), v]));
  const what = (v: ManifestValue) => `${v.source}（${v.building ? `${v.building} ` : ''}${indicatorName(v.indicator)}）`;
  for (const [k, va] of am) {
    const vb = bm.get(k);
    if (!vb) lines.push(`指标表中 ${what(va)}的值在所提供的文件中找不到（报告中 ${val(va.indicator, va.value)}）`);
    else if (canonicalJson(va.value) !== canonicalJson(typeof vb.value === 'string' ? vb.value.slice(0, 200) : vb.value))
      lines.push(`指标表 ${what(va)}的值不同：报告中 ${val(va.indicator, va.value)}，所提供文件中 ${val(vb.indicator, vb.value)}`);
  }
  for (const [k, vb] of bm) if (!am.has(k)) lines.push(`所提供的指标表中多出 ${what(vb)}：${val(vb.indicator, vb.value)}`);
  return lines;
}

function stripMeta(c: Condition): unknown {
  const { id: _i, clause: _c, text: _t, scope: _s, appliesTo: _a, source: _src, ...rule } = c;
  return rule;
}

function compareConditions(a: ConditionsDoc, b: ConditionsDoc): string[] {
  const lines: string[] = [];
  const ac = new Map(a.conditions.map((c) => [c.id, c]));
  const bc = new Map(b.conditions.map((c) => [c.id, c]));
  for (const [id, ca] of ac) {
    const cb = bc.get(id);
    if (!cb) {
      lines.push(`条件 ${id} 在所提供的条件文件中不存在（报告中：${describeRule(ca)}）`);
      continue;
    }
    if (describeRule(ca) !== describeRule(cb)) lines.push(`条件 ${id} 的阈值不同：报告中 ${describeRule(ca)}，所提供 ${describeRule(cb)}`);
    else if (canonicalJson(stripMeta(ca)) !== canonicalJson(stripMeta(cb))) lines.push(`条件 ${id} 的规则不同`);
    if (describeScope(ca) !== describeScope(cb)) lines.push(`条件 ${id} 的适用范围不同：报告中 ${describeScope(ca)}，所提供 ${describeScope(cb)}`);
    if ((ca.clause ?? '') !== (cb.clause ?? '')) lines.push(`条件 ${id} 的条款号不同：报告中 ${ca.clause ?? '无'}，所提供 ${cb.clause ?? '无'}`);
    if ((ca.text ?? '') !== (cb.text ?? '')) lines.push(`条件 ${id} 的条款原文不同`);
  }
  for (const [id, cb] of bc) if (!ac.has(id)) lines.push(`所提供的条件文件多出条件 ${id}：${describeRule(cb)}`);
  if (canonicalJson(a.contract ?? null) !== canonicalJson(b.contract ?? null)) lines.push('合同信息（编号、地块、签订日期等）不同');
  if (lines.length === 0) lines.push('条件文件的内容不同（标题或备注等）');
  return lines;
}

function compareFindings(a: ManifestFinding[], b: ManifestFinding[]): string[] {
  const lines: string[] = [];
  const key = (f: ManifestFinding) => `${f.conditionId}\u0000${f.building ?? ''}\u0000${f.indicator}`;
  const am = new Map(a.map((f) => [key(f), f]));
  const bm = new Map(b.map((f) => [key(f), f]));
  for (const [k, fa] of am) {
    const fb = bm.get(k);
    const who = findingLabel(fa);
    if (!fb) {
      lines.push(`${who} 的审查项按所提供输入不存在（报告中 ${verdictWord(fa.verdict)}）`);
      continue;
    }
    if (fa.verdict !== fb.verdict) lines.push(`${who} 的结论不同：报告中 ${verdictWord(fa.verdict)}，按所提供输入为 ${verdictWord(fb.verdict)}`);
  }
  for (const [k, fb] of bm) if (!am.has(k)) lines.push(`按所提供输入多出审查项 ${findingLabel(fb)}（${verdictWord(fb.verdict)}）`);
  return lines;
}
