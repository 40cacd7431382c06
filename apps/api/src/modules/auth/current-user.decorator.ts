import { createParamDecorator, ExecutionContext, UnauthorizedException } from '@nestjs/common';
import type { AuthenticatedRequest, AuthUser } from './auth-user';

export type { AuthUser } from './auth-user';

/** The signed-in user (`@CurrentUser() user: AuthUser`). Only on routes that are not @Public(). */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser => {
  const user = ctx.switchToHttp().getRequest<AuthenticatedRequest>().user;
  // The guard refuses anonymous requests first; this only fires on a @Public() route by mistake.
  if (!user) throw new UnauthorizedException('Sign in first.');
  return user;
});
