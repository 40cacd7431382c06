import { isoMillis, LIST_ROW_TYPES, pgParser, timestamptzText, wordArray } from './list-row-types';

const pgTimestamptz = pgParser(1184, 'text') as (text: string) => Date;
const pgTextArray = pgParser(1009, 'text') as (text: string) => (string | null)[];

describe('timestamptzText and isoMillis (list rows)', () => {
  it('rewrites a UTC timestamp keeping every digit, and cuts it to what Date#toISOString writes', () => {
    expect(timestamptzText('2026-12-02 15:09:58.44709+00')).toBe('2026-12-02T15:09:58.44709Z');
    expect(isoMillis('2026-12-02T15:09:58.44709Z')).toBe('2026-12-02T15:09:58.447Z');
    expect(isoMillis(timestamptzText('2026-12-02 15:09:58+00'))).toBe('2026-12-02T15:09:58.000Z');
    expect(isoMillis(timestamptzText('2026-12-02 15:09:58.5+00'))).toBe('2026-12-02T15:09:58.500Z');
  });

  it('reads another session time zone with an offset in minutes, keeping the microseconds', () => {
    expect(timestamptzText('2026-12-02 17:09:58.123456+02')).toBe('2026-12-02T15:09:58.123456Z');
    expect(timestamptzText('2026-12-02 10:39:58.1+05:30')).toBe('2026-12-02T05:09:58.100Z');
    expect(timestamptzText('2026-12-01 22:09:58.000001-05')).toBe('2026-12-02T03:09:58.000001Z');
  });

  it('agrees with pg’s parser to the millisecond over many instants, offsets and fractions', () => {
    const pad = (n: number, w = 2) => String(n).padStart(w, '0');
    let compared = 0;
    for (let i = 0; i < 20000; i++) {
      // A spread of instants from 1000 to 9999, every fraction length, a few session offsets.
      const ms = Date.UTC(
        1000 + ((i * 7919) % 9000),
        (i * 31) % 12,
        1 + ((i * 17) % 28),
        (i * 13) % 24,
        (i * 7) % 60,
        (i * 11) % 60,
      );
      const digits = i % 7;
      const fraction = digits ? `.${String((i * 104729) % 10 ** digits).padStart(digits, '0')}` : '';
      const offsetMinutes = [0, 0, 60, -300, 330, 345, -570][i % 7];
      const local = new Date(ms + offsetMinutes * 60_000);
      const sign = offsetMinutes < 0 ? '-' : '+';
      const abs = Math.abs(offsetMinutes);
      const offset = `${sign}${pad(Math.floor(abs / 60))}${abs % 60 ? `:${pad(abs % 60)}` : ''}`;
      const text = `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${fraction}${offset}`;
      const ours = timestamptzText(text);
      expect({ text, iso: isoMillis(ours) }).toEqual({ text, iso: pgTimestamptz(text).toISOString() });
      expect(Date.parse(ours)).toBe(pgTimestamptz(text).getTime());
      compared++;
    }
    expect(compared).toBe(20000);
  });

  it('refuses what is not a finite instant instead of writing a wrong one', () => {
    expect(() => timestamptzText('infinity')).toThrow(RangeError);
    expect(() => timestamptzText('not a time')).toThrow(RangeError);
  });
});

describe('wordArray', () => {
  it('splits plain words and hands anything else to pg’s array parser', () => {
    for (const text of [
      '{17110,11102}',
      '{17110}',
      '{}',
      '{NULL,17110}',
      '{"a b",c}',
      '{"x\\"y",z}',
      '{"NULL"}',
      '{{1,2},{3,4}}',
      '{""}',
    ]) {
      expect({ text, parsed: wordArray(text) }).toEqual({ text, parsed: pgTextArray(text) });
    }
  });
});

describe('LIST_ROW_TYPES', () => {
  it('decodes timestamps and text arrays its own way and every other type as pg does', () => {
    const parser = (oid: number) =>
      (LIST_ROW_TYPES.getTypeParser as (oid: number, format?: string) => (v: string) => unknown)(oid, 'text');
    expect(parser(1184)('2026-12-02 15:09:58+00')).toBe('2026-12-02T15:09:58Z');
    expect(parser(1015)('{17110,11102}')).toEqual(['17110', '11102']);
    expect(parser(21)('7')).toBe(7);
    expect(parser(1082)('2026-12-02')).toEqual(pgTimestamptz('2026-12-02'));
  });
});
