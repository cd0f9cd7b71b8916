/** Calls the Worker's own handlers, as the runtime does, with the test bindings (or some changed). */
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import worker from '../../src/worker.js';
import type { IncomingEmail } from '../../src/sink/email-routing.js';
import type { WorkerEnv } from '../../src/workers/env.js';

export const ORIGIN = 'https://ptrcheck.example';

export async function call(path: string, init?: RequestInit, bindings: WorkerEnv = env): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`${ORIGIN}${path}`, init), bindings, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

/** A message as Email Routing hands it to the `email` handler: envelope, size and the raw bytes as a stream. */
export function routedEmail(raw: string | Uint8Array, to: string, from = 'bounce@example.com', claimedSize?: number): IncomingEmail & { rejected?: string } {
  const bytes = typeof raw === 'string' ? new TextEncoder().encode(raw) : raw;
  const message: IncomingEmail & { rejected?: string } = {
    from,
    to,
    rawSize: claimedSize ?? bytes.length,
    raw: new Blob([bytes as Uint8Array<ArrayBuffer>]).stream(),
    setReject(reason: string) {
      message.rejected = reason;
    },
  };
  return message;
}

export const deliver = (message: IncomingEmail, bindings: WorkerEnv = env): Promise<void> => worker.email(message, bindings);
export const tick = (bindings: WorkerEnv = env): Promise<void> => worker.scheduled(undefined, bindings);
