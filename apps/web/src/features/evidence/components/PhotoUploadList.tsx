import { Alert, Button, Group, NumberInput, Paper, Progress, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { PhotoFields } from '../api/types';
import type { UploadItem } from '../api/usePhotoUploads';

interface PhotoUploadListProps {
  items: readonly UploadItem[];
  onChange: (key: string, fields: PhotoFields) => void;
  onUpload: (item: UploadItem) => void;
  onRemove: (key: string) => void;
}

export function fieldProblems(fields: PhotoFields): string[] {
  const problems: string[] = [];
  if (!fields.bodySite.trim()) problems.push('Name the body site.');
  if (!Number.isInteger(fields.lesionCount) || fields.lesionCount < 0 || fields.lesionCount > 10000)
    problems.push('Count the lesions (0–10,000).');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(fields.takenAt)) problems.push('Give the date the photo was taken.');
  return problems;
}

function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

// One card per chosen file: its fields, then its progress or the API's reason for refusing it.
export function PhotoUploadList({ items, onChange, onUpload, onRemove }: PhotoUploadListProps) {
  return (
    <Stack gap="sm" data-testid="upload-list">
      {items.map((item) => {
        const editable = item.state === 'pending' || item.state === 'failed';
        const set = (change: Partial<PhotoFields>) => onChange(item.key, { ...item.fields, ...change });
        const problems = fieldProblems(item.fields);
        return (
          <Paper
            key={item.key}
            withBorder
            p="sm"
            data-testid="upload-item"
            data-state={item.state}
            aria-label={`Upload of ${item.file.name}`}
            component="section"
          >
            <Group justify="space-between" mb="xs" wrap="nowrap">
              <Text size="sm" fw={600} truncate>
                {item.file.name}
              </Text>
              <Text size="xs" c="dimmed">
                {formatSize(item.file.size)}
              </Text>
            </Group>
            {editable && (
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                <TextInput
                  label="Body site"
                  required
                  size="xs"
                  maxLength={120}
                  value={item.fields.bodySite}
                  onChange={(e) => set({ bodySite: e.currentTarget.value })}
                />
                <NumberInput
                  label="Lesion count"
                  required
                  size="xs"
                  min={0}
                  max={10000}
                  allowDecimal={false}
                  allowNegative={false}
                  value={item.fields.lesionCount}
                  onChange={(value) => set({ lesionCount: typeof value === 'number' ? value : Number.NaN })}
                />
                <TextInput
                  label="Taken on"
                  type="date"
                  required
                  size="xs"
                  value={item.fields.takenAt}
                  onChange={(e) => set({ takenAt: e.currentTarget.value })}
                />
                <TextInput
                  label="Caption"
                  size="xs"
                  maxLength={500}
                  value={item.fields.caption ?? ''}
                  onChange={(e) => set({ caption: e.currentTarget.value })}
                />
              </SimpleGrid>
            )}
            {item.state === 'uploading' && (
              <Progress
                value={Math.round(item.progress * 100)}
                aria-label={`Uploading ${item.file.name}`}
                size="lg"
                striped
                animated
                mt="xs"
                data-testid="upload-progress"
              />
            )}
            {item.state === 'done' && (
              <Text size="sm" c="teal" mt="xs">
                Uploaded.
              </Text>
            )}
            {item.state === 'failed' && item.error && (
              <Alert color="red" mt="xs" p="xs" role="alert" title="Not uploaded" data-testid="upload-error">
                {item.error}
              </Alert>
            )}
            {editable && (
              <Group justify="flex-end" gap="xs" mt="xs">
                {problems.length > 0 && (
                  <Text size="xs" c="dimmed" mr="auto">
                    {problems.join(' ')}
                  </Text>
                )}
                <Button size="xs" variant="default" onClick={() => onRemove(item.key)}>
                  Remove
                </Button>
                <Button size="xs" disabled={problems.length > 0} onClick={() => onUpload(item)}>
                  {item.state === 'failed' ? 'Try again' : 'Upload'}
                </Button>
              </Group>
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}
