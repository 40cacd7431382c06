import { Alert, Badge, Button, Group, List, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import type { CaseAction, CaseDetail } from '../../cases/api/types';
import { formatDateTime } from '../../../ui/format';
import { isApiError } from '../../../ui/server-errors';
import type { FhirExchange } from '../api/types';
import { useCaseExchanges } from '../api/useCaseExchanges';
import { useSendElectronically } from '../api/useSendElectronically';
import { answerColor, describePayerAnswer, exchangeLabel, latestAnswer } from '../model/payer-answer';

function failureMessage(error: unknown): { title: string; message: string } {
  if (isApiError(error, 503))
    return {
      title: 'Not sent; try again',
      message: `${error.body.message ?? 'The payer could not be reached.'} Nothing changed on the case.`,
    };
  if (isApiError(error, 502))
    return { title: "The payer's answer could not be read", message: error.body.message ?? '' };
  if (isApiError(error, 409))
    return { title: 'The case changed meanwhile', message: 'Reload the case and send again if it still needs to go.' };
  return { title: 'Not sent', message: error instanceof Error ? error.message : String(error) };
}

function ExchangeRow({ exchange }: { exchange: FhirExchange }) {
  const facts = [
    exchange.httpStatus != null ? `HTTP ${exchange.httpStatus}` : null,
    exchange.elapsedMs != null ? `${(exchange.elapsedMs / 1000).toFixed(1)} s` : null,
    exchange.authorizationNumber ? `auth ${exchange.authorizationNumber}` : null,
    exchange.pendingReference ? `ref ${exchange.pendingReference}` : null,
    exchange.payerErrors.length ? exchange.payerErrors.map((e) => e.code).join(', ') : null,
  ].filter(Boolean);
  return (
    <List.Item data-testid="fhir-exchange" data-kind={exchange.kind}>
      <Group gap="xs" wrap="wrap">
        <Badge variant="light" color={exchange.direction === 'outbound' ? 'blue' : 'grape'} size="sm">
          {exchange.direction === 'outbound' ? 'To payer' : 'From payer'}
        </Badge>
        <Text size="sm" fw={500}>
          {exchangeLabel(exchange)}
        </Text>
      </Group>
      <Text size="xs" c="dimmed">
        {formatDateTime(exchange.at)}
        {facts.length ? ` · ${facts.join(' · ')}` : ''}
      </Text>
      {exchange.error && (
        <Text size="xs" c="dimmed">
          {exchange.error}
        </Text>
      )}
      {exchange.warning && (
        <Text size="xs" c="orange.8" data-testid="fhir-exchange-warning">
          {exchange.warning}
        </Text>
      )}
    </List.Item>
  );
}

interface ElectronicSubmissionProps {
  detail: CaseDetail;
  /** The step to "submitted" the state machine offers this user, if any. */
  submitAction: CaseAction | undefined;
}

/** Sending the case to the payer's Da Vinci PAS endpoint, the answer, and every message exchanged. */
export function ElectronicSubmission({ detail, submitAction }: ElectronicSubmissionProps) {
  const { data } = useCaseExchanges(detail.id);
  const send = useSendElectronically(detail.id);
  const exchanges = data?.exchanges ?? [];
  const offered = !!data?.payerEndpoint && !!submitAction?.allowedForRole;
  if (!offered && exchanges.length === 0 && !send.isSuccess) return null;

  const answer = send.data ? latestAnswer(send.data.exchanges.exchanges) : undefined;
  const described = answer && send.data ? describePayerAnswer(answer, send.data.detail) : undefined;
  const failure = send.isError ? failureMessage(send.error) : undefined;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="electronic-title" data-testid="electronic-submission">
      <Title order={3} size="h4" id="electronic-title" mb="xs">
        Electronic submission (Da Vinci PAS)
      </Title>
      <Stack gap="sm">
        {offered && submitAction && (
          <Group gap="sm" wrap="wrap">
            <Button
              onClick={() => send.mutate(detail.version)}
              loading={send.isPending}
              disabled={!submitAction.enabled}
              data-testid="send-electronically"
            >
              Send electronically
            </Button>
            <Text size="sm" c="dimmed">
              {submitAction.enabled
                ? `Posts the request to ${detail.payer.name}'s PAS endpoint and records its answer.`
                : `Blocked: ${submitAction.blockedBy.join(' ')}`}
            </Text>
          </Group>
        )}
        {send.isPending && (
          <Group gap="xs" role="status" data-testid="send-progress">
            <Loader size="xs" />
            <Text size="sm">Sending to {detail.payer.name} and waiting for its answer (up to a minute)…</Text>
          </Group>
        )}
        {described && (
          <Alert
            color={answerColor(described.tone)}
            title={described.title}
            data-testid="payer-answer"
            data-tone={described.tone}
            role="status"
          >
            <Stack gap={4}>
              {described.lines.map((line) => (
                <Text size="sm" key={line}>
                  {line}
                </Text>
              ))}
            </Stack>
          </Alert>
        )}
        {failure && (
          <Alert color="red" title={failure.title} data-testid="send-failure" role="alert">
            <Text size="sm">{failure.message}</Text>
          </Alert>
        )}
        {exchanges.length > 0 && (
          <div>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={4}>
              Messages with the payer
            </Text>
            <List spacing="xs" listStyleType="none" data-testid="fhir-exchanges">
              {exchanges.map((exchange) => (
                <ExchangeRow key={exchange.id} exchange={exchange} />
              ))}
            </List>
          </div>
        )}
      </Stack>
    </Paper>
  );
}
