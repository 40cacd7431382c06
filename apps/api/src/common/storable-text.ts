import type { FieldError } from './validation';

/**
 * What PostgreSQL cannot keep in a text or jsonb column: NUL (a UTF-8 database refuses it with
 * error 22021, jsonb refuses `\u0000`), and a UTF-16 surrogate without its pair, which has no
 * UTF-8 form (pg's driver would silently store U+FFFD in its place).
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function unstorableReason(text: string, what: string): string | null {
  const match = UNSTORABLE.exec(text);
  if (!match) return null;
  return match[0] === '\u0000'
    ? `${what} a NUL character (U+0000), which cannot be stored`
    : `${what} an unpaired UTF-16 surrogate, which cannot be stored`;
}

/**
 * The first text in a request value (a body, a query, a route parameter or a multipart field,
 * at any depth) that PostgreSQL could not store, as the field it is in: `findings.symptoms`,
 * `procedureLines.0.bodySite`, as class-validator names fields. `root` names a value that is
 * text itself and has no field name. The value is never quoted back: it may be patient data.
 */
export function findUnstorableText(value: unknown, path: string, root: string): FieldError | null {
  if (typeof value === 'string') {
    const reason = unstorableReason(value, 'contains');
    return reason ? { field: path || root, reason } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], path ? `${path}.${i}` : String(i), root);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const keyReason = unstorableReason(key, 'has a field name with');
      if (keyReason) return { field: path || root, reason: keyReason };
      const found = findUnstorableText(inner, path ? `${path}.${key}` : key, root);
      if (found) return found;
    }
  }
  return null;
}
