import { types, type CustomTypesConfig } from 'pg';

const TIMESTAMPTZ = 1184;
const VARCHAR_ARRAY = 1015;
const TEXT_ARRAY = 1009;

/** pg's own parser for a type id (pg types its argument as its named ids, which include no array type). */
export const pgParser = types.getTypeParser as unknown as (
  oid: number,
  format: 'text' | 'binary',
) => (value: string) => unknown;
const parseTimestamptz = pgParser(TIMESTAMPTZ, 'text');

// PostgreSQL's text for a timestamptz in a UTC session, e.g. '2026-12-02 15:09:58.44709+00'.
const UTC_TIMESTAMP = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d{1,6})?\+00$/;

/**
 * A timestamptz as ISO 8601 text in UTC with every digit PostgreSQL sent, e.g.
 * '2026-12-02T15:09:58.44709Z': rewritten in place for a UTC session, else read with pg's own
 * parser (another session time zone, years before 1000 or after 9999) and given back its
 * microseconds, which an offset in whole minutes never changes.
 *
 * Why not a Date: a list page decodes 78 of them, only to write them out again as text, and
 * pg's parser (regular expressions, then a Date) cost a quarter of the client's CPU for the
 * list query. And a Date keeps milliseconds only: a keyset cursor built from one pointed up to
 * 999 µs before its row, so the next page skipped the rows that shared that millisecond.
 */
export function timestamptzText(text: string): string {
  if (UTC_TIMESTAMP.test(text)) return `${text.slice(0, 10)}T${text.slice(11, -3)}Z`;
  const parsed = parseTimestamptz(text);
  if (!(parsed instanceof Date) || Number.isNaN(parsed.getTime()))
    throw new RangeError(`not a finite timestamptz: ${text}`);
  const micro = /^[^.]*\d\d:\d\d:\d\d\.\d{3}(\d{1,3})/.exec(text)?.[1];
  const iso = parsed.toISOString();
  return micro ? `${iso.slice(0, -1)}${micro}Z` : iso;
}

/** timestamptzText's ISO text cut to milliseconds, exactly as Date#toISOString writes that instant. */
export function isoMillis(iso: string): string {
  const t = iso.indexOf('T');
  const dot = iso.indexOf('.', t);
  if (dot < 0) return `${iso.slice(0, -1)}.000Z`;
  return `${iso.slice(0, dot + 1)}${`${iso.slice(dot + 1, -1)}00`.slice(0, 3)}Z`;
}

const parseTextArray = pgParser(TEXT_ARRAY, 'text') as (text: string) => (string | null)[];

/**
 * A one-dimensional array of plain words (CPT codes: '{17110,11102}') split directly; anything
 * quoted, escaped, nested or NULL goes to pg's array parser.
 */
export function wordArray(text: string): (string | null)[] {
  if (text === '{}') return [];
  const inner = text.slice(1, -1);
  if (text[0] !== '{' || text[text.length - 1] !== '}' || /["\\{}]|(?:^|,)NULL(?:,|$)/i.test(inner))
    return parseTextArray(text);
  return inner.split(',');
}

/**
 * The row types of the case list (pg's per-query `types`): timestamps stay ISO text and CPT code
 * lists are split directly; every other type is decoded as pg always does.
 */
export const LIST_ROW_TYPES: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (format !== 'binary') {
      if (oid === TIMESTAMPTZ) return timestamptzText;
      if (oid === VARCHAR_ARRAY || oid === TEXT_ARRAY) return wordArray;
    }
    return pgParser(oid, format ?? 'text');
  }) as CustomTypesConfig['getTypeParser'],
};
