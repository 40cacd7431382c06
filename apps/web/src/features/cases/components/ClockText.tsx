import { Text, Tooltip } from '@mantine/core';
import { formatDateTime } from '../../../ui/format';
import type { CaseClock } from '../api/types';

export function ClockText({ clock, size = 'sm' }: { clock: CaseClock | null | undefined; size?: 'xs' | 'sm' | 'md' }) {
  if (!clock) {
    return (
      <Text size={size} c="dimmed" data-testid="clock-text">
        No running clock
      </Text>
    );
  }
  return (
    <Tooltip label={`${clock.label}: due ${formatDateTime(clock.dueAt)}`} withArrow>
      <Text
        size={size}
        c={clock.overdue ? 'red.9' : undefined}
        fw={clock.overdue ? 700 : undefined}
        tabIndex={0}
        data-testid="clock-text"
      >
        {clock.overdue ? '⚠ ' : ''}
        {clock.text}
      </Text>
    </Tooltip>
  );
}
