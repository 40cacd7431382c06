import { savedViewQueryOf, savedViewQueryProblem } from './saved-views';

describe('saved view queries', () => {
  it('keep a list’s filters and order, not its page', () => {
    expect(savedViewQueryOf('?status=denied&cursor=abc&page=3&sort=denied_desc&deniedFrom=2026-11-01')).toBe(
      'status=denied&sort=denied_desc&deniedFrom=2026-11-01',
    );
    expect(savedViewQueryOf('')).toBe('');
  });

  it.each([
    ['', null],
    ['status=denied,approved&owner=me&q=thibo', null],
    ['tag=needs+photos&sort=updated_desc', null],
    ['?status=denied', 'is a query string without its leading "?"'],
    ['page=2', 'has a parameter a view does not keep: page'],
    ['overdue=true&overdue=false', 'has overdue twice'],
    ['q=' + 'x'.repeat(2000), 'is longer than 2000 characters'],
  ])('%s → %s', (query, problem) => {
    expect(savedViewQueryProblem(query)).toBe(problem);
  });
});
