import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TypeOrmModule } from '@nestjs/typeorm';
import { existsSync } from 'node:fs';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, AppConfig } from './config/config';
import { buildDataSourceOptions } from './database/data-source';
import { AppLogger } from './common/app-logger';
import { buildHttpLoggerOptions } from './common/http-logger';
import { HealthModule } from './modules/health/health.module';

export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  /** Build the app without opening a database connection (OpenAPI generation). */
  withoutDatabase?: boolean;
}

@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl, withoutDatabase }: AppModuleOptions): DynamicModule {
    const serveWeb = existsSync(config.webDistDir)
      ? [
          ServeStaticModule.forRoot({
            rootPath: config.webDistDir,
            exclude: ['/api/{*path}'],
            serveStaticOptions: { index: 'index.html', maxAge: '1h' },
          }),
        ]
      : [];
    return {
      module: AppModule,
      global: true,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: buildHttpLoggerOptions(config.logLevel),
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
        }),
        TypeOrmModule.forRoot({
          ...buildDataSourceOptions(databaseUrl),
          manualInitialization: withoutDatabase ?? false,
        }),
        ...serveWeb,
        HealthModule,
      ],
      providers: [{ provide: APP_CONFIG, useValue: config }, AppLogger],
      exports: [APP_CONFIG],
    };
  }
}
