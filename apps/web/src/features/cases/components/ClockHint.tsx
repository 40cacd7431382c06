import { Tooltip } from '@mantine/core';
import type { RefObject } from 'react';

/** A clock's due date and time, beside it (ClockText loads this the first time it is wanted). */
export function ClockHint({
  target,
  opened,
  label,
}: {
  target: RefObject<HTMLElement | null>;
  opened: boolean;
  label: string;
}) {
  return <Tooltip target={target} opened={opened} label={label} withArrow />;
}
