import { ApiError, errorMessage } from '@/api/problem';
import { translate } from '@/i18n/translate';
import { formatDate } from '@/utils/format';

/**
 * What to say when a request is refused: a second request of a kind gets our own sentence with
 * the first one's date and reference, in the reader's language; anything else as usual.
 */
export function requestProblemMessage(error: unknown): string {
  const problem = error instanceof ApiError ? (error.problem as Record<string, unknown> | null) : null;
  if (problem?.type === 'urn:tessera:problem:member-request-pending')
    return translate('requests.pendingConflict', {
      date: formatDate(String(problem.pendingSince)),
      reference: String(problem.pendingReference ?? ''),
    });
  return errorMessage(error);
}
