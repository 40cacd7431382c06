import { gzipSync } from 'node:zlib';
import { CodeFileError, fiscalYearDates, parseCptDescriptorCsv, parseIcd10File } from './code-set-loader';

describe('parseIcd10File', () => {
  const text =
    'A000    Cholera due to Vibrio cholerae 01, biovar cholerae\r\nL7211   Pilar cyst\r\nA09     Infectious gastroenteritis\r\n';

  it.each([
    ['plain', Buffer.from(text)],
    ['gzipped', gzipSync(text)],
  ])('reads the CMS format, %s, adding the dot', (_kind, bytes) => {
    const parsed = parseIcd10File(bytes, 'f.txt');
    expect(parsed.codes).toEqual(['A00.0', 'L72.11', 'A09']);
    expect(parsed.descriptions[1]).toBe('Pilar cyst');
    expect(parsed.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['a line that is not a code', 'L720    Epidermal cyst\nhello world\n', /f\.txt line 2 is not/],
    ['a code listed twice', 'L720    Epidermal cyst\nL720    Again\n', /line 2: L72\.0 is listed twice/],
    ['an empty file', '\r\n', /holds no codes/],
  ])('refuses %s', (_what, content, message) => {
    expect(() => parseIcd10File(Buffer.from(content), 'f.txt')).toThrow(message);
    expect(() => parseIcd10File(Buffer.from(content), 'f.txt')).toThrow(CodeFileError);
  });
});

describe('fiscalYearDates', () => {
  it('is the federal fiscal year', () => {
    expect(fiscalYearDates('FY2027')).toEqual({ from: '2026-10-01', to: '2027-09-30' });
    expect(fiscalYearDates('2027 update')).toBeUndefined();
  });
});

describe('parseCptDescriptorCsv', () => {
  it('reads code, short and long, with quoted commas and any header case', () => {
    expect(parseCptDescriptorCsv('Code,Short,Long\n17110,"A, B","Long, text"\n', 'c.csv')).toEqual([
      { code: '17110', short: 'A, B', long: 'Long, text' },
    ]);
  });

  it.each([
    ['a missing column', 'code,short\n17110,A\n', /row 2 needs code, short and long/],
    ['a bad code', 'code,short,long\n1711,A,B\n', /row 2 needs/],
    ['a code twice', 'code,short,long\n17110,A,B\n17110,C,D\n', /row 3: 17110 is listed twice/],
    ['broken quoting', 'code,short,long\n17110,"A,B\n', /is not a CSV file/],
  ])('refuses %s', (_what, content, message) => {
    expect(() => parseCptDescriptorCsv(content, 'c.csv')).toThrow(message);
  });
});
