import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { QueryState } from '../../../ui/QueryState';
import { reportExportUrl } from '../api/report-export';
import type { ReportRange, ReportTable } from '../api/types';

interface ReportSectionProps {
  title: string;
  description?: ReactNode;
  table: ReportTable;
  range: ReportRange;
  query: { isPending: boolean; isPlaceholderData?: boolean; error: Error | null; refetch: () => unknown };
  children: ReactNode;
}

// One report: a titled card with its CSV export, and the shared loading / error states.
export function ReportSection({ title, description, table, range, query, children }: ReportSectionProps) {
  const headingId = useId();
  return (
    <Paper
      component="section"
      aria-labelledby={headingId}
      withBorder
      p="md"
      className="report-section"
      data-testid={`report-${table}`}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <div>
            <Title order={3} size="h4" id={headingId}>
              {title}
            </Title>
            {description && (
              <Text size="sm" c="dimmed">
                {description}
              </Text>
            )}
          </div>
          <Anchor
            href={reportExportUrl(table, range)}
            download
            size="sm"
            className="report-no-print"
            data-testid={`export-${table}`}
          >
            Export CSV<span className="report-visually-hidden"> of {title.toLowerCase()}</span>
          </Anchor>
        </Group>
        <QueryState
          isPending={query.isPending}
          error={query.error}
          onRetry={() => void query.refetch()}
          what={title.toLowerCase()}
        >
          <div style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }} aria-busy={query.isPlaceholderData || undefined}>
            {children}
          </div>
        </QueryState>
      </Stack>
    </Paper>
  );
}

export function EmptyReport({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" c="dimmed" py="md" ta="center" data-testid="report-empty">
      {children}
    </Text>
  );
}
