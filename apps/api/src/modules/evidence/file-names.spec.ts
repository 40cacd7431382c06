import { cleanFileName, contentDisposition } from './file-names';

describe('cleanFileName', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\boot.ini', 'boot.ini'],
    ['evil\u0000.jpg', 'evil.jpg'],
    ['line\r\nbreak.jpg', 'linebreak.jpg'],
    ['..', 'photo'],
    ['', 'photo'],
    [undefined, 'photo'],
    ['.hidden.jpg', 'hidden.jpg'],
    ['quote".jpg', 'quote.jpg'],
    ['élodie scalp.jpg', 'élodie scalp.jpg'],
  ])('%j → %j', (raw, expected) => {
    expect(cleanFileName(raw)).toBe(expected);
  });

  it('keeps at most 120 characters', () => {
    expect(cleanFileName(`${'a'.repeat(300)}.jpg`)).toHaveLength(120);
  });
});

describe('contentDisposition', () => {
  it('uses the stored extension and an ASCII fallback', () => {
    expect(contentDisposition('élodie scalp.heic', 'jpg')).toBe(
      `inline; filename="_lodie scalp.jpg"; filename*=UTF-8''%C3%A9lodie%20scalp.jpg`,
    );
  });
});
