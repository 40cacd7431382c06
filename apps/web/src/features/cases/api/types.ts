import type { Schemas } from '@preauth/api-client';

export type CaseSummary = Schemas['CaseSummaryDto'];
export type CaseDetail = Schemas['CaseDetailDto'];
export type CaseClock = Schemas['ClockDto'];
export type CaseAction = Schemas['AvailableActionDto'];
export type CaseEvent = Schemas['CaseEventDto'];
export type ReadinessItem = Schemas['ReadinessItemDto'];
export type CreateCaseBody = Schemas['CreateCaseDto'];
export type UpdateCaseBody = Schemas['UpdateCaseDto'];
export type TransitionBody = Schemas['TransitionCaseDto'];
export type CorrectStepBody = Schemas['CorrectStepDto'];
