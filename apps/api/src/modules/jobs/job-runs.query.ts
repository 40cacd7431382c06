import type { DataSource } from 'typeorm';
import type { JobRunDto, JobRunState } from './dto/job-run.dto';
import { JOBS_SCHEMA } from './jobs.service';

interface JobRunRow {
  id: string;
  name: string;
  state: JobRunState;
  due_at: string | null;
  created_on: Date;
  started_on: Date | null;
  completed_on: Date | null;
  retry_count: number;
  error: string | null;
}

// Live jobs and the archive (finished runs move there), without pg-boss's own queues and the
// once-a-minute tick that only sends the others.
const ALL_RUNS = `
  SELECT id, name, state, data->>'dueAt' AS due_at, created_on, started_on, completed_on, retry_count,
         CASE WHEN state IN ('failed', 'retry') THEN left(output->>'message', 500) END AS error
    FROM (SELECT id, name, state, data, created_on, started_on, completed_on, retry_count, output FROM ${JOBS_SCHEMA}.job
          UNION ALL
          SELECT id, name, state, data, created_on, started_on, completed_on, retry_count, output FROM ${JOBS_SCHEMA}.archive) runs
   WHERE name NOT LIKE '\\_\\_pgboss%' AND name <> 'preauth.tick'`;

const RUNS = `${ALL_RUNS} AND ($1::boolean IS FALSE OR state IN ('failed', 'retry'))
   ORDER BY created_on DESC, id
   LIMIT $2`;

// The latest few of each job: the frequent ones would crowd the hourly ones out of one list.
const RUNS_PER_JOB = `
  SELECT * FROM (SELECT r.*, row_number() OVER (PARTITION BY name ORDER BY created_on DESC, id) AS n
                   FROM (${ALL_RUNS}) r) ranked
   WHERE n <= $1
   ORDER BY name, created_on DESC, id`;

const toIso = (value: Date | null): string | null => (value ? value.toISOString() : null);

async function jobTablesPresent(dataSource: DataSource): Promise<boolean> {
  const [{ present }] = await dataSource.query<{ present: boolean }[]>(
    `SELECT to_regclass($1) IS NOT NULL AS present`,
    [`${JOBS_SCHEMA}.archive`],
  );
  return present;
}

/** Recent runs (or only failures) of the app's jobs; none when pg-boss has never started here. */
export async function listJobRuns(dataSource: DataSource, failuresOnly: boolean, limit: number): Promise<JobRunDto[]> {
  if (!(await jobTablesPresent(dataSource))) return [];
  return (await dataSource.query<JobRunRow[]>(RUNS, [failuresOnly, limit])).map(toJobRunDto);
}

/** The latest `perJob` runs of each job, newest first, by job name. */
export async function listRunsPerJob(dataSource: DataSource, perJob: number): Promise<Map<string, JobRunDto[]>> {
  const byName = new Map<string, JobRunDto[]>();
  if (!(await jobTablesPresent(dataSource))) return byName;
  for (const row of await dataSource.query<JobRunRow[]>(RUNS_PER_JOB, [perJob])) {
    byName.set(row.name, [...(byName.get(row.name) ?? []), toJobRunDto(row)]);
  }
  return byName;
}

function toJobRunDto(row: JobRunRow): JobRunDto {
  return {
    id: row.id,
    name: row.name,
    state: row.state,
    dueAt: row.due_at,
    createdAt: row.created_on.toISOString(),
    startedAt: toIso(row.started_on),
    completedAt: toIso(row.completed_on),
    retryCount: row.retry_count,
    error: row.error,
  };
}
