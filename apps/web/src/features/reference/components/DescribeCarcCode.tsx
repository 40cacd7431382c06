import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { CARC_DESCRIPTION_MAX, checkCarcDescription } from '@preauth/domain';
import { useState } from 'react';
import { isApiError } from '../../../ui/server-errors';
import { useAddCarcDescription } from '../api/useAddCarcDescription';

/** "Add description" beside a denial code nobody described yet (managers only). */
export function DescribeCarcCode({ code }: { code: string }) {
  const [open, setOpen] = useState(false);
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = useAddCarcDescription();

  const handleSave = async (event: React.FormEvent) => {
    event.preventDefault();
    const [problem] = checkCarcDescription(code, description);
    if (problem) {
      setError(problem.reason);
      return;
    }
    try {
      await add.mutateAsync({ code, description: description.trim() });
      notifications.show({ color: 'teal', title: 'Description added', message: `${code} is described for everyone.` });
      setOpen(false);
    } catch (e) {
      setError(isApiError(e) ? (e.body.message ?? e.message) : 'Something went wrong.');
    }
  };

  return (
    <>
      <Button size="compact-xs" variant="subtle" onClick={() => setOpen(true)}>
        Add description
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={`Describe ${code}`}>
        <form onSubmit={(event) => void handleSave(event)} noValidate aria-label={`Describe ${code}`}>
          <Stack>
            <Text size="sm">
              Once described, {code} shows with this description on every case and report. It can be added once.
            </Text>
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <TextInput
              label="What the code means"
              description="As the payer's notice or the X12 list words it."
              required
              maxLength={CARC_DESCRIPTION_MAX}
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" loading={add.isPending}>
                Save description
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
