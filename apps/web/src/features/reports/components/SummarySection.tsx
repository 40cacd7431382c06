import { SimpleGrid, Stack, Title } from '@mantine/core';
import type { OverturnByStage, ReportRange, SummaryReport } from '../api/types';
import { useSummaryReport } from '../api/useSummaryReport';
import { formatCount, formatShare, plural, shareOf, STAGE_LABELS } from '../model/report-format';
import { CHART_COLORS, VerticalBars } from './charts';
import { DataTable, type Column } from './DataTable';
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

const STAGE_COLUMNS: readonly Column<OverturnByStage>[] = [
  { key: 'stage', header: 'Level', render: (row) => STAGE_LABELS[row.stage] ?? row.stage },
  { key: 'decisions', header: 'Decisions', numeric: true, render: (row) => formatCount(row.decisions) },
  { key: 'overturned', header: 'Overturned', numeric: true, render: (row) => formatCount(row.overturned) },
  { key: 'overturnRate', header: 'Overturn rate', numeric: true, render: (row) => formatShare(row.overturnRate) },
];

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
  const stages = summary.overturnByStage.filter((stage) => stage.decisions > 0);
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
        <StatTile
          testId="stat-submitted"
          label="Requests submitted"
          value={formatCount(summary.submitted)}
          detail={plural(summary.decisions, 'initial decision', 'initial decisions')}
        />
        <StatTile
          testId="stat-approved"
          label="Approved"
          value={formatShare(summary.approvedShare)}
          detail={`${formatCount(summary.approved)} of ${formatCount(summary.decisions)} decisions`}
        />
        <StatTile
          testId="stat-partially-approved"
          label="Partially approved"
          value={formatShare(summary.partiallyApprovedShare)}
          detail={`${formatCount(summary.partiallyApproved)} of ${formatCount(summary.decisions)} decisions`}
        />
        <StatTile
          testId="stat-denied"
          label="Denied"
          value={formatShare(summary.deniedShare)}
          detail={`${formatCount(summary.denied)} of ${formatCount(summary.decisions)} decisions`}
        />
        <StatTile
          testId="stat-withdrawn"
          label="Withdrawn"
          value={formatShare(shareOf(summary.withdrawn, summary.submitted))}
          detail={`${formatCount(summary.withdrawn)} withdrawn, of ${formatCount(summary.submitted)} submitted`}
        />
        <StatTile
          testId="stat-completed"
          label="Approvals used in full"
          value={formatShare(summary.approvalsUsedShare)}
          detail={`${plural(summary.completed, 'case', 'cases')} completed; the rest of the approvals that ended expired`}
        />
        <StatTile
          testId="stat-approved-after-appeal"
          label="Approved after appeal"
          value={formatShare(summary.approvedAfterAppealShare)}
          detail={`${plural(summary.approvedAfterAppeal, 'approval', 'approvals')} on review`}
        />
        <StatTile
          testId="stat-appeal-rate"
          label="Appeal rate"
          value={formatShare(summary.appealRate)}
          detail={`${formatCount(summary.deniedThenAppealed)} of ${formatCount(summary.denied)} denials appealed`}
        />
        <StatTile
          testId="stat-overturn-rate"
          label="Overturn rate"
          value={formatShare(summary.overturnRate)}
          detail="Over every review level"
        />
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
