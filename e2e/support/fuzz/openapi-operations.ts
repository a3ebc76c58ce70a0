/** The operations of an OpenAPI 3 document, with their schemas resolved, for the fuzzer to walk. */

export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

export interface Operation {
  method: string;
  /** The templated path, e.g. /api/v1/users/{id}. */
  path: string;
  parameters: Parameter[];
  /** Request body schemas by media type (application/json, multipart/form-data). */
  bodies: Record<string, Schema>;
}

interface Document {
  paths: Record<
    string,
    Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> } }>
  >;
  components?: { schemas?: Record<string, Schema> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Every operation of the document, in a stable order (path, then method). */
export function operationsOf(document: Document): Operation[] {
  const resolve = resolverFor(document);
  return Object.keys(document.paths)
    .sort()
    .flatMap((path) =>
      METHODS.filter((method) => document.paths[path][method]).map((method) => {
        const operation = document.paths[path][method];
        const bodies: Record<string, Schema> = {};
        for (const [mediaType, content] of Object.entries(operation.requestBody?.content ?? {}))
          if (content.schema) bodies[mediaType] = resolve(content.schema);
        const parameters = (operation.parameters ?? []).map((parameter) => ({
          ...parameter,
          schema: parameter.schema && resolve(parameter.schema),
        }));
        return { method: method.toUpperCase(), path, parameters, bodies };
      }),
    );
}

/** Inlines `$ref`s and merges `allOf`, to a bounded depth (schemas may refer to themselves). */
function resolverFor(document: Document): (schema: Schema) => Schema {
  const resolve = (schema: Schema, depth: number): Schema => {
    if (depth > 8) return {};
    if (schema.$ref) {
      const name = schema.$ref.replace('#/components/schemas/', '');
      return resolve(document.components?.schemas?.[name] ?? {}, depth + 1);
    }
    if (schema.allOf)
      return schema.allOf.map((part) => resolve(part, depth + 1)).reduce(merge, { ...schema, allOf: undefined });
    const variants = schema.oneOf ?? schema.anyOf;
    if (variants?.length) return resolve(variants[0], depth + 1);
    const resolved: Schema = { ...schema };
    if (schema.items) resolved.items = resolve(schema.items, depth + 1);
    if (schema.properties)
      resolved.properties = Object.fromEntries(
        Object.entries(schema.properties).map(([key, value]) => [key, resolve(value, depth + 1)]),
      );
    return resolved;
  };
  return (schema) => resolve(schema, 0);
}

function merge(a: Schema, b: Schema): Schema {
  return {
    ...a,
    ...b,
    properties: { ...a.properties, ...b.properties },
    required: [...(a.required ?? []), ...(b.required ?? [])],
  };
}

/** The schema's type, inferred when the document leaves it out. */
export function typeOf(schema: Schema): string {
  if (schema.type) return schema.type;
  if (schema.properties) return 'object';
  if (schema.items) return 'array';
  if (schema.enum?.length) return typeof schema.enum[0];
  return 'string';
}
