import { Group, Text } from '@mantine/core';
import { caseTagLimitProblem } from '@preauth/domain';
import { errorText } from '../../../ui/server-errors';
import { useCaseTagChange } from '../api/useCaseTags';
import { TagChips } from './TagChips';
import { TagInput } from './TagInput';

/** The case's tags, each removable, and a box to add one (the clinic's tags offered as you type). */
export function CaseTags({ caseId, tags }: { caseId: string; tags: readonly string[] }) {
  const change = useCaseTagChange(caseId);
  const full = caseTagLimitProblem(tags.length);
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" mt="xs" component="section" aria-label="Tags">
      {tags.length ? (
        <TagChips tags={tags} onRemove={(tag) => change.mutate({ remove: tag })} removing={change.isPending} />
      ) : (
        <Text size="sm" c="dimmed" mb={8}>
          No tags
        </Text>
      )}
      {full ? (
        <Text size="xs" c="dimmed">
          {full}
        </Text>
      ) : (
        <TagInput
          label="Add a tag"
          buttonLabel="Add"
          has={tags}
          onAdd={(tag) => change.mutateAsync({ add: tag })}
          loading={change.isPending}
          serverError={change.error ? errorText(change.error) : null}
          testId="case-tag-input"
        />
      )}
    </Group>
  );
}
