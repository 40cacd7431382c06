import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Badge,
  FileButton,
  Button,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from '../../../ui/zod';
import { FormActions, FormProblems } from '../../../ui/FormProblems';
import { applyServerErrors } from '../../../ui/server-errors';
import { formatDateTime } from '../../../ui/format';
import type { PasEndpointSettings, PutPasEndpointBody } from '../api/types';

// The API's rules: credentials travel on these, so HTTPS (or this machine, for a local gateway).
const secureUrl = z
  .string()
  .trim()
  .min(8, 'Enter the address.')
  .max(500, 'Keep it under 500 characters.')
  .refine(
    (value) => /^https:\/\/\S+$/i.test(value) || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//i.test(value),
    'Enter an https:// address.',
  );

const schemaFor = (keyStored: boolean) =>
  z.object({
    baseUrl: secureUrl,
    tokenUrl: secureUrl,
    clientId: z.string().trim().min(1, 'Enter the client id the payer registered.').max(200),
    keyId: z.string().trim().min(1, "Enter the key id (kid) of the clinic's public key.").max(200),
    privateKeyPem: z
      .string()
      .trim()
      .max(20_000, 'This is too long for a key.')
      .refine((value) => (value === '' ? keyStored : /-----BEGIN PRIVATE KEY-----/.test(value)), {
        message: keyStored
          ? 'Paste an RSA private key in PKCS#8 PEM (BEGIN PRIVATE KEY), or leave it empty to keep the stored key.'
          : 'Paste or load the RSA private key (PKCS#8 PEM, BEGIN PRIVATE KEY).',
      }),
  });

type Values = z.input<ReturnType<typeof schemaFor>>;
const FIELDS = ['baseUrl', 'tokenUrl', 'clientId', 'keyId', 'privateKeyPem'];

const SUBSCRIPTION_LABELS: Record<NonNullable<PasEndpointSettings['subscription']>, string> = {
  active: 'Subscribed: the payer notifies Preauth of decisions',
  unsupported: 'The payer offers no subscriptions: Preauth asks it (Claim/$inquire)',
  failed: 'Subscribing failed: Preauth asks the payer (Claim/$inquire) and will try again',
};

/**
 * A payer's Da Vinci PAS endpoint and the SMART Backend Services credentials the clinic holds for
 * it. The private key is write-only: the server never sends it back, so the form never shows it.
 */
export function PasEndpointForm({
  settings,
  onSubmit,
  onCancel,
}: {
  settings: PasEndpointSettings | undefined;
  onSubmit: (body: PutPasEndpointBody) => Promise<unknown>;
  onCancel: () => void;
}) {
  const [problems, setProblems] = useState<string[]>([]);
  const keyStored = !!settings?.configured;
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<Values>({
    resolver: zodResolver(schemaFor(keyStored)),
    mode: 'onTouched',
    defaultValues: {
      baseUrl: settings?.baseUrl ?? '',
      tokenUrl: settings?.tokenUrl ?? '',
      clientId: settings?.clientId ?? '',
      keyId: settings?.keyId ?? '',
      privateKeyPem: '',
    },
  });

  const handleFile = (file: File | null) => {
    if (!file) return;
    void file.text().then((text) => setValue('privateKeyPem', text, { shouldValidate: true, shouldDirty: true }));
  };

  const handleSave = handleSubmit(async (values) => {
    setProblems([]);
    try {
      await onSubmit({
        baseUrl: values.baseUrl.trim(),
        tokenUrl: values.tokenUrl.trim(),
        clientId: values.clientId.trim(),
        keyId: values.keyId.trim(),
        ...(values.privateKeyPem.trim() ? { privateKeyPem: values.privateKeyPem.trim() } : {}),
      });
    } catch (error) {
      setProblems(applyServerErrors(error, setError, FIELDS));
    }
  });

  return (
    <form onSubmit={(event) => void handleSave(event)} noValidate data-testid="pas-endpoint-form">
      <Stack>
        <Text size="sm" c="dimmed">
          Cases of this payer can then be sent electronically (Da Vinci PAS 2.2.1). The payer gives you the addresses
          and registers the clinic&apos;s public key under the client id and key id.
        </Text>
        {settings?.configured && (
          <Group gap="xs">
            <Badge color="teal" variant="light">
              Configured
            </Badge>
            {settings.updatedAt && (
              <Text size="xs" c="dimmed">
                Saved {formatDateTime(settings.updatedAt)}
              </Text>
            )}
            {settings.subscription && (
              <Text size="xs" c="dimmed" data-testid="pas-subscription">
                {SUBSCRIPTION_LABELS[settings.subscription]}
              </Text>
            )}
          </Group>
        )}
        <FormProblems title="The endpoint was not saved" problems={problems} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="FHIR base URL"
            placeholder="https://payer.example/fhir"
            required
            data-autofocus
            {...register('baseUrl')}
            error={errors.baseUrl?.message}
          />
          <TextInput
            label="Token URL"
            placeholder="https://payer.example/oauth/token"
            required
            {...register('tokenUrl')}
            error={errors.tokenUrl?.message}
          />
          <TextInput label="Client id" required {...register('clientId')} error={errors.clientId?.message} />
          <TextInput label="Key id (kid)" required {...register('keyId')} error={errors.keyId?.message} />
        </SimpleGrid>
        {keyStored && (
          <Alert color="gray" variant="light" title="A private key is stored">
            It is kept encrypted and never shown. Leave the field below empty to keep it, or give a new one to replace
            it.
          </Alert>
        )}
        <Textarea
          label={keyStored ? 'Replace the private key' : 'Private key'}
          description="RSA, PKCS#8 PEM (-----BEGIN PRIVATE KEY-----); the client assertion is signed with it (RS384)"
          required={!keyStored}
          autosize
          minRows={3}
          maxRows={8}
          autoComplete="off"
          spellCheck={false}
          styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
          {...register('privateKeyPem')}
          error={errors.privateKeyPem?.message}
        />
        <Group>
          <FileButton onChange={handleFile} accept=".pem,.key,text/plain,application/x-pem-file">
            {(props) => (
              <Button variant="default" size="xs" {...props}>
                Load a .pem file
              </Button>
            )}
          </FileButton>
        </Group>
        <FormActions onCancel={onCancel} submitLabel="Save the endpoint" submitting={isSubmitting} />
      </Stack>
    </form>
  );
}

/** The form once the stored settings are loaded (the key field depends on whether one is stored). */
export function PasEndpointEditor({
  settings,
  isPending,
  error,
  ...props
}: {
  settings: PasEndpointSettings | undefined;
  isPending: boolean;
  error: Error | null;
  onSubmit: (body: PutPasEndpointBody) => Promise<unknown>;
  onCancel: () => void;
}) {
  if (isPending) return <Loader size="sm" aria-label="Loading the endpoint" />;
  if (error)
    return (
      <Alert color="red" role="alert">
        {error.message}
      </Alert>
    );
  return <PasEndpointForm settings={settings} {...props} />;
}
