import { Body, Controller, Headers, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Public } from '../../common/public.decorator';
import { PasNotificationReceiptDto } from './dto/pas-notification.dto';
import { PasSubscriptionService } from './pas-subscription.service';

/** Where a payer delivers Da Vinci PAS subscription notifications (rest-hook); no session, a bearer token. */
@ApiTags('fhir')
@Controller('pas/subscriptions/:id/notification')
export class PasNotificationController {
  constructor(private readonly subscriptions: PasSubscriptionService) {}

  @Post()
  @Public()
  @HttpCode(200)
  @ApiBody({
    description: 'A subscription notification (history Bundle: SubscriptionStatus first, then PAS response Bundles)',
    schema: { type: 'object', additionalProperties: true },
  })
  @ApiOkResponse({ type: PasNotificationReceiptDto })
  @ApiUnauthorizedResponse({ description: 'Unknown subscription or wrong bearer token' })
  receive(
    @Param('id', ParseUUIDPipe) id: string,
    @Headers('authorization') authorization: string | undefined,
    @Body() body: Record<string, unknown>,
  ): Promise<PasNotificationReceiptDto> {
    return this.subscriptions.receive(id, authorization, body);
  }
}
