import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { resetAfterPageData, useAfterPageData, useReleaseAfterPageData } from './after-page-data';

function Badge({ fetchBadge }: { fetchBadge: () => Promise<string> }) {
  const afterPageData = useAfterPageData();
  const { data } = useQuery({ ...afterPageData, queryKey: ['badge'], queryFn: fetchBadge });
  return <p>badge: {data ?? 'waiting'}</p>;
}

function Page({ fetchRows }: { fetchRows: () => Promise<string> }) {
  const { data } = useQuery({ queryKey: ['rows'], queryFn: fetchRows });
  return <p>rows: {data ?? 'loading'}</p>;
}

function Shell({ children, maxWaitMs }: { children: React.ReactNode; maxWaitMs?: number }) {
  useReleaseAfterPageData(maxWaitMs);
  return <>{children}</>;
}

describe('requests that wait for the page’s own data', () => {
  beforeEach(() => resetAfterPageData());

  it('leave once the page’s requests have answered, not before', async () => {
    let answerRows: (rows: string) => void = () => undefined;
    const fetchRows = jest.fn(() => new Promise<string>((resolve) => (answerRows = resolve)));
    const fetchBadge = jest.fn(() => Promise.resolve('online'));
    render(
      <QueryClientProvider client={new QueryClient()}>
        <Shell>
          <Badge fetchBadge={fetchBadge} />
          <Page fetchRows={fetchRows} />
        </Shell>
      </QueryClientProvider>,
    );
    expect(fetchRows).toHaveBeenCalledTimes(1);
    expect(screen.getByText('badge: waiting')).toBeInTheDocument();
    expect(fetchBadge).not.toHaveBeenCalled();

    act(() => answerRows('12 cases'));
    expect(await screen.findByText('rows: 12 cases')).toBeInTheDocument();
    expect(await screen.findByText('badge: online')).toBeInTheDocument();
    expect(fetchBadge).toHaveBeenCalledTimes(1);
  });

  it('leave once the browser is idle after the page’s answers, so the rows are drawn first', async () => {
    const idle: IdleRequestCallback[] = [];
    const requestIdleCallback = jest.fn((callback: IdleRequestCallback) => idle.push(callback));
    Object.assign(window, { requestIdleCallback });
    try {
      let answerRows: (rows: string) => void = () => undefined;
      const fetchBadge = jest.fn(() => Promise.resolve('online'));
      render(
        <QueryClientProvider client={new QueryClient()}>
          <Shell>
            <Badge fetchBadge={fetchBadge} />
            <Page fetchRows={() => new Promise<string>((resolve) => (answerRows = resolve))} />
          </Shell>
        </QueryClientProvider>,
      );
      act(() => answerRows('12 cases'));
      expect(await screen.findByText('rows: 12 cases')).toBeInTheDocument();
      expect(requestIdleCallback).toHaveBeenCalled();
      expect(fetchBadge).not.toHaveBeenCalled();

      act(() => idle.forEach((callback) => callback({ didTimeout: false, timeRemaining: () => 10 })));
      expect(await screen.findByText('badge: online')).toBeInTheDocument();
    } finally {
      Reflect.deleteProperty(window, 'requestIdleCallback');
    }
  });

  it('leave after the longest wait even while the page’s requests are still out', async () => {
    const fetchRows = jest.fn(() => new Promise<string>(() => undefined));
    const fetchBadge = jest.fn(() => Promise.resolve('online'));
    render(
      <QueryClientProvider client={new QueryClient()}>
        <Shell maxWaitMs={50}>
          <Badge fetchBadge={fetchBadge} />
          <Page fetchRows={fetchRows} />
        </Shell>
      </QueryClientProvider>,
    );
    expect(fetchBadge).not.toHaveBeenCalled();
    expect(await screen.findByText('badge: online')).toBeInTheDocument();
    expect(screen.getByText('rows: loading')).toBeInTheDocument();
  });

  it('leave at once on a page that asks for nothing', async () => {
    const fetchBadge = jest.fn(() => Promise.resolve('online'));
    render(
      <QueryClientProvider client={new QueryClient()}>
        <Shell>
          <Badge fetchBadge={fetchBadge} />
        </Shell>
      </QueryClientProvider>,
    );
    expect(await screen.findByText('badge: online')).toBeInTheDocument();
  });

  it('keep a client’s own default when released: a test client that never fetches still does not', async () => {
    const fetchBadge = jest.fn(() => Promise.resolve('online'));
    const client = new QueryClient({ defaultOptions: { queries: { enabled: false } } });
    render(
      <QueryClientProvider client={client}>
        <Shell>
          <Badge fetchBadge={fetchBadge} />
        </Shell>
      </QueryClientProvider>,
    );
    await act(async () => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(fetchBadge).not.toHaveBeenCalled();
  });
});
