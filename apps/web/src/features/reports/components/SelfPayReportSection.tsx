import { SELF_PAY_COLUMNS } from '@preauth/domain';
import type { ReportRange, SelfPayRow } from '../api/types';
import { useSelfPayReport } from '../api/useSelfPayReport';
import { DataTable } from './DataTable';
import { screenColumns } from './report-columns';
import { EmptyReport, ReportSection } from './ReportSection';

// The columns of the CSV export too (libs/domain report-columns).
const columns = screenColumns<SelfPayRow>(SELF_PAY_COLUMNS);

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
