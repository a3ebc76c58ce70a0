import type { Type } from '@nestjs/common';
import { ApiExtension, getSchemaPath, type OpenAPIObject } from '@nestjs/swagger';

const EXTENSION = 'x-json-body';

/**
 * Documents that a multipart endpoint also takes `type` itself as an application/json body.
 * @nestjs/swagger gives every media type of an operation one schema, so the decorator leaves a
 * note that `withJsonBodyAlternatives` turns into the operation's application/json content.
 */
export function ApiJsonBodyAlternative(type: Type): MethodDecorator {
  return ApiExtension(EXTENSION, { $ref: getSchemaPath(type) });
}

export function withJsonBodyAlternatives(document: OpenAPIObject): OpenAPIObject {
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path) as Record<string, unknown>[]) {
      const schema = operation?.[EXTENSION];
      if (!schema) continue;
      delete operation[EXTENSION];
      const requestBody = operation.requestBody as { content: Record<string, unknown> } | undefined;
      if (requestBody) requestBody.content['application/json'] = { schema };
    }
  }
  return document;
}
