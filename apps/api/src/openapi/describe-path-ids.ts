import type { OpenAPIObject } from '@nestjs/swagger';

/**
 * Describes the id path parameters that carry no description of their own, from where they
 * stand: `/users/{id}` → "The user's id", `/applications/{id}/files/{fileId}` → "The file's id".
 */
export function describePathIds(document: OpenAPIObject): OpenAPIObject {
  for (const [path, item] of Object.entries(document.paths)) {
    const segments = path.split('/');
    for (const operation of Object.values(item) as { parameters?: unknown[] }[]) {
      for (const parameter of operation.parameters ?? []) {
        const param = parameter as { name: string; in: string; description?: string };
        if (param.in !== 'path' || param.description) continue;
        const thing = thingNamed(param.name, segments);
        if (thing) param.description = `The ${thing}'s id`;
      }
    }
  }
  return document;
}

function thingNamed(name: string, segments: string[]): string | null {
  if (name.endsWith('Id') && name !== 'id') return words(name.slice(0, -2));
  if (name !== 'id') return null;
  const collection = segments[segments.indexOf('{id}') - 1];
  return collection ? words(collection.replace(/s$/, '')) : null;
}

/** "approval-flow" or "approvalFlow" → "approval flow"; "api-key" → "API key". */
function words(identifier: string): string {
  return identifier
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/-/g, ' ')
    .toLowerCase()
    .replace(/^api\b/, 'API');
}
