/**
 * mailauth's authenticate() with our resolver: SPF for the connecting IP,
 * every DKIM signature, DMARC and ARC, as evidence.
 */
import { authenticate } from 'mailauth';
import type { Resolver } from '../dns/types.js';
import { toNodeStyle } from '../dns/node-style.js';
import type { AuthEvidence, DkimSignature, SpfEvidence, SpfResult } from '../core/types.js';

export interface AuthInput {
  ip: string;
  helo?: string | undefined;
  /** MAIL FROM; undefined → mailauth takes the Return-Path header. */
  mailFrom?: string | undefined;
  authservId: string;
}

const SPF_RESULTS: ReadonlySet<string> = new Set(['pass', 'fail', 'softfail', 'neutral', 'none', 'temperror', 'permerror']);

export async function authenticateMessage(message: Uint8Array, facts: AuthInput, resolver: Resolver): Promise<{ auth: AuthEvidence; spf?: SpfEvidence }> {
  const r = await authenticate(Buffer.from(message.buffer, message.byteOffset, message.byteLength), {
    ip: facts.ip,
    ...(facts.helo ? { helo: facts.helo } : {}),
    ...(facts.mailFrom !== undefined ? { sender: facts.mailFrom } : {}),
    mta: facts.authservId,
    resolver: toNodeStyle(resolver) as never,
    disableBimi: true,
    trustReceived: false,
  });
  // An unsigned message still gets one result ("none, message not signed"): that is no signature.
  const dkim: DkimSignature[] = r.dkim.results.filter((d) => d.signingDomain).map((d) => {
    const sig: DkimSignature = {
      domain: d.signingDomain ?? '',
      selector: d.selector ?? '',
      result: String(d.status.result),
      aligned: Boolean(d.status.aligned),
    };
    if (d.status.comment) sig.comment = d.status.comment;
    if (d.algo) sig.algorithm = d.algo;
    return sig;
  });
  const auth: AuthEvidence = { dkim, headerFrom: r.dkim.headerFrom ?? [] };
  if (r.dmarc) {
    const d = r.dmarc as typeof r.dmarc & { alignment?: { spf?: { result?: string | false }; dkim?: { result?: string | false } } };
    auth.dmarc = { result: String(d.status.result) };
    if (d.policy) auth.dmarc.policy = d.policy;
    if (d.status.comment) auth.dmarc.comment = d.status.comment;
    if (d.alignment?.spf?.result) auth.dmarc.spfAligned = d.alignment.spf.result;
    if (d.alignment?.dkim?.result) auth.dmarc.dkimAligned = d.alignment.dkim.result;
  } else if (r.dmarcSkipReason) {
    auth.dmarc = { result: 'none', skipReason: r.dmarcSkipReason };
  }
  if (r.arc) {
    const a = r.arc as typeof r.arc & { i?: number };
    auth.arc = { result: String(a.status.result) };
    if (a.status.comment) auth.arc.comment = a.status.comment;
    if (typeof a.i === 'number') auth.arc.instances = a.i;
  }
  if (!r.spf) return { auth };
  const result = String(r.spf.status.result);
  const spf: SpfEvidence = {
    // A null reverse-path (MAIL FROM:<>) is checked on the HELO identity (RFC 7208 §2.4); mailauth fills in postmaster@HELO.
    identity: facts.mailFrom === '' || !r.spf['envelope-from'] ? 'helo' : 'mailfrom',
    domain: r.spf.domain,
    result: (SPF_RESULTS.has(result) ? result : 'temperror') as SpfResult,
    comment: r.spf.status.comment ?? '',
  };
  if (r.spf.rr) spf.record = r.spf.rr;
  return { auth, spf };
}
