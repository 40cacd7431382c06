import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { findClockWarningLeadProblems, NOTIFICATION_KINDS, resolveEmailPreferences } from '@preauth/domain';
import { DataSource } from 'typeorm';
import type { RequestContext } from '../../common/request-context.decorator';
import { fieldErrors } from '../../common/validation';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AuditService } from '../audit/audit.service';
import {
  EmailPreferencesDto,
  NotificationSettingsDto,
  UpdateEmailPreferencesDto,
  UpdateNotificationSettingsDto,
} from './dto/notification-settings.dto';
import { MailerService } from './mailer.service';
import {
  readEmailChoices,
  readNotificationSettings,
  shortestClocks,
  writeEmailChoices,
  writeNotificationSettings,
} from './notification-settings.repository';

/**
 * Who gets what by email (each user for themselves) and the clinic's warning lead times and
 * digest hour (managers and admins). Both are settings, not patient data: their audit rows keep
 * what each value was and became.
 */
@Injectable()
export class NotificationSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly mailer: MailerService,
  ) {}

  /** The clinic's digest hour: the stored one, else DIGEST_HOUR. */
  async digestHour(): Promise<number> {
    return (await readNotificationSettings(this.dataSource.manager)).digestHour ?? this.config.mail.digestHour;
  }

  async getEmailPreferences(userId: string): Promise<EmailPreferencesDto> {
    const [choices, digestHour] = await Promise.all([
      readEmailChoices(this.dataSource.manager, userId),
      this.digestHour(),
    ]);
    return {
      email: resolveEmailPreferences(choices),
      digestHour,
      timeZone: this.config.clinicTimeZone,
      emailEnabled: this.mailer.enabled,
    };
  }

  async updateEmailPreferences(dto: UpdateEmailPreferencesDto, ctx: RequestContext): Promise<EmailPreferencesDto> {
    const patch = Object.fromEntries(
      NOTIFICATION_KINDS.filter((kind) => dto.email[kind] !== undefined).map((kind) => [kind, dto.email[kind]]),
    );
    await this.dataSource.transaction(async (manager) => {
      const before = resolveEmailPreferences(await readEmailChoices(manager, ctx.user.id));
      await writeEmailChoices(manager, ctx.user.id, patch);
      const changes = Object.fromEntries(
        Object.entries(patch)
          .filter(([kind, email]) => before[kind as keyof typeof before] !== email)
          .map(([kind, email]) => [kind, { from: !email, to: email }]),
      );
      await this.audit.record(
        { action: 'update', objectType: 'notification_preferences', objectId: ctx.user.id, detail: { changes } },
        ctx,
        manager,
      );
    });
    return this.getEmailPreferences(ctx.user.id);
  }

  async getSettings(): Promise<NotificationSettingsDto> {
    const manager = this.dataSource.manager;
    const [settings, clocks] = await Promise.all([readNotificationSettings(manager), shortestClocks(manager)]);
    return {
      dayClockLeadDays: [...settings.dayClockLeadDays],
      hourClockLeadHours: [...settings.hourClockLeadHours],
      digestHour: settings.digestHour,
      effectiveDigestHour: settings.digestHour ?? this.config.mail.digestHour,
      defaultDigestHour: this.config.mail.digestHour,
      timeZone: this.config.clinicTimeZone,
      shortestDayClockDays: clocks.day,
      shortestHourClockHours: clocks.hour,
      updatedAt: settings.updatedAt.toISOString(),
    };
  }

  async updateSettings(dto: UpdateNotificationSettingsDto, ctx: RequestContext): Promise<NotificationSettingsDto> {
    // Latest first, as they fire; the order is the clinic's to read, not the job's to need.
    const next = {
      dayClockLeadDays: [...dto.dayClockLeadDays].sort((a, b) => b - a),
      hourClockLeadHours: [...dto.hourClockLeadHours].sort((a, b) => b - a),
      digestHour: dto.digestHour,
    };
    await this.dataSource.transaction(async (manager) => {
      const before = await readNotificationSettings(manager, true);
      const problems = findClockWarningLeadProblems(dto, await shortestClocks(manager));
      if (problems.length) throw fieldErrors(problems, HttpStatus.BAD_REQUEST);
      await writeNotificationSettings(manager, next, ctx.user.id);
      const changes = Object.fromEntries(
        (['dayClockLeadDays', 'hourClockLeadHours', 'digestHour'] as const)
          .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(next[key]))
          .map((key) => [key, { from: before[key], to: next[key] }]),
      );
      await this.audit.record(
        { action: 'update', objectType: 'notification_settings', objectId: 'clinic', detail: { changes } },
        ctx,
        manager,
      );
    });
    return this.getSettings();
  }
}
