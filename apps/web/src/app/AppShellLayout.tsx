import { AppShell, Burger, Button, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { ROLE_LABELS, type Role } from '@preauth/domain';
import { Suspense } from 'react';
import { Navigate, NavLink as RouterNavLink, Outlet, ScrollRestoration, useLocation, useNavigate } from 'react-router';
import { useMe } from '../features/auth/api/useMe';
import { useReleaseAfterPageData } from './after-page-data';
import { useLogout } from '../features/auth/api/useLogout';
import { hasRole, managesClinicData, worksCases } from '../features/auth/roles';
import { HealthBadge } from '../features/health/components/HealthBadge';
import { NotificationBell } from '../features/work/components/NotificationBell';
import { PinnedViewLinks } from '../features/views/components/PinnedViewLinks';
import { KeyboardShortcuts } from './KeyboardShortcuts';
import { LazyNotifications } from './LazyNotifications';

interface NavItem {
  to: string;
  label: string;
  visible: (roles: readonly Role[]) => boolean;
  // Settings pages are listed under one heading, after the daily work.
  group?: 'settings';
}

const NAV_ITEMS: NavItem[] = [
  { to: '/worklist', label: 'Worklist', visible: worksCases },
  { to: '/my-cases', label: 'My cases', visible: (roles) => hasRole(roles, 'physician') },
  { to: '/board', label: 'Board', visible: worksCases },
  { to: '/cases', label: 'All cases', visible: worksCases },
  { to: '/cases/new', label: 'New case', visible: worksCases },
  { to: '/reports', label: 'Reports', visible: (roles) => hasRole(roles, 'manager', 'admin') },
  { to: '/account', label: 'Account', visible: () => true },
  { to: '/settings/deadline-rules', label: 'Deadline rules', visible: managesClinicData, group: 'settings' },
  { to: '/settings/payers', label: 'Payers', visible: managesClinicData, group: 'settings' },
  { to: '/settings/payer-rules', label: 'Payer rules', visible: managesClinicData, group: 'settings' },
  { to: '/settings/physicians', label: 'Physicians', visible: managesClinicData, group: 'settings' },
  { to: '/settings/diagnosis-terms', label: 'Diagnosis search terms', visible: managesClinicData, group: 'settings' },
  { to: '/settings/notifications', label: 'Notifications', visible: managesClinicData, group: 'settings' },
  { to: '/settings/audit', label: 'Audit log', visible: managesClinicData, group: 'settings' },
  { to: '/settings/users', label: 'Users', visible: (roles) => hasRole(roles, 'admin'), group: 'settings' },
  { to: '/settings/security', label: 'Security', visible: (roles) => hasRole(roles, 'admin'), group: 'settings' },
  { to: '/settings/clinic', label: 'Clinic profile', visible: (roles) => hasRole(roles, 'admin'), group: 'settings' },
  { to: '/settings/jobs', label: 'Background jobs', visible: (roles) => hasRole(roles, 'admin'), group: 'settings' },
];

export function AppShellLayout() {
  const [opened, { toggle, close }] = useDisclosure(false);
  useReleaseAfterPageData();
  const { data: me } = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  const roles = me?.roles ?? [];
  // An admin-set password or a missing required second factor: the API allows nothing but fixing
  // it, so the account page is the only place to be.
  const restricted = !!me && (me.mustChangePassword || me.totpEnrollmentRequired);
  const visibleItems = NAV_ITEMS.filter((item) => (restricted ? item.to === '/account' : item.visible(roles)));
  const settingsItems = visibleItems.filter((item) => item.group === 'settings');

  const handleSignOut = () => {
    logout.mutate(undefined, { onSettled: () => void navigate('/sign-in', { replace: true }) });
  };

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'md', collapsed: { mobile: !opened } }}
      padding="md"
    >
      {/* Only signed-in pages raise notifications: here they stay out of the sign-in page's bundle. */}
      <LazyNotifications position="bottom-right" />
      {me && <KeyboardShortcuts />}
      <AppShell.Header>
        <Group h="100%" px={{ base: 'xs', xs: 'md' }} justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="md"
              size="sm"
              aria-label={opened ? 'Close navigation' : 'Open navigation'}
            />
            <Title order={1} size="h3">
              Preauth
            </Title>
            <Text c="dimmed" size="sm" visibleFrom="lg">
              Pre-authorizations and appeals
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <HealthBadge afterPageData />
            {me && <NotificationBell />}
            {me && (
              <Text size="sm" visibleFrom="sm" data-testid="signed-in-user">
                {me.displayName} · {me.roles.map((role) => ROLE_LABELS[role]).join(', ')}
              </Text>
            )}
            {/* Never squeezed: at 360 px it was cut to "Sign ou". */}
            <Button
              variant="default"
              size="xs"
              onClick={handleSignOut}
              loading={logout.isPending}
              style={{ flexShrink: 0 }}
            >
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main navigation">
        <Stack gap={2}>
          {visibleItems
            .filter((item) => !item.group)
            .map((item) => (
              <NavLink key={item.to} component={RouterNavLink} to={item.to} end label={item.label} onClick={close} />
            ))}
          {/* A user's pinned views come after the lists they are views of. */}
          {!restricted && worksCases(roles) && <PinnedViewLinks onNavigate={close} />}
          {settingsItems.length > 0 && (
            <>
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="md" pb={4} component="h2">
                Settings
              </Text>
              {settingsItems.map((item) => (
                <NavLink key={item.to} component={RouterNavLink} to={item.to} end label={item.label} onClick={close} />
              ))}
            </>
          )}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>
        <ScrollRestoration />
        <Suspense>
          {restricted && location.pathname !== '/account' ? <Navigate to="/account" replace /> : <Outlet />}
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
