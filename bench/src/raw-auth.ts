import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Pool } from 'pg';

/**
 * The baselines' check of a member's access token, as the API makes it: HS256 signature, issuer,
 * audience and expiry, then one statement for a live session of an active user.
 */
interface Claims {
  sub: string;
  sid: string;
  iss: string;
  aud: string;
  exp: number;
}

/** The claims of a valid HS256 access token, or null. */
function verify(authorization: string | undefined, secret: Buffer): Claims | null {
  const [header, payload, signature] = (authorization?.replace(/^Bearer /, '') ?? '').split('.');
  if (!signature) return null;
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Claims;
  const fresh = claims.exp * 1000 > Date.now() && claims.iss === 'tessera' && claims.aud === 'tessera-api';
  return fresh ? claims : null;
}

/** The signed-in user's id, or null for a bad token or a dead session. */
export async function liveUser(pool: Pool, secret: Buffer, authorization: string | undefined): Promise<string | null> {
  const claims = verify(authorization, secret);
  if (!claims) return null;
  const { rows } = await pool.query({
    name: 'live-session-user',
    text: `SELECT u.id, u.roles FROM sessions s JOIN users u ON u.id = s.user_id
            WHERE s.id = $1 AND u.id = $2 AND s.revoked_at IS NULL AND s.expires_at > $3 AND u.active`,
    values: [claims.sid, claims.sub, new Date()],
  });
  return (rows[0] as { id: string } | undefined)?.id ?? null;
}
