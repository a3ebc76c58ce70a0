import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

const ID_BYTES = 16;
const MAC_BYTES = 16;

/**
 * The key that signs card tokens, derived from the app's secret with HKDF under a label of its
 * own, so no new secret has to be configured and a token can never pass for another kind of token.
 */
export function cardTokenKey(appSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', appSecret, 'tessera', 'membership-card-token/v1', 32));
}

/**
 * The token a card's QR link carries: its row id (16 bytes) and an HMAC of it (16 bytes), in
 * base64url — 43 characters, short enough for a small QR code. Nothing of it is stored: the PDF
 * can be rendered again with the same token, and revoking is a column on the row it names.
 */
export function signCardToken(cardId: string, key: Buffer): string {
  const id = uuidBytes(cardId);
  return Buffer.concat([id, macOf(id, key)]).toString('base64url');
}

/** The card id a genuine token names; null for anything else (forged, cut short, altered). */
export function readCardToken(token: string, key: Buffer): string | null {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.length !== ID_BYTES + MAC_BYTES) return null;
  const id = bytes.subarray(0, ID_BYTES);
  if (!timingSafeEqual(bytes.subarray(ID_BYTES), macOf(id, key))) return null;
  const hex = id.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function macOf(id: Buffer, key: Buffer): Buffer {
  return createHmac('sha256', key).update(id).digest().subarray(0, MAC_BYTES);
}

function uuidBytes(uuid: string): Buffer {
  const hex = uuid.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`Not a uuid: ${uuid}`);
  return Buffer.from(hex, 'hex');
}
