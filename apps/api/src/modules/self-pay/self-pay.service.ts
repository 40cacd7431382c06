import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  buildWaiverText,
  SELF_PAY_REASON_LABELS,
  toLocalDate,
  WAIVER_COLLECTORS,
  type SelfPayCurrency,
  type WaiverText,
} from '@preauth/domain';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { ConflictError, NotFoundError, RuleRefusedError } from '../../common/app-errors';
import type { RequestContext } from '../../common/request-context.decorator';
import { fieldError } from '../../common/validation';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AuditService, insertAuditEvent } from '../audit/audit.service';
import { hasAnyRole } from '../auth/auth-user';
import { CaseEvent } from '../cases/case-event.entity';
import { findClinicProfile } from '../clinic-profile/clinic-profile.repository';
import { contentDisposition } from '../evidence/file-names';
import { formatSignedAt } from '../letters/letter-text';
import { FinancialWaiverDto, SelfPayDto, SignWaiverDto } from './dto/self-pay.dto';
import { FinancialWaiver } from './financial-waiver.entity';
import { SelfPayConversion } from './self-pay-conversion.entity';
import {
  findCurrentConversion,
  findSelfPayCase,
  findWaiverFile,
  findWaiverOf,
  type SelfPayCase,
} from './self-pay.query';
import { readSignatureImage } from './signature-image';
import { renderWaiverPdf } from './waiver-pdf';

function toWaiverDto(row: FinancialWaiver, collectedBy: string | null): FinancialWaiverDto {
  return {
    id: row.id,
    signedName: row.signedName,
    signedOn: row.signedOn,
    signedAt: row.signedAt.toISOString(),
    collectedBy,
    byteSize: row.byteSize,
    url: `/api/waivers/${row.id}/file`,
  };
}

function longDate(isoDate: string): string {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

/** The self-pay estimate of a case and the patient's signed financial-responsibility waiver. */
@Injectable()
export class SelfPayService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  private async waiverTextOf(manager: EntityManager, c: SelfPayCase, s: SelfPayConversion): Promise<WaiverText> {
    const profile = await findClinicProfile(manager);
    return buildWaiverText({
      practiceName: profile?.practiceName ?? null,
      patientName: c.patientName,
      payerName: c.payerName,
      reason: s.reason,
      amountCents: s.amountCents,
      currency: s.currency as SelfPayCurrency,
      description: s.description,
    });
  }

  async get(caseId: string, ctx: RequestContext): Promise<SelfPayDto> {
    const manager = this.dataSource.manager;
    const c = await findSelfPayCase(manager, caseId);
    const conversion = await findCurrentConversion(manager, caseId);
    const waiver = conversion ? await findWaiverOf(manager, conversion.eventId) : null;
    await this.audit.record(
      { action: 'read', objectType: 'self_pay', objectId: caseId, caseId, patientId: c.patientId },
      ctx,
    );
    return {
      estimate: conversion
        ? {
            eventId: conversion.eventId,
            reason: conversion.reason,
            reasonLabel: SELF_PAY_REASON_LABELS[conversion.reason],
            amountCents: conversion.amountCents,
            currency: conversion.currency as SelfPayCurrency,
            description: conversion.description,
            convertedAt: conversion.convertedAt.toISOString(),
          }
        : null,
      waiverText: conversion ? await this.waiverTextOf(manager, c, conversion) : null,
      waiver: waiver ? toWaiverDto(waiver, waiver.collectedBy?.displayName ?? null) : null,
      today: toLocalDate(new Date(), this.config.clinicTimeZone),
    };
  }

  async sign(caseId: string, dto: SignWaiverDto, ctx: RequestContext): Promise<FinancialWaiverDto> {
    if (!hasAnyRole(ctx.user, WAIVER_COLLECTORS)) {
      throw new RuleRefusedError(
        'Only the front desk, a physician or a manager hands the tablet to a patient.',
        'waiver_forbidden',
      );
    }
    const signedName = dto.signedName.trim();
    if (!signedName) throw fieldError('signedName', 'is empty: the patient prints their name');
    // Judged before the transaction: decoding waits for nothing in the database.
    const signature = await readSignatureImage(dto.signaturePng);
    const now = new Date();
    const tz = this.config.clinicTimeZone;
    return this.dataSource.transaction(async (manager) => {
      const c = await findSelfPayCase(manager, caseId, true);
      if (c.status !== 'self_pay') {
        throw new ConflictError(
          'Only a self-pay case takes a financial waiver; convert the case to self-pay with an estimate first.',
          'not_self_pay',
        );
      }
      const conversion = await findCurrentConversion(manager, caseId);
      if (!conversion) throw new ConflictError('This case has no self-pay estimate to sign for.', 'no_estimate');
      if (await findWaiverOf(manager, conversion.eventId)) {
        throw new ConflictError('The patient has already signed the waiver for this estimate.', 'waiver_signed');
      }
      const signedOn = toLocalDate(now, tz);
      const pdf = await renderWaiverPdf({
        text: await this.waiverTextOf(manager, c, conversion),
        caseNumber: c.caseNumber,
        patient: { name: c.patientName, dateOfBirth: c.dateOfBirth },
        signature,
        signedName,
        signedOn: longDate(signedOn),
        signedAt: formatSignedAt(now, tz),
        creationDate: now,
      });
      const repo = manager.getRepository(FinancialWaiver);
      const row = await repo.save(
        repo.create({
          caseId,
          conversionEventId: conversion.eventId,
          signedName,
          signedOn,
          signedAt: now,
          fileName: `financial-waiver-${c.caseNumber}.pdf`,
          byteSize: pdf.length,
          sha256: createHash('sha256').update(pdf).digest('hex'),
          pdf,
          collectedById: ctx.user.id,
        }),
      );
      await manager.getRepository(CaseEvent).insert({
        caseId,
        type: 'waiver_signed',
        actorId: ctx.user.id,
        note: null,
        data: { waiverId: row.id, conversionEventId: conversion.eventId, sha256: row.sha256 },
        occurredAt: now,
      });
      await insertAuditEvent(
        manager,
        {
          action: 'create',
          objectType: 'financial_waiver',
          objectId: row.id,
          caseId,
          patientId: c.patientId,
          detail: { conversionEventId: conversion.eventId, byteSize: pdf.length },
        },
        ctx,
      );
      return toWaiverDto(row, ctx.user.displayName);
    });
  }

  async open(id: string, ctx: RequestContext): Promise<{ content: Buffer; disposition: string }> {
    const row = await findWaiverFile(this.dataSource.manager, id);
    if (!row) throw new NotFoundError('No such waiver.');
    const c = await findSelfPayCase(this.dataSource.manager, row.caseId);
    await this.audit.record(
      { action: 'read', objectType: 'financial_waiver', objectId: id, caseId: row.caseId, patientId: c.patientId },
      ctx,
    );
    // A download, not a page: the desk files or prints it.
    return { content: row.pdf, disposition: contentDisposition(row.fileName, 'pdf').replace(/^inline/, 'attachment') };
  }
}
