import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { PLAN_TYPE_LABELS, type PlanType } from '@preauth/domain';
import { useState } from 'react';
import { useMe } from '../../features/auth/api/useMe';
import { worksCases } from '../../features/auth/roles';
import type { DeadlineRule } from '../../features/settings/api/types';
import { useDeadlineRules } from '../../features/settings/api/useDeadlineRules';
import { DeadlineRuleEditor } from '../../features/settings/components/DeadlineRuleEditor';
import { formatDateTime } from '../../ui/format';
import { QueryState } from '../../ui/QueryState';

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={600}>
        {value}
      </Text>
    </div>
  );
}

function RuleSummary({ rule, onEdit }: { rule: DeadlineRule; onEdit: () => void }) {
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Figure label="Payer decision" value={`${rule.decisionStandardDays} days / ${rule.decisionExpeditedHours} h`} />
        <Figure label="Appeal filing" value={`${rule.appealFilingDays} days`} />
        <Figure
          label="Appeal decision"
          value={`${rule.appealDecisionStandardDays} days / ${rule.appealDecisionExpeditedHours} h`}
        />
        <Figure label="External review request" value={`${rule.externalReviewRequestMonths} months`} />
      </SimpleGrid>
      <Text size="sm" data-testid="deadline-rule-source">
        <Text span fw={600}>
          Source:{' '}
        </Text>
        {rule.source ?? 'No source recorded.'}
      </Text>
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          Last changed {formatDateTime(rule.updatedAt)}
        </Text>
        <Button
          size="xs"
          variant="light"
          onClick={onEdit}
          aria-label={`Edit the ${PLAN_TYPE_LABELS[rule.planType]} rule`}
        >
          Edit
        </Button>
      </Group>
    </Stack>
  );
}

export function DeadlineRulesPage() {
  const query = useDeadlineRules();
  const { data: me } = useMe();
  const [editing, setEditing] = useState<PlanType | null>(null);
  const rules = query.data ?? [];
  return (
    <Stack maw={960} data-testid="deadline-rules-page">
      <div>
        <Title order={2}>Deadline rules</Title>
        <Text size="sm" c="dimmed">
          The clocks every case runs on, per plan type. Open cases follow a change at once: preview its effect before
          you save it.
        </Text>
      </div>
      <QueryState
        isPending={query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
        what="deadline rules"
      >
        {rules.length === 0 ? (
          <Text c="dimmed">No deadline rules are stored. The database migrations create one per plan type.</Text>
        ) : (
          rules.map((rule) => (
            <Card key={rule.planType} withBorder component="section" aria-labelledby={`rule-${rule.planType}`}>
              <Title order={3} size="h4" mb="sm" id={`rule-${rule.planType}`}>
                {PLAN_TYPE_LABELS[rule.planType]}
              </Title>
              {editing === rule.planType ? (
                <DeadlineRuleEditor rule={rule} linkCases={worksCases(me?.roles)} onDone={() => setEditing(null)} />
              ) : (
                <RuleSummary rule={rule} onEdit={() => setEditing(rule.planType)} />
              )}
            </Card>
          ))
        )}
      </QueryState>
    </Stack>
  );
}
