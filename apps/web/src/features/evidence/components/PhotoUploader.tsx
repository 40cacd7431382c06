import { Button, FileButton, Group, Paper, Stack, Text } from '@mantine/core';
import { useCallback, useState, type DragEvent } from 'react';
import { todayInClinic } from '../../../ui/format';
import type { PhotoFields } from '../api/types';
import { usePhotoUploads } from '../api/usePhotoUploads';
import { fieldProblems, PhotoUploadList } from './PhotoUploadList';

interface PhotoUploaderProps {
  caseId: string;
  // Prefilled from the case's first procedure line; the physician corrects them per photo.
  defaultBodySite?: string;
  defaultLesionCount?: number;
}

export function PhotoUploader({ caseId, defaultBodySite = '', defaultLesionCount = 0 }: PhotoUploaderProps) {
  const defaults = useCallback(
    (): PhotoFields => ({
      bodySite: defaultBodySite,
      lesionCount: defaultLesionCount,
      takenAt: todayInClinic(),
      caption: '',
    }),
    [defaultBodySite, defaultLesionCount],
  );
  const uploads = usePhotoUploads(caseId, defaults);
  const [dragging, setDragging] = useState(false);

  const handleDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const files = Array.from(event.dataTransfer.files);
    if (files.length) uploads.add(files);
  };

  const waiting = uploads.items.filter((item) => item.state === 'pending' && fieldProblems(item.fields).length === 0);

  return (
    <Stack gap="sm">
      <Paper
        withBorder
        p="md"
        data-testid="photo-dropzone"
        data-dragging={dragging}
        onDragOver={(event: DragEvent<HTMLDivElement>) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={handleDrop}
        style={{
          borderStyle: 'dashed',
          borderWidth: 2,
          background: dragging ? 'var(--mantine-color-blue-light)' : undefined,
        }}
      >
        <Group justify="center" gap="sm">
          <Text size="sm" c="dimmed">
            Drop photos here, or
          </Text>
          <FileButton
            onChange={(files) => uploads.add(files)}
            multiple
            accept="image/jpeg,image/png,image/webp,image/heic,image/heif"
            inputProps={{ 'aria-label': 'Choose photos to upload' }}
          >
            {(props) => (
              <Button size="xs" variant="light" {...props}>
                Choose photos…
              </Button>
            )}
          </FileButton>
          {/* On a phone this opens the camera: how physicians add photos at the chair. */}
          <FileButton
            onChange={(file) => uploads.add(file ? [file] : [])}
            accept="image/jpeg,image/png,image/webp,image/heic,image/heif"
            capture="environment"
            inputProps={{ 'aria-label': 'Take a photo with the camera' }}
          >
            {(props) => (
              <Button size="xs" variant="light" {...props}>
                Take a photo
              </Button>
            )}
          </FileButton>
        </Group>
        <Text size="xs" c="dimmed" ta="center" mt={4}>
          JPEG, PNG, WebP or HEIC. Each photo needs its body site, lesion count and the date it was taken.
        </Text>
      </Paper>
      {uploads.items.length > 0 && (
        <>
          <PhotoUploadList
            items={uploads.items}
            onChange={(key, fields) => uploads.patch(key, { fields })}
            onUpload={(item) => void uploads.start(item)}
            onRemove={uploads.remove}
          />
          <Group justify="flex-end" gap="xs">
            {uploads.items.some((item) => item.state === 'done') && (
              <Button size="xs" variant="subtle" onClick={uploads.clearDone}>
                Clear uploaded
              </Button>
            )}
            {waiting.length > 1 && (
              <Button size="xs" onClick={() => waiting.forEach((item) => void uploads.start(item))}>
                Upload all ({waiting.length})
              </Button>
            )}
          </Group>
        </>
      )}
    </Stack>
  );
}
