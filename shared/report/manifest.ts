// What a report carries so that it can be verified: the fingerprint and its parts, the options it
// was made with (organisation, project identity, report number, moment of issue), the inputs it
// was made from (workbook and conditions by hash, hand entries, overrides), a digest of every
// page, and a compact copy of the conditions, values and findings (to name what differs).
//
// Where it lives (one defined place): an embedded file of the document, entry
// "LandCheck-manifest" of the catalog's /Names /EmbeddedFiles name tree (ISO 32000-1 §7.11.4),
// added by an incremental update after the pages are laid out (the page digests are known only
// then). An organisation's own seal image travels beside it as entry "LandCheck-seal", so the
// pages can be made again. Every read is bounded (see MANIFEST_LIMITS).
import { createHash } from 'node:crypto';
import { canonicalJson } from '../canonical';
import { LandCheckError } from '../errors';
import type { CheckRun, ConditionsDoc, FindingCore, ImportedScalar, Overall } from '../model/types';
import { fingerprint, type FingerprintParts } from './fingerprint';
import { PdfDocument, PdfError, PdfName, PdfRef, PdfStream, PdfString, isName } from './pdf-reader';
import { appendUpdate, dictText, dictWith, nextObjectNumber, pdfStringFor, pdfTextString, serialize, type UpdateBody } from './pdf-writer';
import { pageDigests } from './pdf-pages';
import { recordOptions, type HandEntry, type RecordedOptions, type ReportOptions } from './options';
import type { OverrideRecord } from '../check/overrides';
import { ENGINE } from '../check/versions';

export const MANIFEST_FORMAT = 'landcheck.report-manifest/v2';
/** Earlier reports kept a v1 manifest in the Info dictionary (LandCheck 0.1.0). */
export const LEGACY_INFO_KEY = 'LandCheckManifestCount';
export const MANIFEST_KEY = 'LandCheck-manifest';
export const SEAL_KEY = 'LandCheck-seal';
/** How the page digests are computed (shared/report/pdf-pages.ts). */
export const PAGE_DIGEST = 'landcheck.page-digest/v1';
/** Version of the report's layout: part of "which LandCheck made it". */
export const REPORT_LAYOUT = 2;

export const MANIFEST_LIMITS = {
  /** The manifest as stored (compressed). */
  raw: 8 * 1024 * 1024,
  /** The manifest's JSON. */
  decoded: 48 * 1024 * 1024,
  /** The seal image. */
  seal: 4 * 1024 * 1024,
};

/** Text values are cut to this length in the manifest (they only serve to name differences). */
const MAX_TEXT = 200;

export type ManifestFinding = FindingCore;

export interface ManifestValue {
  building: string | null;
  indicator: string;
  value: ImportedScalar | null;
  source: string;
}

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  /** Which LandCheck made the report. */
  generator: { name: string; version: string; layout: number };
  fingerprint: string;
  parts: FingerprintParts;
  /** ISO time of issue (the PDF's creation date). */
  issuedAt: string;
  options: RecordedOptions;
  inputs: {
    workbook: { file: string; sha256: string };
    conditions: { file: string; sha256: string };
    /** Values entered or corrected by hand, re-applied when the report is made again. */
    corrections: HandEntry[];
    /** Reviewers' overrides, re-applied when the report is made again. */
    overrides: OverrideRecord[];
    /** ISO time of the check. */
    checkedAt: string;
  };
  pages: { algorithm: string; digests: string[] };
  /** Head of the issuing installation's audit chain when the report was issued (docs/security.md). */
  auditAnchor?: { id: number; hash: string };
  conditions: ConditionsDoc;
  rules: Record<string, string>;
  overall: Overall;
  findings: ManifestFinding[];
  values: ManifestValue[];
}

function short(v: ImportedScalar | null): ImportedScalar | null {
  return typeof v === 'string' && v.length > MAX_TEXT ? v.slice(0, MAX_TEXT) : v;
}

