import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { RequestContext } from '../../common/request-context.decorator';
import { applyCaseCorrection, type CorrectionKind } from './case-correction.command';
import { applyCaseTransition } from './case-transition.command';
import { CasesService } from './cases.service';
import { TransitionCaseDto } from './dto/case-input.dto';
import type { CorrectStepDto } from './dto/case-correction.dto';
import { CaseDetailDto } from './dto/case-output.dto';

@Injectable()
export class CaseTransitionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cases: CasesService,
  ) {}

  async transition(
    id: string,
    dto: TransitionCaseDto,
    expectedVersion: number,
    ctx: RequestContext,
  ): Promise<CaseDetailDto> {
    const { to, ...input } = dto;
    await this.dataSource.transaction((manager) =>
      applyCaseTransition(manager, {
        caseId: id,
        to,
        input,
        expectedVersion,
        actor: ctx,
        timeZone: this.config.clinicTimeZone,
        now: new Date(),
      }),
    );
    return this.cases.get(id, ctx, false);
  }

  /** Undo (the recorder, briefly), reversal or correction (a manager) of a recorded step. */
  async correct(
    id: string,
    eventId: string,
    kind: CorrectionKind,
    dto: Partial<Omit<CorrectStepDto, 'reason'>> & { reason?: string | null },
    expectedVersion: number,
    ctx: RequestContext,
  ): Promise<CaseDetailDto> {
    const { reason, ...changes } = dto;
    await this.dataSource.transaction((manager) =>
      applyCaseCorrection(manager, {
        caseId: id,
        eventId,
        kind,
        reason,
        changes: kind === 'correction' ? changes : {},
        expectedVersion,
        actor: ctx,
        timeZone: this.config.clinicTimeZone,
        now: new Date(),
      }),
    );
    return this.cases.get(id, ctx, false);
  }
}
