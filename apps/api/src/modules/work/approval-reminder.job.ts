import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APPROVAL_REMINDER_DAYS, dueApprovalReminder, toLocalDate } from '@preauth/domain';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { UNITS_LEFT_SQL } from '../cases/case-procedures.query';
import { JobsService } from '../jobs/jobs.service';
import { insertNotifications, type NewNotification } from './notifications.repository';

export const APPROVAL_REMINDER_JOB = 'approval-reminders';

// Owned approvals ending within the longest reminder lead, with units unused and no procedure
// booked from today on (a day that passed without the units recorded does not count as booked).
const UNUSED_APPROVALS = `
  SELECT c.id, c.owner_id, to_char(c.valid_to, 'YYYY-MM-DD') AS valid_to FROM cases c
   WHERE c.status IN ('approved', 'partially_approved') AND c.owner_id IS NOT NULL
     AND c.valid_to BETWEEN $1::date AND $1::date + $2::int
     AND (c.procedure_scheduled_on IS NULL OR c.procedure_scheduled_on < $1::date)
     AND ${UNITS_LEFT_SQL}`;

/**
 * Reminds a case's owner, in the notification centre (and by email through the notification
 * emails, as a clock warning: the approval's end is its approval-expiry clock), that its approval
 * ends in 14 and again in 3 days with nothing scheduled. Each reminder
 * is one notification per case, validity end and threshold (a dedupe key), so two instances or
 * two runs of the same day write it once.
 */
@Injectable()
export class ApprovalReminderJob implements OnModuleInit {
  private readonly logger = new Logger('ApprovalReminders');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.define({
      name: APPROVAL_REMINDER_JOB,
      everyMinutes: 60,
      handler: () => this.run(new Date()).then(() => undefined),
    });
  }

  /** Writes the reminders due on `now`'s clinic-local day; returns how many were new. */
  async run(now: Date): Promise<number> {
    const today = toLocalDate(now, this.config.clinicTimeZone);
    const rows = await this.dataSource.query<{ id: string; owner_id: string; valid_to: string }[]>(UNUSED_APPROVALS, [
      today,
      Math.max(...APPROVAL_REMINDER_DAYS),
    ]);
    const reminders: NewNotification[] = [];
    for (const row of rows) {
      const days = dueApprovalReminder(row.valid_to, today);
      if (days === null) continue;
      reminders.push({
        userId: row.owner_id,
        // The approval's end is the case's approval-expiry clock: its warning, as the owner set it up.
        kind: 'clock_warning',
        caseId: row.id,
        dedupeKey: `approval:${row.id}:${row.valid_to}:${days}`,
      });
    }
    const written = await insertNotifications(this.dataSource.manager, reminders);
    if (written) this.logger.log({ reminders: written }, 'approval reminders');
    return written;
  }
}
