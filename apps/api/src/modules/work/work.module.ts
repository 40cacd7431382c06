import { Module } from '@nestjs/common';
import { CaseWorkController } from './case-work.controller';
import { CaseWorkService } from './case-work.service';
import { NotificationsController } from './notifications.controller';

/** Work around cases: owners, tasks (hand-offs) and notifications. */
@Module({
  controllers: [CaseWorkController, NotificationsController],
  providers: [CaseWorkService],
})
export class WorkModule {}
