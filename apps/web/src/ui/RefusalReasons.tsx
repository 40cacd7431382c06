import { Alert, List } from '@mantine/core';

/** Why the server did not record a step, in its own words; nothing when there is no reason. */
export function RefusalReasons({ reasons }: { reasons: readonly string[] }) {
  if (reasons.length === 0) return null;
  return (
    <Alert color="red" role="alert" title="Not recorded">
      <List size="sm">
        {reasons.map((reason) => (
          <List.Item key={reason}>{reason}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
