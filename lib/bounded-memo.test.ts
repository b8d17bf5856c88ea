import { describe, expect, it } from 'vitest';
import { boundedMemo } from './bounded-memo';

describe('boundedMemo', () => {
  it('makes each key once, null included, and forgets the oldest past its bound', () => {
    const made: string[] = [];
    const memo = boundedMemo<string | null>(2);
    const get = (k: string) => memo(k, () => (made.push(k), k === 'none' ? null : k.toUpperCase()));
    expect([get('a'), get('none'), get('a'), get('none')]).toEqual(['A', null, 'A', null]);
    expect(made).toEqual(['a', 'none']);
    get('b'); // past the bound: 'a', the oldest, is forgotten
    get('a');
    expect(made).toEqual(['a', 'none', 'b', 'a']);
  });
});
