import { Stack } from '@mantine/core';
import { LATE_PAYER_COLUMNS, PAYER_CLOCK_KINDS, sortLatePayers } from '@preauth/domain';
import type { LatePayerRow, ReportRange } from '../api/types';
import { useLatePayersReport } from '../api/useLatePayersReport';
import { formatShare } from '../model/report-format';
import { CHART_COLORS, HorizontalBars } from './charts';
import { DataTable } from './DataTable';
import { screenColumns } from './report-columns';
import { DrillLink } from './DrillLink';
import { EmptyReport, ReportSection } from './ReportSection';

const columns = (range: ReportRange) =>
  screenColumns<LatePayerRow>(LATE_PAYER_COLUMNS, {
    late: (row, text) => (
      <DrillLink
        to={{ payerId: row.payerId, decidedFrom: range.from, decidedTo: range.to, decidedLate: true }}
        label={`Decided late: ${row.payer}, ${text}`}
      >
        {text}
      </DrillLink>
    ),
    overdueOpen: (row, text) => (
      <DrillLink
        to={{ payerId: row.payerId, overdue: true, clockKind: [...PAYER_CLOCK_KINDS], sort: 'due_asc' }}
        label={`Still waiting past the deadline: ${row.payer}, ${text}`}
      >
        {text}
      </DrillLink>
    ),
  });

export function LatePayersSection({ range }: { range: ReportRange }) {
  const query = useLatePayersReport(range);
  const rows = sortLatePayers(query.data?.rows ?? []);
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
