import { sharedBuffersMb } from './embedded-postgres';

const GB = 1024 ** 3;

describe('the embedded database’s page cache', () => {
  it('takes an eighth of the memory, never less than PostgreSQL’s default nor more than 1 GB', () => {
    expect(sharedBuffersMb(0.5 * GB)).toBe(128);
    expect(sharedBuffersMb(2 * GB)).toBe(256);
    expect(sharedBuffersMb(4 * GB)).toBe(512);
    expect(sharedBuffersMb(24 * GB)).toBe(1024);
  });
});
