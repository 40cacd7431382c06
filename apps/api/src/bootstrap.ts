import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import fastifyCookie from '@fastify/cookie';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { AppModule, AppModuleOptions } from './app.module';
import { AppLogger, ROOT_LOGGER } from './common/app-logger';
import { JSON_BODY_LIMIT, registerBodyParsers } from './common/body-parsers';
import { registerCompression } from './common/compression';
import { registerHttpDrain } from './common/http-drain';
import { registerRequestLogger } from './common/http-logger';
import { securityHeaders } from './common/security-headers';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { createValidationPipe } from './common/validation';
import { registerWebApp } from './web/web-app';

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
export async function createApp(options: AppModuleOptions): Promise<NestFastifyApplication> {
  const { config } = options;
  const adapter = new FastifyAdapter({
    // One proxy hop (TRUST_PROXY): req.ip is then the address that proxy saw.
    trustProxy: config.trustProxy ? 1 : false,
    bodyLimit: JSON_BODY_LIMIT,
    routerOptions: { ignoreTrailingSlash: true },
    // On shutdown a request already on an open connection is served; see registerHttpDrain.
    return503OnClosing: false,
    // A URL Fastify cannot route (bad percent-encoding, say): the API's error shape, and the URL,
    // which may hold what a client typed, not quoted back.
    frameworkErrors: (_error: FastifyError, _req: FastifyRequest, reply: FastifyReply) => {
      void reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: 'The URL is not valid.' });
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, {
    bufferLogs: true,
    abortOnError: false,
    // registerBodyParsers() below says which bodies the API reads.
    bodyParser: false,
  });
  app.useLogger(app.get(AppLogger));
  // Nest would hold its lines until listen(); an app driven without listening (the tests) must
  // write them too.
  app.flushLogs();
  const fastify = app.getHttpAdapter().getInstance();
  registerRequestLogger(fastify, app.get(ROOT_LOGGER), config.trustProxy);
  registerHttpDrain(fastify);
  const security = securityHeaders();
  fastify.addHook('onRequest', (req, reply, done) => {
    reply.headers(security);
    // API answers carry patient data: no browser or proxy keeps a copy. (Fastify adds no ETag of
    // its own; the case and letter ETags that matter are the record versions their controllers set.)
    if (req.url.startsWith('/api')) reply.header('Cache-Control', 'private, no-store');
    done();
  });
  await app.register(fastifyCookie);
  await registerCompression(fastify);
  registerBodyParsers(fastify);
  if (existsSync(config.webDistDir)) await registerWebApp(fastify, config.webDistDir);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
