// Canonical JSON (keys sorted, no whitespace, undefined dropped), SHA-256 and gzip packing of
// the large JSON payloads (import results, check runs) the store keeps.

import { createHash } from 'node:crypto';
import { gzipSync, gunzipSync } from 'node:zlib';

/** JSON text with object keys sorted recursively: equal documents give equal text (and hash). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map((x) => (x === undefined ? null : sortKeys(x)));
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined && typeof x !== 'function') out[k] = sortKeys(x);
    }
    return out;
  }
  return v;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export interface Packed {
  /** gzip of the canonical JSON. */
  data: Buffer;
  /** SHA-256 of the canonical JSON (before compression). */
  sha256: string;
}

/** Canonical JSON → gzip (level 6) with the hash of the uncompressed text. */
export function pack(value: unknown): Packed {
  const text = canonicalJson(value);
  return { data: gzipSync(text, { level: 6 }), sha256: sha256Hex(text) };
}

/** Inverse of pack; null when the bytes do not decompress or do not match the hash. */
export function unpack<T>(data: Uint8Array, sha256: string): T | null {
  let text: string;
  try {
    text = gunzipSync(data).toString('utf8');
  } catch {
    return null;
  }
  if (sha256Hex(text) !== sha256) return null;
  return JSON.parse(text) as T;
}
