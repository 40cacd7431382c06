import { Alert, Button, Card, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useSetSigningPolicy } from '../api/useSetSigningPolicy';

/** The clinic's rule on who signs a case's letters: any physician (the letter names both) or only the ordering one. */
export function SigningPolicyCard({ saved }: { saved: boolean }) {
  const save = useSetSigningPolicy();
  // Null until the admin flips the switch: until then it shows what is saved.
  const [draft, setDraft] = useState<boolean | null>(null);
  const value = draft ?? saved;
  const changed = value !== saved;

  const handleSave = () => {
    save.mutate(
      { onlyOrderingPhysicianSigns: value },
      {
        onSuccess: () => {
          setDraft(null);
          notifications.show({ color: 'teal', message: 'Signing policy saved.' });
        },
      },
    );
  };

  return (
    <Card withBorder>
      <Stack>
        <Title order={3} size="h4">
          Signing letters
        </Title>
        <Text size="sm">
          By default any physician may sign a colleague’s letter: the letter then names both (“Ordering physician: …;
          signed by …”). Some payers and auditors accept a letter only from the physician who ordered the care.
        </Text>
        <Switch
          label="Only the ordering physician signs a case’s letters"
          description="A physician is told before signing, and the server refuses the signature, on cases ordered by someone else."
          checked={value}
          onChange={(event) => setDraft(event.currentTarget.checked)}
        />
        {save.isError && (
          <Alert color="red" role="alert" title="Not saved">
            {save.error.message}
          </Alert>
        )}
        <Group>
          <Button onClick={handleSave} loading={save.isPending} disabled={!changed}>
            Save signing policy
          </Button>
          {!changed && (
            <Text size="sm" c="dimmed">
              {saved ? 'On: only the ordering physician signs.' : 'Off: any physician may sign.'}
            </Text>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
