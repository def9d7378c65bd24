import { describe, expect, it } from 'vitest';
import { memoKey, memoText } from '../../shared/model/memo';

describe('memoText / memoKey', () => {
  it('asks the function once per text and gives the same answer again', () => {
    let calls = 0;
    const len = memoText((t) => (calls++, t.length));
    expect([len('绿地率'), len('绿地率'), len('容积率（地上）')]).toEqual([3, 3, 7]);
    expect(calls).toBe(2);
  });

  it('keys on every argument, undefined apart from the empty string', () => {
    let calls = 0;
    const f = memoKey((a: string, b: string | undefined) => (calls++, `${a}|${b ?? '-'}`));
    expect([f('x', undefined), f('x', ''), f('x', undefined), f('x', 'y')]).toEqual(['x|-', 'x|', 'x|-', 'x|y']);
    expect(calls).toBe(3);
  });

  it('stays bounded: past its limit the cache starts over', () => {
    let calls = 0;
    const id = memoText((t) => (calls++, t));
    for (let i = 0; i < 20001; i++) id(String(i));
    calls = 0;
    id('0'); // dropped when the cache started over
    expect(calls).toBe(1);
  });
});
