/**
 * Gather: every piece of I/O an audit does, turned into Evidence. All of it
 * starts at once; only PTR → A/AAAA is sequential (two round trips).
 */
import type { Resolver } from '../dns/types.js';
import { withCache } from '../dns/cache.js';
import { withRecorder } from '../dns/recorder.js';
import { parseIp } from '../core/ip.js';
import { parseAddressField } from '../core/address.js';
import type { Evidence, Target } from '../core/types.js';
import { gatherIp } from './ip.js';
import { gatherHelo } from './helo.js';
import { gatherSender } from './senders.js';
import { gatherSpf } from './spf.js';
import { gatherDmarc } from './dmarc.js';
import { gatherDnsbl } from './dnsbl.js';

export interface GatherConfig {
  /** At most this many PTR names get forward lookups; more is abuse or a mistake. */
  forwardCap: number;
  /** authserv-id in Authentication-Results and SPF comments. */
  authservId: string;
  /** RFC 7208 §4.6.4 allows a time limit on SPF evaluation. */
  spfTimeLimitMs: number;
  /** Evaluate SPF here (off when the message audit gets it from mailauth's authenticate()). */
  spf: boolean;
  /** Find the reverse zone's SOA and NS for remediation (batch audits skip it: two queries fewer per IP). */
  reverseZone: boolean;
  /** DNS blocklist zones to look the IP up in (RFC 5782); none: dnsbl-clean is skipped. */
  dnsbl: readonly string[];
}

export const DEFAULT_GATHER: GatherConfig = { forwardCap: 10, authservId: 'ptrcheck', spfTimeLimitMs: 20_000, spf: true, reverseZone: true, dnsbl: [] };

/** More evidence gathered beside the rest, with the same resolver (the message audit's mailauth run). */
export type ExtraGather = (resolver: Resolver) => Promise<Partial<Evidence>>;

/** Throws InputError for a target whose IP is not an address; everything else becomes data. */
export async function gather(target: Target, resolver: Resolver, config: GatherConfig = DEFAULT_GATHER, extra?: ExtraGather): Promise<Evidence> {
  const ip = parseIp(target.ip);
  const recorder = withRecorder(resolver);
  // Per audit: SPF, DMARC, HELO and From checks often ask the same names; ask each once.
  const r = withCache(recorder, { maxEntries: 5_000 });
  const from = target.from !== undefined ? parseAddressField(target.from)[0] : undefined;
  const fromDomain = from && !from.problem ? from.domain : undefined;
  const [ipEvidence, helo, senders, spf, dmarc, dnsbl, more] = await Promise.all([
    gatherIp(ip, r, config),
    target.helo !== undefined ? gatherHelo(target.helo, r) : undefined,
    Promise.all([
      ...(target.from !== undefined ? [gatherSender('from', target.from, r)] : []),
      ...(target.mailFrom !== undefined ? [gatherSender('mail-from', target.mailFrom, r)] : []),
    ]),
    config.spf && (target.mailFrom !== undefined || target.helo !== undefined)
      ? gatherSpf({ ip: ip.address, mailFrom: target.mailFrom, helo: target.helo, authservId: config.authservId, timeLimitMs: config.spfTimeLimitMs }, r)
      : undefined,
    fromDomain ? gatherDmarc(from!.address, fromDomain, r) : undefined,
    config.dnsbl.length > 0 ? gatherDnsbl(ip, config.dnsbl, r) : undefined,
    extra ? extra(r) : Promise.resolve({}),
  ]);
  const evidence: Evidence = { target: { ...target, ip: ip.address }, ip, ...ipEvidence, dns: [...recorder.log], ...more };
  if (helo) evidence.helo = helo;
  if (senders.length > 0) evidence.senders = senders;
  if (spf) evidence.spf = spf;
  if (dmarc) evidence.dmarc = dmarc;
  if (dnsbl) evidence.dnsbl = dnsbl;
  evidence.dns = [...recorder.log];
  return evidence;
}
