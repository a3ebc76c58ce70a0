import type { TestingModule } from '@nestjs/testing';
import type { Role } from '@tessera/core';
import { createWorkerTestingModule } from '@tessera/testing';
import { DataSource } from 'typeorm';
import { AuthService } from '../auth/auth.service';
import { hashSecretToken } from '../auth/secret-token';
import { UsersModule } from '../users.module';
import { UsersService } from '../users.service';

const EMAIL = 'idle.person@example.test';
const PASSWORD = 'Idle-Person-Password-1';

/** Idle timeouts at their defaults: 30 minutes for staff, 24 hours for members. */
describe('session idle timeout', () => {
  let moduleRef: TestingModule;
  let auth: AuthService;
  let db: DataSource;

  beforeAll(async () => {
    moduleRef = await createWorkerTestingModule({ imports: [UsersModule], queues: [] });
    auth = moduleRef.get(AuthService);
    db = moduleRef.get(DataSource);
    await moduleRef.get(UsersService).ensureFirstAdmin(EMAIL, PASSWORD);
  });
  afterAll(() => moduleRef.close());

  async function signInAs(roles: Role[]): Promise<string> {
    await db.query(`UPDATE users SET roles = $1 WHERE email = $2`, [roles, EMAIL]);
    return (await auth.login(EMAIL, PASSWORD)).refreshToken;
  }

  /** As if the refresh token had been issued `minutes` ago: the session's last activity. */
  async function idleFor(refreshToken: string, minutes: number): Promise<void> {
    await db.query(
      `UPDATE refresh_tokens SET created_at = created_at - make_interval(mins => $2) WHERE token_hash = $1`,
      [hashSecretToken(refreshToken), minutes],
    );
  }

  async function revokedReasonOf(refreshToken: string): Promise<string | null> {
    const [row] = await db.query(
      `SELECT s.revoked_reason FROM sessions s JOIN refresh_tokens t ON t.session_id = s.id WHERE t.token_hash = $1`,
      [hashSecretToken(refreshToken)],
    );
    return row.revoked_reason;
  }

  const refused = {
    problem: expect.objectContaining({ status: 401, type: 'urn:tessera:problem:session-idle-timeout' }),
  };

  it('keeps a staff session refreshed within 30 minutes, and ends it after', async () => {
    const token = await signInAs(['officer']);
    await idleFor(token, 29);
    const next = (await auth.refresh(token)).refreshToken;

    await idleFor(next, 31);
    await expect(auth.refresh(next)).rejects.toMatchObject(refused);
    expect(await revokedReasonOf(next)).toBe('idle timeout');
  });

  it('gives members a day, and a staff role beside `member` the staff timeout', async () => {
    const member = await signInAs(['member']);
    await idleFor(member, 31);
    const next = (await auth.refresh(member)).refreshToken;
    await idleFor(next, 25 * 60);
    await expect(auth.refresh(next)).rejects.toMatchObject(refused);

    const both = await signInAs(['member', 'approver']);
    await idleFor(both, 31);
    await expect(auth.refresh(both)).rejects.toMatchObject(refused);
  });

  it('measures idleness from the last refresh, not from sign-in', async () => {
    let token = await signInAs(['admin']);
    for (let round = 0; round < 3; round += 1) {
      await idleFor(token, 20);
      token = (await auth.refresh(token)).refreshToken;
    }
    expect(await revokedReasonOf(token)).toBeNull();
  });
});
