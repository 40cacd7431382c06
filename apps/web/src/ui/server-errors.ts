import { ApiError } from '@preauth/api-client';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

/** What a failed request says, for a line under the control that sent it. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong.';
}

// 409 from a stale If-Match (as opposed to a 409 for a field the state does not allow).
export function isStaleVersion(error: unknown): boolean {
  if (!isApiError(error, 409)) return false;
  const body = error.body as { code?: string };
  return body.code === 'stale_version' || !error.body.errors?.length;
}

/**
 * Puts the API's `{errors: [{field, reason}]}` next to the form fields they name (the API uses
 * the same dotted paths as react-hook-form, e.g. `procedureLines.0.cpt`). Returns what could not
 * be placed, to show above the form.
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  knownFields: readonly string[],
  fieldMap: Record<string, string> = {},
): string[] {
  if (!isApiError(error)) return [error instanceof Error ? error.message : 'Something went wrong.'];
  const unplaced: string[] = [];
  const fieldErrors = error.body.errors ?? [];
  const placed = new Set<string>();
  for (const { field, reason } of fieldErrors) {
    const target = fieldMap[field] ?? field;
    const root = target.split('.')[0];
    if (knownFields.includes(root)) {
      setError(target as Path<T>, { type: 'server', message: capitalize(reason) });
      placed.add(reason);
    } else {
      unplaced.push(`${field} ${reason}`);
    }
  }
  // A refused transition names the field of some reasons too; those are shown beside it only.
  if (error.body.reasons?.length) unplaced.push(...error.body.reasons.filter((reason) => !placed.has(reason)));
  if (!fieldErrors.length && !error.body.reasons?.length) unplaced.push(error.body.message ?? error.message);
  return unplaced;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
