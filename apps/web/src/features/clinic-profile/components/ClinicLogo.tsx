import { Alert, Button, FileButton, Group, Image, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { isApiError } from '../../../ui/server-errors';
import { useClinicLogo, type ClinicProfile } from '../api/clinic-profile';

const FALLBACK: Record<number, string> = {
  409: 'Save the clinic profile before adding its logo.',
  413: 'The logo is larger than 2 MB.',
  415: 'This is not an image we accept (JPEG, PNG, WebP or HEIC).',
  422: 'The image could not be read.',
};

export function ClinicLogo({ profile, readOnly }: { profile: ClinicProfile; readOnly: boolean }) {
  const { upload, remove } = useClinicLogo();
  const [problem, setProblem] = useState<string | null>(null);
  const fail = (error: unknown) =>
    setProblem(
      (isApiError(error) && (error.body.message || FALLBACK[error.status])) ||
        (error instanceof Error ? error.message : 'The logo was not saved.'),
    );

  const handleFile = (file: File | null) => {
    if (!file) return;
    setProblem(null);
    upload.mutate(file, { onError: fail });
  };

  return (
    <Stack gap="xs">
      <Text fw={600} component="h3" size="md">
        Logo
      </Text>
      {profile.logo ? (
        <Image
          // The hash in the address makes a new logo show at once, past any cached copy.
          src={`/api/clinic-profile/logo?v=${profile.logo.sha256.slice(0, 12)}`}
          alt={`Logo of ${profile.practiceName}`}
          maw={300}
          fit="contain"
          style={{ border: '1px solid var(--mantine-color-gray-3)', padding: 8 }}
        />
      ) : (
        <Text size="sm" c="dimmed">
          No logo: letters print the practice name alone.
        </Text>
      )}
      {problem && (
        <Alert color="red" role="alert" title="The logo was not saved">
          {problem}
        </Alert>
      )}
      {!readOnly && (
        <>
          <Group>
            <FileButton onChange={handleFile} accept="image/png,image/jpeg,image/webp,image/heic,image/heif">
              {(props) => (
                <Button variant="default" loading={upload.isPending} disabled={!profile.configured} {...props}>
                  {profile.logo ? 'Replace logo' : 'Upload logo'}
                </Button>
              )}
            </FileButton>
            {profile.logo && (
              <Button
                variant="subtle"
                color="red"
                loading={remove.isPending}
                onClick={() => {
                  setProblem(null);
                  remove.mutate(undefined, { onError: fail });
                }}
              >
                Remove logo
              </Button>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            JPEG, PNG, WebP or HEIC up to 2 MB. It is stored as a PNG of at most 1200 × 400 pixels, without the
            file&apos;s metadata.
            {!profile.configured && ' Save the profile first.'}
          </Text>
        </>
      )}
    </Stack>
  );
}
