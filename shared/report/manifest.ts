// What a report carries so that verification can say WHAT differs: the fingerprint, its parts and
// a compact copy of the conditions, the imported values and the findings. Stored in the PDF's
// Info dictionary (pdfkit writes each entry as an uncompressed indirect string object) as
// base64 of deflated JSON, split into chunks below the 32 767-byte string limit of old readers.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { CheckRun, ConditionsDoc, FindingCore, ImportedScalar, Overall } from '../model/types';
import { fingerprint, type FingerprintParts } from './fingerprint';

export const MANIFEST_FORMAT = 'landcheck.report-manifest/v1';
export const INFO_KEY_FINGERPRINT = 'LandCheckFingerprint';
export const INFO_KEY_COUNT = 'LandCheckManifestCount';
export const INFO_KEY_CHUNK = 'LandCheckManifest';
const CHUNK = 30000;
/** Text values are cut to this length in the manifest (they only serve to name differences). */
const MAX_TEXT = 200;

/** A finding as stored in the report: the formats.md §3 fields. */
export type ManifestFinding = FindingCore;

export interface ManifestValue {
  building: string | null;
  indicator: string;
  value: ImportedScalar | null;
  source: string;
}

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  fingerprint: string;
  parts: FingerprintParts;
  workbook: { file: string; sha256: string };
  conditionsFile: string;
  conditions: ConditionsDoc;
  rules: Record<string, string>;
  overall: Overall;
  findings: ManifestFinding[];
  values: ManifestValue[];
  /** Informational only (not part of the fingerprint). */
  checkedAt: string;
  reportNo?: string;
}

function short(v: ImportedScalar | null): ImportedScalar | null {
  return typeof v === 'string' && v.length > MAX_TEXT ? v.slice(0, MAX_TEXT) : v;
}

export function buildManifest(run: CheckRun, extra: { reportNo?: string } = {}): Manifest {
  const fp = fingerprint(run);
  const values: ManifestValue[] = [];
  for (const v of Object.values(run.imported.project)) {
    values.push({ building: null, indicator: v.indicator, value: short(v.value), source: v.source });
  }
  for (const b of run.imported.buildings) {
    for (const v of Object.values(b.values)) {
      values.push({ building: b.name, indicator: v.indicator, value: short(v.value), source: v.source });
    }
  }
  return {
    format: MANIFEST_FORMAT,
    fingerprint: fp.hex,
    parts: fp.parts,
    workbook: { file: run.result.input.file, sha256: fp.parts.workbook },
    conditionsFile: run.conditionsFile,
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
    checkedAt: run.checkedAt,
    ...(extra.reportNo ? { reportNo: extra.reportNo } : {}),
  };
}

/** The Info-dictionary entries (ASCII only) that carry the manifest. */
export function manifestInfoEntries(m: Manifest): Record<string, string> {
  const b64 = deflateRawSync(Buffer.from(JSON.stringify(m), 'utf8'), { level: 9 }).toString('base64');
  const out: Record<string, string> = { [INFO_KEY_FINGERPRINT]: m.fingerprint };
  const n = Math.max(1, Math.ceil(b64.length / CHUNK));
  out[INFO_KEY_COUNT] = String(n);
  for (let i = 0; i < n; i++) out[`${INFO_KEY_CHUNK}${i + 1}`] = b64.slice(i * CHUNK, (i + 1) * CHUNK);
  return out;
}

// ---------------------------------------------------------------- reading back

