import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequestContext } from '../../common/request-context.decorator';
import {
  EmailPreferencesDto,
  NotificationSettingsDto,
  UpdateEmailPreferencesDto,
  UpdateNotificationSettingsDto,
} from './dto/notification-settings.dto';
import { NotificationSettingsService } from './notification-settings.service';

/** The signed-in user's own email choices: there is no route to read or set anyone else's. */
@ApiTags('notifications')
@Controller('notifications/preferences')
export class NotificationPreferencesController {
  constructor(private readonly settings: NotificationSettingsService) {}

  @Get()
  @ApiOkResponse({ type: EmailPreferencesDto })
  get(@RequestContext() ctx: RequestContext): Promise<EmailPreferencesDto> {
    return this.settings.getEmailPreferences(ctx.user.id);
  }

  @Put()
  @ApiOkResponse({ type: EmailPreferencesDto, description: '400 names the field of a kind that is not a yes or no' })
  update(@Body() dto: UpdateEmailPreferencesDto, @RequestContext() ctx: RequestContext): Promise<EmailPreferencesDto> {
    return this.settings.updateEmailPreferences(dto, ctx);
  }
}

/** The clinic's warning lead times and digest hour. */
@ApiTags('notifications')
@Controller('notification-settings')
export class NotificationSettingsController {
  constructor(private readonly settings: NotificationSettingsService) {}

  @Get()
  @ApiOkResponse({ type: NotificationSettingsDto })
  get(): Promise<NotificationSettingsDto> {
    return this.settings.getSettings();
  }

  @Put()
  @ApiOkResponse({
    type: NotificationSettingsDto,
    description: '400 names the field: a lead not positive, not shorter than the clock, repeated, or over 3 per kind',
  })
  update(
    @Body() dto: UpdateNotificationSettingsDto,
    @RequestContext() ctx: RequestContext,
  ): Promise<NotificationSettingsDto> {
    return this.settings.updateSettings(dto, ctx);
  }
}
