// The values of a PDF file (ISO 32000-1 §7.3): names, strings, references, dictionaries,
// streams; the error every reader throws (with a Chinese message) and the reading limits.
import { LandCheckError } from '../errors';

/** A PDF that cannot be read: `message` is Chinese and names what is wrong. */
export class PdfError extends LandCheckError {
  constructor(message: string) {
    super('bad_file', message);
    this.name = 'PdfError';
  }
}

export interface PdfLimits {
  /** Largest file accepted. */
  maxFile: number;
  /** Most indirect objects. */
  maxObjects: number;
  /** Deepest nesting of arrays and dictionaries. */
  maxDepth: number;
  /** Largest stream as stored. */
  maxStreamRaw: number;
  /** Largest stream after decoding. */
  maxStreamDecoded: number;
  /** All decoding of one document together. */
  maxTotalDecoded: number;
  /** Most pages. */
  maxPages: number;
}

export const DEFAULT_LIMITS: PdfLimits = {
  maxFile: 200 * 1024 * 1024,
  maxObjects: 500_000,
  maxDepth: 64,
  maxStreamRaw: 64 * 1024 * 1024,
  maxStreamDecoded: 64 * 1024 * 1024,
  maxTotalDecoded: 512 * 1024 * 1024,
  maxPages: 20_000,
};

export class PdfName {
  constructor(readonly name: string) {}
}

export class PdfString {
  constructor(readonly bytes: Buffer) {}
  /** Text string (§7.9.2.2): UTF-16BE with BOM, UTF-8 with BOM, else PDFDocEncoding (≈ latin1). */
  text(): string {
    const b = this.bytes;
    if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
      const u = Buffer.from(b.subarray(2));
      if (u.length % 2) return u.subarray(0, u.length - 1).swap16().toString('utf16le');
      return u.swap16().toString('utf16le');
    }
    if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return b.subarray(3).toString('utf8');
    return b.toString('latin1');
  }
}

export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}

export class PdfDict {
  constructor(readonly map: Map<string, PdfValue> = new Map()) {}
  get(key: string): PdfValue | undefined {
    return this.map.get(key);
  }
  has(key: string): boolean {
    return this.map.has(key);
  }
}

export class PdfStream {
  constructor(
    readonly dict: PdfDict,
    /** The stored bytes (a view into the file or into a decoded object stream). */
    readonly raw: Buffer,
  ) {}
}

export type PdfValue = null | boolean | number | PdfName | PdfString | PdfRef | PdfDict | PdfStream | PdfValue[];

export const isDict = (v: unknown): v is PdfDict => v instanceof PdfDict;
export const isName = (v: unknown, name?: string): v is PdfName => v instanceof PdfName && (name === undefined || v.name === name);


/** A short PDF date (D:YYYYMMDDHHmmSS…) as an ISO string, or null. */
export function pdfDateToIso(s: string): string | null {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(s);
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', se = '00', tz] = m;
  const zone = !tz || tz === 'Z' ? 'Z' : `${tz.slice(0, 3)}:${tz.replace(/'/g, '').slice(3, 5) || '00'}`;
  const t = new Date(`${y}-${mo}-${d}T${h}:${mi}:${se}${zone}`);
  return Number.isNaN(t.getTime()) ? null : t.toISOString();
}
