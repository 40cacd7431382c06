import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from './config/config';
import { buildDataSourceOptions } from './database/data-source';
import { AppLogger, createRootLogger, ROOT_LOGGER } from './common/app-logger';
import { CasesModule } from './modules/cases/cases.module';
import { ClinicProfileModule } from './modules/clinic-profile/clinic-profile.module';
import { CodesModule } from './modules/codes/codes.module';
import { CorrespondenceModule } from './modules/correspondence/correspondence.module';
import { EvidenceModule } from './modules/evidence/evidence.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { JobsModule } from './modules/jobs/jobs.module';
import { HealthModule } from './modules/health/health.module';
import { LettersModule } from './modules/letters/letters.module';
import { FhirModule } from './modules/fhir/fhir.module';
import { PatientsModule } from './modules/patients/patients.module';
import { PayerRulesModule } from './modules/payer-rules/payer-rules.module';
import { PayersModule } from './modules/payers/payers.module';
import { ProvidersModule } from './modules/providers/providers.module';
import { ReportsModule } from './modules/reports/reports.module';
import { SecretsModule } from './modules/secrets/secrets.module';
import { UsersModule } from './modules/users/users.module';
import { WorkModule } from './modules/work/work.module';

export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  /** Build the app without opening a database connection (OpenAPI generation). */
  withoutDatabase?: boolean;
  /** Where the JSON logs go instead of stdout (tests read them to prove no PHI is logged). */
  logDestination?: NodeJS.WritableStream;
}

@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl, withoutDatabase, logDestination }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot({
          ...buildDataSourceOptions(databaseUrl, config.databasePoolSize),
          manualInitialization: withoutDatabase ?? false,
        }),
        HealthModule,
        AuditModule,
        JobsModule,
        SecretsModule,
        AuthModule,
        UsersModule,
        PatientsModule,
        PayersModule,
        PayerRulesModule,
        ProvidersModule,
        ClinicProfileModule,
        CodesModule,
        CasesModule,
        LettersModule,
        FhirModule,
        EvidenceModule,
        CorrespondenceModule,
        ReportsModule,
        WorkModule,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: ROOT_LOGGER, useValue: createRootLogger(config.logLevel, logDestination) },
        AppLogger,
      ],
      exports: [APP_CONFIG],
    };
  }
}
