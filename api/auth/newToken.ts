import { createHash, randomBytes } from 'node:crypto';

const TOKEN_BYTES = 32;
// 32 bytes in base64url without padding.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** A fresh unguessable token: 32 random bytes, base64url. Used for sessions and CSRF tokens. */
export function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** What the sessions table stores instead of the token itself. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Whether `token` could be one we issued: anything else is refused without a database look-up. */
export function isTokenShaped(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}
