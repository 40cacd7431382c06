import { Module } from '@nestjs/common';
import { CaseBulkService } from './case-bulk.service';
import { ApprovalReminderJob } from './approval-reminder.job';
import { CaseTagsController } from './case-tags.controller';
import { CaseTagsService } from './case-tags.service';
import { CaseWorkController } from './case-work.controller';
import { CaseWorkService } from './case-work.service';
import { MailerService } from './mailer.service';
import { NotificationJobs } from './notification-jobs';
import { NotificationPreferencesController, NotificationSettingsController } from './notification-settings.controller';
import { NotificationSettingsService } from './notification-settings.service';
import { NotificationsController } from './notifications.controller';

/** Work around cases: owners, tags, tasks (hand-offs) and notifications. */
@Module({
  controllers: [
    CaseWorkController,
    CaseTagsController,
    NotificationPreferencesController,
    NotificationsController,
    NotificationSettingsController,
  ],
  providers: [
    CaseWorkService,
    CaseBulkService,
    CaseTagsService,
    MailerService,
    NotificationJobs,
    NotificationSettingsService,
    ApprovalReminderJob,
  ],
})
export class WorkModule {}
