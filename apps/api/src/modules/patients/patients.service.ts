import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { RequestContext } from '../../common/request-context.decorator';
import { CreatePatientDto, ListPatientsQuery, PatientDto, UpdatePatientDto } from './dto/patient.dto';
import { Patient } from './patient.entity';
import { NotFoundError } from '../../common/app-errors';

export function toPatientDto(p: Patient): PatientDto {
  return {
    id: p.id,
    mrn: p.mrn,
    firstName: p.firstName,
    lastName: p.lastName,
    dateOfBirth: p.dateOfBirth,
    sex: p.sex,
    memberId: p.memberId,
    phone: p.phone,
    email: p.email,
    address: p.address,
  };
}

@Injectable()
export class PatientsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async search(query: ListPatientsQuery, ctx: RequestContext): Promise<PatientDto[]> {
    const qb = this.dataSource.getRepository(Patient).createQueryBuilder('p');
    if (query.q) {
      qb.where(`lower(p.first_name || ' ' || p.last_name || ' ' || p.mrn) LIKE :q`, {
        q: `%${query.q.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`,
      });
    }
    const rows = await qb
      .orderBy('p.last_name', 'ASC')
      .addOrderBy('p.first_name', 'ASC')
      .addOrderBy('p.id')
      .limit(query.limit ?? 20)
      .getMany();
    await this.audit.record(
      { action: 'read', objectType: 'patient_list', detail: { count: rows.length, searched: Boolean(query.q) } },
      ctx,
    );
    return rows.map(toPatientDto);
  }

  async get(id: string, ctx: RequestContext): Promise<PatientDto> {
    const patient = await this.dataSource.getRepository(Patient).findOneBy({ id });
    if (!patient) throw new NotFoundError('No such patient.');
    await this.audit.record({ action: 'read', objectType: 'patient', objectId: id, patientId: id }, ctx);
    return toPatientDto(patient);
  }

  async create(dto: CreatePatientDto, ctx: RequestContext): Promise<PatientDto> {
    return this.dataSource.transaction(async (manager) => {
      const patient = await manager.getRepository(Patient).save(manager.getRepository(Patient).create({ ...dto }));
      await this.audit.record(
        { action: 'create', objectType: 'patient', objectId: patient.id, patientId: patient.id },
        ctx,
        manager,
      );
      return toPatientDto(patient);
    });
  }

  async update(id: string, dto: UpdatePatientDto, ctx: RequestContext): Promise<PatientDto> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(Patient);
      const patient = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!patient) throw new NotFoundError('No such patient.');
      Object.assign(patient, dto);
      const saved = await repo.save(patient);
      await this.audit.record(
        { action: 'update', objectType: 'patient', objectId: id, patientId: id, detail: { fields: Object.keys(dto) } },
        ctx,
        manager,
      );
      return toPatientDto(saved);
    });
  }
}
