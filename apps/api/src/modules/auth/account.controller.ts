import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequestContext } from '../../common/request-context.decorator';
import { AccountService } from './account.service';
import { ChangePasswordDto, SessionDto } from './dto/account.dto';
import { RecoveryCodesLeftDto, TotpDisableDto, TotpEnabledDto, TotpEnableDto } from './dto/totp.dto';
import { LoginThrottledException } from './login-throttle.service';

/** The signed-in user's own account (under /api/auth, like sign-in and enrolment). */
@ApiTags('auth')
@Controller('auth')
export class AccountController {
  constructor(private readonly account: AccountService) {}

  @Post('password')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'The password is changed; the user’s other sessions are ended' })
  @ApiBadRequestResponse({ description: 'The new password breaks the policy (errors name newPassword)' })
  @ApiUnprocessableEntityResponse({ description: 'The current password is wrong (code current_password_wrong)' })
  @ApiTooManyRequestsResponse({ description: 'Too many wrong passwords; see Retry-After' })
  async changePassword(
    @Body() dto: ChangePasswordDto,
    @RequestContext() ctx: RequestContext,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<void> {
    try {
      await this.account.changePassword(dto.currentPassword, dto.newPassword, ctx);
    } catch (error) {
      if (error instanceof LoginThrottledException) res.header('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  }

  @Post('totp/disable')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Two-factor sign-in is off and the recovery codes are deleted' })
  @ApiConflictResponse({ description: 'It is already off' })
  @ApiForbiddenResponse({ description: 'The user’s role requires it (code totp_required_by_policy)' })
  @ApiUnprocessableEntityResponse({ description: 'Wrong code (code totp_invalid)' })
  async disableTotp(@Body() dto: TotpDisableDto, @RequestContext() ctx: RequestContext): Promise<void> {
    await this.account.disableTotp(dto.code, ctx);
  }

  @Get('totp/recovery-codes')
  @ApiOkResponse({ type: RecoveryCodesLeftDto })
  async recoveryCodesLeft(@RequestContext() ctx: RequestContext): Promise<RecoveryCodesLeftDto> {
    return { remaining: await this.account.recoveryCodesLeft(ctx) };
  }

  @Post('totp/recovery-codes')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: TotpEnabledDto,
    description: 'Ten new recovery codes, shown this once; the earlier ones stop working',
  })
  @ApiConflictResponse({ description: 'Two-factor sign-in is off' })
  @ApiUnprocessableEntityResponse({ description: 'Wrong code (code totp_invalid)' })
  regenerateRecoveryCodes(@Body() dto: TotpEnableDto, @RequestContext() ctx: RequestContext): Promise<TotpEnabledDto> {
    return this.account.regenerateRecoveryCodes(dto.code, ctx);
  }

  @Get('sessions')
  @ApiOkResponse({ type: SessionDto, isArray: true, description: 'The signed-in user’s live sessions' })
  listSessions(@RequestContext() ctx: RequestContext): Promise<SessionDto[]> {
    return this.account.listSessions(ctx);
  }

  @Delete('sessions/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'That session is signed out' })
  @ApiNotFoundResponse({ description: 'No such session of this user' })
  async endSession(@Param('id', ParseUUIDPipe) id: string, @RequestContext() ctx: RequestContext): Promise<void> {
    await this.account.endSession(id, ctx);
  }
}
