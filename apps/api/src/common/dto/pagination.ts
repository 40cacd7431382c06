import { fieldError } from '../validation';

/** Opaque keyset cursor: the sort key and id of the last row of the previous page. */
export interface KeysetCursor {
  k: string | number | null;
  id: string;
}

export function encodeCursor(cursor: KeysetCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(raw: string | undefined): KeysetCursor | undefined {
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as KeysetCursor;
    if (typeof parsed !== 'object' || parsed === null || typeof parsed.id !== 'string') throw new Error('shape');
    return parsed;
  } catch {
    throw fieldError('cursor', 'is not a cursor this API returned');
  }
}
