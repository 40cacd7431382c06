import { Stack } from '@mantine/core';
import { PAYER_CLOCK_KINDS } from '@preauth/domain';
import type { LatePayerRow, ReportRange } from '../api/types';
import { useLatePayersReport } from '../api/useLatePayersReport';
import { formatCount, formatDays, formatShare } from '../model/report-format';
import { CHART_COLORS, HorizontalBars } from './charts';
import { DataTable, type Column } from './DataTable';
import { DrillLink } from './DrillLink';
import { EmptyReport, ReportSection } from './ReportSection';

const columns = (range: ReportRange): readonly Column<LatePayerRow>[] => [
  { key: 'payer', header: 'Payer', render: (row) => row.payer },
  {
    key: 'decisions',
    header: 'Decisions with a deadline',
    numeric: true,
    render: (row) => formatCount(row.decisions),
  },
  {
    key: 'late',
    header: 'Decided late',
    numeric: true,
    render: (row) => (
      <DrillLink
        to={{ payerId: row.payerId, decidedFrom: range.from, decidedTo: range.to, decidedLate: true }}
        label={`Decided late: ${row.payer}, ${formatCount(row.late)}`}
      >
        {formatCount(row.late)}
      </DrillLink>
    ),
  },
  { key: 'lateShare', header: 'Share late', numeric: true, render: (row) => formatShare(row.lateShare) },
  { key: 'meanDaysLate', header: 'Mean days late', numeric: true, render: (row) => formatDays(row.meanDaysLate) },
  {
    key: 'overdueOpen',
    header: 'Still waiting, past deadline (now)',
    numeric: true,
    render: (row) => (
      <DrillLink
        to={{ payerId: row.payerId, overdue: true, clockKind: [...PAYER_CLOCK_KINDS], sort: 'due_asc' }}
        label={`Still waiting past the deadline: ${row.payer}, ${formatCount(row.overdueOpen)}`}
      >
        {formatCount(row.overdueOpen)}
      </DrillLink>
    ),
  },
];

export function LatePayersSection({ range }: { range: ReportRange }) {
  const query = useLatePayersReport(range);
  const rows = [...(query.data?.rows ?? [])].sort((a, b) => b.late - a.late || (b.lateShare ?? 0) - (a.lateShare ?? 0));
  const late = rows.filter((row) => row.late > 0 || row.overdueOpen > 0).slice(0, 10);
  return (
    <ReportSection
      title="Payers that run late"
      description="Decisions at every level that came after the payer's deadline, and apart, the requests, appeals and reviews still waiting on the payer past it today."
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
              series={[
                { key: 'late', label: 'Decided late', color: CHART_COLORS.orange },
                { key: 'overdueOpen', label: 'Still waiting past the deadline', color: CHART_COLORS.red },
              ]}
            />
          )}
          <DataTable
            caption="Late decisions by payer"
            columns={columns(range)}
            rows={rows}
            rowKey={(row) => row.payerId}
          />
        </Stack>
      )}
    </ReportSection>
  );
}
