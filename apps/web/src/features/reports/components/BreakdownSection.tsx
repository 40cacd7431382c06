import { Stack } from '@mantine/core';
import { BREAKDOWN_DIMENSIONS, breakdownColumns, sortBreakdownRows } from '@preauth/domain';
import type { UseQueryResult } from '@tanstack/react-query';
import type { BreakdownReport, BreakdownRow, ReportRange, ReportTable } from '../api/types';
import { useCptBreakdown } from '../api/useCptBreakdown';
import { usePayerBreakdown } from '../api/usePayerBreakdown';
import { usePhysicianBreakdown } from '../api/usePhysicianBreakdown';
import type { CaseListParams } from '../../cases/model/list-params';
import { CHART_COLORS, HorizontalBars } from './charts';
import { DrillLink } from './DrillLink';
import { DataTable } from './DataTable';
import { screenColumns } from './report-columns';
import { EmptyReport, ReportSection } from './ReportSection';

const CHART_ROWS = 10;

interface BreakdownSectionProps {
  title: string;
  dimension: string;
  table: ReportTable;
  range: ReportRange;
  query: UseQueryResult<BreakdownReport>;
  // CPT descriptors are sentences: the chart names the code, the table the whole descriptor.
  chartLabel?: (row: BreakdownRow) => string;
  /** The case-list filter that selects a row's group (payer, CPT code or physician). */
  filterOf: (row: BreakdownRow) => CaseListParams;
}

// By payer, CPT code or physician: the same columns, a stacked bar of outcomes for the busiest ten.
export function BreakdownSection({
  title,
  dimension,
  table,
  range,
  query,
  chartLabel = (row) => row.label,
  filterOf,
}: BreakdownSectionProps) {
  // Each count opens the cases behind it: the row's initial decisions in the range, by outcome.
  const drill = (row: BreakdownRow, what: string, filter: CaseListParams, text: string) => (
    <DrillLink
      to={{ decidedFrom: range.from, decidedTo: range.to, decisionStage: 'initial', ...filterOf(row), ...filter }}
      label={`${what}: ${row.label}, ${text}`}
    >
      {text}
    </DrillLink>
  );
  const rows = sortBreakdownRows(query.data?.rows ?? []);
  const columns = screenColumns(breakdownColumns(dimension), {
    decisions: (row, text) => drill(row, 'Decisions', {}, text),
    approved: (row, text) => drill(row, 'Approved', { outcome: 'approved' }, text),
    partiallyApproved: (row, text) => drill(row, 'Partially approved', { outcome: 'partially_approved' }, text),
    denied: (row, text) => drill(row, 'Denied', { outcome: 'denied' }, text),
    late: (row, text) => drill(row, 'Decided late', { decidedLate: true }, text),
  });
  const top = rows.slice(0, CHART_ROWS);
  return (
    <ReportSection
      title={title}
      description="Initial decisions in the range."
      table={table}
      range={range}
      query={query}
    >
      {rows.length === 0 ? (
        <EmptyReport>No initial decisions in this range.</EmptyReport>
      ) : (
        <Stack gap="md">
          <HorizontalBars
            label={`Stacked bar chart of outcomes ${title.toLowerCase()}${rows.length > CHART_ROWS ? `, the ${CHART_ROWS} with most decisions` : ''}: ${top
              .map(
                (row) =>
                  `${row.label}: ${row.approved} approved, ${row.partiallyApproved} partially approved, ${row.denied} denied`,
              )
              .join('; ')}`}
            data={top.map((row) => ({ ...row, category: chartLabel(row) }))}
            categoryKey="category"
            stacked
            series={[
              { key: 'approved', label: 'Approved', color: CHART_COLORS.green },
              { key: 'partiallyApproved', label: 'Partially approved', color: CHART_COLORS.orange },
              { key: 'denied', label: 'Denied', color: CHART_COLORS.red },
            ]}
          />
          <DataTable
            caption={`Decisions ${title.toLowerCase()}`}
            columns={columns}
            rows={rows}
            rowKey={(row) => row.key}
            minWidth={720}
          />
        </Stack>
      )}
    </ReportSection>
  );
}

export function PayerBreakdownSection({ range }: { range: ReportRange }) {
  return (
    <BreakdownSection
      title="By payer"
      dimension={BREAKDOWN_DIMENSIONS.payer}
      table="by-payer"
      range={range}
      query={usePayerBreakdown(range)}
      filterOf={(row) => ({ payerId: row.key })}
    />
  );
}

export function CptBreakdownSection({ range }: { range: ReportRange }) {
  return (
    <BreakdownSection
      title="By CPT code"
      dimension={BREAKDOWN_DIMENSIONS.cpt}
      table="by-cpt"
      range={range}
      query={useCptBreakdown(range)}
      chartLabel={(row) => `CPT ${row.key}`}
      filterOf={(row) => ({ cpt: row.key })}
    />
  );
}

export function PhysicianBreakdownSection({ range }: { range: ReportRange }) {
  return (
    <BreakdownSection
      title="By physician"
      dimension={BREAKDOWN_DIMENSIONS.physician}
      table="by-physician"
      range={range}
      query={usePhysicianBreakdown(range)}
      filterOf={(row) => ({ providerId: row.key })}
    />
  );
}
