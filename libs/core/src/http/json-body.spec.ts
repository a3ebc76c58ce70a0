import { jsonDepth } from './json-body';

describe('jsonDepth', () => {
  it('counts nesting of objects and arrays, not scalars', () => {
    expect(jsonDepth('text')).toBe(0);
    expect(jsonDepth({})).toBe(1);
    expect(jsonDepth({ a: [1, { b: null }] })).toBe(3);
  });

  it('walks a very deep document without recursion, stopping early when asked', () => {
    let deep: unknown = 1;
    for (let level = 0; level < 200_000; level += 1) deep = [deep];
    expect(jsonDepth(deep, 32)).toBe(33);
  });
});
