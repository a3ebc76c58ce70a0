/**
 * Dotted paths into nested form models: "person.address.city", "organisation.representatives.0.email".
 * Server field names use brackets for indexes ("representatives[0].email"); `normalisePath` turns
 * them into the same dotted form.
 */
export function normalisePath(field: string): string {
  return field.replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');
}

function step(value: unknown, key: string): { found: boolean; value: unknown } {
  if (value !== null && typeof value === 'object' && key in value) {
    return { found: true, value: (value as Record<string, unknown>)[key] };
  }
  return { found: false, value: undefined };
}

export function getPath(root: unknown, path: string): unknown {
  let value = root;
  for (const key of path.split('.')) {
    value = step(value, key).value;
    if (value === undefined) return undefined;
  }
  return value;
}

export function hasPath(root: unknown, path: string): boolean {
  let value = root;
  for (const key of path.split('.')) {
    const next = step(value, key);
    if (!next.found) return false;
    value = next.value;
  }
  return true;
}

/**
 * Expands `*` segments against the arrays in `root`:
 * "reps.*.email" with two reps → ["reps.0.email", "reps.1.email"].
 */
export function expandPath(root: unknown, pattern: string): string[] {
  const star = pattern.indexOf('*');
  if (star === -1) return [pattern];
  const head = pattern.slice(0, Math.max(0, star - 1));
  const rest = pattern.slice(star + 1);
  const list = head ? getPath(root, head) : root;
  if (!Array.isArray(list)) return [];
  return list.flatMap((_item, index) => expandPath(root, `${head ? `${head}.` : ''}${index}${rest}`));
}

/** Sets the value at `path`; every object on the way must exist. */
export function setPath(root: unknown, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop();
  const parent = keys.length ? getPath(root, keys.join('.')) : root;
  if (last === undefined || parent === null || typeof parent !== 'object') {
    throw new Error(`No field at ${path}`);
  }
  (parent as Record<string, unknown>)[last] = value;
}
