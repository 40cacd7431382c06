import { Card, Code, Stack, Text, Title } from '@mantine/core';
import { useMe } from '../../features/auth/api/useMe';
import { hasRole } from '../../features/auth/roles';
import { useClinicProfile } from '../../features/clinic-profile/api/clinic-profile';
import { ClinicLogo } from '../../features/clinic-profile/components/ClinicLogo';
import { ClinicProfileForm } from '../../features/clinic-profile/components/ClinicProfileForm';
import { QueryState } from '../../ui/QueryState';

export function ClinicProfilePage() {
  const { data: me } = useMe();
  const profile = useClinicProfile();
  const readOnly = !hasRole(me?.roles, 'admin');

  return (
    <Stack maw={760}>
      <Title order={2}>Clinic profile</Title>
      <Text size="sm" c="dimmed">
        The letterhead of every letter and packet, and the sender on the fax cover sheet.
        {readOnly && ' Only an administrator can change it.'}
      </Text>
      <QueryState
        isPending={profile.isPending}
        error={profile.error}
        onRetry={() => void profile.refetch()}
        what="the clinic profile"
      >
        {profile.data && (
          <>
            {!profile.data.configured && (
              <Text size="sm" role="status">
                Not set up yet: letters and packets go out without a letterhead until it is saved.
              </Text>
            )}
            <Card withBorder>
              <ClinicProfileForm key={profile.data.updatedAt ?? 'new'} profile={profile.data} readOnly={readOnly} />
            </Card>
            <Card withBorder>
              <ClinicLogo profile={profile.data} readOnly={readOnly} />
            </Card>
            <Card withBorder>
              <Text fw={600} component="h3" size="md">
                Time zone
              </Text>
              <Text size="sm">
                {profile.data.timeZone}: dates, deadlines and signing times are computed and printed in this zone. It is
                set where the server runs, with the <Code>CLINIC_TIMEZONE</Code> environment variable.
              </Text>
            </Card>
          </>
        )}
      </QueryState>
    </Stack>
  );
}
