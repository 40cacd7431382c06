import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { formatDateTime } from '../../../ui/format';

// Shown once, right after the API made it: the API keeps only the hash of the link's token.
export function InvitationLinkNotice({ email, url, expiresAt }: { email: string; url: string; expiresAt: string }) {
  return (
    <Alert color="teal" title="Invitation link" role="status">
      <Stack gap="sm">
        <Text size="sm">
          Send this link to {email}. Through it they choose their own password; it is shown only now, works once, and
          expires {formatDateTime(expiresAt)}.
        </Text>
        <Code block data-testid="invitation-link" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
          {url}
        </Code>
        <Group>
          <CopyButton value={url}>
            {({ copied, copy }) => (
              <Button size="xs" variant="light" onClick={copy}>
                {copied ? 'Copied' : 'Copy link'}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Alert>
  );
}
