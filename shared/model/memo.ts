// Memoisation for the questions the engine asks again and again about the same few texts: 500
// buildings' cells under one header share its label, and every leaf of a check asks about the same
// titles and notes. Bounded: a cache past its limit starts over, so a long-running app that imports
// many workbooks does not grow without end.

const LIMIT = 20000;

/** `fn` memoised by its one text argument (the cache starts over past `limit` texts). */
export function memoText<T>(fn: (text: string) => T, limit = LIMIT): (text: string) => T {
  const memo = new Map<string, T>();
  return (text) => {
    let v = memo.get(text);
    if (v === undefined && !memo.has(text)) {
      v = fn(text);
      if (memo.size >= limit) memo.clear();
      memo.set(text, v);
    }
    return v as T;
  };
}

/** `fn` memoised by a key made of its arguments (strings, numbers, booleans or undefined). */
export function memoKey<A extends ReadonlyArray<string | number | boolean | undefined>, T>(fn: (...args: A) => T): (...args: A) => T {
  const memo = new Map<string, T>();
  return (...args) => {
    let key = '';
    for (const a of args) key += a === undefined ? '\u0001\u0000' : `${a}\u0000`;
    if (memo.has(key)) return memo.get(key)!;
    const out = fn(...args);
    if (memo.size >= LIMIT) memo.clear();
    memo.set(key, out);
    return out;
  };
}
