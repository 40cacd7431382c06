import { Text } from '@mantine/core';
import { lazy, Suspense, useRef, useState } from 'react';
import { formatDateTime } from '../../../ui/format';
import type { CaseClock } from '../api/types';

// Mantine's tooltip and its positioning code (about 5 KB compressed) load with the first hint
// wanted: a phone, which has no hover, rarely needs it, and a list's first paint does not wait for it.
const ClockHint = lazy(async () => ({ default: (await import('./ClockHint')).ClockHint }));

export function ClockText({ clock, size = 'sm' }: { clock: CaseClock | null | undefined; size?: 'xs' | 'sm' | 'md' }) {
  const ref = useRef<HTMLParagraphElement>(null);
  // The due date and time shows on hover or keyboard focus. A list draws a clock on every row, and
  // a tooltip per row (floating-ui's hooks, listeners and effects) was a fifth of what a phone did
  // to draw a hundred-row worklist: a clock has its tooltip only from the first time it is wanted.
  const [hint, setHint] = useState<boolean>();
  if (!clock) {
    return (
      <Text size={size} c="dimmed" data-testid="clock-text">
        No running clock
      </Text>
    );
  }
  return (
    <>
      <Text
        ref={ref}
        size={size}
        c={clock.overdue ? 'red.9' : undefined}
        fw={clock.overdue ? 700 : undefined}
        tabIndex={0}
        data-testid="clock-text"
        onMouseEnter={() => setHint(true)}
        onMouseLeave={() => setHint(false)}
        onFocus={() => setHint(true)}
        onBlur={() => setHint(false)}
      >
        {clock.overdue ? '⚠ ' : ''}
        {clock.text}
      </Text>
      {hint !== undefined && (
        <Suspense fallback={null}>
          <ClockHint target={ref} opened={hint} label={`${clock.label}: due ${formatDateTime(clock.dueAt)}`} />
        </Suspense>
      )}
    </>
  );
}
