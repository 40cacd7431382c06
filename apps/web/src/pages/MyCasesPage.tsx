import { Alert, Stack, Text, Title } from '@mantine/core';
import { useMe } from '../features/auth/api/useMe';
import { useCases } from '../features/cases/api/useCases';
import { CaseFilters } from '../features/cases/components/CaseFilters';
import { CaseTable } from '../features/cases/components/CaseTable';
import { useListParams } from '../features/cases/hooks/useListParams';
import { sharedFilters } from '../features/cases/model/list-params';
import { useProviders } from '../features/reference/api/useProviders';
import { QueryState } from '../ui/QueryState';

// A physician's home: requests that wait for their documentation (still being documented, or
// the payer asked for more). Limited to their own patients when their account is linked to a provider.
export function MyCasesPage() {
  const { data: me } = useMe();
  const providers = useProviders();
  const mine = providers.data?.find((provider) => provider.userId === me?.id);
  const [params, setParams] = useListParams();
  const cases = useCases(
    {
      ...sharedFilters(params),
      status: ['documented', 'more_info_requested'],
      sort: 'updated_desc',
      limit: 100,
      ...(mine ? { providerId: mine.id } : {}),
    },
    { enabled: !providers.isPending, keepPrevious: true },
  );

  return (
    <Stack>
      <div>
        <Title order={2}>Waiting for my documentation</Title>
        <Text c="dimmed" size="sm">
          {mine
            ? `Requests for ${mine.displayName} that are still being documented or where the payer asked for more information.`
            : 'Requests still being documented or where the payer asked for more information.'}
        </Text>
      </div>
      {!providers.isPending && !providers.error && !mine && (
        <Alert color="yellow" title="Your account is not linked to a physician record" role="status">
          So this page shows every physician’s requests, and letters cannot be signed in your name. Ask an administrator
          to link your account to your physician record (NPI) on Settings → Users.
        </Alert>
      )}
      <CaseFilters value={params} onChange={setParams} />
      <QueryState
        isPending={providers.isPending || cases.isPending}
        error={cases.error}
        onRetry={() => void cases.refetch()}
        what="your cases"
      >
        {cases.data && cases.data.items.length === 0 ? (
          <Text>Nothing is waiting for you.</Text>
        ) : (
          <CaseTable cases={cases.data?.items ?? []} caption="Cases waiting for my documentation" />
        )}
      </QueryState>
    </Stack>
  );
}
