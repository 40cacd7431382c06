import type { paths, Schemas } from '@preauth/api-client';

export type ReportRange = paths['/api/reports/summary']['get']['parameters']['query'];
export type ReportTable = paths['/api/reports/export']['get']['parameters']['query']['table'];

export type SummaryReport = Schemas['SummaryReportDto'];
export type OverturnByStage = Schemas['OverturnByStageDto'];
export type DecisionTimesReport = Schemas['DecisionTimesReportDto'];
export type DecisionTimeRow = Schemas['DecisionTimeRowDto'];
export type BreakdownReport = Schemas['BreakdownReportDto'];
export type BreakdownRow = Schemas['BreakdownRowDto'];
export type DenialReasonReport = Schemas['DenialReasonReportDto'];
export type DenialReasonRow = Schemas['DenialReasonRowDto'];
export type TrendReport = Schemas['TrendReportDto'];
export type TrendRow = Schemas['TrendRowDto'];
export type LatePayersReport = Schemas['LatePayersReportDto'];
export type LatePayerRow = Schemas['LatePayerRowDto'];
export type ClinicMissesReport = Schemas['ClinicMissesReportDto'];
export type ClinicMissRow = Schemas['ClinicMissRowDto'];
export type OverturnReport = Schemas['OverturnReportDto'];
export type OverturnRow = Schemas['OverturnRowDto'];