/** Parses a PDF literal string starting at `s[i] === '('`; returns its bytes as a latin1 string. */
function literalAt(s: string, i: number): string | null {
  if (s[i] !== '(') return null;
  let depth = 0;
  let out = '';
  for (let j = i; j < s.length; j++) {
    const c = s[j];
    if (c === '\\') {
      const n = s[++j];
      const map: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };
      if (n in map) out += map[n];
      else if (/[0-7]/.test(n)) {
        let oct = n;
        while (oct.length < 3 && /[0-7]/.test(s[j + 1])) oct += s[++j];
        out += String.fromCharCode(parseInt(oct, 8) & 0xff);
      } else if (n === '\r') {
        if (s[j + 1] === '\n') j++;
      } else if (n !== '\n') out += n;
      continue;
    }
    if (c === '(') {
      if (depth++ > 0) out += c;
      continue;
    }
    if (c === ')') {
      if (--depth === 0) return out;
      out += c;
      continue;
    }
    out += c;
  }
  return null;
}

function hexAt(s: string, i: number): string | null {
  if (s[i] !== '<' || s[i + 1] === '<') return null;
  const end = s.indexOf('>', i);
  if (end < 0) return null;
  const hex = s.slice(i + 1, end).replace(/\s+/g, '');
  return Buffer.from(hex.length % 2 ? hex + '0' : hex, 'hex').toString('latin1');
}

function stringAt(s: string, i: number): string | null {
  while (i < s.length && /\s/.test(s[i])) i++;
  return s[i] === '(' ? literalAt(s, i) : s[i] === '<' ? hexAt(s, i) : null;
}

function decodePdfString(raw: string): string {
  if (raw.charCodeAt(0) === 0xfe && raw.charCodeAt(1) === 0xff) {
    const b = Buffer.from(raw.slice(2), 'latin1');
    b.swap16();
    return b.toString('utf16le');
  }
  return raw;
}

/** Value of an Info entry `/Key (…)` or `/Key n g R` (the last definition wins, as in an update). */
function infoValue(s: string, key: string): string | null {
  const re = new RegExp(`/${key}(?![A-Za-z0-9_])\\s*(\\(|<|(\\d+)\\s+(\\d+)\\s+R)`, 'g');
  let last: RegExpExecArray | null = null;
  for (let m = re.exec(s); m; m = re.exec(s)) last = m;
  if (!last) return null;
  if (last[2] === undefined) {
    const raw = stringAt(s, last.index + last[0].length - 1);
    return raw === null ? null : decodePdfString(raw);
  }
  const objRe = new RegExp(`(?:^|[\\r\\n\\s])${last[2]}\\s+${last[3]}\\s+obj`, 'g');
  let objAt = -1;
  for (let m = objRe.exec(s); m; m = objRe.exec(s)) objAt = m.index + m[0].length;
  if (objAt < 0) return null;
  const raw = stringAt(s, objAt);
  return raw === null ? null : decodePdfString(raw);
}

/** The manifest stored in a LandCheck PDF, or null when there is none (or it is damaged). */
export function readReportManifest(pdfBytes: Uint8Array): Manifest | null {
  const s = Buffer.from(pdfBytes.buffer, pdfBytes.byteOffset, pdfBytes.byteLength).toString('latin1');
  if (!s.startsWith('%PDF-')) return null;
  const count = Number(infoValue(s, INFO_KEY_COUNT));
  if (!Number.isInteger(count) || count < 1 || count > 10000) return null;
  let b64 = '';
  for (let i = 1; i <= count; i++) {
    const part = infoValue(s, `${INFO_KEY_CHUNK}${i}`);
    if (part === null) return null;
    b64 += part;
  }
  try {
    const json = inflateRawSync(Buffer.from(b64, 'base64')).toString('utf8');
    const m = JSON.parse(json) as Manifest;
    if (m?.format !== MANIFEST_FORMAT || typeof m.fingerprint !== 'string' || !m.parts) return null;
    return m;
  } catch {
    return null;
  }
}

/** The fingerprint entry alone (also readable when the manifest is damaged). */
export function readReportFingerprint(pdfBytes: Uint8Array): string | null {
  const s = Buffer.from(pdfBytes.buffer, pdfBytes.byteOffset, pdfBytes.byteLength).toString('latin1');
  const v = infoValue(s, INFO_KEY_FINGERPRINT);
  return v && /^[0-9a-f]{64}$/.test(v) ? v : null;
}
