import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { AppModule, AppModuleOptions } from './app.module';
import { AppLogger, ROOT_LOGGER } from './common/app-logger';
import { requestLogger } from './common/http-logger';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { createValidationPipe } from './common/validation';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Preauth API')
    .setDescription('Pre-authorization and appeal tracking for dermatology clinics')
    .setVersion('0.1.0')
    .addCookieAuth('preauth_session')
    .build();
  return SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controllerKey, methodKey) => `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
}

/** Everything main.ts and the tests share, so tests exercise the app exactly as it runs. */
export async function createApp(options: AppModuleOptions): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(AppLogger));
  // Nest would hold its lines until listen(); an app driven without listening (the tests) must
  // write them too.
  app.flushLogs();
  app.use(requestLogger(app.get(ROOT_LOGGER), options.config.trustProxy));
  if (options.config.trustProxy) app.set('trust proxy', 1);
  app.disable('x-powered-by');
  // No hash of every response body for an ETag: API answers are per user and never cached (below),
  // and the case and letter ETags that matter are the record versions their controllers set.
  app.set('etag', false);
  // API answers carry patient data: no browser or proxy keeps a copy.
  app.use('/api', (_req: unknown, res: { setHeader(name: string, value: string): void }, next: () => void) => {
    res.setHeader('Cache-Control', 'private, no-store');
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { 'img-src': ["'self'", 'data:', 'blob:'], 'upgrade-insecure-requests': null },
      },
    }),
  );
  app.use(cookieParser());
  // Replaces Nest's default JSON parser (same 100kb limit) so that payers' FHIR, sent as
  // application/fhir+json (ClaimResponse import), is parsed too.
  app.useBodyParser('json', { type: ['application/json', 'application/fhir+json'], limit: '100kb' });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
