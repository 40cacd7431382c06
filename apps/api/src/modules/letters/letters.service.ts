import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { isValidNpi, ONLY_ORDERING_PHYSICIAN_SIGNS, signingPolicyRefusal } from '@preauth/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/request-context.decorator';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AuditService } from '../audit/audit.service';
import { AuthPolicyService } from '../auth/auth-policy.service';
import { AuthService } from '../auth/auth.service';
import { assertMaySignLetters, maySignLetters } from '../auth/field-rules';
import { applyCaseWorkEvent } from '../work/case-work-events';
import { CaseEvent } from '../cases/case-event.entity';
import { ClinicProfileService } from '../clinic-profile/clinic-profile.service';
import { CarcDescriptionsService } from '../codes/carc-descriptions.service';
import { PreauthCase } from '../cases/preauth-case.entity';
import { DeadlineRulesService } from '../deadline-rules/deadline-rules.service';
import { CaseDossier, loadDossier } from './case-dossier';
import { CaseLetter, LetterKind, SignatureMethod } from './case-letter.entity';
import {
  CreateLetterDto,
  LetterDto,
  LetterSignerDto,
  SignerPhysicianDto,
  SignLetterDto,
  UpdateLetterDto,
} from './dto/letter.dto';
import { toAppealFacts, toLetterFacts } from './letter-facts';
import { composeAppealLetter } from './appeal-letter-text';
import { composeMedicalNecessityLetter, composeSignatureBlock, formatSignedAt } from './letter-text';
import { providerDisplayName } from '../providers/providers.service';
import type { Provider } from '../providers/provider.entity';
import {
  ConflictError,
  NotFoundError,
  RuleRefusedError,
  RuleViolatedError,
  StaleVersionError,
} from '../../common/app-errors';

const LETTER_SELECT = `
  SELECT l.*, cu.display_name AS created_by_name, eu.display_name AS edited_by_name, su.display_name AS signed_by_name
    FROM case_letters l
    JOIN users cu ON cu.id = l.created_by
    LEFT JOIN users eu ON eu.id = l.edited_by
    LEFT JOIN users su ON su.id = l.signed_by`;

function toLetterDto(r: Record<string, unknown>): LetterDto {
  const person = (id: unknown, name: unknown) =>
    id ? { id: id as string, name: (name as string | null) ?? '' } : null;
  return {
    id: r.id as string,
    caseId: r.case_id as string,
    kind: r.kind as LetterKind,
    version: Number(r.version),
    status: r.status as LetterDto['status'],
    revision: Number(r.revision),
    text: r.text as string,
    facts: (r.facts as Record<string, unknown>) ?? {},
    createdBy: person(r.created_by, r.created_by_name)!,
    editedBy: person(r.edited_by, r.edited_by_name),
    signedBy: person(r.signed_by, r.signed_by_name),
    signedAt: r.signed_at ? (r.signed_at as Date).toISOString() : null,
    textSha256: (r.text_sha256 as string | null) ?? null,
    signatureMethod: (r.signature_method as SignatureMethod | null) ?? null,
    signer: r.signer_npi ? { name: r.signer_name as string, npi: r.signer_npi as string } : null,
    createdAt: (r.created_at as Date).toISOString(),
    updatedAt: (r.updated_at as Date).toISOString(),
  };
}

