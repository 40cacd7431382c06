import { ApiProperty } from '@nestjs/swagger';

export const JOB_RUN_STATES = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;
export type JobRunState = (typeof JOB_RUN_STATES)[number];

export class JobRunDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'approval-expiry' })
  name!: string;

  @ApiProperty({ enum: JOB_RUN_STATES, enumName: 'JobRunState' })
  state!: JobRunState;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The moment the run is for' })
  dueAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  startedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  completedAt!: string | null;

  @ApiProperty({ description: 'Tries after the first so far' })
  retryCount!: number;

  @ApiProperty({ type: String, nullable: true, description: 'The last failure: its message only' })
  error!: string | null;
}

export class JobScheduleDto {
  @ApiProperty({ example: 'clock-warnings' })
  name!: string;

  @ApiProperty({ description: 'Runs once per this many minutes across all instances' })
  everyMinutes!: number;

  @ApiProperty({ format: 'date-time', description: 'The next due moment (sent by the tick of that minute)' })
  nextDueAt!: string;

  @ApiProperty({ type: [JobRunDto], description: 'Its latest runs, newest first' })
  lastRuns!: JobRunDto[];
}

export class JobRunsDto {
  @ApiProperty({ description: 'Whether this instance runs background jobs (BACKGROUND_JOBS)' })
  running!: boolean;

  @ApiProperty({ type: [JobScheduleDto], description: 'Each scheduled job, by name' })
  schedules!: JobScheduleDto[];

  @ApiProperty({ type: [JobRunDto], description: 'The latest runs, newest first' })
  runs!: JobRunDto[];

  @ApiProperty({ type: [JobRunDto], description: 'Runs that failed or are waiting to retry, newest first' })
  failures!: JobRunDto[];
}
