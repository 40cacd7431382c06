import { sniffImageType } from './image-sniffing';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('sniffImageType', () => {
  it.each([
    ['jpeg', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'jpeg'],
    ['png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'png'],
    ['webp', bytes('RIFF', [0x10, 0, 0, 0], 'WEBPVP8 '), 'webp'],
    ['heic', bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0]), 'heif'],
    ['mif1', bytes([0, 0, 0, 0x18], 'ftypmif1', [0, 0, 0, 0]), 'heif'],
    ['mp4 is not an image', bytes([0, 0, 0, 0x18], 'ftypisom', [0, 0, 0, 0]), null],
    ['text', bytes('hello, this is not a photo'), null],
    ['svg', bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'), null],
    ['html', bytes('<!doctype html><html>'), null],
    ['pdf', bytes('%PDF-1.7\n'), null],
    ['gif', bytes('GIF89a'), null],
    ['empty', Buffer.alloc(0), null],
    ['two bytes of jpeg', bytes([0xff, 0xd8]), null],
  ])('%s', (_name, head, expected) => {
    expect(sniffImageType(head)).toBe(expected);
  });
});
