import { render, screen } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { Providers } from '../../../app/Providers';
import { healthKeys } from '../api/useHealth';
import { HealthBadge } from './HealthBadge';

function renderWith(data: unknown, failed = false) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  if (failed) {
    client
      .getQueryCache()
      .build(client, { queryKey: healthKeys.all })
      .setState({ status: 'error', error: new Error('down'), data: undefined });
  } else {
    client.setQueryData(healthKeys.all, data);
  }
  return render(
    <Providers client={client}>
      <HealthBadge />
    </Providers>,
  );
}

describe('HealthBadge', () => {
  it('says the system is online when the database is up', () => {
    renderWith({ status: 'ok', database: 'up' });
    expect(screen.getByText('System online')).toBeInTheDocument();
  });

  it('warns when the database is down', () => {
    renderWith({ status: 'error', database: 'down' });
    expect(screen.getByText('Database unreachable')).toBeInTheDocument();
  });
});
