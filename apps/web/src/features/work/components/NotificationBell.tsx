import { Suspense, useEffect, useState } from 'react';
import { usePageDataReleased } from '../../../app/after-page-data';
import { lazyWithPreload } from '../../../ui/lazy-with-preload';
import { useNotifications } from '../api/useNotifications';
import { BellButton } from './BellButton';

// The popover's code (Mantine's popover, focus trap and portal, about 8 KB compressed) is not
// needed to draw the page: it loads once the page is drawn, or at the first press if that comes
// sooner.
const NotificationPopover = lazyWithPreload(async () => (await import('./NotificationPopover')).NotificationPopover);

/** The header's bell: unread count, the latest notifications, mark read. */
export function NotificationBell() {
  const notifications = useNotifications();
  const unread = notifications.data?.unreadCount ?? 0;
  const [pressed, setPressed] = useState(false);
  const released = usePageDataReleased();
  useEffect(() => {
    if (released) void NotificationPopover.preload();
  }, [released]);

  const bell = (
    <BellButton
      unread={unread}
      onClick={() => setPressed(true)}
      onPointerEnter={() => void NotificationPopover.preload()}
      onFocus={() => void NotificationPopover.preload()}
      expanded={false}
    />
  );
  return pressed ? (
    <Suspense fallback={bell}>
      <NotificationPopover />
    </Suspense>
  ) : (
    bell
  );
}
