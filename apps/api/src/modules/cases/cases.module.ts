import { Module } from '@nestjs/common';
import { CodesModule } from '../codes/codes.module';
import { DeadlineRulesController } from '../deadline-rules/deadline-rules.controller';
import { DeadlineRulesService } from '../deadline-rules/deadline-rules.service';
import { ApprovalExpiryJob } from './approval-expiry.job';
import { CaseProceduresController } from './case-procedures.controller';
import { CaseProceduresService } from './case-procedures.service';
import { CaseTransitionsService } from './case-transitions.service';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';

// Deadline rules live beside cases: editing a rule moves the stored clocks of open cases.
@Module({
  imports: [CodesModule],
  controllers: [CasesController, CaseProceduresController, DeadlineRulesController],
  providers: [CasesService, CaseTransitionsService, CaseProceduresService, DeadlineRulesService, ApprovalExpiryJob],
  exports: [CasesService, CaseTransitionsService, DeadlineRulesService],
})
export class CasesModule {}
