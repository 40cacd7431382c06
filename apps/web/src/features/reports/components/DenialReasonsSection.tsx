import { Stack } from '@mantine/core';
import { DENIAL_REASON_COLUMNS, sortDenialReasons } from '@preauth/domain';
import type { DenialReasonRow, ReportRange } from '../api/types';
import { useDenialReasonReport } from '../api/useDenialReasonReport';
import { CHART_COLORS, HorizontalBars } from './charts';
import { DataTable } from './DataTable';
import { screenColumns } from './report-columns';
import { DrillLink } from './DrillLink';
import { ReasonCell, useMayDescribeCodes } from './ReasonCell';
import { EmptyReport, ReportSection } from './ReportSection';

const columnsFor = (mayDescribe: boolean, range: ReportRange) =>
  screenColumns<DenialReasonRow>(DENIAL_REASON_COLUMNS, {
    label: (row, text) => (
      <ReasonCell code={row.code} text={text} described={row.described} mayDescribe={mayDescribe} />
    ),
    // The cases denied in the range with this code (a case denied twice with it counts once there).
    denials: (row, text) => (
      <DrillLink
        to={{ decidedFrom: range.from, decidedTo: range.to, outcome: 'denied', denialCode: row.code }}
        label={`Denials with ${row.code}: ${text}`}
      >
        {text}
      </DrillLink>
    ),
  });

export function DenialReasonsSection({ range }: { range: ReportRange }) {
  const query = useDenialReasonReport(range);
  const columns = columnsFor(useMayDescribeCodes(), range);
  const rows = sortDenialReasons(query.data?.rows ?? []);
  const top = rows.slice(0, 10);
  return (
    <ReportSection
      title="By denial reason"
      description="Initial denials in the range, by the payer's reason code (CARC)."
      table="by-denial-reason"
      range={range}
      query={query}
    >
      {rows.length === 0 ? (
        <EmptyReport>No denials in this range.</EmptyReport>
      ) : (
        <Stack gap="md">
          <HorizontalBars
            label={`Bar chart of denials by reason code: ${top.map((row) => `${row.code} ${row.label}: ${row.denials}`).join('; ')}`}
            data={top.map((row) => ({ ...row, category: row.code }))}
            categoryKey="category"
            series={[{ key: 'denials', label: 'Denials', color: CHART_COLORS.red }]}
          />
          <DataTable caption="Denials by reason" columns={columns} rows={rows} rowKey={(row) => row.code} />
        </Stack>
      )}
    </ReportSection>
  );
}
