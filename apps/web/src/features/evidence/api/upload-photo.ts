import { TZDate } from '@date-fns/tz';
import { ApiError, CSRF_COOKIE, CSRF_HEADER, type ApiErrorBody } from '@preauth/api-client';
import { CLINIC_TIME_ZONE } from '../../../app/clinic';
import type { Photo, PhotoFields } from './types';

function readCookie(name: string): string | undefined {
  const match = document.cookie.split('; ').find((part) => part.startsWith(`${name}=`));
  return match ? decodeURIComponent(match.slice(name.length + 1)) : undefined;
}

// What to say when the API refused a file without a message of its own (or never answered).
const FALLBACK_MESSAGES: Record<number, string> = {
  0: 'The upload did not reach the server; check the connection and try again.',
  413: 'The file is too large.',
  415: 'This is not an image we accept (JPEG, PNG, WebP or HEIC).',
  422: 'The image could not be read.',
};

// The API reads a bare date as midnight UTC, which is the evening before in the clinic: send the
// day the physician picked as noon in the clinic's zone, so it reads back as that day.
export function toTakenAtInstant(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return value;
  return new Date(
    new TZDate(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12, 0, 0, CLINIC_TIME_ZONE).getTime(),
  ).toISOString();
}

export interface UploadPhotoOptions {
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/**
 * Uploads one photo with its fields as multipart/form-data.
 *
 * This bypasses the generated client on purpose: openapi-fetch is built on fetch(), which cannot
 * report upload progress, and a clinic photo from a phone can take a while on a slow line. So this
 * one call uses XMLHttpRequest (upload.onprogress) and repeats by hand what the client's
 * middleware does: the same-origin cookie and the double-submit CSRF header. Errors are thrown as
 * the same ApiError that `unwrap` throws, so callers handle both alike.
 */
export function uploadPhoto(
  caseId: string,
  file: File,
  fields: PhotoFields,
  options: UploadPhotoOptions = {},
): Promise<Photo> {
  const form = new FormData();
  // The fields first: the API validates them as they stream in, before the file.
  form.append('bodySite', fields.bodySite);
  form.append('lesionCount', String(fields.lesionCount));
  form.append('takenAt', toTakenAtInstant(fields.takenAt));
  if (fields.caption?.trim()) form.append('caption', fields.caption.trim());
  form.append('file', file, file.name);

  return new Promise<Photo>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/cases/${encodeURIComponent(caseId)}/photos`);
    xhr.withCredentials = true;
    xhr.responseType = 'text';
    xhr.setRequestHeader('Accept', 'application/json');
    const token = readCookie(CSRF_COOKIE);
    if (token) xhr.setRequestHeader(CSRF_HEADER, token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        options.onProgress?.(1);
        resolve(body as Photo);
      } else {
        reject(toApiError(xhr.status, body));
      }
    };
    xhr.onerror = () => reject(toApiError(0, undefined));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

function toApiError(status: number, body: unknown): ApiError {
  const parsed = (body && typeof body === 'object' ? body : {}) as Partial<ApiErrorBody>;
  const fieldErrors = parsed.errors?.map((e) => `${e.field} ${e.reason}`).join('; ');
  const message = fieldErrors || parsed.message || FALLBACK_MESSAGES[status] || `The upload failed (${status}).`;
  return new ApiError(status, { ...parsed, statusCode: status, message });
}
