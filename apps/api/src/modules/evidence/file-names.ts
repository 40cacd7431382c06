const MAX_NAME = 120;

/**
 * A client's file name made harmless for display: the last path segment only, no control
 * characters (NUL, CR, LF, …) and no characters that would break a header, at most 120
 * characters. Never used to name anything on disk.
 */
export function cleanFileName(raw: string | undefined | null): string {
  const lastSegment = (raw ?? '').split(/[/\\]/).pop() ?? '';
  const cleaned = lastSegment
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what this strips
    .replace(/[\u0000-\u001f\u007f-\u009f"<>:|?*;]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+/, '')
    .trim();
  return [...cleaned].slice(0, MAX_NAME).join('').trim() || 'photo';
}

/** `inline; filename="…"` with an ASCII fallback and the UTF-8 name in filename* (RFC 6266). */
export function contentDisposition(name: string, extension: string): string {
  const base = name.replace(/\.[A-Za-z0-9]{1,5}$/, '') || 'photo';
  const full = `${base}.${extension}`;
  const ascii = full.replace(/[^A-Za-z0-9._ ()-]/g, '_');
  const encoded = encodeURIComponent(full).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `inline; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
