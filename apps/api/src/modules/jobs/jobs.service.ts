import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { createHash } from 'node:crypto';
import PgBoss from 'pg-boss';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';

/** pg-boss keeps its tables here, beside the app's own in the same database. */
export const JOBS_SCHEMA = 'pgboss';
const TICK_QUEUE = 'preauth.tick';
/** How long stopping waits for a running job before it is left to the retry. */
const STOP_TIMEOUT_MS = 10_000;

export interface JobContext {
  /** The moment this run is for (ISO): the same on every instance, so a run is never doubled. */
  dueAt: string;
  /** Its data, for jobs sent with some. */
  data: Record<string, unknown>;
}

export interface JobDefinition {
  name: string;
  /** Run once per this many minutes across all instances (due moments on the UTC clock). */
  everyMinutes?: number;
  handler: (job: JobContext) => Promise<void>;
  /** Tries after the first; waits grow exponentially from retryDelaySeconds. */
  retryLimit?: number;
  retryDelaySeconds?: number;
}

/** One run of a job per (name, key): pg-boss ignores a second send with the same id. */
export function jobIdFor(name: string, key: string): string {
  const hex = createHash('sha256').update(`${name}\u0000${key}`).digest('hex');
  // A UUID (version 8, RFC 9562 variant): the shape pg-boss's id column takes.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function dueMomentOf(now: Date, everyMinutes: number): Date {
  const period = everyMinutes * 60_000;
  return new Date(Math.floor(now.getTime() / period) * period);
}

/**
 * The background jobs of every instance, on PostgreSQL (pg-boss): no other server, and a job runs
 * on one instance only. Feature modules define their jobs in onModuleInit; the queue starts once
 * the app is up. A periodic job is sent once per due moment under an id derived from that moment,
 * so instances (and the start-up catch-up) sending the same moment make one job, and a retried
 * job keeps its moment. Every minute pg-boss's cron (itself run by one instance) sends the tick.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly definitions = new Map<string, JobDefinition>();
  private boss: PgBoss | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  define(definition: JobDefinition): void {
    if (this.definitions.has(definition.name)) throw new Error(`Job ${definition.name} is defined twice.`);
    this.definitions.set(definition.name, definition);
  }

  /** The periodic jobs with their period and next due moment after `now`, by name. */
  schedules(now: Date): { name: string; everyMinutes: number; nextDueAt: string }[] {
    return [...this.definitions.values()]
      .filter((d): d is JobDefinition & { everyMinutes: number } => !!d.everyMinutes)
      .map((d) => ({
        name: d.name,
        everyMinutes: d.everyMinutes,
        nextDueAt: new Date(dueMomentOf(now, d.everyMinutes).getTime() + d.everyMinutes * 60_000).toISOString(),
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  get running(): boolean {
    return this.boss !== null;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.backgroundJobs) return;
    const boss = new PgBoss({
      // The app's own database (embedded or DATABASE_URL), on a small pool of its own.
      connectionString: (this.dataSource.options as PostgresConnectionOptions).url,
      schema: JOBS_SCHEMA,
      application_name: 'preauth-jobs',
      max: 4,
      // Finished runs stay listable (GET /api/admin/jobs) and keep their ids, which is what
      // stops a due moment from running twice, for a week.
      archiveCompletedAfterSeconds: 7 * 24 * 3600,
      archiveFailedAfterSeconds: 7 * 24 * 3600,
      deleteAfterDays: 30,
    });
    // Without a listener an EventEmitter 'error' would end the process; the database being away
    // for a while is something the API already survives.
    boss.on('error', (error: Error) =>
      this.logger.warn({ type: error.name, message: error.message }, 'job queue error'),
    );
    await boss.start();
    this.boss = boss;
    for (const definition of this.definitions.values()) {
      const retryLimit = definition.retryLimit ?? 5;
      await boss.createQueue(definition.name, {
        name: definition.name,
        retryLimit,
        retryDelay: definition.retryDelaySeconds ?? 30,
        retryBackoff: true,
        expireInSeconds: 15 * 60,
      });
      await boss.work<{ dueAt?: string; data?: Record<string, unknown> }>(
        definition.name,
        { pollingIntervalSeconds: 1 },
        async ([job]) => {
          await definition.handler({ dueAt: job.data.dueAt ?? new Date().toISOString(), data: job.data.data ?? {} });
        },
      );
    }
    await boss.createQueue(TICK_QUEUE, { name: TICK_QUEUE, retryLimit: 0 });
    await boss.work(TICK_QUEUE, { pollingIntervalSeconds: 2 }, () => this.sendDue(new Date()));
    await boss.schedule(TICK_QUEUE, '* * * * *', {}, { tz: 'UTC' });
    // The due moment now, at once: a sweep after a crash need not wait for the next tick.
    await this.sendDue(new Date());
  }

  async onApplicationShutdown(): Promise<void> {
    const boss = this.boss;
    this.boss = null;
    // graceful: workers finish the job in hand (or leave it to expire and retry elsewhere).
    await boss?.stop({ graceful: true, wait: true, timeout: STOP_TIMEOUT_MS, close: true });
  }

  /** Sends every periodic job's current due moment; a moment already sent is not sent again. */
  async sendDue(now: Date): Promise<void> {
    for (const definition of this.definitions.values()) {
      if (!definition.everyMinutes) continue;
      const dueAt = dueMomentOf(now, definition.everyMinutes).toISOString();
      await this.send(definition.name, dueAt);
    }
  }

  /**
   * Sends one run of `name` for the moment (or other key) `dueAt`, to start no earlier than
   * `startAfter`; with the jobs off it runs nowhere. Returns whether this call created the run.
   */
  async send(name: string, dueAt: string, data: Record<string, unknown> = {}, startAfter?: Date): Promise<boolean> {
    if (!this.boss) return false;
    const id = await this.boss.send(name, { dueAt, data }, { id: jobIdFor(name, dueAt), startAfter });
    return id !== null;
  }
}
