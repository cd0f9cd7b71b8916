/**
 * Message mode: mailauth checks SPF, DKIM, DMARC and ARC on the received
 * message with our resolver, beside the rest of gather.
 */
import { unbracket } from '../core/address.js';
import { InputError } from '../core/errors.js';
import type { Evidence, ReceivedMessage, Target } from '../core/types.js';
import type { Resolver } from '../dns/types.js';
import type { Authenticator } from '../message/authenticator.js';

export async function gatherAuth(message: ReceivedMessage, target: Target, authservId: string, resolver: Resolver, authenticate?: Authenticator): Promise<Pick<Evidence, 'auth' | 'spf' | 'unavailable'>> {
  const mailFrom = target.mailFrom === undefined ? undefined : unbracket(target.mailFrom);
  try {
    // mailauth is loaded here only when no authenticator was injected (a Node server runs it in worker threads).
    const run = authenticate ?? (await import('../message/authenticate.js')).authenticateMessage;
    return await run(message.raw, { ip: target.ip, helo: target.helo, mailFrom, authservId }, resolver);
  } catch (e) {
    if (e instanceof InputError) throw e;
    // A runtime that cannot do what mailauth needs (a crypto call, a built-in), or a message too
    // complex to finish within its budget, costs the SPF/DKIM/DMARC rules, which say so; the rest stands.
    const reason = `SPF, DKIM and DMARC could not be checked on this server (${e instanceof Error ? e.message : String(e)})`;
    return { unavailable: { auth: reason, spf: reason } };
  }
}
