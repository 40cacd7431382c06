import { formatCents } from '@preauth/domain';
import type { ReportRange, SelfPayRow } from '../api/types';
import { useSelfPayReport } from '../api/useSelfPayReport';
import { formatCount } from '../model/report-format';
import { DataTable, type Column } from './DataTable';
import { EmptyReport, ReportSection } from './ReportSection';

const columns: readonly Column<SelfPayRow>[] = [
  { key: 'payer', header: 'Payer', render: (row) => row.payer },
  { key: 'reason', header: 'Reason', render: (row) => row.reasonLabel },
  { key: 'conversions', header: 'Cases', numeric: true, render: (row) => formatCount(row.conversions) },
  { key: 'estimated', header: 'Estimates', numeric: true, render: (row) => formatCents(row.estimatedCents) },
];

export function SelfPayReportSection({ range }: { range: ReportRange }) {
  const query = useSelfPayReport(range);
  const rows = query.data?.rows ?? [];
  return (
    <ReportSection
      title="Self-pay conversions"
      description="Cases the patient pays for, by payer and why: criteria not met (never requested) or a CO-50 denial made final. A step taken back does not count."
      table="self-pay"
      range={range}
      query={query}
    >
      {rows.length === 0 ? (
        <EmptyReport>No case converted to self-pay in this range.</EmptyReport>
      ) : (
        <DataTable
          caption="Self-pay conversions by payer and reason"
          columns={columns}
          rows={rows}
          rowKey={(row) => `${row.payerId}-${row.reason}`}
        />
      )}
    </ReportSection>
  );
}
