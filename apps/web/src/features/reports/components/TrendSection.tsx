import { Stack } from '@mantine/core';
import type { ReportRange, TrendRow } from '../api/types';
import { useTrendReport } from '../api/useTrendReport';
import { fillMonths } from '../model/fill-months';
import { formatCount, formatDuration, formatMonth } from '../model/report-format';
import { CHART_COLORS, Lines } from './charts';
import { DataTable, type Column } from './DataTable';
import { EmptyReport, ReportSection } from './ReportSection';

const COLUMNS: readonly Column<TrendRow>[] = [
  { key: 'month', header: 'Month', render: (row) => formatMonth(row.month) },
  { key: 'submitted', header: 'Submitted', numeric: true, render: (row) => formatCount(row.submitted) },
  { key: 'decisions', header: 'Decided', numeric: true, render: (row) => formatCount(row.decisions) },
  { key: 'approved', header: 'Approved', numeric: true, render: (row) => formatCount(row.approved) },
  { key: 'denied', header: 'Denied', numeric: true, render: (row) => formatCount(row.denied) },
  { key: 'medianHours', header: 'Median time', numeric: true, render: (row) => formatDuration(row.medianHours) },
];

export function TrendSection({ range }: { range: ReportRange }) {
  const query = useTrendReport(range);
  const rows = fillMonths(query.data?.rows ?? [], range);
  const empty = rows.every((row) => row.submitted === 0 && row.decisions === 0);
  return (
    <ReportSection
      title="Monthly trend"
      description="Requests submitted and initial decisions, by month in the clinic's time zone."
      table="trend"
      range={range}
      query={query}
    >
      {empty ? (
        <EmptyReport>Nothing was submitted or decided in this range.</EmptyReport>
      ) : (
        <Stack gap="md">
          <Lines
            label={`Line chart of the monthly trend: ${rows.map((row) => `${formatMonth(row.month)}: ${row.submitted} submitted, ${row.decisions} decided`).join('; ')}`}
            data={rows.map((row) => ({ ...row, monthLabel: formatMonth(row.month) }))}
            categoryKey="monthLabel"
            series={[
              { key: 'submitted', label: 'Submitted', color: CHART_COLORS.blue },
              { key: 'decisions', label: 'Decided', color: CHART_COLORS.gray },
              { key: 'approved', label: 'Approved', color: CHART_COLORS.green },
              { key: 'denied', label: 'Denied', color: CHART_COLORS.red },
            ]}
          />
          <DataTable
            caption="Monthly trend"
            columns={COLUMNS}
            rows={rows}
            rowKey={(row) => row.month}
            initialRows={13}
          />
        </Stack>
      )}
    </ReportSection>
  );
}
