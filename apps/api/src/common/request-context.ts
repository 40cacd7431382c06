import type { FastifyRequest } from 'fastify';
import type { AuthUser } from '../modules/auth/auth-user';

/** Who is acting, and from where: what services need for authorization and the audit trail. */
export interface RequestContext {
  user: AuthUser;
  ip: string | null;
  userAgent: string | null;
}

export function buildRequestContext(req: FastifyRequest, user: AuthUser): RequestContext {
  return {
    user,
    ip: req.ip ?? null,
    userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'].slice(0, 500) : null,
  };
}
