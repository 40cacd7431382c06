import { Group, Stack } from '@mantine/core';
import { useMe } from '../../auth/api/useMe';
import { DescribeCarcCode } from '../../reference/components/DescribeCarcCode';
import type { DenialReasonRow, ReportRange } from '../api/types';
import { useDenialReasonReport } from '../api/useDenialReasonReport';
import { formatCount, formatShare } from '../model/report-format';
import { CHART_COLORS, HorizontalBars } from './charts';
import { DataTable, type Column } from './DataTable';
import { DrillLink } from './DrillLink';
import { EmptyReport, ReportSection } from './ReportSection';

// A manager describes a code nobody described yet right where it shows bare.
const columnsFor = (mayDescribe: boolean, range: ReportRange): readonly Column<DenialReasonRow>[] => [
  { key: 'code', header: 'Code', render: (row) => row.code },
  {
    key: 'label',
    header: 'Reason',
    render: (row) =>
      !row.described && mayDescribe ? (
        <Group gap="xs" wrap="nowrap">
          <span>{row.label}</span>
          <DescribeCarcCode code={row.code} />
        </Group>
      ) : (
        row.label
      ),
  },
  {
    key: 'denials',
    header: 'Denials',
    numeric: true,
    // The cases denied in the range with this code (a case denied twice with it counts once there).
    render: (row) => (
      <DrillLink
        to={{ decidedFrom: range.from, decidedTo: range.to, outcome: 'denied', denialCode: row.code }}
        label={`Denials with ${row.code}: ${formatCount(row.denials)}`}
      >
        {formatCount(row.denials)}
      </DrillLink>
    ),
  },
  { key: 'share', header: 'Share of denials', numeric: true, render: (row) => formatShare(row.share) },
];

export function DenialReasonsSection({ range }: { range: ReportRange }) {
  const query = useDenialReasonReport(range);
  const { data: me } = useMe();
  const columns = columnsFor(!!me?.roles.includes('manager'), range);
  const rows = [...(query.data?.rows ?? [])].sort((a, b) => b.denials - a.denials);
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
