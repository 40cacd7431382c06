import { Stack } from '@mantine/core';
import { fillTrendMonths, TREND_COLUMNS } from '@preauth/domain';
import type { ReportRange } from '../api/types';
import { useTrendReport } from '../api/useTrendReport';
import { formatMonth } from '../model/report-format';
import { CHART_COLORS, Lines } from './charts';
import { DataTable } from './DataTable';
import { screenColumns } from './report-columns';
import { EmptyReport, ReportSection } from './ReportSection';

const COLUMNS = screenColumns(TREND_COLUMNS);

export function TrendSection({ range }: { range: ReportRange }) {
  const query = useTrendReport(range);
  const rows = fillTrendMonths(query.data?.rows ?? [], range);
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
