import { ActionIcon, Indicator } from '@mantine/core';
import type { ReactElement, ReactNode, Ref } from 'react';

function BellIcon() {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
      <path d="M13.73 21a2 2 0 0 1-3.46 0" />
    </svg>
  );
}

interface BellButtonProps {
  unread: number;
  onClick: () => void;
  onPointerEnter?: () => void;
  onFocus?: () => void;
  buttonRef?: Ref<HTMLButtonElement>;
  expanded?: boolean;
  /** Wraps the button (the popover's target) inside the unread badge. */
  target?: (button: ReactElement) => ReactNode;
}

/** The header's bell with its unread count, with or without its popover (NotificationBell). */
export function BellButton({ unread, onClick, onPointerEnter, onFocus, buttonRef, expanded, target }: BellButtonProps) {
  const button = (
    <ActionIcon
      ref={buttonRef}
      variant="default"
      size="lg"
      onClick={onClick}
      onPointerEnter={onPointerEnter}
      onFocus={onFocus}
      aria-label={unread ? `Notifications: ${unread} unread` : 'Notifications'}
      aria-haspopup="dialog"
      aria-expanded={expanded}
    >
      <BellIcon />
    </ActionIcon>
  );
  // The target is the button itself: the popover's ARIA attributes belong on it, not on the badge.
  return (
    <Indicator label={unread} size={16} disabled={unread === 0} offset={4} data-testid="bell-count">
      {target ? target(button) : button}
    </Indicator>
  );
}
