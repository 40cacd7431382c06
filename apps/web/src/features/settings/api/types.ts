import type { Schemas } from '@preauth/api-client';

export type DeadlineRule = Schemas['DeadlineRuleDto'];
export type DeadlineRuleFigures = Schemas['UpdateDeadlineRuleDto'];
export type DeadlineRulePreview = Schemas['DeadlineRulePreviewDto'];
export type AuditEvent = Schemas['AuditEventDto'];
export type PayerListItem = Schemas['PayerListItemDto'];
export type CreatePayerBody = Schemas['CreatePayerDto'];
export type UpdatePayerBody = Schemas['UpdatePayerDto'];
export type Provider = Schemas['ProviderDto'];
export type CreateProviderBody = Schemas['CreateProviderDto'];
export type PhysicianUser = Schemas['PhysicianUserDto'];
export type PasEndpointSettings = Schemas['PasEndpointSettingsDto'];
export type PutPasEndpointBody = Schemas['PutPasEndpointDto'];
