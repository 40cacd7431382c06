function isChange(value: unknown): value is { from: unknown; to: unknown } {
  return typeof value === 'object' && value !== null && 'from' in value && 'to' in value;
}

function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/**
 * An event's detail as lines a person reads: a settings change as "field: before → after",
 * anything else as "key: value". The trail's detail holds ids, field names and counts only.
 */
export function formatAuditDetail(detail: Record<string, unknown>): string[] {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(detail)) {
    if (key === 'changes' && typeof value === 'object' && value !== null) {
      for (const [field, change] of Object.entries(value)) {
        lines.push(
          isChange(change)
            ? `${field}: ${formatValue(change.from)} → ${formatValue(change.to)}`
            : `${field}: ${formatValue(change)}`,
        );
      }
    } else {
      lines.push(`${key}: ${formatValue(value)}`);
    }
  }
  return lines;
}
