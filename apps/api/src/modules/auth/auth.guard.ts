import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  Logger,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { requestIdOf } from '../../common/http-logger';
import { IS_PUBLIC } from '../../common/public.decorator';
import { requestContextOf } from '../../common/request-context.decorator';
import { AuditService } from '../audit/audit.service';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from './auth.constants';
import { type AuthenticatedRequest, hasAnyRole } from './auth-user';
import { AUTHORIZATION_MATRIX, routeKey } from './authorization-matrix';
import { SessionsService } from './sessions.service';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

// What a password-only session may do while its role requires TOTP that is not set up yet.
const TOTP_ENROLMENT_ROUTES = new Set([
  'GET /api/auth/me',
  'POST /api/auth/logout',
  'POST /api/auth/totp/setup',
  'POST /api/auth/totp/enable',
  'POST /api/auth/password',
]);

// What a session may do while its password is one an admin set (a new user, a reset).
const PASSWORD_CHANGE_ROUTES = new Set(['GET /api/auth/me', 'POST /api/auth/logout', 'POST /api/auth/password']);

export type SessionRequest = AuthenticatedRequest & {
  session?: { csrfToken: string; totpEnrollmentOnly: boolean; mustChangePassword: boolean };
};

function sameSecret(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Every route, in this order, before any pipe (validation) or handler runs:
 * 1. @Public() routes listed as 'public' in the matrix pass; any other request without a live
 *    session is refused with 401, whatever its method or body.
 * 2. Unsafe methods need the CSRF token (header X-CSRF-Token = cookie csrf_token = the session's).
 * 3. The user's roles must be among the route's roles in AUTHORIZATION_MATRIX (a route that is
 *    not listed is refused for everyone).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('AuthGuard');

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<SessionRequest>();
    const res = context.switchToHttp().getResponse<FastifyReply>();
    // The matched route's pattern, e.g. '/api/cases/:id' (Nest registers every route under the prefix).
    const pattern = req.routeOptions.url ?? req.url.split('?')[0];
    const key = routeKey(req.method === 'HEAD' ? 'GET' : req.method, pattern);
    const access = AUTHORIZATION_MATRIX[key];

    const isPublic =
      this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]) ?? false;
    if (isPublic) {
      if (access === 'public') return true;
      this.logger.error(
        { reqId: requestIdOf(req), route: key },
        '@Public() route is not public in the authorization matrix',
      );
      throw new ForbiddenException({
        statusCode: 403,
        error: 'Forbidden',
        code: 'route_not_authorized',
        message: 'This route is not open to anyone yet.',
      });
    }

    const token = req.cookies?.[SESSION_COOKIE];
    const session = token ? await this.sessions.resolve(token) : null;
    if (!session) {
      if (token) {
        res.clearCookie(SESSION_COOKIE, { path: '/' });
        res.clearCookie(CSRF_COOKIE, { path: '/' });
      }
      throw new UnauthorizedException({
        statusCode: 401,
        error: 'Unauthorized',
        code: token ? 'session_expired' : 'unauthenticated',
        message: token ? 'Your session has ended; sign in again.' : 'Sign in first.',
      });
    }
    req.user = session.user;
    req.session = {
      csrfToken: session.csrfToken,
      totpEnrollmentOnly: session.totpEnrollmentOnly,
      mustChangePassword: session.mustChangePassword,
    };

    if (!SAFE_METHODS.has(req.method)) {
      const header = req.headers[CSRF_HEADER];
      const headerToken = Array.isArray(header) ? header[0] : header;
      const cookieToken = req.cookies?.[CSRF_COOKIE];
      if (!sameSecret(headerToken, cookieToken) || !sameSecret(headerToken, session.csrfToken)) {
        throw new ForbiddenException({
          statusCode: 403,
          error: 'Forbidden',
          code: 'csrf_token_invalid',
          message: 'Missing or wrong CSRF token: send the csrf_token cookie value in the X-CSRF-Token header.',
        });
      }
    }

    if (session.mustChangePassword && !PASSWORD_CHANGE_ROUTES.has(key)) {
      throw new ForbiddenException({
        statusCode: 403,
        error: 'Forbidden',
        code: 'password_change_required',
        message:
          'Your password was set by an administrator: choose your own first (POST /api/auth/password with currentPassword and newPassword).',
      });
    }

    if (session.totpEnrollmentOnly && !TOTP_ENROLMENT_ROUTES.has(key)) {
      throw new ForbiddenException({
        statusCode: 403,
        error: 'Forbidden',
        code: 'totp_enrollment_required',
        message:
          'Your role requires two-factor sign-in: set up an authenticator app first (POST /api/auth/totp/setup, then POST /api/auth/totp/enable).',
      });
    }

    if (access === undefined || access === 'public' || !hasAnyRole(session.user, access)) {
      if (access === undefined)
        this.logger.error({ reqId: requestIdOf(req), route: key }, 'route missing from the authorization matrix');
      await this.audit.record(
        { action: 'forbidden', objectType: 'route', objectId: key.slice(0, 100), outcome: 'denied' },
        requestContextOf(req),
      );
      throw new ForbiddenException({
        statusCode: 403,
        error: 'Forbidden',
        code: access === undefined ? 'route_not_authorized' : 'role_forbidden',
        message: access === undefined ? 'This route is not open to anyone yet.' : 'Your role does not allow this.',
      });
    }
    return true;
  }
}
