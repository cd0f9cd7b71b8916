/**
 * SPF (RFC 7208) by mailauth, with our resolver: the IP is checked against
 * the MAIL FROM domain, or the HELO name when there is no MAIL FROM.
 */
import { spf } from 'mailauth';
import type { Resolver } from '../dns/types.js';
import { toNodeStyle } from '../dns/node-style.js';
import type { SpfEvidence, SpfResult } from '../core/types.js';
import { unbracket } from '../core/address.js';

const RESULTS: ReadonlySet<string> = new Set(['pass', 'fail', 'softfail', 'neutral', 'none', 'temperror', 'permerror']);

export interface SpfInput {
  ip: string;
  mailFrom?: string | undefined;
  helo?: string | undefined;
  authservId: string;
  timeLimitMs: number;
}

export async function gatherSpf(input: SpfInput, resolver: Resolver): Promise<SpfEvidence> {
  const nullSender = input.mailFrom === undefined || /^<?\s*>?$/.test(input.mailFrom.trim());
  const sender = nullSender ? (input.helo ? `postmaster@${input.helo}` : '') : unbracket(input.mailFrom!);
  const r = await spf({
    ip: input.ip,
    sender,
    ...(input.helo ? { helo: input.helo } : {}),
    mta: input.authservId,
    resolver: toNodeStyle(resolver) as never,
    maxElapsedTime: input.timeLimitMs,
  });
  const result = String(r.status.result);
  const out: SpfEvidence = {
    identity: nullSender ? 'helo' : 'mailfrom',
    domain: r.domain,
    result: (RESULTS.has(result) ? result : 'temperror') as SpfResult,
    comment: r.status.comment ?? '',
  };
  if (r.rr) out.record = r.rr;
  if (r.lookups) out.lookups = r.lookups.count;
  if (r.explanation) out.explanation = r.explanation;
  return out;
}
