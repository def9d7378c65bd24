// Reading a report without its inputs: the embedded data, signatures and legacy fingerprint, and
// the notes shown beside the answer (who issued it, what to provide to verify it fully).
import { legacyReport, type Manifest, ManifestError, PAGE_DIGEST, readManifest } from './manifest';
import { shortCode } from './fingerprint';
import { PdfDocument, PdfError } from './pdf-reader';
import { Canonicaliser, pageDigest, type PageDigest } from './pdf-pages';
import { checkSignatures, type SignatureCheck } from './signature-check';
import type { ReportSummary, VerifyStatus } from './verify-outcome';

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

export function summaryOf(m: Manifest): ReportSummary {
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

export function signatureNotes(sigs: SignatureCheck[], fileEnd: number): { bad: string[]; notes: string[] } {
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

export function issuerNote(m: Manifest): string {
  const when = m.issuedAt.slice(0, 16).replace('T', ' ');
  return `报告记录：${m.options.org.name} 于 ${when}（UTC）用 LandCheck ${m.generator.version} 出具，报告编号 ${m.options.reportNo ?? '—'}，核验码 ${shortCode(m.fingerprint)}。核验证明页面内容由这些输入生成且未被改动；出具单位的身份以数字签名或向出具单位查询核验码为准。`;
}

export function inputsNeeded(m: Manifest): string[] {
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
