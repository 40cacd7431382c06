import {
  Alert,
  Button,
  Card,
  Group,
  Image,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Role } from '@preauth/domain';
import { PHOTO_UPLOADERS } from '@preauth/domain';
import { useState } from 'react';
import { formatDateTime } from '../../../ui/format';
import { QueryState } from '../../../ui/QueryState';
import type { Photo } from '../api/types';
import { useDeletePhoto } from '../api/useDeletePhoto';
import { usePhotos } from '../api/usePhotos';
import { EVIDENCE_SECTION_IDS, formatTakenAt } from '../sections';
import { PhotoUploader } from './PhotoUploader';

interface PhotosSectionProps {
  caseId: string;
  me: { id: string; roles: readonly Role[] } | undefined;
  defaultBodySite?: string;
  defaultLesionCount?: number;
}

function describe(photo: Photo): string {
  return `${photo.bodySite}, ${photo.lesionCount} lesion${photo.lesionCount === 1 ? '' : 's'}, taken ${formatTakenAt(photo.takenAt)}`;
}

export function PhotosSection({ caseId, me, defaultBodySite, defaultLesionCount }: PhotosSectionProps) {
  const { data: photos, isPending, error, refetch } = usePhotos(caseId);
  const [openId, setOpenId] = useState<string | null>(null);
  const mayUpload = !!me && me.roles.some((role) => PHOTO_UPLOADERS.includes(role));
  const open = photos?.find((photo) => photo.id === openId) ?? null;

  return (
    <Card
      withBorder
      component="section"
      aria-labelledby="photos-title"
      id={EVIDENCE_SECTION_IDS.photos}
      tabIndex={-1}
      data-testid="photos-section"
    >
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4" id="photos-title">
          Photos
        </Title>
        {photos && (
          <Text size="sm" c="dimmed">
            {photos.length} photo{photos.length === 1 ? '' : 's'}
          </Text>
        )}
      </Group>
      <Stack gap="md">
        <QueryState isPending={isPending} error={error} onRetry={() => void refetch()} what="the photos">
          {photos && photos.length === 0 && (
            <Text size="sm" c="dimmed">
              No photos yet.{mayUpload ? '' : ' The physician attaches dated photos of the lesions.'}
            </Text>
          )}
          {photos && photos.length > 0 && (
            <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} spacing="sm" data-testid="photo-gallery">
              {photos.map((photo) => (
                <UnstyledButton
                  key={photo.id}
                  onClick={() => setOpenId(photo.id)}
                  aria-label={`View photo: ${describe(photo)}`}
                  data-testid="photo-thumb"
                >
                  <Card withBorder padding={0}>
                    <Image src={photo.thumbnailUrl} alt="" h={120} fit="cover" loading="lazy" />
                    <Stack gap={0} p={6}>
                      <Text size="xs" fw={600} lineClamp={2} title={photo.bodySite}>
                        {photo.bodySite}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {photo.lesionCount} lesion{photo.lesionCount === 1 ? '' : 's'} · {formatTakenAt(photo.takenAt)}
                      </Text>
                    </Stack>
                  </Card>
                </UnstyledButton>
              ))}
            </SimpleGrid>
          )}
        </QueryState>
        {mayUpload && (
          <PhotoUploader caseId={caseId} defaultBodySite={defaultBodySite} defaultLesionCount={defaultLesionCount} />
        )}
      </Stack>
      <Modal opened={!!open} onClose={() => setOpenId(null)} title={open ? open.bodySite : 'Photo'} size="xl">
        {open && <PhotoViewer caseId={caseId} photo={open} me={me} onDeleted={() => setOpenId(null)} />}
      </Modal>
    </Card>
  );
}

function PhotoViewer({
  caseId,
  photo,
  me,
  onDeleted,
}: {
  caseId: string;
  photo: Photo;
  me: PhotosSectionProps['me'];
  onDeleted: () => void;
}) {
  const remove = useDeletePhoto(caseId);
  const [confirming, setConfirming] = useState(false);
  const mayDelete = !!me && (photo.uploadedBy.id === me.id || me.roles.includes('manager'));

  const handleDelete = async () => {
    try {
      await remove.mutateAsync(photo.id);
      notifications.show({ color: 'teal', message: 'Photo deleted. The case history keeps a record of it.' });
      onDeleted();
    } catch {
      // shown below from remove.error
    }
  };

  return (
    <Stack gap="sm" data-testid="photo-viewer">
      <Image src={photo.url} alt={`Photo: ${describe(photo)}`} fit="contain" mah="70vh" />
      {photo.caption && <Text size="sm">{photo.caption}</Text>}
      <Text size="sm" c="dimmed">
        {describe(photo)} · uploaded by {photo.uploadedBy.name}, {formatDateTime(photo.createdAt)} · {photo.width} ×{' '}
        {photo.height}
      </Text>
      {remove.error && (
        <Alert color="red" role="alert">
          {remove.error.message}
        </Alert>
      )}
      {mayDelete && !confirming && (
        <Group justify="flex-end">
          <Button variant="default" color="red" onClick={() => setConfirming(true)}>
            Delete photo…
          </Button>
        </Group>
      )}
      {mayDelete && confirming && (
        <Alert color="red" title="Delete this photo?">
          It disappears from the case and the packet; the case history keeps a record that it existed.
          <Group justify="flex-end" mt="sm" gap="xs">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Keep it
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => void handleDelete()}>
              Delete
            </Button>
          </Group>
        </Alert>
      )}
    </Stack>
  );
}
