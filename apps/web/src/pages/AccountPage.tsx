import { Alert, Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { ROLE_LABELS } from '@preauth/domain';
import { Link } from 'react-router';
import { ChangePasswordForm } from '../features/account/components/ChangePasswordForm';
import { SessionsSection } from '../features/account/components/SessionsSection';
import { TwoFactorSection } from '../features/account/components/TwoFactorSection';
import { useMe } from '../features/auth/api/useMe';
import { hasRole } from '../features/auth/roles';
import { EmailPreferencesSection } from '../features/work/components/EmailPreferencesSection';

export function AccountPage() {
  const { data: me } = useMe();
  if (!me) return null;
  // A session with an admin-set password, or without the two-factor sign-in its role requires,
  // may only fix that (the API refuses everything else); the sections keep their places so the
  // recovery codes stay on screen when the restriction lifts.
  const mustChangePassword = me.mustChangePassword;
  const mustEnrol = !mustChangePassword && me.totpEnrollmentRequired;
  const restricted = mustChangePassword || me.totpEnrollmentRequired;
  return (
    <Stack maw={820}>
      <Title order={2}>Your account</Title>
      <Card withBorder>
        <Text fw={600}>{me.displayName}</Text>
        <Text size="sm">{me.email}</Text>
        <Text size="sm" c="dimmed">
          {me.roles.map((role) => ROLE_LABELS[role]).join(', ')} · two-factor sign-in {me.totpEnabled ? 'on' : 'off'}
        </Text>
      </Card>
      {mustChangePassword && (
        <Alert color="yellow" title="Choose your own password" role="alert">
          You signed in with a one-time password from an administrator. Choose your own password to continue.
        </Alert>
      )}
      {mustEnrol && (
        <Alert color="yellow" title="Set up two-factor sign-in to continue" role="alert">
          Your clinic requires two-factor sign-in for your role. Set up an authenticator app below; the rest of Preauth
          opens once it is on.
        </Alert>
      )}
      {!mustEnrol && (
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            Password
          </Title>
          <ChangePasswordForm oneTime={mustChangePassword} />
        </Card>
      )}
      {!mustChangePassword && (
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            Two-factor sign-in
          </Title>
          <TwoFactorSection me={me} />
        </Card>
      )}
      {!restricted && (
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            Where you are signed in
          </Title>
          <SessionsSection />
        </Card>
      )}
      {!restricted && (
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            Email notifications
          </Title>
          <EmailPreferencesSection />
        </Card>
      )}
      {!restricted && (
        <Text size="sm" c="dimmed">
          {hasRole(me.roles, 'admin') ? (
            <>
              As an administrator you manage people on{' '}
              <Anchor component={Link} to="/settings/users" underline="always">
                Settings → Users
              </Anchor>{' '}
              and sign-in rules on{' '}
              <Anchor component={Link} to="/settings/security" underline="always">
                Settings → Security
              </Anchor>
              .
            </>
          ) : (
            'Your clinic’s administrators manage accounts and roles (Settings → Users): ask them to change your roles, reset a lost authenticator or link you to your physician record.'
          )}
        </Text>
      )}
    </Stack>
  );
}
