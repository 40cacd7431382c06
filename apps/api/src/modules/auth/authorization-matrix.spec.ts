import { isRole } from '@preauth/domain';
import { AUTHORIZATION_MATRIX } from './authorization-matrix';
import { AUDIT_LOG_READERS } from './field-rules';

describe('AUTHORIZATION_MATRIX', () => {
  it('keys every route as METHOD /api/path with :params', () => {
    for (const key of Object.keys(AUTHORIZATION_MATRIX))
      expect(key).toMatch(/^(GET|POST|PUT|PATCH|DELETE) \/api(\/(:?[A-Za-z0-9._-]+))*$/);
  });

  it('names only real roles, and at least one per route', () => {
    for (const access of Object.values(AUTHORIZATION_MATRIX)) {
      if (access === 'public') continue;
      expect(access.length).toBeGreaterThan(0);
      expect(access.every(isRole)).toBe(true);
    }
  });

  it('opens only health and sign-in to everyone', () => {
    const open = Object.entries(AUTHORIZATION_MATRIX)
      .filter(([, access]) => access === 'public')
      .map(([key]) => key);
    expect(open.sort()).toEqual([
      'GET /api/health',
      'POST /api/auth/login',
      'POST /api/invitations/accept',
      'POST /api/invitations/lookup',
    ]);
  });

  it('gives the audit log to its readers, user administration to admins', () => {
    expect(AUTHORIZATION_MATRIX['GET /api/audit']).toEqual(AUDIT_LOG_READERS);
    for (const key of [
      'GET /api/users',
      'POST /api/users',
      'GET /api/users/:id',
      'PATCH /api/users/:id',
      'PUT /api/auth/policy',
    ]) {
      expect(AUTHORIZATION_MATRIX[key]).toEqual(['admin']);
    }
  });

  it('keeps patient data away from admins', () => {
    const phi = Object.entries(AUTHORIZATION_MATRIX).filter(([key]) =>
      /\/api\/(cases|patients|notes|photos)/.test(key),
    );
    expect(phi.length).toBeGreaterThan(0);
    for (const [, access] of phi) expect(access).not.toContain('admin');
  });
});
