import { Badge, CloseButton, Group, UnstyledButton } from '@mantine/core';

/**
 * A case's tags as chips. With onPick a chip is a button (the list filters by it); with onRemove
 * each chip has its own remove button.
 */
export function TagChips({
  tags,
  onPick,
  onRemove,
  removing,
}: {
  tags: readonly string[];
  onPick?: (tag: string) => void;
  onRemove?: (tag: string) => void;
  removing?: boolean;
}) {
  if (!tags.length) return null;
  return (
    <Group gap={4} wrap="wrap" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="case-tags">
      {tags.map((tag) => {
        const badge = (
          <Badge
            variant="light"
            color="grape"
            radius="sm"
            tt="none"
            fw={500}
            maw={220}
            style={onPick ? { cursor: 'pointer' } : undefined}
            rightSection={
              onRemove ? (
                <CloseButton
                  size="xs"
                  aria-label={`Remove tag ${tag}`}
                  disabled={removing}
                  onClick={() => onRemove(tag)}
                  data-testid="remove-tag"
                />
              ) : undefined
            }
          >
            {tag}
          </Badge>
        );
        return (
          <li key={tag} data-testid="tag-chip">
            {onPick ? (
              <UnstyledButton onClick={() => onPick(tag)} aria-label={`Show the cases tagged ${tag}`} title={tag}>
                {badge}
              </UnstyledButton>
            ) : (
              badge
            )}
          </li>
        );
      })}
    </Group>
  );
}
