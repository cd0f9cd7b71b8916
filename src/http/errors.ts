/**
 * Errors as the API shows them: `{ error: { code, message } }`, 4xx for
 * anything the client sent, never a stack trace.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export type ErrorCode = 'bad_request' | 'not_found' | 'too_large' | 'rate_limited' | 'unauthorized' | 'busy' | 'unavailable' | 'timeout' | 'unsupported_media_type' | 'internal';

export function errorJson(c: Context, status: ContentfulStatusCode, code: ErrorCode, message: string): Response {
  return c.json({ error: { code, message } }, status);
}

/** Thrown by an audit that ran over its time budget. */
export class AuditTimeout extends Error {
  override name = 'AuditTimeout';
}

/** Thrown when every audit slot stayed taken for the whole wait: the server is full, the client should come back. */
export class ServerBusy extends Error {
  override name = 'ServerBusy';
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number, message: string) {
    super(message);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AuditTimeout(`the audit took longer than ${ms} ms`)), ms);
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}
