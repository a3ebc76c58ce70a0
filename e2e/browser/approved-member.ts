import type { TesseraClient } from '@tessera/api-client';
import { applyOnline } from './online-application';
import { linkTokenFromEmail } from '../support/mail';
import type { StaffSession } from '../support/staff';
import type { Stack } from '../support/stack';

/**
 * A person who applied online for `planId`, was approved by `approver` (so is a member, subscribed
 * and invoiced) and activated their portal account with `password`: their access token.
 */
export async function approvedMember(
  stack: Stack,
  admin: TesseraClient,
  approver: StaffSession,
  planId: string,
  { password, ...person }: { firstName: string; lastName: string; email: string; password: string },
): Promise<{ token: string }> {
  const application = await applyOnline(stack, planId, person);
  const request = await admin.GET('/api/v1/approvals', {
    params: { query: { subjectType: 'application', subjectId: application.id } },
  });
  const approved = await approver.client.POST('/api/v1/approvals/{id}/approve', {
    params: { path: { id: request.data!.items[0].id } },
    body: {},
  });
  expect(approved.data).toMatchObject({ status: 'approved' });
  const { token } = await linkTokenFromEmail(stack.sink, person.email, /Activate your member account/, '/activate');
  const activated = await stack.client.POST('/api/v1/auth/activate', { body: { token, password } });
  expect(activated.response.status).toBe(200);
  return { token: activated.data!.accessToken };
}
