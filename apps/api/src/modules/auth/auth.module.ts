import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccountController } from './account.controller';
import { AccountService } from './account.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthPolicyService } from './auth-policy.service';
import { AuthService } from './auth.service';
import { LoginThrottleService } from './login-throttle.service';
import { RecoveryCodesService } from './recovery-codes.service';
import { SessionsService } from './sessions.service';

@Module({
  controllers: [AuthController, AccountController],
  providers: [
    AuthService,
    SessionsService,
    LoginThrottleService,
    AuthPolicyService,
    AccountService,
    RecoveryCodesService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [SessionsService, AuthService, RecoveryCodesService, AuthPolicyService],
})
export class AuthModule {}
