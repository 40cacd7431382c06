import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { caseTagLimitProblem } from '@preauth/domain';
import { errorText } from '../../../ui/server-errors';
import { useCaseTagChange } from '../api/useCaseTags';
import { TagChips } from './TagChips';
import { TagInput } from './TagInput';

/**
 * The case's tags, each removable, and "Add tag", which opens a box (the clinic's tags offered as
 * you type): the header of a case stays short on a phone until someone tags it.
 */
export function CaseTags({ caseId, tags }: { caseId: string; tags: readonly string[] }) {
  const change = useCaseTagChange(caseId);
  const [adding, setAdding] = useState(false);
  const full = caseTagLimitProblem(tags.length);
  const close = () => {
    setAdding(false);
    change.reset();
  };
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" mt="xs" component="section" aria-label="Tags">
      {tags.length > 0 && (
        <TagChips tags={tags} onRemove={(tag) => change.mutate({ remove: tag })} removing={change.isPending} />
      )}
      {full ? (
        <Text size="xs" c="dimmed">
          {full}
        </Text>
      ) : adding ? (
        <Group gap="xs" align="flex-start" wrap="wrap">
          <TagInput
            label="Add a tag"
            buttonLabel="Add"
            has={tags}
            onAdd={async (tag) => {
              await change.mutateAsync({ add: tag });
              setAdding(false);
            }}
            loading={change.isPending}
            serverError={change.error ? errorText(change.error) : null}
            testId="case-tag-input"
            autoFocus
            onEscape={close}
          />
          <Button variant="subtle" size="sm" mt={25} onClick={close}>
            Cancel
          </Button>
        </Group>
      ) : (
        <Button variant="subtle" size="compact-sm" onClick={() => setAdding(true)}>
          + Add tag
        </Button>
      )}
    </Group>
  );
}
