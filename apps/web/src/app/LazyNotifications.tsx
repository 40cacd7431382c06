import { useNotifications, type NotificationsProps } from '@mantine/notifications';
import { Suspense, useState } from 'react';
import { lazyWithPreload } from '../ui/lazy-with-preload';

// The toast container and its transitions load with the first toast, not with every page: the
// store that notifications.show() writes to is small and holds the toast until the container
// mounts and shows it.
const Notifications = lazyWithPreload(async () => (await import('./Toasts')).Notifications);

export function LazyNotifications(props: NotificationsProps) {
  const { notifications } = useNotifications();
  const [needed, setNeeded] = useState(false);
  // Mounted once and kept: a toast closing must still play its exit transition.
  if (!needed && notifications.length > 0) setNeeded(true);
  return needed ? (
    <Suspense fallback={null}>
      <Notifications {...props} />
    </Suspense>
  ) : null;
}
