import { Button, Table } from '@mantine/core';
import { useState, type ReactNode } from 'react';

export interface Column<T> {
  key: string;
  header: string;
  numeric?: boolean;
  render: (row: T) => ReactNode;
}

interface DataTableProps<T> {
  caption: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  initialRows?: number;
  minWidth?: number;
}

// Long tables show their first rows on screen; printing shows every row (see reports.css).
export function DataTable<T>({ caption, columns, rows, rowKey, initialRows = 10, minWidth = 560 }: DataTableProps<T>) {
  const [expanded, setExpanded] = useState(false);
  const hidden = rows.length - initialRows;
  return (
    <>
      <Table.ScrollContainer minWidth={minWidth}>
        <Table striped highlightOnHover verticalSpacing={6} fz="sm">
          <caption className="report-visually-hidden">{caption}</caption>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th key={column.key} scope="col" ta={column.numeric ? 'right' : 'left'}>
                  {column.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, index) => (
              <Table.Tr
                key={rowKey(row)}
                className={!expanded && index >= initialRows ? 'report-collapsed-row' : undefined}
              >
                {columns.map((column, columnIndex) =>
                  columnIndex === 0 ? (
                    <Table.Th key={column.key} scope="row" fw={500}>
                      {column.render(row)}
                    </Table.Th>
                  ) : (
                    <Table.Td
                      key={column.key}
                      ta={column.numeric ? 'right' : 'left'}
                      style={column.numeric ? { fontVariantNumeric: 'tabular-nums' } : undefined}
                    >
                      {column.render(row)}
                    </Table.Td>
                  ),
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {hidden > 0 && (
        <Button
          variant="subtle"
          size="xs"
          onClick={() => setExpanded((value) => !value)}
          className="report-no-print"
          aria-expanded={expanded}
        >
          {expanded ? 'Show fewer rows' : `Show all ${rows.length} rows`}
        </Button>
      )}
    </>
  );
}
