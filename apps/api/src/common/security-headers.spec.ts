import helmet from 'helmet';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { SECURITY_HEADER_OPTIONS, securityHeaders } from './security-headers';

describe('securityHeaders', () => {
  it('are exactly what helmet sets on a real response with the same options', () => {
    const req = new IncomingMessage(new Socket());
    const res = new ServerResponse(req);
    res.setHeader('X-Powered-By', 'something');
    helmet(SECURITY_HEADER_OPTIONS)(req, res, () => undefined);
    const fromHelmet = Object.fromEntries(
      Object.entries(res.getHeaders()).map(([name, value]) => [name, String(value)]),
    );
    expect(securityHeaders()).toEqual(fromHelmet);
  });

  it('allow images from the app, data: and blob: URLs, and keep the rest of the policy strict', () => {
    const headers = securityHeaders();
    const csp = headers['content-security-policy'];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("img-src 'self' data: blob:");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(headers).not.toHaveProperty('x-powered-by');
  });
});
