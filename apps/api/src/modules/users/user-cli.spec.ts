import { parseUserCreateArgs, UsageError } from './user-cli';

describe('parseUserCreateArgs', () => {
  it('reads email, roles (repeated or comma-separated) and name', () => {
    expect(
      parseUserCreateArgs([
        '--email',
        'a@clinic.org',
        '--role',
        'admin',
        '--role=manager,admin',
        '--name',
        'Ann Admin',
      ]),
    ).toEqual({
      email: 'a@clinic.org',
      roles: ['admin', 'manager'],
      displayName: 'Ann Admin',
      resetPassword: false,
    });
  });

  it('defaults the name to the email’s local part', () => {
    expect(parseUserCreateArgs(['--email=bo@clinic.org', '--role=physician']).displayName).toBe('bo');
  });

  it.each([
    [[], /--email/],
    [['--email', 'a@clinic.org'], /--role/],
    [['--email', 'a@clinic.org', '--role', 'nurse'], /unknown role "nurse"/],
    [['--email', 'not-an-email', '--role', 'admin'], /--email/],
    [['--email', 'a@clinic.org', '--role'], /needs a value/],
    [['--email', 'a@clinic.org', '--role', 'admin', '--password', 'x'], /unknown argument "--password"/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseUserCreateArgs(argv)).toThrow(UsageError);
    expect(() => parseUserCreateArgs(argv)).toThrow(message);
  });

  it('needs no role to reset a password', () => {
    expect(parseUserCreateArgs(['--email', 'a@clinic.org', '--reset-password']).resetPassword).toBe(true);
  });
});
