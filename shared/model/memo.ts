// Memoisation for the questions the engine asks again and again about the same few texts: 500
// buildings' cells under one header share its label, and every leaf of a check asks about the same
// titles and notes. Bounded: a cache past its limit starts over, so a long-running app that imports
// many workbooks does not grow without end.

const LIMIT = 20000;

/** `fn` memoised by its one text argument. */
export function memoText<T>(fn: (text: string) => T): (text: string) => T {
  const memo = new Map<string, T>();
  return (text) => {
    if (memo.has(text)) return memo.get(text)!;
    const out = fn(text);
    if (memo.size >= LIMIT) memo.clear();
    memo.set(text, out);
    return out;
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
