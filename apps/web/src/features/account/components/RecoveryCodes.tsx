import { Alert, Button, CopyButton, Group, List, Text } from '@mantine/core';

// Shown once, right after enrolment: the API keeps only their hashes.
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const text = codes.join('\n');
  return (
    <Alert color="yellow" title="Save your recovery codes now" role="status">
      <Text size="sm">
        If you lose your phone, each code signs you in once instead of an authenticator code. They are shown only now:
        print them or keep them in a password manager.
      </Text>
      <List size="sm" my="sm" ff="monospace" data-testid="recovery-codes" listStyleType="none">
        {codes.map((code) => (
          <List.Item key={code}>{code}</List.Item>
        ))}
      </List>
      <Group gap="sm">
        <CopyButton value={text}>
          {({ copied, copy }) => (
            <Button size="xs" variant="light" onClick={copy}>
              {copied ? 'Copied' : 'Copy codes'}
            </Button>
          )}
        </CopyButton>
        <Button
          size="xs"
          variant="light"
          component="a"
          href={`data:text/plain;charset=utf-8,${encodeURIComponent(`Preauth recovery codes\n${text}\n`)}`}
          download="preauth-recovery-codes.txt"
        >
          Download
        </Button>
        <Button size="xs" onClick={onDone}>
          I saved them
        </Button>
      </Group>
    </Alert>
  );
}
