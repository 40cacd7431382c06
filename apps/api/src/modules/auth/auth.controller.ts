import { Body, Controller, Get, HttpCode, HttpStatus, Post, Put, Req, Res } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../common/public.decorator';
import { CSRF_COOKIE, SESSION_COOKIE } from './auth.constants';
import type { SessionRequest } from './auth.guard';
import { AuthService } from './auth.service';
import { AuthPolicyDto, AuthPolicyViewDto, SigningPolicyDto } from './dto/auth-policy.dto';
import { LoginDto } from './dto/login.dto';
import { MeDto } from './dto/me.dto';
import { TotpEnableDto, TotpEnabledDto, TotpSetupDto } from './dto/totp.dto';
import { LoginThrottledException } from './login-throttle.service';
import { SessionsService } from './sessions.service';
import { type AnyRequestContext, RequestContext } from '../../common/request-context.decorator';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: MeDto,
    description: 'Signed in: sets the session cookie (HttpOnly) and the csrf_token cookie',
  })
  @ApiUnauthorizedResponse({
    description:
      'Wrong email or password (code invalid_credentials), or the authenticator code is missing (totp_required) or wrong (totp_invalid)',
  })
  @ApiTooManyRequestsResponse({ description: 'Too many failed sign-ins for this account or address; see Retry-After' })
  async login(
    @Body() dto: LoginDto,
    @RequestContext('anonymous') ctx: AnyRequestContext,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<MeDto> {
    try {
      const { me, token } = await this.auth.login(dto, ctx);
      res.setCookie(SESSION_COOKIE, token, this.sessions.cookieOptions(true));
      res.setCookie(CSRF_COOKIE, me.csrfToken, this.sessions.cookieOptions(false));
      return me;
    } catch (error) {
      if (error instanceof LoginThrottledException) res.header('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  }

  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'The session is ended on the server and its cookies cleared' })
  async logout(@RequestContext() ctx: RequestContext, @Res({ passthrough: true }) res: FastifyReply): Promise<void> {
    await this.auth.logout(ctx);
    const { maxAge: _maxAge, ...options } = this.sessions.cookieOptions(true);
    res.clearCookie(SESSION_COOKIE, options);
    res.clearCookie(CSRF_COOKIE, { ...options, httpOnly: false });
  }

  @Get('me')
  @ApiOkResponse({ type: MeDto })
  me(@RequestContext() ctx: RequestContext, @Req() req: SessionRequest): Promise<MeDto> {
    return this.auth.me(ctx.user, req.session?.csrfToken ?? '', req.session?.totpEnrollmentOnly ?? false);
  }

  @Post('totp/setup')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: TotpSetupDto,
    description: 'A new secret; two-factor sign-in is on only after POST /api/auth/totp/enable confirms a code',
  })
  setupTotp(@RequestContext() ctx: RequestContext): Promise<TotpSetupDto> {
    return this.auth.setupTotp(ctx);
  }

  @Post('totp/enable')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: TotpEnabledDto,
    description:
      'Two-factor sign-in is on; other sessions of the user are ended. The recovery codes are shown this once.',
  })
  @ApiForbiddenResponse({ description: 'Wrong code (code totp_invalid)' })
  enableTotp(@Body() dto: TotpEnableDto, @RequestContext() ctx: RequestContext): Promise<TotpEnabledDto> {
    return this.auth.enableTotp(dto.code, ctx);
  }

  @Get('policy')
  @ApiOkResponse({ type: AuthPolicyViewDto })
  getPolicy(): Promise<AuthPolicyViewDto> {
    return this.auth.getPolicy();
  }

  @Put('policy')
  @ApiOkResponse({ type: AuthPolicyViewDto, description: 'Applies from each user’s next sign-in' })
  setPolicy(@Body() dto: AuthPolicyDto, @RequestContext() ctx: RequestContext): Promise<AuthPolicyViewDto> {
    return this.auth.setPolicy(dto.totpRequiredRoles, ctx);
  }

  @Put('policy/signing')
  @ApiOkResponse({ type: AuthPolicyViewDto, description: 'Applies to the next signature' })
  setSigningPolicy(@Body() dto: SigningPolicyDto, @RequestContext() ctx: RequestContext): Promise<AuthPolicyViewDto> {
    return this.auth.setSigningPolicy(dto.onlyOrderingPhysicianSigns, ctx);
  }
}
