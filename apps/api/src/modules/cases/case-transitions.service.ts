import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { appealOutcome, applyTransition, assertTransition, type CaseStatus } from '@preauth/domain';
import { DataSource } from 'typeorm';
import { StaleVersionError } from '../../common/app-errors';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { RequestContext } from '../../common/request-context.decorator';
import { AuditService } from '../audit/audit.service';
import { CaseDecision, DecisionOutcome } from './case-decision.entity';
import { CaseEvent } from './case-event.entity';
import { loadCaseForUpdate, REQUIRE_EVIDENCE, snapshotOf } from './case-loader';
import { computeStoredDue, describeDecision } from './case-mapping';
import { CasesService } from './cases.service';
import { TransitionCaseDto } from './dto/case-input.dto';
import { CaseDetailDto } from './dto/case-output.dto';
import { PreauthCase } from './preauth-case.entity';

const DECISIONS: readonly CaseStatus[] = ['approved', 'partially_approved', 'denied'];

const toDate = (iso: string | null | undefined): Date | null => (iso ? new Date(iso) : null);

@Injectable()
export class CaseTransitionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly cases: CasesService,
  ) {}

  async transition(
    id: string,
    dto: TransitionCaseDto,
    expectedVersion: number,
    ctx: RequestContext,
  ): Promise<CaseDetailDto> {
    const { to, ...input } = dto;
    const now = new Date();
    const tz = this.config.clinicTimeZone;
    await this.dataSource.transaction(async (manager) => {
      // The row lock makes a concurrent transition wait, then see the new version and lose.
      const { loaded, rule } = await loadCaseForUpdate(manager, id);
      const { row } = loaded;
      if (row.version !== expectedVersion) throw StaleVersionError.ofCase(row.version);
      const before = snapshotOf(loaded);
      assertTransition(before, to, ctx.user.roles, input, {
        now,
        timeZone: tz,
        rules: rule,
        requireEvidence: REQUIRE_EVIDENCE,
      });
      const after = applyTransition(before, to, input, now);
      const eventAt = input.occurredAt ? new Date(input.occurredAt) : now;
      const due = computeStoredDue(after, rule, tz, now);
      const closing = to === 'withdrawn' || to === 'expired';

      const result = await manager
        .createQueryBuilder()
        .update(PreauthCase)
        .set({
          status: after.status,
          appealLevel: after.appealLevel,
          peerToPeerDone: after.peerToPeerDone ?? false,
          authorizationNumber: after.authorizationNumber ?? null,
          validFrom: after.validFrom ?? null,
          validTo: after.validTo ?? null,
          approvedUnits: after.approvedUnits ?? null,
          denialCode: after.denialCode ?? null,
          denialText: to === 'denied' ? (input.denialText ?? null) : row.denialText,
          submittedAt: toDate(after.submittedAt),
          firstSubmittedAt: row.firstSubmittedAt ?? toDate(after.submittedAt),
          infoRequestedAt: toDate(after.infoRequestedAt),
          decidedAt: toDate(after.decidedAt),
          deniedAt: toDate(after.deniedAt),
          appealedAt: toDate(after.appealedAt),
          externalReviewAt: toDate(after.externalReviewAt),
          closedAt: closing ? eventAt : null,
          closeReason: closing ? (input.reason ?? input.note ?? null) : null,
          nextDueAt: due.at,
          nextDueKind: due.kind,
          version: () => 'version + 1',
        })
        .where('id = :id AND version = :version', { id, version: expectedVersion })
        .execute();
      if (result.affected !== 1) throw StaleVersionError.ofCase();

      const outcome = appealOutcome(before.status, to);
      const { note, ...details } = input;
      await manager.getRepository(CaseEvent).insert({
        caseId: id,
        type: 'transition',
        fromStatus: before.status,
        toStatus: to,
        actorId: ctx.user.id,
        note: note ?? null,
        data: {
          ...Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined && v !== null)),
          ...(outcome ? { outcome } : {}),
        },
        occurredAt: eventAt,
      });

      const decision = DECISIONS.includes(to) ? describeDecision(before, rule, eventAt, tz) : null;
      if (decision) {
        await manager.getRepository(CaseDecision).insert({
          caseId: row.id,
          payerId: row.payerId,
          providerId: row.providerId,
          cptCodes: loaded.lines.map((l) => l.cptCode),
          stage: decision.stage,
          urgency: before.urgency,
          requestedAt: decision.requestedAt,
          decidedAt: eventAt,
          dueAt: decision.dueAt,
          outcome: to as DecisionOutcome,
          denialCode: to === 'denied' ? (after.denialCode ?? null) : null,
        });
      }

      await this.audit.record(
        {
          action: 'update',
          objectType: 'case',
          objectId: id,
          caseId: id,
          patientId: row.patientId,
          detail: { transition: `${before.status}->${to}` },
        },
        ctx,
        manager,
      );
    });
    return this.cases.get(id, ctx, false);
  }
}
