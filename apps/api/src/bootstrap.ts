import 'reflect-metadata';
import type { IncomingMessage } from 'node:http';
import { RequestMethod, type NestApplicationOptions, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import {
  BodyShapePipe,
  createValidationPipe,
  loadConfig,
  ProblemFilter,
  problemFrameworkOptions,
  registerAnonymousBodyLimit,
  registerJsonBodyParser,
  registerMultipart,
  registerRequestIdHeader,
  requestIdFor,
  trustedProxyList,
} from '@tessera/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { buildOpenApiDocument } from './openapi/openapi';
import { registerSecurityHeaders } from './security-headers';

export const API_PREFIX = 'api/v1';

/**
 * Builds the configured HTTP app (used by main.ts, the OpenAPI writer and the e2e tests, which may
 * pass a root module that adds test-only controllers to AppModule).
 */
export async function createApiApp(
  options: NestApplicationOptions = {},
  rootModule: Type = AppModule,
): Promise<NestFastifyApplication> {
  // request.ip is the client as the trusted proxies (TRUSTED_PROXIES) saw it: rate limits count it.
  const trustProxy = options.preview ? false : trustedProxyList(loadConfig().TRUSTED_PROXIES);
  const adapter = new FastifyAdapter({
    trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: (request: IncomingMessage) => requestIdFor(request.headers),
    ...problemFrameworkOptions,
  });
  const app = await NestFactory.create<NestFastifyApplication>(rootModule, adapter, {
    bufferLogs: true,
    bodyParser: false,
    ...options,
  });
  if (!options.preview) app.useLogger(app.get(Logger));
  // Nest's own body parser is off (bodyParser: false): JSON goes through ours, uploads through multipart.
  registerRequestIdHeader(app.getHttpAdapter().getInstance());
  registerSecurityHeaders(app.getHttpAdapter().getInstance());
  registerJsonBodyParser(app.getHttpAdapter().getInstance());
  registerAnonymousBodyLimit(app.getHttpAdapter().getInstance());
  await registerMultipart(app.getHttpAdapter().getInstance());
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'api/health', method: RequestMethod.GET },
      { path: 'api/version', method: RequestMethod.GET },
    ],
  });
  app.useGlobalPipes(new BodyShapePipe(), createValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  app.enableShutdownHooks();
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), { jsonDocumentUrl: 'api/openapi.json' });
  return app;
}
