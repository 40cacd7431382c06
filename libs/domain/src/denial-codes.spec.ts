import { checkCarcDescription, describeCarcCode, NO_CARC_DESCRIPTION } from './denial-codes';

describe('denial code descriptions', () => {
  it('reads a clinic-added description by reason, under any group code, after the built-in ones', () => {
    const added = new Map([['45', 'Charge exceeds the fee schedule']]);
    expect(describeCarcCode('PR-45', added)).toBe('Charge exceeds the fee schedule');
    expect(describeCarcCode('co-96', new Map([['96', 'Ignored']]))).toBe('Non-covered charge');
    expect(describeCarcCode('CO-45')).toBe(NO_CARC_DESCRIPTION);
  });

  it.each([
    ['CO-45', 'Charge exceeds the fee schedule', []],
    ['CO-96', 'Other words', ['code']],
    ['45', 'Charge exceeds', ['code']],
    ['CO-45', 'co-45', ['description']],
    ['CO-45', 'ok', ['description']],
    ['CO-45', 'x'.repeat(201), ['description']],
  ])('judges %s described as "%s"', (code, description, fields) => {
    expect(checkCarcDescription(code, description).map((p) => p.field)).toEqual(fields);
  });
});
