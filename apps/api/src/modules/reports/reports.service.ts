import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  describeCarcCode,
  findCpt,
  findBuiltInCarcDescription,
  carcReasonOf,
  UNKNOWN_DENIAL_CODE,
} from '@preauth/domain';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { RequestContext } from '../../common/request-context.decorator';
import { fieldError } from '../../common/validation';
import { AuditService } from '../audit/audit.service';
import { toCsv } from '../../common/csv';
import { CarcDescriptionsService } from '../codes/carc-descriptions.service';
import {
  BreakdownReportDto,
  ClinicMissesReportDto,
  DecisionTimesReportDto,
  DenialReasonReportDto,
  LatePayersReportDto,
  ReportRangeQuery,
  ReportTable,
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
  PAYER_NAMES_SQL,
  REVIEW_STAGES,
  runReportQuery,
  SUMMARY_SQL,
  TREND_SQL,
  URGENCIES,
  type BreakdownDimension,
} from './reports.queries';

const num = (v: unknown): number => Number(v ?? 0);
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

  async denialReasons(range: ReportRangeQuery): Promise<DenialReasonReportDto> {
    const rows = await this.query<{ code: string; denials: string }>(DENIAL_REASONS_SQL, this.params(range));
    const total = rows.reduce((a, r) => a + num(r.denials), 0);
    const added = await this.carc.addedDescriptions();
    return {
      rows: rows.map((r) => {
        const unknown = r.code === UNKNOWN_DENIAL_CODE;
        return {
          code: r.code,
          label: unknown ? 'No reason code recorded' : describeCarcCode(r.code, added),
          // A code nobody described yet: a manager can describe it from the report.
          described: unknown || !!findBuiltInCarcDescription(r.code) || added.has(carcReasonOf(r.code)),
          denials: num(r.denials),
          share: share(num(r.denials), total),
        };
      }),
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

  /** Any report as CSV rows (header first), for the export buttons. */
  async table(name: ReportTable, range: ReportRangeQuery, ctx: RequestContext): Promise<string> {
    let records: Record<string, unknown>[];
    switch (name) {
      case 'summary': {
        const { overturnByStage, ...flat } = await this.summary(range);
        records = [
          ...Object.entries(flat).map(([metric, value]) => ({ metric, value })),
          ...overturnByStage.flatMap((s) => [
            { metric: `${s.stage}.decisions`, value: s.decisions },
            { metric: `${s.stage}.overturned`, value: s.overturned },
            { metric: `${s.stage}.overturnRate`, value: s.overturnRate },
          ]),
        ];
        break;
      }
      case 'decision-times':
        records = (await this.decisionTimes(range)).rows as unknown as Record<string, unknown>[];
        break;
      case 'by-payer':
        records = (await this.breakdown(range, 'payer')).rows as unknown as Record<string, unknown>[];
        break;
      case 'by-cpt':
        records = (await this.breakdown(range, 'cpt')).rows as unknown as Record<string, unknown>[];
        break;
      case 'by-physician':
        records = (await this.breakdown(range, 'physician')).rows as unknown as Record<string, unknown>[];
        break;
      case 'by-denial-reason':
        records = (await this.denialReasons(range)).rows.map(({ described: _described, ...row }) => row);
        break;
      case 'trend':
        records = (await this.trend(range)).rows as unknown as Record<string, unknown>[];
        break;
      case 'late-payers':
        records = (await this.latePayers(range)).rows as unknown as Record<string, unknown>[];
        break;
      case 'clinic-misses':
        records = (await this.clinicMisses(range)).rows as unknown as Record<string, unknown>[];
        break;
    }
    await this.audit.record(
      {
        action: 'export',
        objectType: 'report',
        objectId: name,
        detail: { from: range.from, to: range.to, rows: records.length },
      },
      ctx,
    );
    return toCsv(records);
  }
}
