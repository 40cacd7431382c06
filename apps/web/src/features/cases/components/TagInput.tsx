import { Autocomplete, Button, Group } from '@mantine/core';
import { caseTagKey, caseTagProblem, CASE_TAG_MAX_LENGTH, normalizeCaseTag } from '@preauth/domain';
import { useState } from 'react';
import { useTagsInUse } from '../api/useCaseTags';

/** "Tag is longer than 40 characters": the domain's reason under the field's name. */
export const tagError = (text: string) => {
  const problem = caseTagProblem(text);
  return problem ? `Tag ${problem}` : null;
};

/**
 * A tag to add: the clinic's tags in use as you type, or a new one that follows the domain's
 * rules (checked here with the server's words before it is sent).
 */
export function TagInput({
  onAdd,
  label = 'Tag',
  buttonLabel = 'Add tag',
  has = [],
  loading,
  disabled,
  serverError,
  testId = 'tag-input',
  autoFocus,
  onEscape,
}: {
  onAdd: (tag: string) => Promise<unknown> | void;
  label?: string;
  buttonLabel?: string;
  /** Tags already there, not offered again. */
  has?: readonly string[];
  loading?: boolean;
  disabled?: boolean;
  serverError?: string | null;
  testId?: string;
  autoFocus?: boolean;
  /** Escape in an empty box: the caller may put the box away. */
  onEscape?: () => void;
}) {
  const inUse = useTagsInUse();
  const [text, setText] = useState('');
  const [touched, setTouched] = useState(false);
  const hasKeys = new Set(has.map(caseTagKey));
  const options = (inUse.data ?? []).map((t) => t.tag).filter((tag) => !hasKeys.has(caseTagKey(tag)));
  const problem = touched && text !== '' ? tagError(text) : null;
  const submit = async () => {
    setTouched(true);
    if (tagError(text)) return;
    try {
      await onAdd(normalizeCaseTag(text));
    } catch {
      return; // the caller shows the server's answer (serverError); the text stays to be fixed
    }
    setText('');
    setTouched(false);
  };
  return (
    <Group align="flex-start" gap="xs" wrap="nowrap">
      <Autocomplete
        label={label}
        placeholder="e.g. needs photos"
        data={options}
        limit={8}
        value={text}
        onChange={(value) => {
          setText(value);
          if (value.length > CASE_TAG_MAX_LENGTH) setTouched(true);
        }}
        onKeyDown={(event) => {
          // Enter on a highlighted suggestion picks it (the list's own Enter); Enter on the text adds it.
          const picking = event.currentTarget.getAttribute('aria-activedescendant');
          if (event.key === 'Escape' && text === '' && onEscape) onEscape();
          if (event.key === 'Enter' && !event.nativeEvent.isComposing && !picking) {
            event.preventDefault();
            void submit();
          }
        }}
        error={problem ?? serverError ?? undefined}
        disabled={disabled}
        autoFocus={autoFocus}
        w={200}
        data-testid={testId}
      />
      <Button
        variant="default"
        mt={25}
        loading={loading}
        disabled={disabled || text.trim() === ''}
        onClick={() => void submit()}
      >
        {buttonLabel}
      </Button>
    </Group>
  );
}