export function buildManifest(
  run: CheckRun,
  opts: ReportOptions,
  extra: {
    issuedAt: Date;
    pages: string[];
    corrections: HandEntry[];
    overrides: OverrideRecord[];
    /** The run's fingerprint when the caller has it already (it hashes every finding). */
    fingerprint?: { hex: string; parts: FingerprintParts };
  },
): Manifest {
  const fp = extra.fingerprint ?? fingerprint(run);
  const values: ManifestValue[] = [];
  for (const v of Object.values(run.imported.project)) values.push({ building: null, indicator: v.indicator, value: short(v.value), source: v.source });
  for (const b of run.imported.buildings) {
    for (const v of Object.values(b.values)) values.push({ building: b.name, indicator: v.indicator, value: short(v.value), source: v.source });
  }
  // a fixed order: a run read back from the store has its object keys sorted, a fresh one not
  const key = (v: ManifestValue) => `${v.building ?? ''}\u0000${v.indicator}\u0000${v.source}`;
  values.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return {
    format: MANIFEST_FORMAT,
    generator: { name: ENGINE.name, version: ENGINE.version, layout: REPORT_LAYOUT },
    fingerprint: fp.hex,
    parts: fp.parts,
    issuedAt: extra.issuedAt.toISOString(),
    options: recordOptions(opts),
    inputs: {
      workbook: { file: run.result.input.file, sha256: fp.parts.workbook },
      conditions: { file: run.conditionsFile, sha256: fp.parts.conditions },
      corrections: extra.corrections,
      overrides: extra.overrides,
      checkedAt: run.checkedAt,
    },
    pages: { algorithm: PAGE_DIGEST, digests: extra.pages },
    ...(opts.auditAnchor ? { auditAnchor: opts.auditAnchor } : {}),
    conditions: run.conditions,
    rules: run.rules,
    overall: run.result.overall,
    findings: run.result.findings.map((f) => ({
      conditionId: f.conditionId,
      indicator: f.indicator,
      building: f.building,
      verdict: f.verdict,
      required: f.required,
      declared: short(f.declared),
      computed: f.computed,
      source: f.source,
      message: f.message.length > MAX_TEXT ? f.message.slice(0, MAX_TEXT) : f.message,
    })),
    values,
  };
}

/** Page digests of a laid-out PDF (before the manifest is added), as bytes or already parsed. */
export function digestsOf(pdf: Uint8Array | PdfDocument): string[] {
  return pageDigests(pdf instanceof PdfDocument ? pdf : new PdfDocument(pdf)).map((d) => d.hash);
}

// ---------------------------------------------------------------- writing

const md5 = (b: Buffer) => createHash('md5').update(b).digest('hex');

/**
 * The PDF with the manifest (and the seal image, when the organisation uses its own) embedded
 * by an incremental update: new embedded-file streams, their file specifications, an
 * /EmbeddedFiles name tree in the catalog's /Names dictionary.
 */
export function embedManifest(pdf: Uint8Array, m: Manifest, sealPng?: Uint8Array, parsed?: PdfDocument): Uint8Array {
  const orig = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  // `parsed`: the same bytes already parsed by the caller (the reader does not change them)
  const doc = parsed ?? new PdfDocument(orig);
  const rootRef = doc.trailer.get('Root');
  const root = doc.dict(rootRef);
  if (!(rootRef instanceof PdfRef) || !root) throw new PdfError('文档目录无效，无法写入核验数据');
  let next = nextObjectNumber(doc);
  const objects = new Map<number, UpdateBody>();
  const entries: Array<[string, number]> = [];
  const date = `${pdfStringFor(`D:${m.issuedAt.replace(/[-:T]/g, '').slice(0, 14)}Z`)}`;
  const file = (key: string, fileName: string, shownName: string, desc: string, mime: string, data: Buffer) => {
    const streamNum = next++;
    const specNum = next++;
    objects.set(streamNum, {
      dict: [
        ['Type', '/EmbeddedFile'],
        ['Subtype', serialize(new PdfName(mime))],
        ['Params', dictText([['Size', String(data.length)], ['CheckSum', `<${md5(data).toUpperCase()}>`], ['ModDate', date]])],
      ],
      data,
      compress: true,
    });
    objects.set(
      specNum,
      dictText([
        ['Type', '/Filespec'],
        ['F', pdfStringFor(fileName)],
        ['UF', pdfTextString(shownName)],
        ['Desc', pdfTextString(desc)],
        ['AFRelationship', '/Data'],
        ['EF', dictText([['F', `${streamNum} 0 R`], ['UF', `${streamNum} 0 R`]])],
      ]),
    );
    entries.push([key, specNum]);
  };
  // canonical JSON: the same data always give the same bytes, however the objects were built
  file(MANIFEST_KEY, 'report-verification.json', '审查报告核验数据.json', '用于核验本报告的数据（审查输入的摘要、页面摘要与出具信息）', 'application/json', Buffer.from(canonicalJson(m), 'utf8'));
  if (sealPng) file(SEAL_KEY, 'seal.png', '印章图片.png', '报告所用的印章图片', 'image/png', Buffer.from(sealPng));
  entries.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const treeNum = next++;
  objects.set(treeNum, dictText([['Names', `[${entries.map(([k, n]) => `${pdfStringFor(k)} ${n} 0 R`).join(' ')}]`]]));
  const namesEntry = root.get('Names');
  const names = doc.dict(namesEntry);
  const namesValue = dictWith(names, { EmbeddedFiles: `${treeNum} 0 R` });
  if (namesEntry instanceof PdfRef) objects.set(namesEntry.num, namesValue);
  else objects.set(rootRef.num, dictWith(root, { Names: namesValue }));
  return appendUpdate(orig, doc, objects, next);
}

