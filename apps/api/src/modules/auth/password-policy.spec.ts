import { COMMON_PASSWORDS } from './common-passwords';
import { passwordProblems } from './password-policy';

describe('passwordProblems', () => {
  it('accepts a long, uncommon password', () => {
    expect(passwordProblems('correct-horse-battery', { email: 'jane@clinic.example' })).toEqual([]);
  });

  it('accepts the demo password for the demo accounts', () => {
    for (const email of [
      'frontdesk@demo.clinic',
      'physician@demo.clinic',
      'manager@demo.clinic',
      'admin@demo.clinic',
    ]) {
      expect(passwordProblems('preauth-demo-2026', { email })).toEqual([]);
    }
  });

  it.each([
    ['elevenchars', /at least 12/],
    ['password1234', /too common/],
    ['PASSWORD1234', /too common/],
    ['123456789012', /too common/],
    ['zzzzzzzzzzzzzz', /too common/],
    ['abc'.repeat(86), /at most 256/],
  ])('refuses %s', (password, problem) => {
    expect(passwordProblems(password)).toEqual([expect.stringMatching(problem)]);
  });

  it('refuses a password containing the email’s local part, whatever its case', () => {
    expect(passwordProblems('my-Jane.Doe-password', { email: 'jane.doe@clinic.example' })).toEqual([
      'must not contain your email address',
    ]);
    // Very short local parts would refuse too much.
    expect(passwordProblems('a-long-enough-secret', { email: 'al@clinic.example' })).toEqual([]);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(passwordProblems('🔒🔑🐍🦀🌵🍋🎲🎯🧭🪁🧩')).toEqual(['must be at least 12 characters long']);
  });

  it('ships only common passwords the length rule would not already refuse', () => {
    for (const password of COMMON_PASSWORDS) {
      expect(password.length).toBeGreaterThanOrEqual(12);
      expect(password).toBe(password.toLowerCase());
    }
  });
});
