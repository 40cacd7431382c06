import { computeNpiCheckDigit, isValidNpi } from './npi';

describe('isValidNpi', () => {
  it.each([
    '1234567893', // the CMS worked example
    '1245319599',
    '1003000126',
    '1497758544',
    '1679576722',
    '1588667638',
  ])('accepts %s', (npi) => {
    expect(isValidNpi(npi)).toBe(true);
  });

  it.each([
    ['1234567890', 'wrong check digit'],
    ['1234567894', 'check digit off by one'],
    ['1234567839', 'two digits swapped'],
    ['2234567893', 'first digit changed'],
    ['123456789', 'nine digits'],
    ['12345678930', 'eleven digits'],
    ['123456789A', 'a letter'],
    [' 1234567893', 'leading space'],
    ['1234-567893', 'punctuation'],
    ['', 'empty'],
  ])('rejects %s (%s)', (npi) => {
    expect(isValidNpi(npi)).toBe(false);
  });

  it.each([null, undefined])('rejects %s', (npi) => {
    expect(isValidNpi(npi)).toBe(false);
  });
});

describe('computeNpiCheckDigit', () => {
  it.each([
    ['123456789', 3],
    ['124531959', 9],
    ['100300012', 6],
    ['149775854', 4],
  ])('%s → %i', (digits, check) => {
    expect(computeNpiCheckDigit(digits)).toBe(check);
  });

  it.each(['12345678', '1234567890', 'abcdefghi'])('refuses %s', (digits) => {
    expect(() => computeNpiCheckDigit(digits)).toThrow(RangeError);
  });
});
