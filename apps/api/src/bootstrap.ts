import 'reflect-metadata';
import { RequestMethod, type NestApplicationOptions, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import {
  createValidationPipe,
  ProblemFilter,
  problemFrameworkOptions,
  registerJsonBodyParser,
  registerMultipart,
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
  const adapter = new FastifyAdapter({ trustProxy: 'loopback', bodyLimit: 1024 * 1024, ...problemFrameworkOptions });
  const app = await NestFactory.create<NestFastifyApplication>(rootModule, adapter, {
    bufferLogs: true,
    bodyParser: false,
    ...options,
  });
  if (!options.preview) app.useLogger(app.get(Logger));
  // Nest's own body parser is off (bodyParser: false): JSON goes through ours, uploads through multipart.
  registerSecurityHeaders(app.getHttpAdapter().getInstance());
  registerJsonBodyParser(app.getHttpAdapter().getInstance());
  await registerMultipart(app.getHttpAdapter().getInstance());
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'api/health', method: RequestMethod.GET },
      { path: 'api/version', method: RequestMethod.GET },
    ],
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  app.enableShutdownHooks();
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), { jsonDocumentUrl: 'api/openapi.json' });
  return app;
}
