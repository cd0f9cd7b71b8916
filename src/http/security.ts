/**
 * Headers on every response. The report page shows attacker-controlled
 * strings (PTR names, HELO, headers); escaping is the first defence, a CSP
 * that allows no script at all is the second.
 */
import type { MiddlewareHandler } from 'hono';

export const CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.header('Content-Security-Policy', CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
  };
}
