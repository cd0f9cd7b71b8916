/**
 * The webhook channel (DESIGN.md, Monitoring): POST the transition as JSON, signed when a
 * secret is set, retried by postWithRetries. The signature covers the exact bytes sent.
 */
import { postWithRetries, type Delivery, type PostOptions } from './post.js';
import { signatureHeader } from './sign.js';
import type { TransitionEvent } from './types.js';

export interface WebhookOptions extends PostOptions {
  /** Signs each attempt (`X-Ptrcheck-Signature`); an empty string is refused, not treated as "unsigned". */
  secret?: string;
}

export async function deliverWebhook(url: string, event: TransitionEvent, o: WebhookOptions = {}): Promise<Delivery> {
  const { secret } = o;
  if (secret === '') throw new Error('the webhook secret is empty');
  const body = JSON.stringify(event);
  return postWithRetries(
    {
      channel: 'webhook',
      url,
      body,
      headers: async (unixSeconds) => ({
        'Content-Type': 'application/json',
        'User-Agent': 'ptrcheck',
        'X-Ptrcheck-Event': 'monitor.transition',
        ...(secret !== undefined ? { 'X-Ptrcheck-Signature': await signatureHeader(secret, unixSeconds, body) } : {}),
      }),
    },
    o,
  );
}
