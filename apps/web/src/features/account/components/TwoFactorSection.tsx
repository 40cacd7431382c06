import { Alert, Button, Code, Group, Image, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { toDataURL } from 'qrcode';
import { useEffect, useState } from 'react';
import { isApiError } from '../../../ui/server-errors';
import type { Me } from '../../auth/api/useMe';
import { useRecoveryCodesLeft } from '../api/useRecoveryCodesLeft';
import { useRegenerateRecoveryCodes } from '../api/useRegenerateRecoveryCodes';
import { useTotpDisable } from '../api/useTotpDisable';
import { useTotpEnable } from '../api/useTotpEnable';
import { useTotpSetup } from '../api/useTotpSetup';
import { RecoveryCodes } from './RecoveryCodes';

const CODE_PATTERN = /^\d{6}$/;

function errorText(error: unknown): string {
  if (isApiError(error, 403) || isApiError(error, 422)) {
    return (error.body as { message?: string }).message ?? 'The code is not right.';
  }
  return error instanceof Error ? error.message : 'Something went wrong.';
}

// The QR code is drawn here from the otpauth:// URL: the secret never leaves the browser for a
// QR service.
function QrCode({ url }: { url: string }) {
  const [image, setImage] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    toDataURL(url, { margin: 1, width: 200, errorCorrectionLevel: 'M' }).then(
      (data) => live && setImage(data),
      () => live && setImage(null),
    );
    return () => {
      live = false;
    };
  }, [url]);
  return image ? (
    <Image src={image} w={200} h={200} alt="QR code to scan with your authenticator app" />
  ) : (
    <Text size="sm" c="dimmed">
      Drawing the QR code…
    </Text>
  );
}

function CodeInput({
  label,
  onSubmit,
  submitLabel,
  loading,
  error,
  color,
}: {
  label: string;
  onSubmit: (code: string) => void;
  submitLabel: string;
  loading: boolean;
  error: string | null;
  color?: string;
}) {
  const [code, setCode] = useState('');
  const [touched, setTouched] = useState(false);
  const invalid = touched && !CODE_PATTERN.test(code) ? 'Enter the 6 digits your app shows now.' : null;
  return (
    <form
      noValidate
      aria-label={submitLabel}
      onSubmit={(event) => {
        event.preventDefault();
        setTouched(true);
        if (CODE_PATTERN.test(code)) onSubmit(code);
      }}
    >
      <Group align="flex-start" gap="sm">
        <TextInput
          label={label}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          value={code}
          onChange={(event) => setCode(event.currentTarget.value.replace(/\s/g, ''))}
          onBlur={() => setTouched(true)}
          error={invalid ?? error}
          w={220}
        />
        <Button type="submit" mt={25} loading={loading} color={color}>
          {submitLabel}
        </Button>
      </Group>
    </form>
  );
}

export function TwoFactorSection({ me }: { me: Me }) {
  const setup = useTotpSetup();
  const enable = useTotpEnable();
  const disable = useTotpDisable();
  const regenerate = useRegenerateRecoveryCodes();
  // Counted only with two-factor sign-in on (an enrolment-only session may not ask).
  const left = useRecoveryCodesLeft({ enabled: me.totpEnabled });
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);

  if (recoveryCodes) return <RecoveryCodes codes={recoveryCodes} onDone={() => setRecoveryCodes(null)} />;

  if (me.totpEnabled) {
    return (
      <Stack gap="sm">
        <Text size="sm">
          Two-factor sign-in is <b>on</b>: you sign in with your password and a code from your authenticator app (or one
          of your recovery codes).
        </Text>
        <Text size="sm" data-testid="recovery-codes-left">
          {left.isPending
            ? 'Counting your recovery codes…'
            : left.error
              ? 'Could not count your recovery codes.'
              : `${left.data.remaining} unused recovery code${left.data.remaining === 1 ? '' : 's'} left.`}
        </Text>
        <CodeInput
          label="Code from your app, for new recovery codes"
          submitLabel="Make new recovery codes"
          loading={regenerate.isPending}
          error={regenerate.isError ? errorText(regenerate.error) : null}
          onSubmit={(code) =>
            regenerate.mutate(code, { onSuccess: (result) => setRecoveryCodes(result.recoveryCodes) })
          }
        />
        <CodeInput
          label="Code from your app, to turn it off"
          submitLabel="Turn off two-factor sign-in"
          color="red"
          loading={disable.isPending}
          error={disable.isError ? errorText(disable.error) : null}
          onSubmit={(code) =>
            disable.mutate(code, {
              onSuccess: () => notifications.show({ color: 'teal', message: 'Two-factor sign-in is off.' }),
            })
          }
        />
      </Stack>
    );
  }

  if (!setup.data) {
    return (
      <Stack gap="sm" align="flex-start">
        <Text size="sm">
          Two-factor sign-in is <b>off</b>. With it on, signing in also needs a code from an authenticator app on your
          phone (Google Authenticator, Microsoft Authenticator, 1Password…).
        </Text>
        {setup.isError && (
          <Alert color="red" role="alert" title="Could not start">
            {errorText(setup.error)}
          </Alert>
        )}
        <Button onClick={() => setup.mutate()} loading={setup.isPending}>
          Set up two-factor sign-in
        </Button>
      </Stack>
    );
  }

  return (
    <Stack gap="sm">
      <Text size="sm">1. Scan this QR code with your authenticator app, or type the key into it.</Text>
      <Group align="center" gap="lg">
        <QrCode url={setup.data.otpauthUrl} />
        <div>
          <Text size="sm" fw={600}>
            Key
          </Text>
          <Code fz="md" data-testid="totp-secret">
            {setup.data.secret}
          </Code>
          <Text size="xs" c="dimmed" mt={4}>
            Time-based, 6 digits, every 30 seconds
          </Text>
        </div>
      </Group>
      <Text size="sm">2. Enter the code your app now shows for Preauth.</Text>
      <CodeInput
        label="6-digit code"
        submitLabel="Turn on two-factor sign-in"
        loading={enable.isPending}
        error={enable.isError ? errorText(enable.error) : null}
        onSubmit={(code) =>
          enable.mutate(code, {
            onSuccess: (result) => {
              setRecoveryCodes(result.recoveryCodes);
              notifications.show({ color: 'teal', message: 'Two-factor sign-in is on.' });
            },
          })
        }
      />
    </Stack>
  );
}
