import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { type AnyRequestContext, RequestContext } from '../../common/request-context.decorator';
import { Public } from '../../common/public.decorator';
import { AcceptInvitationDto, InvitationDto, InvitationTokenDto } from './dto/invitation.dto';
import { InvitationsService } from './invitations.service';

// Before sign-in: the token travels in the body, never in a URL a log or a proxy could keep.
@ApiTags('users')
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Public()
  @Post('lookup')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: InvitationDto, description: 'Who the link is for' })
  @ApiNotFoundResponse({ description: 'Used, expired, replaced or unknown (code invitation_not_valid)' })
  lookup(@Body() dto: InvitationTokenDto): Promise<InvitationDto> {
    return this.invitations.lookup(dto.token);
  }

  @Public()
  @Post('accept')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Password set and the link spent; the user signs in with it' })
  @ApiBadRequestResponse({ description: 'The password breaks the policy (field password)' })
  @ApiNotFoundResponse({ description: 'Used, expired, replaced or unknown (code invitation_not_valid)' })
  accept(@Body() dto: AcceptInvitationDto, @RequestContext('anonymous') ctx: AnyRequestContext): Promise<void> {
    return this.invitations.accept(dto.token, dto.password, ctx);
  }
}
