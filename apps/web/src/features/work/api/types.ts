import type { Schemas } from '@preauth/api-client';

export type Task = Schemas['TaskDto'];
export type CaseWork = Schemas['CaseWorkDto'];
export type StaffUser = Schemas['StaffUserDto'];
export type CreateTaskBody = Schemas['CreateTaskDto'];
export type AppNotification = Schemas['NotificationDto'];
export type SetFollowUpBody = Schemas['SetFollowUpDto'];
export type LogPayerCallBody = Schemas['LogPayerCallDto'];
export type FollowUpItem = Schemas['FollowUpItemDto'];
