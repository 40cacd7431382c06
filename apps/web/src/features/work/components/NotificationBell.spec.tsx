import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { resetAfterPageData } from '../../../app/after-page-data';
import { createTestClient, renderWithProviders } from '../../../test-utils';
import { workKeys } from '../api/work-keys';
import { NotificationBell } from './NotificationBell';

function clientWithNotifications() {
  const client = createTestClient();
  client.setQueryData(workKeys.notifications(), {
    unreadCount: 1,
    items: [
      {
        id: '00000000-0000-4000-8000-0000000000a1',
        caseId: null,
        caseNumber: 'PA-2026-000123',
        createdAt: '2026-12-01T15:00:00.000Z',
        kind: 'task_assigned',
        readAt: null,
        taskId: null,
        text: 'Task for you: document the findings',
      },
    ],
  });
  return client;
}

describe('NotificationBell', () => {
  beforeEach(() => resetAfterPageData());

  it('shows the unread count before its popover has loaded, then opens it at the first press, keeping focus on the bell', async () => {
    const user = userEvent.setup({ delay: null });
    renderWithProviders(<NotificationBell />, clientWithNotifications());
    const bell = screen.getByRole('button', { name: 'Notifications: 1 unread' });
    expect(bell).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('list', { name: 'Notifications' })).not.toBeInTheDocument();

    await user.click(bell);
    const list = await screen.findByRole('list', { name: 'Notifications' });
    expect(within(list).getByText('Task for you: document the findings')).toBeInTheDocument();
    // The bell that now carries the popover is the one focused, as the pressed one was.
    const opened = screen.getByRole('button', { name: 'Notifications: 1 unread' });
    expect(opened).toHaveAttribute('aria-expanded', 'true');
    expect(opened).toHaveFocus();

    await user.click(opened);
    expect(opened).toHaveAttribute('aria-expanded', 'false');
  });
});