// ---------------------------------------------------------------- reading

/** The manifest could not be read: damaged, too large or not the expected shape. */
export class ManifestError extends LandCheckError {
  constructor(message: string) {
    super('bad_file', message);
    this.name = 'ManifestError';
  }
}

function embeddedFile(doc: PdfDocument, key: string, max: { raw: number; decoded: number }): Buffer | null {
  const names = doc.dict(doc.catalog().get('Names'));
  if (!names) return null;
  const spec = doc.dict(doc.nameTreeLookup(names.get('EmbeddedFiles'), key));
  if (!spec) return null;
  const ef = doc.dict(spec.get('EF'));
  const st = doc.resolve(ef?.get('F'));
  if (!(st instanceof PdfStream)) throw new ManifestError('嵌入的核验数据不是数据流');
  if (st.raw.length > max.raw) throw new ManifestError('嵌入的核验数据超过大小上限');
  try {
    return doc.decode(st, max.decoded);
  } catch (e) {
    if (e instanceof PdfError) throw new ManifestError(`嵌入的核验数据无法读取：${e.message}`);
    throw e;
  }
}

/** The manifest of a parsed report; null when it has none; ManifestError when it is damaged. */
export function readManifest(doc: PdfDocument): Manifest | null {
  const data = embeddedFile(doc, MANIFEST_KEY, MANIFEST_LIMITS);
  if (!data) return null;
  let m: Manifest;
  try {
    m = JSON.parse(data.toString('utf8')) as Manifest;
  } catch {
    throw new ManifestError('嵌入的核验数据已损坏（不是有效的数据格式）');
  }
  const ok =
    m &&
    m.format === MANIFEST_FORMAT &&
    typeof m.fingerprint === 'string' &&
    m.parts &&
    m.generator &&
    typeof m.generator.version === 'string' &&
    m.options?.org &&
    typeof m.options.org.name === 'string' &&
    m.inputs?.workbook &&
    m.inputs?.conditions &&
    Array.isArray(m.inputs.corrections) &&
    Array.isArray(m.inputs.overrides) &&
    Array.isArray(m.pages?.digests) &&
    typeof m.issuedAt === 'string' &&
    m.conditions &&
    Array.isArray(m.findings) &&
    Array.isArray(m.values);
  if (!ok) throw new ManifestError('嵌入的核验数据格式不正确');
  return m;
}

/** The seal image carried beside the manifest, when the report uses the organisation's own. */
export function readSealImage(doc: PdfDocument): Buffer | null {
  return embeddedFile(doc, SEAL_KEY, { raw: MANIFEST_LIMITS.seal, decoded: MANIFEST_LIMITS.seal });
}

/** A report made by LandCheck 0.1.0 (manifest in the Info dictionary): its fingerprint, if any. */
export function legacyReport(doc: PdfDocument): { fingerprint: string | null } | null {
  const info = doc.info();
  if (!info || !info.has(LEGACY_INFO_KEY)) return null;
  const fp = doc.resolve(info.get('LandCheckFingerprint'));
  const hex = fp instanceof PdfString ? fp.text() : null;
  return { fingerprint: hex && /^[0-9a-f]{64}$/.test(hex) ? hex : null };
}

/** The report's fingerprint: from its embedded data, else the Info entry; null when neither is there. */
export function readReportFingerprint(pdf: Uint8Array): string | null {
  try {
    const doc = new PdfDocument(pdf);
    let m: Manifest | null = null;
    try {
      m = readManifest(doc);
    } catch {
      m = null;
    }
    if (m) return m.fingerprint;
    const fp = doc.resolve(doc.info()?.get('LandCheckFingerprint'));
    const hex = fp instanceof PdfString ? fp.text() : null;
    return hex && /^[0-9a-f]{64}$/.test(hex) ? hex : null;
  } catch {
    return null;
  }
}

/** Convenience for tests and callers with bytes: null when absent or unreadable. */
export function readReportManifest(pdf: Uint8Array): Manifest | null {
  try {
    return readManifest(new PdfDocument(pdf));
  } catch {
    return null;
  }
}

export { isName };
