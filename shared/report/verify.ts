// Verification of a report as a reader sees it. Given the PDF and, where available, the original
// inputs (workbook and conditions; the options are recorded in the report), the report is made
// again and compared page by page: page count and order, each page's decoded content, the fonts
// and images it draws with, its annotations; then the embedded data and the file's structure;
// signatures are checked for integrity. Three answers:
// - genuine (真实一致): LandCheck makes exactly these pages from these inputs;
// - altered (已被修改): where and what;
// - undetermined (无法判断): without the original inputs nothing more can be said (what to provide).
// A report made by another LandCheck version whose output differs says which version made it.
// The parts: the answers (verify-outcome.ts), reading a report (verify-inspect.ts), comparing pages
// (verify-pages.ts), the file (verify-file.ts) and the data (verify-data.ts).
import { canonicalJson, sha256Hex } from '../canonical';
import { ENGINE, ruleVersions } from '../check/versions';
import { readManifest, readSealImage, REPORT_LAYOUT } from './manifest';
import { fingerprintOfParts, shortCode } from './fingerprint';
import { PdfDocument, PdfError } from './pdf-reader';
import { Canonicaliser, pageDigest } from './pdf-pages';
import { type OriginalInputs, rederiveReport, rederiveRun } from './rederive';
import { outcome, type VerifyOutcome } from './verify-outcome';
import { inputsNeeded, inspectReport, issuerNote, signatureNotes } from './verify-inspect';
import { comparePages } from './verify-pages';
import { compareStructure, describeObjects, manifestDifferences, revisionPrefix } from './verify-file';
import { compareData, freshManifestView } from './verify-data';

export type { ReportSummary, VerifyOutcome, VerifyStatus } from './verify-outcome';
export { inspectReport, type Inspection } from './verify-inspect';
export { comparePages } from './verify-pages';

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
