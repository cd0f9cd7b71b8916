/**
 * Message mode: mailauth checks SPF, DKIM, DMARC and ARC on the received
 * message with our resolver, beside the rest of gather.
 */
import { unbracket } from '../core/address.js';
import { InputError } from '../core/errors.js';
import type { Evidence, ReceivedMessage, Target } from '../core/types.js';
import type { Resolver } from '../dns/types.js';
import { authenticateMessage } from '../message/authenticate.js';

export async function gatherAuth(message: ReceivedMessage, target: Target, authservId: string, resolver: Resolver): Promise<Pick<Evidence, 'auth' | 'spf' | 'unavailable'>> {
  const mailFrom = target.mailFrom === undefined ? undefined : unbracket(target.mailFrom);
  try {
    return await authenticateMessage(message.raw, { ip: target.ip, helo: target.helo, mailFrom, authservId }, resolver);
  } catch (e) {
    if (e instanceof InputError) throw e;
    // A runtime that cannot do what mailauth needs (a crypto call, a built-in) costs the
    // SPF/DKIM/DMARC rules, which say so; the rest of the audit stands.
    const reason = `SPF, DKIM and DMARC could not be checked on this server (${e instanceof Error ? e.message : String(e)})`;
    return { unavailable: { auth: reason, spf: reason } };
  }
}
