import type { FastifyRequest } from 'fastify';
import type { Role } from '@preauth/domain';

/** The signed-in user of a request, as the AuthGuard loaded it from the session (fresh each request). */
export interface AuthUser {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  sessionId: string;
}

export type AuthenticatedRequest = FastifyRequest & { user?: AuthUser };

export function hasAnyRole(user: Pick<AuthUser, 'roles'>, roles: readonly Role[]): boolean {
  return user.roles.some((role) => roles.includes(role));
}
