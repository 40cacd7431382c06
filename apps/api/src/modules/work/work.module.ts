import { Module } from '@nestjs/common';
import { ApprovalReminderJob } from './approval-reminder.job';
import { CaseWorkController } from './case-work.controller';
import { CaseWorkService } from './case-work.service';
import { MailerService } from './mailer.service';
import { NotificationJobs } from './notification-jobs';
import { NotificationsController } from './notifications.controller';

/** Work around cases: owners, tasks (hand-offs) and notifications. */
@Module({
  controllers: [CaseWorkController, NotificationsController],
  providers: [CaseWorkService, MailerService, NotificationJobs, ApprovalReminderJob],
})
export class WorkModule {}
