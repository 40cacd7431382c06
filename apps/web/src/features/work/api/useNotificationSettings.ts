import { unwrap, type Schemas } from '@preauth/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { workKeys } from './work-keys';

export type EmailPreferences = Schemas['EmailPreferencesDto'];
export type NotificationSettings = Schemas['NotificationSettingsDto'];
export type NotificationSettingsBody = Schemas['UpdateNotificationSettingsDto'];

/** The signed-in user's choice of which notifications also go by email. */
export function useEmailPreferences() {
  return useQuery({
    queryKey: workKeys.emailPreferences(),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/notifications/preferences', { signal })),
  });
}

export function useSetEmailPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (email: Schemas['EmailChoicesPatchDto']) =>
      unwrap(await api.PUT('/api/notifications/preferences', { body: { email } })),
    onSuccess: (saved) => queryClient.setQueryData(workKeys.emailPreferences(), saved),
  });
}

/** The clinic's clock warning lead times and digest hour (managers and admins). */
export function useNotificationSettings() {
  return useQuery({
    queryKey: workKeys.notificationSettings(),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/notification-settings', { signal })),
  });
}

export function useSetNotificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: NotificationSettingsBody) => unwrap(await api.PUT('/api/notification-settings', { body })),
    onSuccess: (saved) => {
      queryClient.setQueryData(workKeys.notificationSettings(), saved);
      // The digest hour shown beside each user's own choices.
      void queryClient.invalidateQueries({ queryKey: workKeys.emailPreferences() });
    },
  });
}
