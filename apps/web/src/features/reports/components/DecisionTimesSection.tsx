import { Stack } from '@mantine/core';
import { DECISION_TIME_COLUMNS, URGENCY_LABELS } from '@preauth/domain';
import type { DecisionTimeRow, ReportRange } from '../api/types';
import { useDecisionTimesReport } from '../api/useDecisionTimesReport';
import { formatDays, formatDuration } from '../model/report-format';
import { CHART_COLORS, VerticalBars } from './charts';
import { DataTable } from './DataTable';
import { screenColumns } from './report-columns';
import { EmptyReport, ReportSection } from './ReportSection';

// The chart is drawn in days, so the axis gets round ticks (0, 2.5, 5 d).
const toDays = (hours: number | null) => (hours ?? 0) / 24;
const formatDaysAxis = (days: number) => formatDays(days);

const COLUMNS = screenColumns<DecisionTimeRow>(DECISION_TIME_COLUMNS);

export function DecisionTimesSection({ range }: { range: ReportRange }) {
  const query = useDecisionTimesReport(range);
  const rows = query.data?.rows ?? [];
  const decided = rows.filter((row) => row.decisions > 0);
  return (
    <ReportSection
      title="Decision time"
      description="From submission to the payer's initial decision; late means after the legal deadline."
      table="decision-times"
      range={range}
      query={query}
    >
      {decided.length === 0 ? (
        <EmptyReport>No initial decisions in this range.</EmptyReport>
      ) : (
        <Stack gap="md">
          <DataTable caption="Decision time by urgency" columns={COLUMNS} rows={rows} rowKey={(row) => row.urgency} />
          <VerticalBars
            label={`Bar chart of decision times: ${decided
              .map(
                (row) =>
                  `${URGENCY_LABELS[row.urgency]} median ${formatDuration(row.medianHours)}, 90th percentile ${formatDuration(row.p90Hours)}`,
              )
              .join('; ')}`}
            data={decided.map((row) => ({
              ...row,
              urgencyLabel: URGENCY_LABELS[row.urgency],
              mean: toDays(row.meanHours),
              median: toDays(row.medianHours),
              p90: toDays(row.p90Hours),
            }))}
            categoryKey="urgencyLabel"
            valueFormatter={formatDaysAxis}
            series={[
              { key: 'mean', label: 'Mean', color: CHART_COLORS.blue },
              { key: 'median', label: 'Median', color: CHART_COLORS.teal },
              { key: 'p90', label: '90th percentile', color: CHART_COLORS.orange },
            ]}
          />
        </Stack>
      )}
    </ReportSection>
  );
}
