// Canonical JSON (keys sorted, no whitespace, undefined dropped), SHA-256 and gzip packing of
// the large JSON payloads (import results, check runs) the store keeps.

import { gzipSync, gunzipSync } from 'node:zlib';
import { canonicalJson, sha256Hex } from '../canonical';

export { canonicalJson, sha256Hex };

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
