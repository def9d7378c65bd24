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

/**
 * `fn` memoised by its arguments (strings, numbers, booleans or undefined), looked up argument by
 * argument (no key is built per call: the engine asks some of these once per leaf).
 */
export function memoKey<A extends ReadonlyArray<string | number | boolean | undefined>, T>(fn: (...args: A) => T): (...args: A) => T {
  type Level = Map<unknown, Level | T>;
  let root: Level = new Map();
  let size = 0;
  return (...args) => {
    let level = root;
    const last = args.length - 1;
    for (let i = 0; i < last; i++) {
      let next = level.get(args[i]) as Level | undefined;
      if (!next) level.set(args[i], (next = new Map()));
      level = next;
    }
    const key = last >= 0 ? args[last] : undefined;
    if (level.has(key)) return level.get(key) as T;
    const out = fn(...args);
    if (size >= LIMIT) {
      root = new Map();
      size = 0;
      return out;
    }
    level.set(key, out);
    size++;
    return out;
  };
}
