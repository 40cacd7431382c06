/**
 * Lead times as typed ("3, 1" or "24 4"): whole numbers, or null when anything else is there.
 * Range and count are the server's to refuse (it names the field), so they are not checked here.
 */
export function parseLeadList(text: string): number[] | null {
  const parts = text
    .split(/[\s,]+/)
    .map((part) => part.trim())
    .filter(Boolean);
  if (!parts.every((part) => /^\d+$/.test(part))) return null;
  return parts.map(Number);
}

export function formatLeadList(values: readonly number[]): string {
  return values.join(', ');
}
