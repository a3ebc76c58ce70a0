import type { QuestionnaireContent } from './questionnaire-content';

export type ContentEdit = 'none' | 'in-place' | 'new-version';

/**
 * What changing a questionnaire's content does: nothing when it is the same; rewriting the
 * current version while no one has answered it (drafts count as answers); otherwise a new
 * version, so the answers given keep the questions they answered.
 */
export function contentEdit(current: QuestionnaireContent, next: QuestionnaireContent, answered: boolean): ContentEdit {
  if (sameContent(current, next)) return 'none';
  return answered ? 'new-version' : 'in-place';
}

/** Same JSON, whatever the order of object keys (the database's jsonb reorders them). */
export function sameContent(a: QuestionnaireContent, b: QuestionnaireContent): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(sorted(value));
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, inner]) => inner !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, inner]) => [key, sorted(inner)]),
    );
  return value;
}
