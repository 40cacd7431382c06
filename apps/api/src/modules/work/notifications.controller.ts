import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { NOTIFICATION_LABELS } from '@preauth/domain';
import { DataSource } from 'typeorm';
import { NotFoundError } from '../../common/app-errors';
import { RequestContext } from '../../common/request-context.decorator';
import { NotificationDto, NotificationListDto } from './dto/work.dto';
import { listNotifications, markNotificationsRead, type NotificationRow } from './notifications.repository';

function describe(row: NotificationRow): string {
  const on = row.case_number ? ` on ${row.case_number}` : '';
  switch (row.kind) {
    case 'case_assigned':
      return `${row.case_number ?? 'A case'} was assigned to you`;
    case 'task_assigned':
      return `Task for you${on}: ${row.task_title ?? ''}${row.task_due ? ` (due ${row.task_due})` : ''}`;
    case 'task_done':
      return `Done${on}: ${row.task_title ?? ''}`;
    case 'payer_answer':
      return `The payer answered${on}`;
    case 'clock_warning':
      return `A deadline is near${on}`;
    case 'payer_unreachable':
      return `The payer's system cannot be reached${on}; still trying`;
  }
}

export function toNotificationDto(row: NotificationRow): NotificationDto {
  return {
    id: row.id,
    kind: row.kind,
    text: describe(row) || NOTIFICATION_LABELS[row.kind],
    caseId: row.case_id,
    caseNumber: row.case_number,
    taskId: row.task_id,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at ? row.read_at.toISOString() : null,
  };
}

/** The signed-in user's own notifications: the bell in the header. */
@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @ApiOkResponse({ type: NotificationListDto })
  async list(@RequestContext() ctx: RequestContext): Promise<NotificationListDto> {
    const { items, unread } = await listNotifications(this.dataSource, ctx.user.id, 50);
    return { unreadCount: unread, items: items.map(toNotificationDto) };
  }

  @Post('read-all')
  @HttpCode(204)
  @ApiNoContentResponse()
  async readAll(@RequestContext() ctx: RequestContext): Promise<void> {
    await markNotificationsRead(this.dataSource, ctx.user.id);
  }

  @Post(':id/read')
  @HttpCode(204)
  @ApiNoContentResponse()
  async read(@Param('id', ParseUUIDPipe) id: string, @RequestContext() ctx: RequestContext): Promise<void> {
    const [{ exists }] = await this.dataSource.query<{ exists: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM notifications WHERE id = $1 AND user_id = $2) AS exists`,
      [id, ctx.user.id],
    );
    if (!exists) throw new NotFoundError('No such notification.');
    await markNotificationsRead(this.dataSource, ctx.user.id, id);
  }
}
