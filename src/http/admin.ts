/**
 * The admin side of the server (monitoring): only when an admin token is
 * configured, and only with it. Without a token the routes do not exist
 * (404); with a wrong or missing one, 401. Compared in constant time.
 */
import type { MiddlewareHandler } from 'hono';
import { errorJson } from './errors.js';

export function requireAdmin(token: string): MiddlewareHandler {
  const want = new TextEncoder().encode(token);
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const given = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (!sameBytes(new TextEncoder().encode(given), want)) {
      c.header('WWW-Authenticate', 'Bearer realm="ptrcheck admin"');
      return errorJson(c, 401, 'unauthorized', 'an admin token is required: Authorization: Bearer <token>');
    }
    return next();
  };
}

/** Equal bytes, in time that depends only on the lengths (not on where they differ). */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= (a[i % (a.length || 1)] ?? 0) ^ (b[i % (b.length || 1)] ?? 0);
  return diff === 0;
}
