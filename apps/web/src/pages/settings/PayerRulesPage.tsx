import {
  Alert,
  Badge,
  Button,
  FileButton,
  Group,
  List,
  Modal,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { PLAN_TYPE_LABELS, PRIOR_AUTH_LABELS, type PriorAuthRequirement } from '@preauth/domain';
import { useState } from 'react';
import type { PayerRule } from '../../features/payer-rules/api/payer-rule-keys';
import {
  useImportPayerRules,
  usePayerRules,
  usePayerRuleVersions,
  useSavePayerRule,
} from '../../features/payer-rules/api/usePayerRules';
import { PayerRuleForm } from '../../features/payer-rules/components/PayerRuleForm';
import { usePayers } from '../../features/reference/api/usePayers';
import { SettingsHeader } from '../../features/settings/components/SettingsHeader';
import { isApiError } from '../../ui/server-errors';
import { QueryState } from '../../ui/QueryState';

type Editing = { mode: 'create' } | { mode: 'edit'; rule: PayerRule } | null;

const PRIOR_AUTH_COLORS: Record<PriorAuthRequirement, string> = {
  required: 'blue',
  not_required: 'teal',
  unknown: 'gray',
};

function RuleVersions({ rule }: { rule: PayerRule }) {
  const versions = usePayerRuleVersions({ payerId: rule.payerId, planType: rule.planType, cptCode: rule.cptCode });
  if (!versions.data) return null;
  return (
    <Stack gap={4} data-testid="rule-versions">
      <Text size="sm" fw={600}>
        Versions (a save adds one; none is changed)
      </Text>
      <List size="sm">
        {versions.data.map((v) => (
          <List.Item key={v.id}>
            Version {v.version}, {new Date(v.createdAt).toLocaleDateString()} by {v.createdByName ?? 'the demo seed'}:{' '}
            {PRIOR_AUTH_LABELS[v.priorAuth].toLowerCase()}
            {v.policyName ? `, ${v.policyName}` : ''}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

function ImportButton({ onProblems }: { onProblems: (problems: string[]) => void }) {
  const importRules = useImportPayerRules();
  const setProblems = onProblems;
  const handleFile = async (file: File | null) => {
    if (!file) return;
    setProblems([]);
    try {
      const result = await importRules.mutateAsync(await file.text());
      notifications.show({
        color: 'teal',
        message: `Imported: ${result.created} new version${result.created === 1 ? '' : 's'}, ${result.unchanged} unchanged.`,
      });
    } catch (error) {
      setProblems(
        isApiError(error) && error.body.errors?.length
          ? error.body.errors.map((e) => `${e.field}: ${e.reason}`)
          : [error instanceof Error ? error.message : 'The import failed.'],
      );
    }
  };
  return (
    <FileButton onChange={(file) => void handleFile(file)} accept=".csv,text/csv">
      {(props) => (
        <Button variant="default" loading={importRules.isPending} {...props}>
          Import CSV
        </Button>
      )}
    </FileButton>
  );
}

export function PayerRulesPage() {
  const query = usePayerRules();
  const payers = usePayers();
  const save = useSavePayerRule();
  const [editing, setEditing] = useState<Editing>(null);
  const [importProblems, setImportProblems] = useState<string[]>([]);
  const close = () => setEditing(null);
  const rules = query.data ?? [];

  return (
    <Stack maw={1280} data-testid="payer-rules-page">
      <SettingsHeader
        title="Payer rules"
        description="Per payer and CPT code: whether prior authorization is required, the payer's own criteria and documents (the readiness checklist adds them, citing the policy), and where requests go. Every save is a new version; a submitted case keeps the version it went out under."
        action={
          <Group gap="xs">
            <Button component="a" href="/api/payer-rules/export" download="payer-rules.csv" variant="default">
              Export CSV
            </Button>
            <ImportButton onProblems={setImportProblems} />
            <Button onClick={() => setEditing({ mode: 'create' })}>Add a rule</Button>
          </Group>
        }
      />
      {importProblems.length > 0 && (
        <Alert
          color="red"
          title="Nothing was imported"
          role="alert"
          withCloseButton
          onClose={() => setImportProblems([])}
        >
          <List size="sm" data-testid="import-problems">
            {importProblems.map((p) => (
              <List.Item key={p}>{p}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <QueryState
        isPending={query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
        what="payer rules"
      >
        {rules.length === 0 ? (
          <Text c="dimmed" py="md">
            No payer rules yet. Add one, or import a CSV with the columns the export writes.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table striped verticalSpacing="xs">
              <Table.Caption>The current version of each rule</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Payer</Table.Th>
                  <Table.Th scope="col">Plan type</Table.Th>
                  <Table.Th scope="col">CPT</Table.Th>
                  <Table.Th scope="col">Prior authorization</Table.Th>
                  <Table.Th scope="col">Criteria and documents</Table.Th>
                  <Table.Th scope="col">Policy</Table.Th>
                  <Table.Th scope="col" ta="right">
                    Version
                  </Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rules.map((rule) => (
                  <Table.Tr key={rule.id} data-testid="payer-rule-row">
                    <Table.Td>{rule.payerName}</Table.Td>
                    <Table.Td>{rule.planType ? PLAN_TYPE_LABELS[rule.planType] : 'Every plan type'}</Table.Td>
                    <Table.Td>{rule.cptCode}</Table.Td>
                    <Table.Td>
                      <Badge color={PRIOR_AUTH_COLORS[rule.priorAuth]} variant="light">
                        {PRIOR_AUTH_LABELS[rule.priorAuth]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {rule.criteria.length ? `${rule.criteria.length} criteria` : 'No criteria of its own'}
                        {rule.minSymptomWeeks ? `, ≥ ${rule.minSymptomWeeks} weeks` : ''}
                        {rule.minFailedTreatments ? `, ≥ ${rule.minFailedTreatments} failed treatments` : ''}
                        {rule.photosRequired ? ', photos' : ''}
                        {rule.documents.length ? `, ${rule.documents.length} documents` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{rule.policyName ?? '—'}</Text>
                      <Text size="xs" c="dimmed">
                        {rule.policyCheckedOn ? `Checked ${rule.policyCheckedOn}` : 'Not yet checked'}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">{rule.version}</Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => setEditing({ mode: 'edit', rule })}
                        aria-label={`Edit the rule of ${rule.payerName} for ${rule.cptCode}`}
                      >
                        Edit
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
      <Modal
        opened={editing !== null}
        onClose={close}
        title={
          editing?.mode === 'edit'
            ? `Rule of ${editing.rule.payerName} for ${editing.rule.cptCode}, version ${editing.rule.version}`
            : 'Add a payer rule'
        }
        size="xl"
      >
        {editing && (
          <Stack>
            <PayerRuleForm
              rule={editing.mode === 'edit' ? editing.rule : undefined}
              payers={(payers.data ?? []).filter((p) => p.active)}
              onCancel={close}
              onSubmit={async (body) => {
                const saved = await save.mutateAsync(body);
                notifications.show({
                  color: 'teal',
                  message: `Saved version ${saved.version} of the rule of ${saved.payerName} for ${saved.cptCode}.`,
                });
                close();
              }}
            />
            {editing.mode === 'edit' && <RuleVersions rule={editing.rule} />}
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
