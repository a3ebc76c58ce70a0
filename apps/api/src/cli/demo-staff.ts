import type { INestApplicationContext } from '@nestjs/common';
import type { Principal, Role } from '@tessera/core';
import { StaffDirectory } from '@tessera/users';

/**
 * A demo staff member (or, without `email`, any active user with `role`) as the seed acts for
 * them, as they would in the back office (no session: this is the command line).
 */
export async function demoStaffPrincipal(
  app: INestApplicationContext,
  role: Role,
  email?: string,
): Promise<Principal & { kind: 'user' }> {
  const user = (await app.get(StaffDirectory).activeWithRole(role)).find(
    (candidate) => email === undefined || candidate.email === email,
  );
  if (!user) throw new Error(`The demo ${role} ${email ?? ''} is missing: seed the demo staff first`);
  return { kind: 'user', userId: user.id, sessionId: 'seed', roles: user.roles };
}
