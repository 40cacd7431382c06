import { BEFORE_SESSION, createQueryClient } from './query-client';
import { prefetchListData } from './route-data';

describe('prefetchListData', () => {
  it.each([
    ['/worklist', ['list', 'list']],
    ['/cases', ['list', 'count']],
  ])('asks for the data of %s before the session is known, so that a 401 is not an expired session', (path, asked) => {
    const onUnauthorized = jest.fn();
    const client = createQueryClient({ onUnauthorized });
    const prefetch = jest.spyOn(client, 'prefetchQuery').mockResolvedValue(undefined);
    prefetchListData(client, path, '');
    expect(prefetch.mock.calls.map(([options]) => (options.queryKey.includes('count') ? 'count' : 'list'))).toEqual(
      asked,
    );
    // RequireAuth sends a visitor without a session to sign in; a 401 here must not start a
    // second, full-page redirect (query-client.spec: such a 401 is left alone).
    for (const [options] of prefetch.mock.calls) expect(options.meta).toEqual(BEFORE_SESSION);
  });

  it('asks for nothing on other pages', () => {
    const client = createQueryClient();
    const prefetch = jest.spyOn(client, 'prefetchQuery').mockResolvedValue(undefined);
    prefetchListData(client, '/reports', '');
    expect(prefetch).not.toHaveBeenCalled();
  });
});
