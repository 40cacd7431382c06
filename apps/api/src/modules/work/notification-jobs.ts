import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DEFAULT_EMAIL_PREFERENCES,
  dueClockWarning,
  longestLeadMinutes,
  NOTIFICATION_KINDS,
  warningLeadMinutes,
  type NotificationKind,
  type Urgency,
} from '@preauth/domain';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { JobsService } from '../jobs/jobs.service';
import { digestEmail, urgentEmail, type EmailFacts, type EmailMessage } from './email-templates';
import { MailerService } from './mailer.service';
import { emailChosenSql, readNotificationSettings } from './notification-settings.repository';
import { NotificationSettingsService } from './notification-settings.service';
import { insertNotifications, type NewNotification } from './notifications.repository';

export const CLOCK_WARNINGS_JOB = 'clock-warnings';
export const URGENT_EMAIL_JOB = 'notification-email';
export const DIGEST_JOB = 'notification-digest';

// Open cases with an owner whose next clock falls within the longest warning lead ($2 minutes).
const NEAR_CLOCKS = `
  SELECT id, owner_id, urgency, next_due_at, next_due_kind FROM cases
   WHERE owner_id IS NOT NULL AND status NOT IN ('expired', 'withdrawn', 'completed')
     AND next_due_at > $1 AND next_due_at <= $1 + make_interval(mins => $2)`;

const EMAILED_BY_DEFAULT = NOTIFICATION_KINDS.filter((kind) => DEFAULT_EMAIL_PREFERENCES[kind]);

interface Unsent {
  id: string;
  user_id: string;
  email: string;
  kind: NotificationKind;
  case_number: string | null;
}

/**
 * Background work of notifications: warning owners of clocks about to run out (once per clock, due
 * moment and lead, whichever instance runs it, at the clinic's lead times), and emailing what people
 * have not read, of the kinds each chose to get by email: at once for expedited cases, in a daily
 * digest at the clinic's hour (DIGEST_HOUR unless a manager set one) otherwise.
 */
@Injectable()
export class NotificationJobs implements OnModuleInit {
  private readonly logger = new Logger('Notifications');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobsService,
    private readonly mailer: MailerService,
    private readonly settings: NotificationSettingsService,
  ) {}

  onModuleInit(): void {
    this.jobs.define({
      name: CLOCK_WARNINGS_JOB,
      everyMinutes: 5,
      handler: () => this.warnClocks(new Date()).then(() => undefined),
    });
    this.jobs.define({
      name: URGENT_EMAIL_JOB,
      everyMinutes: 1,
      handler: () => this.sendUrgent().then(() => undefined),
    });
    this.jobs.define({
      name: DIGEST_JOB,
      everyMinutes: 60,
      handler: async ({ dueAt }) => {
        const hour = Number(
          new Intl.DateTimeFormat('en-US', {
            timeZone: this.config.clinicTimeZone,
            hour: 'numeric',
            hourCycle: 'h23',
          }).format(new Date(dueAt)),
        );
        if (hour === (await this.settings.digestHour())) await this.sendDigests();
      },
    });
  }

  /** Warns owners of clocks within the clinic's leads; returns how many warnings were new. */
  async warnClocks(now: Date): Promise<number> {
    const leads = await readNotificationSettings(this.dataSource.manager);
    const rows = await this.dataSource.query<
      { id: string; owner_id: string; urgency: Urgency; next_due_at: Date; next_due_kind: string }[]
    >(NEAR_CLOCKS, [now, longestLeadMinutes(leads)]);
    const warnings: NewNotification[] = [];
    for (const row of rows) {
      const lead = dueClockWarning(row.next_due_at, warningLeadMinutes(leads, row.urgency), now);
      if (lead === null) continue;
      warnings.push({
        userId: row.owner_id,
        kind: 'clock_warning',
        caseId: row.id,
        dedupeKey: `clock:${row.id}:${row.next_due_kind}:${row.next_due_at.toISOString()}:${lead}`,
      });
    }
    return insertNotifications(this.dataSource.manager, warnings);
  }

  /** Emails each user what is new on expedited cases; returns the number of emails sent. */
  sendUrgent(): Promise<number> {
    return this.sendPending(`c.urgency = 'expedited'`, urgentEmail);
  }

  /** Emails each user a digest of what is still unread; returns the number of emails sent. */
  sendDigests(): Promise<number> {
    return this.sendPending('true', digestEmail);
  }

  /**
   * One email per user over their unread, unemailed notifications matching `filter`, of the kinds
   * they get by email, marked emailed in the same transaction: a failed send rolls back and the
   * job's retry sends again; rows another run holds are skipped, so two runs never email the same
   * notification. A kind the user turned off stays unemailed (in the app only) and goes in the
   * next email if they turn it back on while it is still unread.
   */
  private async sendPending(filter: string, template: (facts: EmailFacts) => EmailMessage): Promise<number> {
    if (!this.mailer.enabled) return 0;
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager.query<Unsent[]>(
        `SELECT n.id, n.user_id, u.email, n.kind, c.case_number
           FROM notifications n
           JOIN users u ON u.id = n.user_id AND u.disabled_at IS NULL
           LEFT JOIN cases c ON c.id = n.case_id
          WHERE n.emailed_at IS NULL AND n.read_at IS NULL AND ${filter} AND ${emailChosenSql('n', '$1')}
          ORDER BY n.user_id, n.created_at
          LIMIT 1000
          FOR UPDATE OF n SKIP LOCKED`,
        [EMAILED_BY_DEFAULT],
      );
      const byUser = new Map<string, Unsent[]>();
      for (const row of rows) byUser.set(row.user_id, [...(byUser.get(row.user_id) ?? []), row]);
      for (const list of byUser.values()) {
        const counts: EmailFacts['counts'] = {};
        for (const n of list) counts[n.kind] = (counts[n.kind] ?? 0) + 1;
        const caseNumbers = [...new Set(list.map((n) => n.case_number).filter((c): c is string => c !== null))];
        await this.mailer.send(list[0].email, template({ counts, caseNumbers, appUrl: this.mailer.appUrl }));
      }
      if (rows.length)
        await manager.query(`UPDATE notifications SET emailed_at = now() WHERE id = ANY($1::uuid[])`, [
          rows.map((r) => r.id),
        ]);
      if (byUser.size) this.logger.log({ emails: byUser.size, notifications: rows.length }, 'sent notification emails');
      return byUser.size;
    });
  }
}
