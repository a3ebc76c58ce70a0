import type { Operation } from './openapi-operations';
import type { Caller } from './runner';
import type { References } from './values';

/**
 * Reads every top-level list of the document (`GET /api/v1/plans`, …) as `caller` and keeps the
 * ids of its items, so a body property `planId` (or `approvalFlowId` → /approval-flows) gets a
 * record that exists and the fuzzer reaches the code behind the look-up.
 */
export async function collectReferences(baseUrl: string, operations: Operation[], caller: Caller): Promise<References> {
  const ids = new Map<string, string[]>();
  const lists = operations.filter(
    (operation) =>
      operation.method === 'GET' && !operation.path.includes('{') && /^\/api\/v1\/[a-z-]+$/.test(operation.path),
  );
  for (const list of lists) {
    const response = await fetch(`${baseUrl}${list.path}`, { headers: caller.headers() });
    if (response.status !== 200) continue;
    const body = (await response.json()) as unknown;
    const items = Array.isArray(body) ? body : (body as { items?: unknown })?.items;
    if (!Array.isArray(items)) continue;
    const found = items
      .map((item) => (item as { id?: unknown })?.id)
      .filter((id): id is string => typeof id === 'string');
    if (found.length > 0) ids.set(list.path.split('/').pop()!, found);
  }
  return (property) => {
    const name = /^(.+)Id$/.exec(property)?.[1];
    if (!name) return undefined;
    const resource = name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
    return ids.get(`${resource}s`) ?? ids.get(resource);
  };
}
