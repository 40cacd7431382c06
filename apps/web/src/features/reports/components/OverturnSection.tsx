import { OVERTURN_BY_PAYER_COLUMNS, OVERTURN_BY_REASON_COLUMNS, sortOverturnRows } from '@preauth/domain';
import type { UseQueryResult } from '@tanstack/react-query';
import type { CaseListParams } from '../../cases/model/list-params';
import type { OverturnReport, OverturnRow, ReportRange, ReportTable } from '../api/types';
import { useOverturnByPayer, useOverturnByReason } from '../api/useOverturnReport';
import { DataTable } from './DataTable';
import { DrillLink } from './DrillLink';
import { ReasonCell, useMayDescribeCodes } from './ReasonCell';
import { screenColumns, type CellDecorations } from './report-columns';
import { EmptyReport, ReportSection } from './ReportSection';

interface OverturnSectionProps {
  title: string;
  description: string;
  table: ReportTable;
  range: ReportRange;
  query: UseQueryResult<OverturnReport>;
  columns: typeof OVERTURN_BY_PAYER_COLUMNS;
  /** The case-list filter that selects a row's reviews (by the case's payer, or the denial's code). */
  filterOf: (row: OverturnRow) => CaseListParams;
  decorate?: CellDecorations<OverturnRow>;
  /** Below this width the table scrolls sideways (a phone fits the payer table's four columns). */
  minWidth: number;
}

// Each row's two counts open the cases behind them: cases with a review decided in the range,
// and of those, the ones a review overturned. The report counts cases, as the list does.
function OverturnSection({
  title,
  description,
  table,
  range,
  query,
  columns,
  filterOf,
  decorate,
  minWidth,
}: OverturnSectionProps) {
  const drill = (row: OverturnRow, what: string, filter: CaseListParams, text: string) => (
    <DrillLink
      to={{ decidedFrom: range.from, decidedTo: range.to, decisionStage: 'review', ...filterOf(row), ...filter }}
      label={`${what}: ${row.label}, ${text}`}
    >
      {text}
    </DrillLink>
  );
  const rows = sortOverturnRows(query.data?.rows ?? []);
  const tableColumns = screenColumns<OverturnRow>(columns, {
    ...decorate,
    decided: (row, text) => drill(row, 'Appeals decided', {}, text),
    overturned: (row, text) => drill(row, 'Overturned', { outcome: 'overturned' }, text),
  });
  return (
    <ReportSection title={title} description={description} table={table} range={range} query={query}>
      {rows.length === 0 ? (
        <EmptyReport>No peer-to-peer, appeal or external review was decided in this range.</EmptyReport>
      ) : (
        <DataTable caption={title} columns={tableColumns} rows={rows} rowKey={(row) => row.key} minWidth={minWidth} />
      )}
    </ReportSection>
  );
}

const DESCRIPTION =
  'Denied cases with a peer-to-peer, appeal or external review decided in the range, and how many a review overturned.';

export function OverturnByPayerSection({ range }: { range: ReportRange }) {
  return (
    <OverturnSection
      title="Overturn rate by payer"
      description={DESCRIPTION}
      table="overturn-by-payer"
      range={range}
      query={useOverturnByPayer(range)}
      columns={OVERTURN_BY_PAYER_COLUMNS}
      filterOf={(row) => ({ payerId: row.key })}
      minWidth={340}
    />
  );
}

export function OverturnByReasonSection({ range }: { range: ReportRange }) {
  const mayDescribe = useMayDescribeCodes();
  return (
    <OverturnSection
      title="Overturn rate by denial reason"
      description={`${DESCRIPTION} By the reason code (CARC) of the denial reviewed.`}
      table="overturn-by-reason"
      range={range}
      query={useOverturnByReason(range)}
      columns={OVERTURN_BY_REASON_COLUMNS}
      filterOf={(row) => ({ reviewedDenialCode: row.key })}
      minWidth={560}
      decorate={{
        // A code is one word: "CO-50", never "CO-" over "50".
        key: (_row, text) => <span style={{ whiteSpace: 'nowrap' }}>{text}</span>,
        label: (row, text) => (
          <ReasonCell code={row.key} text={text} described={row.described} mayDescribe={mayDescribe} />
        ),
      }}
    />
  );
}
