import { Center, Loader } from '@mantine/core';
import { createBrowserRouter } from 'react-router';
import { RequireAuth } from '../features/auth/components/RequireAuth';
import { NotFoundPage } from '../pages/NotFoundPage';
import { AppShellLayout } from './AppShellLayout';

// Shown while the first page's chunk loads.
function PageLoading() {
  return (
    <Center h="100vh">
      <Loader aria-label="Loading" />
    </Center>
  );
}

// Every page is its own chunk: the first load only carries the shell and the sign-in form.
export const router = createBrowserRouter([
  {
    path: '/sign-in',
    hydrateFallbackElement: <PageLoading />,
    lazy: async () => ({ Component: (await import('../pages/SignInPage')).SignInPage }),
  },
  {
    element: <RequireAuth />,
    hydrateFallbackElement: <PageLoading />,
    children: [
      {
        path: '/',
        element: <AppShellLayout />,
        children: [
          { index: true, lazy: async () => ({ Component: (await import('../pages/HomeRedirect')).HomeRedirect }) },
          { path: 'worklist', lazy: async () => ({ Component: (await import('../pages/WorklistPage')).WorklistPage }) },
          { path: 'my-cases', lazy: async () => ({ Component: (await import('../pages/MyCasesPage')).MyCasesPage }) },
          { path: 'board', lazy: async () => ({ Component: (await import('../pages/BoardPage')).BoardPage }) },
          { path: 'cases', lazy: async () => ({ Component: (await import('../pages/CaseListPage')).CaseListPage }) },
          { path: 'cases/new', lazy: async () => ({ Component: (await import('../pages/NewCasePage')).NewCasePage }) },
          { path: 'cases/:id', lazy: async () => ({ Component: (await import('../pages/CasePage')).CasePage }) },
          { path: 'reports', lazy: async () => ({ Component: (await import('../pages/ReportsPage')).ReportsPage }) },
          { path: 'account', lazy: async () => ({ Component: (await import('../pages/AccountPage')).AccountPage }) },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
