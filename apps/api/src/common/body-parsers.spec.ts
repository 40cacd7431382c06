import { exceedsJsonDepth } from './body-parsers';

describe('exceedsJsonDepth', () => {
  it.each([
    ['{}', 1],
    ['[[]]', 2],
    ['{"a":[{"b":1}]}', 3],
    ['[1,{"a":[]},[2]]', 3],
  ])('reads %s as %i levels deep', (text, depth) => {
    expect(exceedsJsonDepth(text, depth)).toBe(false);
    expect(exceedsJsonDepth(text, depth - 1)).toBe(true);
  });

  it('does not count brackets inside strings, after escaped quotes or backslashes', () => {
    expect(exceedsJsonDepth(JSON.stringify({ a: '[[[{{{', b: '\\"[[[', c: '\\', d: '{{{' }), 1)).toBe(false);
    expect(exceedsJsonDepth(JSON.stringify(['"', ['\\'], ['[']]), 2)).toBe(false);
  });

  it('answers at once for a body nested 10,000 deep, and scalars are no level', () => {
    expect(exceedsJsonDepth('['.repeat(10_000) + ']'.repeat(10_000), 32)).toBe(true);
    expect(exceedsJsonDepth('"[[["', 0)).toBe(false);
    expect(exceedsJsonDepth('42', 0)).toBe(false);
  });
});
