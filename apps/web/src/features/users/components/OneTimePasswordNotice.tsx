import { Alert, Button, Code, CopyButton, Group, Text } from '@mantine/core';

// Shown once, right after the API generated it: the API keeps only its hash.
export function OneTimePasswordNotice({ email, password }: { email: string; password: string }) {
  return (
    <Alert color="teal" title="One-time password" role="status">
      <Text size="sm">
        Give this password to {email} in person or by phone. It is shown only now; they must choose their own password
        when they first sign in with it.
      </Text>
      <Group mt="sm" gap="sm">
        <Code fz="lg" data-testid="one-time-password">
          {password}
        </Code>
        <CopyButton value={password}>
          {({ copied, copy }) => (
            <Button size="xs" variant="light" onClick={copy}>
              {copied ? 'Copied' : 'Copy'}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Alert>
  );
}
