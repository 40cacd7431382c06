import { ApiError, CSRF_COOKIE, CSRF_HEADER, unwrap, type ApiErrorBody, type Schemas } from '@preauth/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';

export type ClinicProfile = Schemas['ClinicProfileDto'];
export type ClinicProfileBody = Schemas['UpdateClinicProfileDto'];

export const clinicProfileKeys = {
  all: ['clinic-profile'] as const,
  detail: () => [...clinicProfileKeys.all, 'detail'] as const,
};

export function useClinicProfile() {
  return useQuery({
    queryKey: clinicProfileKeys.detail(),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/clinic-profile', { signal })),
  });
}

export function useSaveClinicProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ClinicProfileBody) => unwrap(await api.PUT('/api/clinic-profile', { body })),
    onSuccess: (saved) => queryClient.setQueryData(clinicProfileKeys.detail(), saved),
  });
}

function csrfToken(): string | undefined {
  const match = document.cookie.split('; ').find((part) => part.startsWith(`${CSRF_COOKIE}=`));
  return match ? decodeURIComponent(match.slice(CSRF_COOKIE.length + 1)) : undefined;
}

// The generated client sends JSON; a multipart body goes through fetch with the same CSRF header.
async function sendLogo(method: 'PUT' | 'DELETE', file?: File): Promise<ClinicProfile> {
  let body: FormData | undefined;
  if (file) {
    body = new FormData();
    body.append('file', file, file.name);
  }
  const token = csrfToken();
  const response = await fetch('/api/clinic-profile/logo', {
    method,
    body,
    credentials: 'same-origin',
    headers: { Accept: 'application/json', ...(token ? { [CSRF_HEADER]: token } : {}) },
  });
  const json = (await response.json().catch(() => undefined)) as unknown;
  if (!response.ok) {
    const error = (json ?? {}) as ApiErrorBody;
    throw new ApiError(response.status, { ...error, statusCode: response.status });
  }
  return json as ClinicProfile;
}

export function useClinicLogo() {
  const queryClient = useQueryClient();
  const onSuccess = (saved: ClinicProfile) => queryClient.setQueryData(clinicProfileKeys.detail(), saved);
  return {
    upload: useMutation({ mutationFn: (file: File) => sendLogo('PUT', file), onSuccess }),
    remove: useMutation({ mutationFn: () => sendLogo('DELETE'), onSuccess }),
  };
}
