import { Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useNavigate, useSearchParams } from 'react-router';
import { SignInForm } from '../features/auth/components/SignInForm';
import { homePathFor } from '../features/auth/roles';
import { HealthBadge } from '../features/health/components/HealthBadge';

// Only same-app paths: never bounce the user to another site after sign-in.
function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') ? next : null;
}

export function SignInPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  return (
    <Center mih="100vh" p="md" component="main">
      <Stack w="100%" maw={400}>
        <Group justify="space-between">
          <Title order={1} size="h2">
            Preauth
          </Title>
          <HealthBadge />
        </Group>
        <Text c="dimmed">Pre-authorizations and appeals for the clinic. Sign in to continue.</Text>
        <Paper withBorder p="lg" shadow="xs">
          <SignInForm
            onSignedIn={(me) => void navigate(next && next !== '/' ? next : homePathFor(me.roles), { replace: true })}
          />
        </Paper>
      </Stack>
    </Center>
  );
}
