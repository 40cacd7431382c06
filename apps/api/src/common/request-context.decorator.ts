import { createParamDecorator, ExecutionContext, UnauthorizedException } from '@nestjs/common';
import type { AuthenticatedRequest, AuthUser } from '../modules/auth/auth-user';

/**
 * Who is acting, and from where: what services need for authorization and the audit trail.
 * `user` is null only before sign-in (a @Public() route, or a request the guard turns away).
 */
export interface RequestContext<User extends Pick<AuthUser, 'id' | 'roles'> | null = AuthUser> {
  user: User;
  ip: string | null;
  userAgent: string | null;
}

/** A context whose user may not be known: what the audit trail accepts. */
export type AnyRequestContext = RequestContext<AuthUser | null>;

export function requestContextOf(req: AuthenticatedRequest): AnyRequestContext {
  const userAgent = req.headers['user-agent'];
  return {
    user: req.user ?? null,
    // req.ip honours TRUST_PROXY (one proxy hop) and is the client's address otherwise.
    ip: req.ip ?? req.socket?.remoteAddress ?? null,
    userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 500) : null,
  };
}

/**
 * `@RequestContext() ctx: RequestContext` in a controller: the signed-in user, IP and user agent.
 * On a @Public() route, `@RequestContext('anonymous') ctx: AnyRequestContext`, whose user may be null.
 */
export const RequestContext = createParamDecorator(
  (mode: 'anonymous' | undefined, ctx: ExecutionContext): AnyRequestContext => {
    const context = requestContextOf(ctx.switchToHttp().getRequest<AuthenticatedRequest>());
    // The guard refuses anonymous requests first; this only fires on a @Public() route by mistake.
    if (mode !== 'anonymous' && !context.user) throw new UnauthorizedException('Sign in first.');
    return context;
  },
);
