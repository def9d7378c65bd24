// The bar every hostile case meets: refused with exit 3 and one Chinese message naming what it
// must name, no stack trace, within the time bound and under the memory bound.
import { expect } from 'vitest';
import { MEMORY_BOUND_MB, TIME_BOUND_MS, type CliRun } from './hostile';

const CJK = /[\u4e00-\u9fff]/;

/** No developer text where a user looks: no stack frames, no JS error class names. */
export function expectNoInternals(message: string): void {
  expect(message).not.toMatch(/\n\s+at |\bat .+:\d+:\d+|TypeError|RangeError|ReferenceError|Maximum call stack|ERR_[A-Z_]+|node:internal/);
}

export function expectRefused(r: CliRun, ...fragments: string[]): void {
  const err = r.stderr.trim();
  expect(r.code, `exit code; stderr: ${err}; stdout: ${r.stdout.slice(0, 300)}`).toBe(3);
  expect(err.split('\n'), err).toHaveLength(1);
  expect(err.startsWith('错误：'), err).toBe(true);
  expect(err).toMatch(CJK);
  for (const f of fragments) expect(err).toContain(f);
  expectNoInternals(err);
  expect(r.ms, `took ${r.ms} ms`).toBeLessThan(TIME_BOUND_MS);
  expect(r.rssMb, `peak memory ${Math.round(r.rssMb)} MB`).toBeLessThan(MEMORY_BOUND_MB);
}

/** An API error envelope: refused, one Chinese message with the fragments, optionally of a kind. */
export function expectApiError(env: { ok?: boolean; error?: string; kind?: string }, kind: string | undefined, ...fragments: string[]): void {
  expect(env.ok, JSON.stringify(env).slice(0, 300)).toBe(false);
  const err = env.error ?? '';
  expect(err).toMatch(CJK);
  for (const f of fragments) expect(err).toContain(f);
  expectNoInternals(err);
  if (kind !== undefined) expect(env.kind).toBe(kind);
}
