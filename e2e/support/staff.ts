import type { Schemas, TesseraClient } from '@tessera/api-client';
import { linkTokenFromEmail } from './mail';
import { authorized, uniqueEmail, type Stack } from './stack';

export interface StaffSession {
  id: string;
  email: string;
  name: string;
  /** The password chosen on activation, for signing in through the browser. */
  password: string;
  /** The access token, for requests the typed client does not make (multipart). */
  token: string;
  client: TesseraClient;
}

/** A staff user invited by the admin and activated through the e-mailed link, signed in. */
export async function activatedStaff(
  stack: Stack,
  admin: TesseraClient,
  name: string,
  roles: Schemas['CreateUserDto']['roles'],
  locale: 'en' | 'fr' = 'en',
): Promise<StaffSession> {
  const email = uniqueEmail(name.toLowerCase().replace(/\W+/g, '-'));
  const created = await admin.POST('/api/v1/users', { body: { email, name, roles, locale } });
  if (!created.data) throw new Error(`Could not create ${name}: ${JSON.stringify(created.error)}`);
  const activation = await linkTokenFromEmail(stack.sink, email, /invit/i, '/activate');
  const password = `Staff-Password-${Date.now()}x`;
  const session = await stack.client.POST('/api/v1/auth/activate', {
    body: { token: activation.token, password },
  });
  if (!session.data) throw new Error(`Could not activate ${name}: ${JSON.stringify(session.error)}`);
  const token = session.data.accessToken;
  return { id: created.data.id, email, name, password, token, client: authorized(stack, token) };
}
