import { createBrowserRouter } from 'react-router';
import { AppShellLayout } from './AppShellLayout';
import { NotFoundPage } from '../pages/NotFoundPage';

export const router = createBrowserRouter([
  {
    path: '/',
    element: <AppShellLayout />,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('../pages/HomePage')).HomePage }) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
