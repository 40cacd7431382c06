import { CaseDecision } from '../modules/cases/case-decision.entity';
import { CaseEvent } from '../modules/cases/case-event.entity';
import { CaseFailedTreatment } from '../modules/cases/case-failed-treatment.entity';
import { CaseProcedureLine } from '../modules/cases/case-procedure-line.entity';
import { PreauthCase } from '../modules/cases/preauth-case.entity';
import { CarcDescription } from '../modules/codes/carc-description.entity';
import { CptCode } from '../modules/codes/cpt-code.entity';
import { CodeSetRelease } from '../modules/codes/code-set-release.entity';
import { CptDescriptor } from '../modules/codes/cpt-descriptor.entity';
import { Icd10Code } from '../modules/codes/icd10-code.entity';
import { Icd10LayTerm } from '../modules/codes/icd10-lay-term.entity';
import { DeadlineRuleRow } from '../modules/deadline-rules/deadline-rule.entity';
import { Patient } from '../modules/patients/patient.entity';
import { Payer } from '../modules/payers/payer.entity';
import { Provider } from '../modules/providers/provider.entity';
import { AuditEvent } from '../modules/audit/audit-event.entity';
import { CaseNote } from '../modules/evidence/case-note.entity';
import { CasePhoto } from '../modules/evidence/case-photo.entity';
import { LoginFailure } from '../modules/auth/login-failure.entity';
import { UserSession } from '../modules/auth/user-session.entity';
import { UserRecoveryCode } from '../modules/auth/recovery-code.entity';
import { User } from '../modules/users/user.entity';
import { UserInvitation } from '../modules/users/user-invitation.entity';
import { CaseLetter } from '../modules/letters/case-letter.entity';
import { CaseDocument } from '../modules/correspondence/case-document.entity';
import { ClinicProfile } from '../modules/clinic-profile/clinic-profile.entity';

// Every TypeORM entity of the API; the data source, the migration check and the generator read this list.
export const entities: (new () => object)[] = [
  Patient,
  Payer,
  Provider,
  CptCode,
  CodeSetRelease,
  Icd10Code,
  CarcDescription,
  Icd10LayTerm,
  CptDescriptor,
  DeadlineRuleRow,
  PreauthCase,
  CaseProcedureLine,
  CaseFailedTreatment,
  CaseEvent,
  CaseDecision,
  User,
  UserSession,
  UserRecoveryCode,
  UserInvitation,
  LoginFailure,
  AuditEvent,
  CasePhoto,
  CaseNote,
  CaseLetter,
  CaseDocument,
  ClinicProfile,
];
