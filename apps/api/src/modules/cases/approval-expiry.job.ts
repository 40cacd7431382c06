import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { toLocalDate, TransitionError } from '@preauth/domain';
import { DataSource } from 'typeorm';
import { AppError } from '../../common/app-errors';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { UNITS_LEFT_SQL } from './case-procedures.query';
import { JobsService } from '../jobs/jobs.service';
import { systemActor } from '../jobs/system-actor';
import { applyCaseTransition } from './case-transition.command';

export const APPROVAL_EXPIRY_JOB = 'approval-expiry';
export const EXPIRED_BY_SYSTEM_NOTE = 'The authorization’s validity window ended; marked expired automatically.';

// Approvals whose last valid day (clinic-local) is before today with units still unused: they
// can no longer be used. One used in full is completed when its last unit is recorded, never
// expired (a full approval covers every unit requested; a partial one names its own).
const ENDED_APPROVALS = `
  SELECT c.id, c.version FROM cases c
   WHERE c.status IN ('approved', 'partially_approved') AND c.valid_to IS NOT NULL AND c.valid_to < $1::date
     AND ${UNITS_LEFT_SQL}
   ORDER BY c.valid_to, c.id
   LIMIT 500`;

/**
 * An approval whose validity has ended becomes `expired`, by the system actor, through the same
 * transition code as a manual expiry (guards, event, audit row). Idempotent: an expired case no
 * longer matches, and a case someone changed meanwhile is left to the next run.
 */
@Injectable()
export class ApprovalExpiryJob implements OnModuleInit {
  private readonly logger = new Logger('ApprovalExpiry');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.define({
      name: APPROVAL_EXPIRY_JOB,
      everyMinutes: 60,
      handler: () => this.run(new Date()).then(() => undefined),
    });
  }

  /** Expires every ended approval; returns the ids it expired. */
  async run(now: Date): Promise<string[]> {
    const tz = this.config.clinicTimeZone;
    const due = await this.dataSource.query<{ id: string; version: number }[]>(ENDED_APPROVALS, [toLocalDate(now, tz)]);
    const expired: string[] = [];
    for (const { id, version } of due) {
      try {
        await this.dataSource.transaction((manager) =>
          applyCaseTransition(manager, {
            caseId: id,
            to: 'expired',
            input: { note: EXPIRED_BY_SYSTEM_NOTE },
            expectedVersion: version,
            actor: systemActor(APPROVAL_EXPIRY_JOB),
            timeZone: tz,
            now,
          }),
        );
        expired.push(id);
      } catch (error) {
        // Changed by someone since the query (stale) or no longer expirable: the next run sees it.
        if (error instanceof AppError || error instanceof TransitionError) continue;
        throw error;
      }
    }
    if (expired.length) this.logger.log({ expired: expired.length }, 'expired ended approvals');
    return expired;
  }
}
