import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  BREAKDOWN_DIMENSIONS,
  breakdownColumns,
  carcReasonOf,
  CLINIC_MISS_COLUMNS,
  DECISION_TIME_COLUMNS,
  DENIAL_REASON_COLUMNS,
  describeCarcCode,
  fillTrendMonths,
  findBuiltInCarcDescription,
  findCpt,
  LATE_PAYER_COLUMNS,
  OVERTURN_BY_PAYER_COLUMNS,
  OVERTURN_BY_REASON_COLUMNS,
  reportCsvRecords,
  SELF_PAY_COLUMNS,
  SELF_PAY_REASON_LABELS,
  sortBreakdownRows,
  sortClinicMisses,
  sortDenialReasons,
  sortLatePayers,
  sortOverturnRows,
  SUMMARY_COLUMNS,
  summaryCsvRows,
  TREND_COLUMNS,
  UNKNOWN_DENIAL_CODE,
  type ReportTable,
  type SelfPayReason,
} from '@preauth/domain';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { RequestContext } from '../../common/request-context.decorator';
import { fieldError } from '../../common/validation';
import { AuditService } from '../audit/audit.service';
import { csvLine } from '../../common/csv';
import { CarcDescriptionsService } from '../codes/carc-descriptions.service';
import {
  BreakdownReportDto,
  ClinicMissesReportDto,
  DecisionTimesReportDto,
  DenialReasonReportDto,
  LatePayersReportDto,
  OverturnReportDto,
  ReportRangeQuery,
  SelfPayReportDto,
  SummaryReportDto,
  TrendReportDto,
} from './dto/report.dto';
import {
  breakdownSql,
  CLINIC_MISS_COUNTS_SQL,
  CLINIC_MISS_ROWS_SQL,
  DECISION_TIMES_SQL,
  DENIAL_REASONS_SQL,
  LATE_PAYERS_SQL,
  OVERTURN_BY_PAYER_SQL,
  OVERTURN_BY_REASON_SQL,
  PAYER_NAMES_SQL,
  SELF_PAY_SQL,
  REVIEW_STAGES,
  runReportQuery,
  SUMMARY_SQL,
  TREND_SQL,
  URGENCIES,
  type BreakdownDimension,
} from './reports.queries';

const num = (v: unknown): number => Number(v ?? 0);
const BREAKDOWN_DIMENSION_OF = { 'by-payer': 'payer', 'by-cpt': 'cpt', 'by-physician': 'physician' } as const;
const CLINIC_MISS_ROWS = 200;
const share = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;
const hours = (v: unknown): number | null => (v === null || v === undefined ? null : Math.round(Number(v) * 100) / 100);

