import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { clinicAddressLines } from '@preauth/domain';
import type { IncomingMessage } from 'node:http';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource, EntityManager } from 'typeorm';
import { ConflictError, NotFoundError } from '../../common/app-errors';
import type { RequestContext } from '../../common/request-context.decorator';
import { fieldError } from '../../common/validation';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AuditService } from '../audit/audit.service';
import { sniffImageType } from '../evidence/image-sniffing';
import { drainRequest, receiveMultipart, type ReceivedFile } from '../evidence/multipart-upload';
import { unsupportedType } from '../evidence/photo-processing';
import { LOGO_MAX_BYTES, processLogo } from './clinic-logo';
import { ClinicProfile } from './clinic-profile.entity';
import { CLINIC_PROFILE_ID, findClinicLogo, findClinicProfile, saveClinicLogo } from './clinic-profile.repository';
import { ClinicProfileDto, UpdateClinicProfileDto } from './dto/clinic-profile.dto';

export const LOGO_FILE_FIELD = 'file';

const PROFILE_FIELDS = [
  'practiceName',
  'addressLine1',
  'addressLine2',
  'city',
  'state',
  'postalCode',
  'phone',
  'fax',
  'groupNpi',
  'taxId',
] as const;

/** What a letter and a packet print about the practice. */
export interface Letterhead {
  practiceName: string;
  addressLines: string[];
  phone: string;
  fax: string;
  groupNpi: string | null;
  taxId: string | null;
  /** PNG bytes, or null when no logo is set. */
  logo: Buffer | null;
}

@Injectable()
export class ClinicProfileService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  private get scratchDir(): string {
    return join(this.config.uploadDir, 'incoming');
  }

  async onModuleInit(): Promise<void> {
    await mkdir(this.scratchDir, { recursive: true, mode: 0o700 });
  }

  async get(manager: EntityManager = this.dataSource.manager): Promise<ClinicProfileDto> {
    const row = await findClinicProfile(manager);
    return this.toDto(row);
  }

  /** The letterhead for a letter or a packet, or null while no admin has saved the profile. */
  async letterhead(manager: EntityManager = this.dataSource.manager): Promise<Letterhead | null> {
    const row = await findClinicProfile(manager);
    if (!row) return null;
    return {
      practiceName: row.practiceName,
      addressLines: clinicAddressLines(row),
      phone: row.phone,
      fax: row.fax,
      groupNpi: row.groupNpi,
      taxId: row.taxId,
      logo: row.logoSha256 ? await findClinicLogo(manager) : null,
    };
  }

  async update(dto: UpdateClinicProfileDto, ctx: RequestContext): Promise<ClinicProfileDto> {
    return this.dataSource.transaction(async (manager) => {
      const before = await findClinicProfile(manager, true);
      const values = Object.fromEntries(PROFILE_FIELDS.map((f) => [f, dto[f] ?? null])) as Pick<
        ClinicProfile,
        (typeof PROFILE_FIELDS)[number]
      >;
      const changed = PROFILE_FIELDS.filter((f) => (before?.[f] ?? null) !== values[f]);
      if (before) {
        await manager.update(ClinicProfile, { id: CLINIC_PROFILE_ID }, { ...values, updatedById: ctx.user.id });
      } else {
        await manager.insert(ClinicProfile, { id: CLINIC_PROFILE_ID, ...values, updatedById: ctx.user.id });
      }
      // Field names only: the profile holds no PHI, but the trail says what changed, not to what.
      await this.audit.record(
        {
          action: before ? 'update' : 'create',
          objectType: 'clinic_profile',
          objectId: String(CLINIC_PROFILE_ID),
          detail: { fields: changed },
        },
        ctx,
        manager,
      );
      return this.get(manager);
    });
  }

  async putLogo(req: IncomingMessage, ctx: RequestContext): Promise<ClinicProfileDto> {
    let received: ReceivedFile | null = null;
    try {
      if (!(await findClinicProfile(this.dataSource.manager))) {
        throw new ConflictError('Save the clinic profile before adding its logo.', 'clinic_profile_missing');
      }
      const upload = await receiveMultipart(req, {
        maxBytes: Math.min(LOGO_MAX_BYTES, this.config.maxUploadBytes),
        scratchDir: this.scratchDir,
        fileField: LOGO_FILE_FIELD,
      });
      received = upload.file;
      if (!received) throw fieldError(LOGO_FILE_FIELD, 'is missing: attach the logo in the "file" field');
      if (received.size === 0) throw fieldError(LOGO_FILE_FIELD, 'is empty');
      const type = sniffImageType(received.head);
      if (!type) {
        throw unsupportedType(
          'Only JPEG, PNG, WebP and HEIC/HEIF images are accepted as a logo, recognised by their content; this file is none of them, whatever its name or type says.',
        );
      }
      const logo = await processLogo(received.path, type);
      return await this.dataSource.transaction(async (manager) => {
        await findClinicProfile(manager, true);
        await saveClinicLogo(manager, logo, ctx.user.id);
        await this.audit.record(
          {
            action: 'update',
            objectType: 'clinic_profile',
            objectId: String(CLINIC_PROFILE_ID),
            detail: { fields: ['logo'], uploadSha256: received!.sha256, bytes: logo.png.length },
          },
          ctx,
          manager,
        );
        return this.get(manager);
      });
    } catch (error) {
      await drainRequest(req);
      throw error;
    } finally {
      if (received) await rm(received.path, { force: true });
    }
  }

  async deleteLogo(ctx: RequestContext): Promise<ClinicProfileDto> {
    return this.dataSource.transaction(async (manager) => {
      const row = await findClinicProfile(manager, true);
      if (!row?.logoSha256) throw new NotFoundError('The clinic profile has no logo.');
      await saveClinicLogo(manager, null, ctx.user.id);
      await this.audit.record(
        {
          action: 'delete',
          objectType: 'clinic_profile',
          objectId: String(CLINIC_PROFILE_ID),
          detail: { fields: ['logo'] },
        },
        ctx,
        manager,
      );
      return this.get(manager);
    });
  }

  async logo(): Promise<Buffer> {
    const logo = await findClinicLogo(this.dataSource.manager);
    if (!logo) throw new NotFoundError('The clinic profile has no logo.');
    return logo;
  }

  private toDto(row: ClinicProfile | null): ClinicProfileDto {
    return {
      configured: row !== null,
      practiceName: row?.practiceName ?? '',
      addressLine1: row?.addressLine1 ?? '',
      addressLine2: row?.addressLine2 ?? null,
      city: row?.city ?? '',
      state: row?.state ?? '',
      postalCode: row?.postalCode ?? '',
      phone: row?.phone ?? '',
      fax: row?.fax ?? '',
      groupNpi: row?.groupNpi ?? null,
      taxId: row?.taxId ?? null,
      timeZone: this.config.clinicTimeZone,
      logo:
        row?.logoSha256 && row.logoUpdatedAt
          ? {
              contentType: 'image/png',
              width: row.logoWidth ?? 0,
              height: row.logoHeight ?? 0,
              sha256: row.logoSha256,
              updatedAt: row.logoUpdatedAt.toISOString(),
            }
          : null,
      updatedAt: row ? row.updatedAt.toISOString() : null,
    };
  }
}
