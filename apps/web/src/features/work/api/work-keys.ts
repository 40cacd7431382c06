export const workKeys = {
  all: ['work'] as const,
  staff: () => [...workKeys.all, 'staff'] as const,
  caseWork: (caseId: string) => [...workKeys.all, 'case', caseId] as const,
  myTasks: () => [...workKeys.all, 'my-tasks'] as const,
  notifications: () => [...workKeys.all, 'notifications'] as const,
  followUps: () => [...workKeys.all, 'follow-ups'] as const,
  emailPreferences: () => [...workKeys.all, 'email-preferences'] as const,
  notificationSettings: () => [...workKeys.all, 'notification-settings'] as const,
};
