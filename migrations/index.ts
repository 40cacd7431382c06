// Applied in this order; `npm run migration:generate -- Name` appends here.
import { Foundation1764000000000 } from './1764000000000-Foundation';
import { Users1764000000100 } from './1764000000100-Users';
import { Auth1764000000150 } from './1764000000150-Auth';
import { CaseWorkflow1764000000200 } from './1764000000200-CaseWorkflow';
import { Evidence1764000000300 } from './1764000000300-Evidence';
import { Letters1764000000400 } from './1764000000400-Letters';
import { ReportIndexes1764000000500 } from './1764000000500-ReportIndexes';
import { ListIndexes1764000000600 } from './1764000000600-ListIndexes';
import { ReportSpeed1764000000700 } from './1764000000700-ReportSpeed';
import { LetterSignatures1764000000810 } from './1764000000810-LetterSignatures';
import { CodeSetReleases1764000000900 } from './1764000000900-CodeSetReleases';
import { UserAccountControls1764000000950 } from './1764000000950-UserAccountControls';
import { PayerContacts1764000001000 } from './1764000001000-PayerContacts';
import { ClinicProfile1764000001050 } from './1764000001050-ClinicProfile';
import { EventCorrections1764000001100 } from './1764000001100-EventCorrections';
import { CarcDescriptions1764000001110 } from './1764000001110-CarcDescriptions';
import { PayerDocuments1764000001120 } from './1764000001120-PayerDocuments';
import { SystemActor1764000001150 } from './1764000001150-SystemActor';
import { CaseWork1764000001160 } from './1764000001160-CaseWork';
import { FollowUps1764000001170 } from './1764000001170-FollowUps';
import { PasExchanges1764000001200 } from './1764000001200-PasExchanges';
import { PayerPasEndpoints1764000001210 } from './1764000001210-PayerPasEndpoints';
import { ListOrdersSearch1764000001250 } from './1764000001250-ListOrdersSearch';
import { Procedures1764000001300 } from './1764000001300-Procedures';
import { NotificationSettings1764000001350 } from './1764000001350-NotificationSettings';
import { PayerRules1764000001400 } from './1764000001400-PayerRules';
import { SelfPay1764000001450 } from './1764000001450-SelfPay';
import { PasInquiries1764000001500 } from './1764000001500-PasInquiries';
import { PasSubscriptions1764000001510 } from './1764000001510-PasSubscriptions';
import { SavedViews1764000001550 } from './1764000001550-SavedViews';
import { UserInvitations1764000001650 } from './1764000001650-UserInvitations';
import { CaseTags1764000001700 } from './1764000001700-CaseTags';
import { AnalyzePatients1764000001750 } from './1764000001750-AnalyzePatients';

export const migrations = [
  Foundation1764000000000,
  Users1764000000100,
  Auth1764000000150,
  CaseWorkflow1764000000200,
  Evidence1764000000300,
  Letters1764000000400,
  ReportIndexes1764000000500,
  ListIndexes1764000000600,
  ReportSpeed1764000000700,
  LetterSignatures1764000000810,
  CodeSetReleases1764000000900,
  UserAccountControls1764000000950,
  PayerContacts1764000001000,
  ClinicProfile1764000001050,
  EventCorrections1764000001100,
  CarcDescriptions1764000001110,
  PayerDocuments1764000001120,
  SystemActor1764000001150,
  CaseWork1764000001160,
  FollowUps1764000001170,
  PasExchanges1764000001200,
  PayerPasEndpoints1764000001210,
  ListOrdersSearch1764000001250,
  Procedures1764000001300,
  NotificationSettings1764000001350,
  PayerRules1764000001400,
  SelfPay1764000001450,
  PasInquiries1764000001500,
  PasSubscriptions1764000001510,
  SavedViews1764000001550,
  UserInvitations1764000001650,
  CaseTags1764000001700,
  AnalyzePatients1764000001750,
];
