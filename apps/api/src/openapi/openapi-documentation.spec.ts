import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The integrator's first look: the published OpenAPI document (libs/api-client/openapi.json, kept
 * current by `pnpm test`'s check) explains every operation and parameter, and the operations one
 * starts with — signing in, staff users, API keys — show example bodies.
 */
type Schema = { $ref?: string; properties?: Record<string, Schema>; example?: unknown; allOf?: Schema[] };
type Operation = {
  operationId: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: { name: string; in: string; description?: string }[];
  requestBody?: { content: Record<string, { schema?: Schema; example?: unknown }> };
};
const document = JSON.parse(readFileSync(join(__dirname, '../../../../libs/api-client/openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};

const operations = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, operation })),
);

function resolve(schema: Schema | undefined): Schema | undefined {
  if (!schema?.$ref) return schema;
  return document.components.schemas[schema.$ref.replace('#/components/schemas/', '')];
}

describe('the OpenAPI document', () => {
  it('has operations', () => expect(operations.length).toBeGreaterThan(40));

  it('gives every operation a summary and a description', () => {
    const lacking = operations
      .filter(({ operation }) => !operation.summary?.trim() || !operation.description?.trim())
      .map(({ name }) => name);
    expect(lacking).toEqual([]);
  });

  it('describes every parameter', () => {
    const lacking = operations.flatMap(({ name, operation }) =>
      (operation.parameters ?? []).filter((p) => !p.description?.trim()).map((p) => `${name} ${p.in}:${p.name}`),
    );
    expect(lacking).toEqual([]);
  });

  it('shows an example for every field of the auth, users and API-key request bodies', () => {
    const lacking = operations
      .filter(({ operation }) => operation.tags?.some((tag) => ['auth', 'users', 'api-keys'].includes(tag)))
      .flatMap(({ name, operation }) =>
        Object.entries(operation.requestBody?.content ?? {}).flatMap(([, media]) => {
          if (media.example !== undefined) return [];
          const schema = resolve(media.schema);
          return Object.entries(schema?.properties ?? {})
            .filter(([, property]) => property.example === undefined && resolve(property)?.example === undefined)
            .map(([field]) => `${name} ${field}`);
        }),
      );
    expect(lacking).toEqual([]);
  });
});
