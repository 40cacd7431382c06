import { BEFORE_SESSION, createQueryClient } from './query-client';
import { prefetchListData } from './route-data';

// What each prefetched query is, by its key.
const kind = (key: readonly unknown[]) =>
  key.includes('count')
    ? 'count'
    : key.includes('my-tasks')
      ? 'tasks'
      : key.includes('follow-ups')
        ? 'follow-ups'
        : 'list';

describe('prefetchListData', () => {
  it.each([
    // The worklist's top sections (asked of me, follow-ups due) are page data as much as its rows.
    ['/worklist', ['list', 'list', 'tasks', 'follow-ups']],
    ['/cases', ['list', 'count']],
  ])('asks for the data of %s before the session is known, so that a 401 is not an expired session', (path, asked) => {
    const onUnauthorized = jest.fn();
    const client = createQueryClient({ onUnauthorized });
    const prefetch = jest.spyOn(client, 'prefetchQuery').mockResolvedValue(undefined);
    prefetchListData(client, path, '');
    expect(prefetch.mock.calls.map(([options]) => kind(options.queryKey))).toEqual(asked);
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
