import { Center, Loader, Stack, Text } from '@mantine/core';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RequireAuth } from '../features/auth/components/RequireAuth';
import { SignInPage } from '../pages/SignInPage';

// Shown while a signed-in page's first chunks load: words as well as the spinner, so that a slow
// phone shows at once that the app is on its way (a spinner alone is no content to the browser,
// whose first paint then waited for the whole page).
function PageLoading() {
  return (
    <Center h="100vh">
      <Stack align="center" gap="xs">
        <Loader aria-label="Loading" />
        <Text size="sm" c="dimmed">
          Loading Preauth…
        </Text>
      </Stack>
    </Center>
  );
}

// Every signed-in page, and the shell around them, is its own chunk: the first load carries the
// router, the providers and the sign-in page, then only the page it shows.
const routes: RouteObject[] = [
  // Not lazy: every session starts here, and the form in the first render beats a spinner, then a
  // second round trip for the page's chunk, then a second render.
  { path: '/sign-in', Component: SignInPage },
  // Before the invitee has a password: outside RequireAuth.
  {
    path: '/invitation',
    hydrateFallbackElement: <PageLoading />,
    lazy: async () => ({ Component: (await import('../pages/InvitationPage')).InvitationPage }),
  },
  {
    element: <RequireAuth />,
    hydrateFallbackElement: <PageLoading />,
    children: [
      // The patient's page on the clinic's tablet: no navigation around it.
      {
        path: '/cases/:id/waiver',
        lazy: async () => ({ Component: (await import('../pages/WaiverSigningPage')).WaiverSigningPage }),
      },
      {
        path: '/',
        lazy: async () => ({ Component: (await import('./AppShellLayout')).AppShellLayout }),
        children: [
          { index: true, lazy: async () => ({ Component: (await import('../pages/HomeRedirect')).HomeRedirect }) },
          { path: 'worklist', lazy: async () => ({ Component: (await import('../pages/WorklistPage')).WorklistPage }) },
          { path: 'my-cases', lazy: async () => ({ Component: (await import('../pages/MyCasesPage')).MyCasesPage }) },
          { path: 'board', lazy: async () => ({ Component: (await import('../pages/BoardPage')).BoardPage }) },
          { path: 'cases', lazy: async () => ({ Component: (await import('../pages/CaseListPage')).CaseListPage }) },
          { path: 'cases/new', lazy: async () => ({ Component: (await import('../pages/NewCasePage')).NewCasePage }) },
          { path: 'cases/:id', lazy: async () => ({ Component: (await import('../pages/CasePage')).CasePage }) },
          {
            path: 'views',
            lazy: async () => ({ Component: (await import('../pages/SavedViewsPage')).SavedViewsPage }),
          },
          { path: 'reports', lazy: async () => ({ Component: (await import('../pages/ReportsPage')).ReportsPage }) },
          { path: 'account', lazy: async () => ({ Component: (await import('../pages/AccountPage')).AccountPage }) },
          {
            path: 'settings/deadline-rules',
            lazy: async () => ({ Component: (await import('../pages/settings/DeadlineRulesPage')).DeadlineRulesPage }),
          },
          {
            path: 'settings/diagnosis-terms',
            lazy: async () => ({ Component: (await import('../pages/settings/LayTermsPage')).LayTermsPage }),
          },
          {
            path: 'settings/audit',
            lazy: async () => ({ Component: (await import('../pages/settings/AuditLogPage')).AuditLogPage }),
          },
          {
            path: 'settings/payers',
            lazy: async () => ({ Component: (await import('../pages/settings/PayersPage')).PayersPage }),
          },
          {
            path: 'settings/payer-rules',
            lazy: async () => ({ Component: (await import('../pages/settings/PayerRulesPage')).PayerRulesPage }),
          },
          {
            path: 'settings/physicians',
            lazy: async () => ({ Component: (await import('../pages/settings/PhysiciansPage')).PhysiciansPage }),
          },
          {
            path: 'settings/users',
            lazy: async () => ({ Component: (await import('../pages/settings/UsersPage')).UsersPage }),
          },
          {
            path: 'settings/security',
            lazy: async () => ({ Component: (await import('../pages/settings/SecurityPage')).SecurityPage }),
          },
          {
            path: 'settings/notifications',
            lazy: async () => ({
              Component: (await import('../pages/settings/NotificationSettingsPage')).NotificationSettingsPage,
            }),
          },
          {
            path: 'settings/jobs',
            lazy: async () => ({
              Component: (await import('../pages/settings/BackgroundJobsPage')).BackgroundJobsPage,
            }),
          },
          {
            path: 'settings/clinic',
            lazy: async () => ({ Component: (await import('../pages/settings/ClinicProfilePage')).ClinicProfilePage }),
          },
          { path: '*', lazy: async () => ({ Component: (await import('../pages/NotFoundPage')).NotFoundPage }) },
        ],
      },
    ],
  },
];

// Made on demand (app/App.tsx makes it at the first render): a router starts loading its page's
// chunks as it is made.
export const createAppRouter = () => createBrowserRouter(routes);