/** Manager reports: every figure is an aggregate computed in PostgreSQL over case_decisions and cases. */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly carc: CarcDescriptionsService,
  ) {}

  private query<T = Record<string, unknown>>(sql: string, params: unknown[]): Promise<T[]> {
    return runReportQuery<T>(this.dataSource, sql, params);
  }

  private params(range: ReportRangeQuery): unknown[] {
    if (range.from > range.to) {
      throw fieldError('from', 'must not be after to');
    }
    return [range.from, range.to, this.config.clinicTimeZone];
  }

  async summary(range: ReportRangeQuery): Promise<SummaryReportDto> {
    const [row] = await this.query<Record<string, unknown>>(SUMMARY_SQL, this.params(range));
    const decisions = num(row.decisions);
    const denied = num(row.denied);
    const overturnByStage = REVIEW_STAGES.map((stage) => {
      const total = num(row[stage]);
      const overturned = num(row[`${stage}_overturned`]);
      return { stage, decisions: total, overturned, overturnRate: share(overturned, total) };
    });
    const reviewTotal = overturnByStage.reduce((a, s) => a + s.decisions, 0);
    const reviewOverturned = overturnByStage.reduce((a, s) => a + s.overturned, 0);
    return {
      from: range.from,
      to: range.to,
      submitted: num(row.submitted),
      decisions,
      approved: num(row.approved),
      partiallyApproved: num(row.partially_approved),
      denied,
      withdrawn: num(row.withdrawn),
      completed: num(row.completed),
      approvalsUsedShare: share(num(row.completed), num(row.completed) + num(row.expired)),
      approvedShare: share(num(row.approved), decisions),
      partiallyApprovedShare: share(num(row.partially_approved), decisions),
      deniedShare: share(denied, decisions),
      approvedAfterAppeal: num(row.approved_after_appeal),
      approvedAfterAppealShare: share(num(row.approved_after_appeal), decisions),
      deniedThenAppealed: num(row.denied_then_appealed),
      appealRate: share(num(row.denied_then_appealed), denied),
      overturnRate: share(reviewOverturned, reviewTotal),
      overturnByStage,
    };
  }

  async decisionTimes(range: ReportRangeQuery): Promise<DecisionTimesReportDto> {
    const [row] = await this.query<Record<string, unknown>>(DECISION_TIMES_SQL, this.params(range));
    return {
      rows: URGENCIES.map((urgency) => {
        const pct = row[`${urgency}_pct`] as number[] | null;
        return {
          urgency,
          decisions: num(row[`${urgency}_decisions`]),
          meanHours: hours(row[`${urgency}_mean`]),
          medianHours: hours(pct?.[0]),
          p90Hours: hours(pct?.[1]),
          late: num(row[`${urgency}_late`]),
          lateShare: share(num(row[`${urgency}_late`]), num(row[`${urgency}_with_due`])),
        };
      }),
    };
  }

  async breakdown(range: ReportRangeQuery, dimension: BreakdownDimension): Promise<BreakdownReportDto> {
    const rows = await this.query(breakdownSql(dimension), this.params(range));
    return {
      rows: rows.map((r) => ({
        key: String(r.key),
        label:
          dimension === 'cpt'
            ? `${String(r.key)} ${findCpt(String(r.key))?.description ?? ''}`.trim()
            : String(r.label),
        decisions: num(r.decisions),
        approved: num(r.approved),
        partiallyApproved: num(r.partially_approved),
        denied: num(r.denied),
        deniedShare: share(num(r.denied), num(r.decisions)),
        late: num(r.late),
        medianHours: hours(r.median),
      })),
    };
  }

  /** A denial reason code's description, with the manager-added ones. */
  private async carcDescriber(): Promise<(code: string) => { label: string; described: boolean }> {
    const added = await this.carc.addedDescriptions();
    return (code) => {
      const unknown = code === UNKNOWN_DENIAL_CODE;
      return {
        label: unknown ? 'No reason code recorded' : describeCarcCode(code, added),
        // A code nobody described yet: a manager can describe it from the report.
        described: unknown || !!findBuiltInCarcDescription(code) || added.has(carcReasonOf(code)),
      };
    };
  }

  async denialReasons(range: ReportRangeQuery): Promise<DenialReasonReportDto> {
    const rows = await this.query<{ code: string; denials: string }>(DENIAL_REASONS_SQL, this.params(range));
    const total = rows.reduce((a, r) => a + num(r.denials), 0);
    const describe = await this.carcDescriber();
    return {
      rows: rows.map((r) => ({
        code: r.code,
        ...describe(r.code),
        denials: num(r.denials),
        share: share(num(r.denials), total),
      })),
    };
  }

  async overturnByPayer(range: ReportRangeQuery): Promise<OverturnReportDto> {
    const rows = await this.query(OVERTURN_BY_PAYER_SQL, this.params(range));
    return {
      rows: rows.map((r) => ({
        key: String(r.key),
        label: String(r.label),
        described: true,
        decided: num(r.decided),
        overturned: num(r.overturned),
        overturnRate: share(num(r.overturned), num(r.decided)),
      })),
    };
  }

  async overturnByReason(range: ReportRangeQuery): Promise<OverturnReportDto> {
    const rows = await this.query(OVERTURN_BY_REASON_SQL, this.params(range));
    const describe = await this.carcDescriber();
    return {
      rows: rows.map((r) => ({
        key: String(r.code),
        ...describe(String(r.code)),
        decided: num(r.decided),
        overturned: num(r.overturned),
        overturnRate: share(num(r.overturned), num(r.decided)),
      })),
    };
  }

  async trend(range: ReportRangeQuery): Promise<TrendReportDto> {
    const rows = await this.query<Record<string, unknown>>(TREND_SQL, this.params(range));
    return {
      rows: rows.map((r) => ({
        month: String(r.month),
        submitted: num(r.submitted),
        decisions: num(r.decisions),
        approved: num(r.approved),
        denied: num(r.denied),
        medianHours: hours(r.median),
      })),
    };
  }

  async latePayers(range: ReportRangeQuery): Promise<LatePayersReportDto> {
    const rows = await this.query<Record<string, unknown>>(LATE_PAYERS_SQL, this.params(range));
    return {
      rows: rows.map((r) => ({
        payerId: String(r.payer_id),
        payer: String(r.payer),
        decisions: num(r.decisions),
        late: num(r.late),
        lateShare: share(num(r.late), num(r.decisions)),
        meanDaysLate: hours(r.mean_days_late),
        overdueOpen: num(r.overdue_open),
      })),
    };
  }

  async selfPay(range: ReportRangeQuery): Promise<SelfPayReportDto> {
    const rows = await this.query<Record<string, unknown>>(SELF_PAY_SQL, this.params(range));
    return {
      rows: rows.map((r) => {
        const reason = r.reason as SelfPayReason;
        return {
          payerId: String(r.payer_id),
          payer: String(r.payer),
          reason,
          reasonLabel: SELF_PAY_REASON_LABELS[reason],
          conversions: num(r.conversions),
          estimatedCents: num(r.estimated_cents),
        };
      }),
    };
  }

  async clinicMisses(range: ReportRangeQuery): Promise<ClinicMissesReportDto> {
    const [counts] = await this.query(CLINIC_MISS_COUNTS_SQL, this.params(range));
    // The most recent misses to act on; the counts above cover them all.
    const rows = await this.query(CLINIC_MISS_ROWS_SQL, [...this.params(range), CLINIC_MISS_ROWS]);
    const payers = new Map(
      (await this.query<{ id: string; name: string }>(PAYER_NAMES_SQL, [])).map((p) => [p.id, p.name]),
    );
    return {
      appealWindowsMissed: num(counts.missed),
      approvalsExpiredUnused: num(counts.expired),
      approvalsExpiredPartlyUsed: num(counts.expired_partly_used),
      rows: rows.map((r) => ({
        kind: String(r.kind),
        caseId: String(r.id),
        caseNumber: String(r.case_number),
        payer: payers.get(String(r.payer_id)) ?? '',
        at: (r.at as Date).toISOString(),
      })),
    };
  }

  /**
   * Any report as CSV, for the export buttons: the columns, order, rows and wording of the
   * screen (libs/domain report-columns), with dates in the clinic's zone.
   */
  async table(name: ReportTable, range: ReportRangeQuery, ctx: RequestContext): Promise<string> {
    const records = await this.tableRecords(name, range);
    await this.audit.record(
      {
        action: 'export',
        objectType: 'report',
        objectId: name,
        detail: { from: range.from, to: range.to, rows: records.length - 1 },
      },
      ctx,
    );
    return records.map(csvLine).join('');
  }

  private async tableRecords(name: ReportTable, range: ReportRangeQuery): Promise<string[][]> {
    const zone = this.config.clinicTimeZone;
    switch (name) {
      case 'summary':
        return reportCsvRecords(SUMMARY_COLUMNS, summaryCsvRows(await this.summary(range)), zone);
      case 'decision-times':
        return reportCsvRecords(DECISION_TIME_COLUMNS, (await this.decisionTimes(range)).rows, zone);
      case 'trend':
        return reportCsvRecords(TREND_COLUMNS, fillTrendMonths((await this.trend(range)).rows, range), zone);
      case 'by-payer':
      case 'by-cpt':
      case 'by-physician': {
        const dimension = BREAKDOWN_DIMENSION_OF[name];
        const rows = sortBreakdownRows((await this.breakdown(range, dimension)).rows);
        return reportCsvRecords(breakdownColumns(BREAKDOWN_DIMENSIONS[dimension]), rows, zone);
      }
      case 'by-denial-reason':
        return reportCsvRecords(DENIAL_REASON_COLUMNS, sortDenialReasons((await this.denialReasons(range)).rows), zone);
      case 'overturn-by-payer':
        return reportCsvRecords(
          OVERTURN_BY_PAYER_COLUMNS,
          sortOverturnRows((await this.overturnByPayer(range)).rows),
          zone,
        );
      case 'overturn-by-reason':
        return reportCsvRecords(
          OVERTURN_BY_REASON_COLUMNS,
          sortOverturnRows((await this.overturnByReason(range)).rows),
          zone,
        );
      case 'late-payers':
        return reportCsvRecords(LATE_PAYER_COLUMNS, sortLatePayers((await this.latePayers(range)).rows), zone);
      case 'clinic-misses':
        return reportCsvRecords(CLINIC_MISS_COLUMNS, sortClinicMisses((await this.clinicMisses(range)).rows), zone);
      case 'self-pay':
        return reportCsvRecords(SELF_PAY_COLUMNS, (await this.selfPay(range)).rows, zone);
    }
  }
}
