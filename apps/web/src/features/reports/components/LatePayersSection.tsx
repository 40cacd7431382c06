import { Stack } from '@mantine/core';
import type { LatePayerRow, ReportRange } from '../api/types';
import { useLatePayersReport } from '../api/useLatePayersReport';
import { formatCount, formatDays, formatShare } from '../model/report-format';
import { CHART_COLORS, HorizontalBars } from './charts';
import { DataTable, type Column } from './DataTable';
import { EmptyReport, ReportSection } from './ReportSection';

const COLUMNS: readonly Column<LatePayerRow>[] = [
  { key: 'payer', header: 'Payer', render: (row) => row.payer },
  { key: 'decisions', header: 'Decisions with a deadline', numeric: true, render: (row) => formatCount(row.decisions) },
  { key: 'late', header: 'Late', numeric: true, render: (row) => formatCount(row.late) },
  { key: 'lateShare', header: 'Share late', numeric: true, render: (row) => formatShare(row.lateShare) },
  { key: 'meanDaysLate', header: 'Mean days late', numeric: true, render: (row) => formatDays(row.meanDaysLate) },
];

export function LatePayersSection({ range }: { range: ReportRange }) {
  const query = useLatePayersReport(range);
  const rows = [...(query.data?.rows ?? [])].sort((a, b) => b.late - a.late || (b.lateShare ?? 0) - (a.lateShare ?? 0));
  const late = rows.filter((row) => row.late > 0).slice(0, 10);
  return (
    <ReportSection
      title="Payers that run late"
      description="Decisions at every level that came after the payer's deadline."
      table="late-payers"
      range={range}
      query={query}
    >
      {rows.length === 0 ? (
        <EmptyReport>No payer decisions with a deadline in this range.</EmptyReport>
      ) : (
        <Stack gap="md">
          {late.length === 0 ? (
            <EmptyReport>Every payer decided within its deadline.</EmptyReport>
          ) : (
            <HorizontalBars
              label={`Bar chart of late decisions by payer: ${late.map((row) => `${row.payer}: ${row.late} late (${formatShare(row.lateShare)})`).join('; ')}`}
              data={late}
              categoryKey="payer"
              series={[{ key: 'late', label: 'Late decisions', color: CHART_COLORS.orange }]}
            />
          )}
          <DataTable caption="Late decisions by payer" columns={COLUMNS} rows={rows} rowKey={(row) => row.payerId} />
        </Stack>
      )}
    </ReportSection>
  );
}
