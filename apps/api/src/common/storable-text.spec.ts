import { findUnstorableText } from './storable-text';

describe('findUnstorableText', () => {
  it('passes text PostgreSQL stores, paired surrogates (emoji) included', () => {
    expect(findUnstorableText({ a: 'Ça va 👍', b: ['x', { c: 'y' }], n: 1, z: null }, '', 'body')).toBeNull();
  });

  it.each([
    [{ name: 'a\u0000b' }, 'name', 'NUL'],
    [{ findings: { symptoms: 'x\u0000' } }, 'findings.symptoms', 'NUL'],
    [{ lines: [{ site: 'ok' }, { site: '\ud83d' }] }, 'lines.1.site', 'surrogate'],
    [{ text: '\udc00 leading low half' }, 'text', 'surrogate'],
    [{ detail: { 'k\u0000': 'v' } }, 'detail', 'field name'],
  ])('names the field of %j', (value, field, reason) => {
    expect(findUnstorableText(value, '', 'body')).toEqual({ field, reason: expect.stringContaining(reason) });
  });

  it('names a text value by its parameter, or by where it came from', () => {
    expect(findUnstorableText('\u0000', 'planType', 'param')?.field).toBe('planType');
    expect(findUnstorableText('\u0000', '', 'body')?.field).toBe('body');
  });
});
