import { Anchor, SimpleGrid, Stack } from '@mantine/core';
import { Link } from 'react-router';
import { CLINIC_MISS_COLUMNS, sortClinicMisses } from '@preauth/domain';
import type { ClinicMissRow, ReportRange } from '../api/types';
import { useClinicMissesReport } from '../api/useClinicMissesReport';
import { formatCount } from '../model/report-format';
import { DataTable } from './DataTable';
import { screenColumns } from './report-columns';
import { EmptyReport, ReportSection } from './ReportSection';
import { StatTile } from './StatTile';

const COLUMNS = screenColumns<ClinicMissRow>(CLINIC_MISS_COLUMNS, {
  case: (row, text) => (
    <Anchor component={Link} to={`/cases/${row.caseId}`} size="sm" data-testid="clinic-miss-link">
      {text}
    </Anchor>
  ),
});

export function ClinicMissesSection({ range }: { range: ReportRange }) {
  const query = useClinicMissesReport(range);
  const data = query.data;
  const rows = sortClinicMisses(data?.rows ?? []);
  return (
    <ReportSection
      title="The clinic's own misses"
      description="Appeal windows that closed without an appeal, and approvals that expired unused."
      table="clinic-misses"
      range={range}
      query={query}
    >
      {data && (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <StatTile
              testId="stat-appeal-windows-missed"
              label="Appeal windows missed"
              value={formatCount(data.appealWindowsMissed)}
            />
            <StatTile
              testId="stat-approvals-expired"
              label="Approvals expired unused"
              value={formatCount(data.approvalsExpiredUnused)}
              detail={
                data.approvalsExpiredPartlyUsed > 0
                  ? `${formatCount(data.approvalsExpiredPartlyUsed)} of them partly used`
                  : undefined
              }
            />
          </SimpleGrid>
          {rows.length === 0 ? (
            <EmptyReport>No missed appeal windows or expired approvals in this range.</EmptyReport>
          ) : (
            <DataTable
              caption="Cases the clinic missed"
              columns={COLUMNS}
              rows={rows}
              rowKey={(row) => `${row.kind}-${row.caseId}`}
            />
          )}
        </Stack>
      )}
    </ReportSection>
  );
}
