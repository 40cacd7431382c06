import { formatLeadList, parseLeadList } from './lead-list';

describe('parseLeadList', () => {
  it.each([
    ['3, 1', [3, 1]],
    ['24 4', [24, 4]],
    [' 5 ', [5]],
    ['', []],
    ['3,,1', [3, 1]],
  ])('reads %p as %p', (text, values) => {
    expect(parseLeadList(text)).toEqual(values);
  });

  it.each(['3d', '1.5', '-2', 'three'])('refuses %p', (text) => {
    expect(parseLeadList(text)).toBeNull();
  });

  it('writes what it reads', () => {
    expect(parseLeadList(formatLeadList([24, 4]))).toEqual([24, 4]);
  });
});
