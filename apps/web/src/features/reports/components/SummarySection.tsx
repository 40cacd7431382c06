import { SimpleGrid, Stack, Title } from '@mantine/core';
import { decidedReviewStages, OVERTURN_BY_STAGE_COLUMNS, summaryFigures } from '@preauth/domain';
import type { ReportRange, SummaryReport } from '../api/types';
import { useSummaryReport } from '../api/useSummaryReport';
import { CHART_COLORS, VerticalBars } from './charts';
import { DataTable } from './DataTable';
import { screenColumns } from './report-columns';
import { EmptyReport, ReportSection } from './ReportSection';
import { StatTile } from './StatTile';

export function isEmptySummary(summary: SummaryReport): boolean {
  return (
    summary.submitted === 0 &&
    summary.decisions === 0 &&
    summary.withdrawn === 0 &&
    summary.completed === 0 &&
    summary.overturnByStage.every((stage) => stage.decisions === 0)
  );
}

const STAGE_COLUMNS = screenColumns(OVERTURN_BY_STAGE_COLUMNS);

export function SummaryFigures({ summary }: { summary: SummaryReport }) {
  if (isEmptySummary(summary)) {
    return <EmptyReport>No requests were submitted, decided or withdrawn in this range.</EmptyReport>;
  }
  const outcomes = [
    { outcome: 'Approved', count: summary.approved },
    { outcome: 'Partially approved', count: summary.partiallyApproved },
    { outcome: 'Denied', count: summary.denied },
    { outcome: 'Withdrawn', count: summary.withdrawn },
  ];
  const stages = decidedReviewStages(summary.overturnByStage);
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
        {summaryFigures(summary).map((figure) => (
          <StatTile
            key={figure.key}
            testId={`stat-${figure.key}`}
            label={figure.label}
            value={figure.value}
            detail={figure.detail}
          />
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <div>
          <Title order={4} size="h5" mb="xs">
            Initial decisions and withdrawals
          </Title>
          <VerticalBars
            label={`Bar chart of outcomes: ${outcomes.map((o) => `${o.outcome} ${o.count}`).join(', ')}`}
            data={outcomes}
            categoryKey="outcome"
            series={[{ key: 'count', label: 'Cases', color: CHART_COLORS.blue }]}
          />
        </div>
        <div>
          <Title order={4} size="h5" mb="xs">
            Overturn rate by level
          </Title>
          {stages.length === 0 ? (
            <EmptyReport>No peer-to-peer, appeal or external review was decided in this range.</EmptyReport>
          ) : (
            <DataTable
              caption="Overturn rate by review level"
              columns={STAGE_COLUMNS}
              rows={stages}
              rowKey={(row) => row.stage}
              minWidth={360}
            />
          )}
        </div>
      </SimpleGrid>
    </Stack>
  );
}

export function SummarySection({ range }: { range: ReportRange }) {
  const query = useSummaryReport(range);
  return (
    <ReportSection
      title="Summary"
      description="Requests submitted and initial payer decisions in the range; appeals decided in the range."
      table="summary"
      range={range}
      query={query}
    >
      {query.data && <SummaryFigures summary={query.data} />}
    </ReportSection>
  );
}
