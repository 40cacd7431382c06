import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthPolicyService } from './auth-policy.service';
import { AuthService } from './auth.service';
import { LoginThrottleService } from './login-throttle.service';
import { SessionsService } from './sessions.service';

@Module({
  controllers: [AuthController],
  providers: [
    AuthService,
    SessionsService,
    LoginThrottleService,
    AuthPolicyService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [SessionsService, AuthService],
})
export class AuthModule {}
