import { Alert, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useJobs, type JobSchedule } from '../../features/jobs/api/useJobs';
import { JobRunsTable, JobStateBadge } from '../../features/jobs/components/JobRunsTable';
import { SettingsHeader } from '../../features/settings/components/SettingsHeader';
import { formatDateTime } from '../../ui/format';
import { QueryState } from '../../ui/QueryState';

// What each job does, for the admin reading the list; a job missing here shows its name alone.
const JOB_DESCRIPTIONS: Record<string, string> = {
  'approval-expiry': 'Marks approvals whose validity ended unused as expired.',
  'approval-reminders': 'Reminds case owners 14 and 3 days before an approval ends unused with nothing scheduled.',
  'clock-warnings': 'Warns case owners of clocks entering their warning period.',
  'notification-email': 'Emails new notifications on expedited cases.',
  'notification-digest': 'Sends the daily email digest at the clinic’s hour (checked hourly).',
  'pas-inquiry-sweep': 'Finds pended electronic requests due to be asked about again.',
  'pas-inquire': 'Asks a payer about a pended electronic request (Claim/$inquire).',
  'photo-sweep': 'Finishes or removes interrupted photo uploads.',
};

function every(minutes: number): string {
  if (minutes % 60 === 0) return minutes === 60 ? 'every hour' : `every ${minutes / 60} hours`;
  return minutes === 1 ? 'every minute' : `every ${minutes} minutes`;
}

function ScheduleCard({ schedule }: { schedule: JobSchedule }) {
  const last = schedule.lastRuns[0];
  return (
    <Card withBorder data-testid={`job-${schedule.name}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={3} size="h4">
              {schedule.name}
            </Title>
            <Text size="sm" c="dimmed">
              {JOB_DESCRIPTIONS[schedule.name] ?? ''} Runs {every(schedule.everyMinutes)}; next due{' '}
              {formatDateTime(schedule.nextDueAt)}.
            </Text>
          </div>
          {last && <JobStateBadge state={last.state} />}
        </Group>
        <JobRunsTable runs={schedule.lastRuns} caption={`Latest runs of ${schedule.name}`} />
      </Stack>
    </Card>
  );
}

export function BackgroundJobsPage() {
  const jobs = useJobs();
  return (
    <Stack maw={1000}>
      <SettingsHeader
        title="Background jobs"
        description="Work Preauth does on its own, once across all servers: each job's latest runs, failures with their error messages, and when it is next due."
      />
      <QueryState
        isPending={jobs.isPending}
        error={jobs.error}
        onRetry={() => void jobs.refetch()}
        what="the background jobs"
      >
        {jobs.data && (
          <>
            {!jobs.data.running && (
              <Alert color="yellow" title="This server runs no background jobs">
                BACKGROUND_JOBS is off here; another server sharing the database may run them. Their runs are listed
                below either way.
              </Alert>
            )}
            <Card withBorder>
              <Title order={3} size="h4" mb="xs">
                Failures
              </Title>
              {jobs.data.failures.length ? (
                <JobRunsTable runs={jobs.data.failures} caption="Failed runs and runs waiting to retry" showName />
              ) : (
                <Text size="sm" data-testid="no-job-failures">
                  No failed runs in the last week.
                </Text>
              )}
            </Card>
            {jobs.data.schedules.map((schedule) => (
              <ScheduleCard key={schedule.name} schedule={schedule} />
            ))}
          </>
        )}
      </QueryState>
    </Stack>
  );
}
