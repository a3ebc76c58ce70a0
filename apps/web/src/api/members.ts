import { api } from './client';
import { unwrap } from './problem';
import type { MemberSort, MemberStatus, MemberKind, PortalAccountState } from './types';

export interface MemberExportFilters {
  q?: string;
  kind?: MemberKind;
  status?: MemberStatus;
  planId?: string;
  accountState?: PortalAccountState;
  autoRegistered?: 'true';
  /** `any`, or a questionnaire's id: members who still owe its answers. */
  pendingQuestionnaire?: string;
  sort?: MemberSort;
}

/** The members list as filtered, as a CSV file (streamed by the API, saved by the browser). */
export async function fetchMembersCsv(filters: MemberExportFilters): Promise<{ blob: Blob; filename: string }> {
  let disposition = '';
  const blob = await unwrap(
    api.GET('/api/v1/members/export.csv', { params: { query: filters }, parseAs: 'blob' }).then((result) => {
      disposition = result.response.headers.get('content-disposition') ?? '';
      return result;
    }),
  );
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'members.csv';
  return { blob, filename };
}
