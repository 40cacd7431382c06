import { CaseDecision } from '../modules/cases/case-decision.entity';
import { CaseEvent } from '../modules/cases/case-event.entity';
import { CaseFailedTreatment } from '../modules/cases/case-failed-treatment.entity';
import { CaseProcedureLine } from '../modules/cases/case-procedure-line.entity';
import { PreauthCase } from '../modules/cases/preauth-case.entity';
import { CptCode } from '../modules/codes/cpt-code.entity';
import { Icd10Code } from '../modules/codes/icd10-code.entity';
import { DeadlineRuleRow } from '../modules/deadline-rules/deadline-rule.entity';
import { Patient } from '../modules/patients/patient.entity';
import { Payer } from '../modules/payers/payer.entity';
import { Provider } from '../modules/providers/provider.entity';
import { User } from '../modules/users/user.entity';

// Every TypeORM entity of the API; the data source, the migration check and the generator read this list.
export const entities: Function[] = [
  Patient,
  Payer,
  Provider,
  CptCode,
  Icd10Code,
  DeadlineRuleRow,
  PreauthCase,
  CaseProcedureLine,
  CaseFailedTreatment,
  CaseEvent,
  CaseDecision,
  User];
