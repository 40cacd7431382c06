import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { ReportRange } from '../features/reports/api/types';
import {
  CptBreakdownSection,
  PayerBreakdownSection,
  PhysicianBreakdownSection,
} from '../features/reports/components/BreakdownSection';
import { ClinicMissesSection } from '../features/reports/components/ClinicMissesSection';
import { DateRangeControls } from '../features/reports/components/DateRangeControls';
import { DecisionTimesSection } from '../features/reports/components/DecisionTimesSection';
import { DenialReasonsSection } from '../features/reports/components/DenialReasonsSection';
import { OverturnByPayerSection, OverturnByReasonSection } from '../features/reports/components/OverturnSection';
import { LatePayersSection } from '../features/reports/components/LatePayersSection';
import { SummarySection } from '../features/reports/components/SummarySection';
import { TrendSection } from '../features/reports/components/TrendSection';
import { DEFAULT_PRESET, isValidRange, presetRange } from '../features/reports/model/date-range';
import '../features/reports/components/reports.css';
import { CLINIC_TIME_ZONE } from '../app/clinic';
import { formatCalendarDate } from '../ui/format';

// The range is also written to the URL (?from=&to=), so a report can be bookmarked or sent to a
// colleague. State holds it meanwhile: a router navigation settles asynchronously, and the date
// inputs must not wait for it.
function useReportRange(): [ReportRange, (range: ReportRange) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const [range, setRangeState] = useState<ReportRange>(() => {
    const fromUrl = { from: searchParams.get('from') ?? '', to: searchParams.get('to') ?? '' };
    return isValidRange(fromUrl) ? fromUrl : presetRange(DEFAULT_PRESET);
  });
  const setRange = (next: ReportRange) => {
    setRangeState(next);
    setSearchParams({ from: next.from, to: next.to }, { replace: true });
  };
  return [range, setRange];
}

export function ReportsPage() {
  const [range, setRange] = useReportRange();
  return (
    <Stack gap="lg" maw={1280} data-testid="reports-page">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <div>
          <Title order={2}>Reports</Title>
          <Text size="sm" c="dimmed" data-testid="report-range">
            {formatCalendarDate(range.from)} – {formatCalendarDate(range.to)} (clinic time, {CLINIC_TIME_ZONE})
          </Text>
        </div>
        <Button variant="default" onClick={() => window.print()} className="report-no-print">
          Print
        </Button>
      </Group>
      <DateRangeControls value={range} onChange={setRange} />
      <SummarySection range={range} />
      <DecisionTimesSection range={range} />
      <TrendSection range={range} />
      <PayerBreakdownSection range={range} />
      <CptBreakdownSection range={range} />
      <PhysicianBreakdownSection range={range} />
      <DenialReasonsSection range={range} />
      <OverturnByPayerSection range={range} />
      <OverturnByReasonSection range={range} />
      <LatePayersSection range={range} />
      <ClinicMissesSection range={range} />
    </Stack>
  );
}
