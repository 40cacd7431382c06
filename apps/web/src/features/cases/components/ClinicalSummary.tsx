import { List, SimpleGrid, Text, Title } from '@mantine/core';
import { MEDICAL_NECESSITY_CRITERION_LABELS } from '@preauth/domain';
import { formatCalendarDate } from '../../../ui/format';
import type { CaseDetail } from '../api/types';

// The request as the payer has it, read-only.
export function ClinicalSummary({ detail }: { detail: CaseDetail }) {
  const { findings } = detail;
  return (
    <section aria-labelledby="clinical-summary-title">
      <Title order={4} size="h5" id="clinical-summary-title" mb="xs">
        Clinical documentation sent
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <div>
          <Text size="sm" fw={600}>
            Medical-necessity criteria
          </Text>
          {findings.criteria.length ? (
            <List size="sm">
              {findings.criteria.map((criterion) => (
                <List.Item key={criterion}>{MEDICAL_NECESSITY_CRITERION_LABELS[criterion]}</List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm">None documented</Text>
          )}
        </div>
        <div>
          <Text size="sm" fw={600}>
            Symptoms
          </Text>
          <Text size="sm">
            {findings.symptoms || '—'}
            {findings.symptomDurationWeeks != null ? ` (for ${findings.symptomDurationWeeks} weeks)` : ''}
          </Text>
          {(findings.inflammation || findings.infection) && (
            <Text size="sm">
              On exam:{' '}
              {[findings.inflammation && 'inflammation', findings.infection && 'infection'].filter(Boolean).join(', ')}
            </Text>
          )}
          {findings.functionalImpairment && <Text size="sm">Impairment: {findings.functionalImpairment}</Text>}
          {detail.cosmeticOverrideJustification && (
            <Text size="sm">Cosmetic-risk justification: {detail.cosmeticOverrideJustification}</Text>
          )}
        </div>
        <div>
          <Text size="sm" fw={600}>
            Failed treatments
          </Text>
          {detail.failedTreatments.length ? (
            <List size="sm">
              {detail.failedTreatments.map((treatment) => (
                <List.Item key={`${treatment.therapy}-${treatment.startDate}`}>
                  {treatment.therapy} ({formatCalendarDate(treatment.startDate)}
                  {treatment.endDate ? ` – ${formatCalendarDate(treatment.endDate)}` : ''}): {treatment.outcome}
                </List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm">None recorded</Text>
          )}
        </div>
        {detail.payerReference && (
          <div>
            <Text size="sm" fw={600}>
              Payer reference
            </Text>
            <Text size="sm">{detail.payerReference}</Text>
          </div>
        )}
      </SimpleGrid>
    </section>
  );
}
