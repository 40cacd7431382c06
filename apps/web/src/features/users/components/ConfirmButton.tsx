import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';

interface ConfirmButtonProps {
  label: string;
  /** What will happen, asked before it does. */
  question: string;
  onConfirm: () => void;
  loading?: boolean;
  disabled?: boolean;
  color?: string;
}

// A two-step button for acts that cannot be undone from this screen; both steps are plain
// buttons, so the keyboard reaches them in order.
export function ConfirmButton({ label, question, onConfirm, loading, disabled, color = 'red' }: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <Button variant="default" size="xs" onClick={() => setAsking(true)} disabled={disabled}>
        {label}
      </Button>
    );
  }
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm">{question}</Text>
      <Button
        size="xs"
        color={color}
        loading={loading}
        autoFocus
        onClick={() => {
          onConfirm();
          setAsking(false);
        }}
      >
        Yes, {label.toLowerCase()}
      </Button>
      <Button size="xs" variant="subtle" onClick={() => setAsking(false)}>
        Cancel
      </Button>
    </Group>
  );
}
