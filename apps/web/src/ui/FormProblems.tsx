import { Alert, Button, Group } from '@mantine/core';

/** What the server refused that no field of the form could show, above the form. */
export function FormProblems({ title, problems }: { title: string; problems: readonly string[] }) {
  if (problems.length === 0) return null;
  return (
    <Alert color="red" role="alert" title={title}>
      {problems.join(' ')}
    </Alert>
  );
}

/** Cancel and submit, at the foot of a form in a dialog or a card. */
export function FormActions({
  onCancel,
  submitLabel,
  submitting,
}: {
  onCancel: () => void;
  submitLabel: string;
  submitting: boolean;
}) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" loading={submitting}>
        {submitLabel}
      </Button>
    </Group>
  );
}
