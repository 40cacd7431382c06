import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest, AuthUser } from '../auth/auth-user';

/** Who did something, from where: the second argument of AuditService.record. */
export interface AuditContext {
  user?: AuthUser | null;
  ip?: string | null;
  userAgent?: string | null;
}

export function auditContextOf(req: AuthenticatedRequest): AuditContext {
  const userAgent = req.headers['user-agent'];
  return {
    user: req.user ?? null,
    // req.ip honours TRUST_PROXY (one proxy hop) and is the client's address otherwise.
    ip: req.ip ?? req.socket?.remoteAddress ?? null,
    userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 500) : null,
  };
}

/** `@AuditContext() ctx: AuditContext` in a controller: the user, IP and user agent of the request. */
export const AuditContext = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): AuditContext =>
    auditContextOf(ctx.switchToHttp().getRequest<AuthenticatedRequest>()),
);
