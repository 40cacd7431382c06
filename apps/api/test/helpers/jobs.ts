import { JobsService } from '../../src/modules/jobs/jobs.service';
import type { TestApp } from './create-test-app';

/** How long a test waits for a job it sent to run. */
const RUN_WITHIN_MS = 15_000;

export interface RunRow {
  name: string;
  state: string;
  due_at: string;
  retry_count: number;
}

/** Runs of job `name` (at `dueAt`) in pg-boss's tables, live and archived. */
export async function runsOf(t: TestApp, name: string, dueAt?: string): Promise<RunRow[]> {
  const { rows } = await t.db.query<RunRow>(
    `SELECT name, state::text, data->>'dueAt' AS due_at, retry_count FROM (
       SELECT name, state, data, retry_count FROM pgboss.job UNION ALL
       SELECT name, state, data, retry_count FROM pgboss.archive) r
      WHERE name = $1 AND ($2::text IS NULL OR data->>'dueAt' = $2)`,
    [name, dueAt ?? null],
  );
  return rows;
}

/** Waits until every run of `name` at `dueAt` has left the queue (done, failed or waiting to retry). */
export async function settled(t: TestApp, name: string, dueAt: string): Promise<RunRow[]> {
  const deadline = Date.now() + RUN_WITHIN_MS;
  for (;;) {
    const runs = await runsOf(t, name, dueAt);
    const done = runs.length > 0 && runs.every((r) => ['completed', 'failed', 'retry'].includes(r.state));
    if (done || Date.now() > deadline) return runs;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Every instance sends the same due moment at once, as their ticks would. */
export async function sendOnAll(instances: readonly TestApp[], moment: Date): Promise<void> {
  await Promise.all(instances.map((instance) => instance.app.get(JobsService).sendDue(moment)));
}
