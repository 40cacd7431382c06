import { isNumericReportColumn, type ReportColumn } from '@preauth/domain';
import type { ReactNode } from 'react';
import { screenCell } from '../model/report-format';
import type { Column } from './DataTable';

/** How a cell shows beyond its text (a link to the cases behind a figure, a control). */
export type CellDecorations<Row> = Partial<Record<string, (row: Row, text: string) => ReactNode>>;

// A report's table on screen: the shared columns (headers, order, wording, which the CSV export
// uses too), some of their cells decorated.
export function screenColumns<Row>(
  columns: readonly ReportColumn<Row>[],
  decorate: CellDecorations<Row> = {},
): Column<Row>[] {
  return columns.map((column) => ({
    key: column.key,
    header: column.header,
    numeric: isNumericReportColumn(column.kind),
    render: (row: Row) => {
      const text = screenCell(column, row);
      const decorated = decorate[column.key];
      return decorated ? decorated(row, text) : text;
    },
  }));
}