function toNames(r: {
  first_name: string;
  last_name: string;
  credentials: string | null;
}): Pick<Provider, 'firstName' | 'lastName' | 'credentials'> {
  return { firstName: r.first_name, lastName: r.last_name, credentials: r.credentials };
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

@Injectable()
export class LettersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly rules: DeadlineRulesService,
    private readonly auth: AuthService,
    private readonly clinic: ClinicProfileService,
    private readonly carc: CarcDescriptionsService,
    private readonly policy: AuthPolicyService,
  ) {}

  dossier(caseId: string, manager: EntityManager = this.dataSource.manager): Promise<CaseDossier> {
    return loadDossier(manager, caseId, (planType, m) => this.rules.getRule(planType, m));
  }

  async list(caseId: string, ctx: RequestContext): Promise<LetterDto[]> {
    const patientId = await this.patientOf(caseId);
    const rows = await this.dataSource.query<Record<string, unknown>[]>(
      `${LETTER_SELECT} WHERE l.case_id = $1 ORDER BY l.kind, l.version DESC`,
      [caseId],
    );
    await this.audit.record(
      { action: 'read', objectType: 'letter_list', caseId, patientId, detail: { count: rows.length } },
      ctx,
    );
    return rows.map(toLetterDto);
  }

  async get(caseId: string, letterId: string, ctx: RequestContext): Promise<LetterDto> {
    const patientId = await this.patientOf(caseId);
    const letter = await this.find(this.dataSource.manager, caseId, letterId);
    await this.audit.record({ action: 'read', objectType: 'letter', objectId: letterId, caseId, patientId }, ctx);
    return letter;
  }

  /** The latest signed letter of a kind, for the packet and the FHIR export (no audit: callers record theirs). */
  async latestSigned(
    caseId: string,
    kind: LetterKind,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<LetterDto | null> {
    const rows = await manager.query<Record<string, unknown>[]>(
      `${LETTER_SELECT} WHERE l.case_id = $1 AND l.kind = $2 AND l.status = 'signed' ORDER BY l.version DESC LIMIT 1`,
      [caseId, kind],
    );
    return rows.length ? toLetterDto(rows[0]) : null;
  }

  async create(caseId: string, dto: CreateLetterDto, ctx: RequestContext): Promise<LetterDto> {
    const now = new Date();
    const tz = this.config.clinicTimeZone;
    const id = await this.dataSource.transaction(async (manager) => {
      // The case row lock numbers concurrent drafts one after the other.
      const locked = await manager
        .getRepository(PreauthCase)
        .findOne({ where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
      if (!locked) throw new NotFoundError('No such case.');
      const dossier = await this.dossier(caseId, manager);
      let text: string;
      let facts: Record<string, unknown>;
      const clinic = await this.clinic.letterhead(manager);
      const contact = clinic && { name: clinic.practiceName, phone: clinic.phone, fax: clinic.fax };
      if (dto.kind === 'appeal') {
        const description = await this.carc.describe(dossier.loaded.row.denialCode);
        const appeal = toAppealFacts(dossier, contact, tz, now, description);
        if ('refused' in appeal) {
          throw new ConflictError(appeal.refused, 'no_denial_to_appeal');
        }
        text = composeAppealLetter(appeal);
        facts = {
          denialCode: appeal.denialCode,
          deniedOn: appeal.deniedOn,
          appealLevel: appeal.appealLevel,
          filingDeadline: appeal.filingDeadline?.dueDate ?? null,
          photoCount: appeal.photos.length,
        };
      } else {
        const letter = toLetterFacts(dossier, contact, tz, now);
        text = composeMedicalNecessityLetter(letter);
        facts = {
          photoCount: letter.photos.length,
          failedTreatmentCount: letter.failedTreatments.length,
          npi: letter.physician.npi,
        };
      }
      const [{ next }] = await manager.query<{ next: number }[]>(
        `SELECT coalesce(max(version), 0) + 1 AS next FROM case_letters WHERE case_id = $1 AND kind = $2`,
        [caseId, dto.kind],
      );
      const saved = await manager.getRepository(CaseLetter).save(
        manager.getRepository(CaseLetter).create({
          caseId,
          kind: dto.kind,
          version: Number(next),
          status: 'draft',
          text,
          facts,
          createdById: ctx.user.id,
        }),
      );
      await this.audit.record(
        {
          action: 'create',
          objectType: 'letter',
          objectId: saved.id,
          caseId,
          patientId: locked.patientId,
          detail: { kind: dto.kind, version: saved.version },
        },
        ctx,
        manager,
      );
      return saved.id;
    });
    return this.find(this.dataSource.manager, caseId, id);
  }

  async update(
    caseId: string,
    letterId: string,
    dto: UpdateLetterDto,
    expectedRevision: number,
    ctx: RequestContext,
  ): Promise<LetterDto> {
    await this.dataSource.transaction(async (manager) => {
      const letter = await this.lockDraft(manager, caseId, letterId, 'edited');
      if (letter.revision !== expectedRevision) {
        throw new StaleVersionError('Someone edited this letter since you loaded it; reload it and try again.', {
          currentRevision: letter.revision,
        });
      }
      await manager.update(
        CaseLetter,
        { id: letter.id },
        { text: dto.text, editedById: ctx.user.id, revision: letter.revision + 1 },
      );
      await this.audit.record(
        {
          action: 'update',
          objectType: 'letter',
          objectId: letterId,
          caseId,
          patientId: await this.patientOf(caseId, manager),
          detail: { fields: ['text'] },
        },
        ctx,
        manager,
      );
    });
    return this.find(this.dataSource.manager, caseId, letterId);
  }

  /** Who would sign this case's letters, for the sign dialog to say before anyone signs. */
  async signerFor(caseId: string, ctx: RequestContext): Promise<LetterSignerDto> {
    const ordering = await this.orderingPhysician(this.dataSource.manager, caseId);
    const found = maySignLetters(ctx.user)
      ? await this.findSignerOf(this.dataSource.manager, ctx.user.id, ordering)
      : { refusal: 'Only a physician may sign a letter.' };
    const rows = await this.dataSource.query<{ totp_enabled: boolean }[]>(
      `SELECT totp_enabled FROM users WHERE id = $1`,
      [ctx.user.id],
    );
    const signer = 'refusal' in found ? null : found;
    return {
      signer,
      orderingPhysician: ordering,
      differentFromOrdering: signer !== null && signer.npi !== ordering.npi,
      refusal: 'refusal' in found ? found.refusal : null,
      method: rows[0]?.totp_enabled ? 'totp' : 'password',
    };
  }

  async sign(caseId: string, letterId: string, dto: SignLetterDto, ctx: RequestContext): Promise<LetterDto> {
    assertMaySignLetters(ctx.user);
    // An absent letter is a 404 before anything is asked of the signer.
    await this.find(this.dataSource.manager, caseId, letterId);
    // The signature block is the signer's own: a physician without a provider record (and so no
    // NPI of their own) has no name to sign a payer letter with.
    const found = await this.findSignerOf(
      this.dataSource.manager,
      ctx.user.id,
      await this.orderingPhysician(this.dataSource.manager, caseId),
    );
    if ('refusal' in found) {
      // Not who the user is but a rule of the clinic about this case: 422, as the domain README's contract says.
      throw found.code === ONLY_ORDERING_PHYSICIAN_SIGNS
        ? new RuleViolatedError(found.refusal, found.code)
        : new RuleRefusedError(found.refusal, found.code);
    }
    const signer = found;
    const method = await this.auth.reauthenticate(dto, ctx);
    await this.dataSource.transaction(async (manager) => {
      const letter = await this.lockDraft(manager, caseId, letterId, 'signed again');
      const ordering = await this.orderingPhysician(manager, caseId);
      const signedAt = new Date();
      const text = [
        letter.text,
        ...composeSignatureBlock({
          signer,
          orderingPhysician: ordering,
          signedAtLocal: formatSignedAt(signedAt, this.config.clinicTimeZone),
        }),
      ].join('\n');
      if (text.length > 50000) {
        throw new RuleRefusedError(
          'The letter is too long to add the signature; shorten it and sign again.',
          'letter_too_long',
        );
      }
      await manager.update(
        CaseLetter,
        { id: letter.id },
        {
          status: 'signed',
          text,
          signedById: ctx.user.id,
          signedAt,
          textSha256: sha256(text),
          signatureMethod: method,
          signerName: signer.name,
          signerNpi: signer.npi,
        },
      );
      const onBehalf = signer.npi !== ordering.npi;
      await manager.getRepository(CaseEvent).insert({
        caseId,
        type: 'letter_signed',
        actorId: ctx.user.id,
        data: { letterId, kind: letter.kind, version: letter.version },
        occurredAt: signedAt,
      });
      const [{ owner_id: ownerId }] = await manager.query<{ owner_id: string | null }[]>(
        `SELECT owner_id FROM cases WHERE id = $1`,
        [caseId],
      );
      await applyCaseWorkEvent(manager, {
        caseId,
        ownerId,
        actorId: ctx.user.id,
        event: { type: 'letter_signed' },
        at: signedAt,
      });
      await this.audit.record(
        {
          action: 'update',
          objectType: 'letter',
          objectId: letterId,
          caseId,
          patientId: await this.patientOf(caseId, manager),
          detail: {
            signed: true,
            kind: letter.kind,
            version: letter.version,
            method,
            signerNpi: signer.npi,
            ...(onBehalf ? { orderingNpi: ordering.npi } : {}),
          },
        },
        ctx,
        manager,
      );
    });
    return this.find(this.dataSource.manager, caseId, letterId);
  }

  /** The signer as findSigner finds them, refused when the clinic lets only the ordering physician sign. */
  private async findSignerOf(
    manager: EntityManager,
    userId: string,
    ordering: SignerPhysicianDto,
  ): Promise<SignerPhysicianDto | { refusal: string; code: string }> {
    const found = await this.findSigner(manager, userId);
    if ('refusal' in found) return found;
    const refusal = signingPolicyRefusal({
      onlyOrderingPhysicianSigns: await this.policy.onlyOrderingPhysicianSigns(manager),
      signerNpi: found.npi,
      ordering,
    });
    return refusal ? { refusal, code: ONLY_ORDERING_PHYSICIAN_SIGNS } : found;
  }

  private async findSigner(
    manager: EntityManager,
    userId: string,
  ): Promise<SignerPhysicianDto | { refusal: string; code: string }> {
    const rows = await manager.query<
      { first_name: string; last_name: string; credentials: string | null; npi: string; active: boolean }[]
    >(`SELECT first_name, last_name, credentials, npi, active FROM providers WHERE user_id = $1`, [userId]);
    const p = rows[0];
    if (!p || !p.active) {
      return {
        refusal:
          'Your account is not linked to an active provider with an NPI; ask a manager to link it before you sign letters.',
        code: 'signer_not_a_provider',
      };
    }
    if (!isValidNpi(p.npi)) {
      return {
        refusal: `The NPI on your provider record (${p.npi}) fails its check digit; ask a manager to correct it before you sign.`,
        code: 'signer_npi_invalid',
      };
    }
    return { name: providerDisplayName(toNames(p)), npi: p.npi };
  }

  private async orderingPhysician(manager: EntityManager, caseId: string): Promise<SignerPhysicianDto> {
    const rows = await manager.query<
      { first_name: string; last_name: string; credentials: string | null; npi: string }[]
    >(
      `SELECT p.first_name, p.last_name, p.credentials, p.npi FROM cases c JOIN providers p ON p.id = c.provider_id WHERE c.id = $1`,
      [caseId],
    );
    if (!rows.length) throw new NotFoundError('No such case.');
    return { name: providerDisplayName(toNames(rows[0])), npi: rows[0].npi };
  }

  private async lockDraft(manager: EntityManager, caseId: string, letterId: string, verb: string): Promise<CaseLetter> {
    const letter = await manager
      .getRepository(CaseLetter)
      .findOne({ where: { id: letterId, caseId }, lock: { mode: 'pessimistic_write' } });
    if (!letter) throw new NotFoundError('No such letter on this case.');
    if (letter.status === 'signed') {
      throw new ConflictError(
        `Letter version ${letter.version} is signed and cannot be ${verb}; start a new draft instead.`,
        'letter_signed',
      );
    }
    return letter;
  }

  private async find(manager: EntityManager, caseId: string, letterId: string): Promise<LetterDto> {
    const rows = await manager.query<Record<string, unknown>[]>(`${LETTER_SELECT} WHERE l.id = $1 AND l.case_id = $2`, [
      letterId,
      caseId,
    ]);
    if (!rows.length) throw new NotFoundError('No such letter on this case.');
    return toLetterDto(rows[0]);
  }

  async patientOf(caseId: string, manager: EntityManager = this.dataSource.manager): Promise<string> {
    const row = await manager
      .getRepository(PreauthCase)
      .findOne({ where: { id: caseId }, select: { id: true, patientId: true } });
    if (!row) throw new NotFoundError('No such case.');
    return row.patientId;
  }
}
