import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { AssignBody, QuestionnaireBody } from './types';

/** The back office's calls to the questionnaire API. */
export const questionnaireApi = {
  list: () => unwrap(api.GET('/api/v1/questionnaires', { params: { query: { pageSize: 100 } } })),
  get: (id: string) => unwrap(api.GET('/api/v1/questionnaires/{id}', { params: { path: { id } } })),
  create: (body: QuestionnaireBody) => unwrap(api.POST('/api/v1/questionnaires', { body })),
  update: (id: string, body: Partial<QuestionnaireBody>) =>
    unwrap(api.PATCH('/api/v1/questionnaires/{id}', { params: { path: { id } }, body })),
  versions: (id: string) => unwrap(api.GET('/api/v1/questionnaires/{id}/versions', { params: { path: { id } } })),
  assignments: (id: string, query: { state?: 'pending' | 'submitted' | 'overdue'; page?: number; pageSize?: number }) =>
    unwrap(api.GET('/api/v1/questionnaires/{id}/assignments', { params: { path: { id }, query } })),
  assignment: (id: string, assignmentId: string) =>
    unwrap(
      api.GET('/api/v1/questionnaires/{id}/assignments/{assignmentId}', { params: { path: { id, assignmentId } } }),
    ),
  memberAssignments: (memberId: string) =>
    unwrap(api.GET('/api/v1/members/{id}/questionnaires', { params: { path: { id: memberId } } })),
  /** The answers as a CSV file (one row per member, one column per question), saved by the browser. */
  async answersCsv(id: string): Promise<{ blob: Blob; filename: string }> {
    let disposition = '';
    const blob = await unwrap(
      api
        .GET('/api/v1/questionnaires/{id}/answers.csv', { params: { path: { id } }, parseAs: 'blob' })
        .then((result) => {
          disposition = result.response.headers.get('content-disposition') ?? '';
          return result;
        }),
    );
    return { blob, filename: /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'answers.csv' };
  },
  /** A file a member answered with, as the browser saves it. */
  file: (id: string, assignmentId: string, fileId: string) =>
    unwrap(
      api.GET('/api/v1/questionnaires/{id}/assignments/{assignmentId}/files/{fileId}', {
        params: { path: { id, assignmentId, fileId } },
        parseAs: 'blob',
      }),
    ),
  assign: (id: string, body: AssignBody) =>
    unwrap(api.POST('/api/v1/questionnaires/{id}/assignments', { params: { path: { id } }, body })),
};
