import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RequestContext } from '../../common/request-context.decorator';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { recordPerformedProcedure, scheduleProcedure } from './case-procedure.command';
import { CasesService } from './cases.service';
import { CaseDetailDto } from './dto/case-output.dto';
import type { RecordPerformedProcedureDto, ScheduleProcedureDto } from './dto/procedure.dto';

/** The approved procedure of a case: when it is booked, and each time it is performed. */
@Injectable()
export class CaseProceduresService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cases: CasesService,
  ) {}

  async schedule(caseId: string, dto: ScheduleProcedureDto, ctx: RequestContext): Promise<CaseDetailDto> {
    await this.dataSource.transaction((manager) =>
      scheduleProcedure(manager, {
        caseId,
        scheduledOn: dto.scheduledOn,
        actor: ctx,
        timeZone: this.config.clinicTimeZone,
        now: new Date(),
      }),
    );
    return this.cases.get(caseId, ctx, false);
  }

  async recordPerformed(caseId: string, dto: RecordPerformedProcedureDto, ctx: RequestContext): Promise<CaseDetailDto> {
    await this.dataSource.transaction((manager) =>
      recordPerformedProcedure(manager, {
        caseId,
        performedOn: dto.performedOn,
        units: dto.units,
        note: dto.note,
        actor: ctx,
        timeZone: this.config.clinicTimeZone,
        now: new Date(),
      }),
    );
    return this.cases.get(caseId, ctx, false);
  }
}
