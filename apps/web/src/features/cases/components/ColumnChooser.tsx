import { Button, Checkbox, Popover, Stack } from '@mantine/core';
import { CASE_OPTIONAL_COLUMN_LABELS, CASE_OPTIONAL_COLUMNS, type CaseOptionalColumn } from '@preauth/domain';

/** Which optional columns All cases shows (and its CSV export carries). */
export function ColumnChooser({
  value,
  onChange,
}: {
  value: readonly CaseOptionalColumn[];
  onChange: (columns: CaseOptionalColumn[]) => void;
}) {
  return (
    <Popover position="bottom-end" withArrow trapFocus>
      <Popover.Target>
        <Button variant="default" data-testid="choose-columns">
          Columns{value.length ? ` (+${value.length})` : ''}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Checkbox.Group label="Show these columns" value={[...value]} onChange={(columns) => onChange(columns)}>
          <Stack gap={6} mt="xs">
            {CASE_OPTIONAL_COLUMNS.map((column) => (
              <Checkbox key={column} value={column} label={CASE_OPTIONAL_COLUMN_LABELS[column]} />
            ))}
          </Stack>
        </Checkbox.Group>
      </Popover.Dropdown>
    </Popover>
  );
}
