import { Alert, Anchor, Box, Button, Container, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { formatCents } from '@preauth/domain';
import { useCallback, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { SignaturePadField, type SignaturePadHandle } from '../features/self-pay/components/SignaturePadField';
import { useSelfPay, useSignWaiver } from '../features/self-pay/api/self-pay';
import { formatCalendarDate } from '../ui/format';
import { QueryState } from '../ui/QueryState';
import { isApiError } from '../ui/server-errors';

/**
 * The financial-responsibility waiver as the patient sees it on the clinic's tablet: large type,
 * no navigation, the estimate, a signature pad, their printed name and the date.
 */
export function WaiverSigningPage() {
  const { id = '' } = useParams();
  const { data, isPending, error, refetch } = useSelfPay(id);
  const sign = useSignWaiver(id);
  const pad = useRef<SignaturePadHandle>(null);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [padError, setPadError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const clearPadError = useCallback(() => setPadError(null), []);

  const handleSign = async () => {
    setProblem(null);
    const empty = pad.current?.isEmpty() ?? true;
    setPadError(empty ? 'Please sign inside the box.' : null);
    setNameError(name.trim() ? null : 'Please print your name.');
    if (empty || !name.trim()) return;
    try {
      await sign.mutateAsync({ signedName: name.trim(), signaturePng: pad.current?.toPng() ?? '' });
    } catch (failure) {
      const body = isApiError(failure) ? failure.body : null;
      const field = body?.errors?.find((e) => e.field === 'signaturePng');
      if (field) setPadError(`The signature ${field.reason}.`);
      else setProblem(body?.message ?? 'The waiver could not be saved. Hand the tablet back to the front desk.');
    }
  };

  return (
    <Box bg="gray.0" mih="100vh" py="lg">
      <Container size={760} px="md">
        <QueryState isPending={isPending} error={error} onRetry={() => void refetch()} what="the waiver">
          {data && !data.estimate && (
            <Alert color="yellow" title="No self-pay estimate">
              This case has no self-pay estimate to sign.{' '}
              <Anchor component={Link} to={`/cases/${id}`}>
                Back to the case
              </Anchor>
            </Alert>
          )}
          {data?.estimate && data.waiverText && (
            <Paper withBorder p="xl" radius="md" component="main" aria-labelledby="waiver-title">
              {data.waiver ? (
                <Stack align="center" py="xl" data-testid="waiver-done">
                  <Title order={1} size="h2">
                    Thank you, {data.waiver.signedName}.
                  </Title>
                  <Text size="lg">Your signed form is saved. Please hand the tablet back to the front desk.</Text>
                  <Button component={Link} to={`/cases/${id}`} variant="light" mt="lg">
                    Staff: back to the case
                  </Button>
                </Stack>
              ) : (
                <Stack gap="lg">
                  <Title order={1} size="h2" id="waiver-title">
                    {data.waiverText.title}
                  </Title>
                  <Paper bg="blue.0" p="md" radius="md">
                    <Text size="sm" c="dimmed">
                      Estimated cost to you
                    </Text>
                    <Text fz={34} fw={700} data-testid="waiver-amount">
                      {formatCents(data.estimate.amountCents, data.estimate.currency)}
                    </Text>
                    <Text size="lg">{data.estimate.description}</Text>
                  </Paper>
                  <Stack gap="sm">
                    {data.waiverText.paragraphs.map((paragraph) => (
                      <Text key={paragraph} size="lg" lh={1.5}>
                        {paragraph}
                      </Text>
                    ))}
                  </Stack>
                  <SignaturePadField ref={pad} label="Your signature" error={padError} onBegin={clearPadError} />
                  <TextInput
                    size="lg"
                    label="Your name, printed"
                    autoComplete="off"
                    value={name}
                    onChange={(event) => {
                      setName(event.currentTarget.value);
                      setNameError(null);
                    }}
                    error={nameError}
                    maxLength={200}
                  />
                  <Text size="lg">
                    <Text span fw={600}>
                      Date:
                    </Text>{' '}
                    {formatCalendarDate(data.today)}
                  </Text>
                  {problem && (
                    <Alert color="red" role="alert">
                      {problem}
                    </Alert>
                  )}
                  <Button size="xl" onClick={() => void handleSign()} loading={sign.isPending}>
                    I agree and sign
                  </Button>
                  <Anchor component={Link} to={`/cases/${id}`} size="sm" c="dimmed" ta="center">
                    Staff: cancel and go back to the case
                  </Anchor>
                </Stack>
              )}
            </Paper>
          )}
        </QueryState>
      </Container>
    </Box>
  );
}
