import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { withJsonBodyAlternatives } from '@tessera/core';
import { describePathIds } from './describe-path-ids';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Tessera API')
    .setDescription(
      'Membership portal API. Errors are application/problem+json (RFC 9457). ' +
        'People authenticate with a Bearer access token from /auth/login; integrators with X-Api-Key.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Api-Key' }, 'apiKey')
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controllerKey, methodKey) => `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
  return describePathIds(withJsonBodyAlternatives(document));
}
