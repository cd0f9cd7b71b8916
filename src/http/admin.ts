/**
 * The admin side of the server (monitoring): only when an admin token is
 * configured, and only with it. Without a token the routes do not exist
 * (404); with a wrong or missing one, 401. Compared in constant time.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { errorJson } from './errors.js';

/** The cookie the monitors pages' login sets (HttpOnly, SameSite=Strict, only under /monitors). */
export const ADMIN_COOKIE = 'ptrcheck_admin';

/** Whether the request carries the token: Authorization: Bearer, or (for the pages) the login cookie. */
export function isAdmin(c: Context, token: string, cookie = false): boolean {
  const header = c.req.header('authorization') ?? '';
  const bearer = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
  const want = new TextEncoder().encode(token);
  if (sameBytes(new TextEncoder().encode(bearer), want)) return true;
  if (!cookie) return false;
  const jar = c.req.header('cookie') ?? '';
  const at = jar.indexOf(`${ADMIN_COOKIE}=`);
  if (at < 0 || jar.length > 16 * 1024) return false;
  const end = jar.indexOf(';', at);
  const value = decodeURIComponentSafe(jar.slice(at + ADMIN_COOKIE.length + 1, end < 0 ? undefined : end).trim());
  return sameBytes(new TextEncoder().encode(value), want);
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return '';
  }
}

export function requireAdmin(token: string): MiddlewareHandler {
  return async (c, next) => {
    if (!isAdmin(c, token)) {
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
