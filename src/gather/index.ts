/**
 * Gather: every piece of I/O an audit does, turned into Evidence. It asks
 * only for what the chosen rules require (Lighthouse's artifacts): a batch
 * of IP rules never looks at a HELO, a full report also wants the reverse
 * zone for its remediation. All of it starts at once; only PTR → A/AAAA is
 * sequential (two round trips).
 */
import type { Resolver } from '../dns/types.js';
import { withCache } from '../dns/cache.js';
import { withRecorder } from '../dns/recorder.js';
import { parseIp } from '../core/ip.js';
import { parseAddressField } from '../core/address.js';
import type { Evidence, EvidenceKey, Target } from '../core/types.js';
import { gatherIp } from './ip.js';
import { gatherHelo } from './helo.js';
import { gatherSender } from './senders.js';
import { gatherSpf } from './spf.js';
import { gatherDmarc } from './dmarc.js';
import { gatherDnsbl } from './dnsbl.js';
import { gatherAuth } from './auth.js';
import { DEFAULT_GATHER } from '../config/defaults.js';

export interface GatherConfig {
  /** At most this many PTR names get forward lookups; more is abuse or a mistake. */
  forwardCap: number;
  /** authserv-id in Authentication-Results and SPF comments. */
  authservId: string;
  /** RFC 7208 §4.6.4 allows a time limit on SPF evaluation. */
  spfTimeLimitMs: number;
  /** DNS blocklist zones to look the IP up in (RFC 5782); none: dnsbl-clean is skipped. */
  dnsbl: readonly string[];
}

/** Keys whose lookups are the IP's own: an audit that wants only these needs no per-audit cache. */
const IP_KEYS: ReadonlySet<EvidenceKey> = new Set(['ip', 'ptr', 'forward', 'reverseZone', 'dnsbl']);

/** Everything gather can find: what an audit with the whole catalogue wants. */
const EVERY_KEY: Record<EvidenceKey, true> = { ip: true, ptr: true, forward: true, reverseZone: true, helo: true, senders: true, spf: true, dmarc: true, auth: true, message: true, session: true, dnsbl: true };
export const ALL_EVIDENCE: ReadonlySet<EvidenceKey> = new Set(Object.keys(EVERY_KEY) as EvidenceKey[]);

/** Throws InputError for a target whose IP is not an address; everything else becomes data. */
export async function gather(target: Target, resolver: Resolver, config: GatherConfig = DEFAULT_GATHER, wants: ReadonlySet<EvidenceKey> = ALL_EVIDENCE): Promise<Evidence> {
  const ip = parseIp(target.ip);
  const recorder = withRecorder(resolver);
  const ipOnly = !target.message && [...wants].every((k) => IP_KEYS.has(k));
  // Per audit: SPF, DMARC, HELO and From checks often ask the same names; ask each once.
  const r = ipOnly ? recorder : withCache(recorder, { maxEntries: 5_000 });
  const want = (k: EvidenceKey) => wants.has(k);
  const message = target.message;
  const from = want('dmarc') && target.from !== undefined ? parseAddressField(target.from)[0] : undefined;
  const fromDomain = from && !from.problem ? from.domain : undefined;
  const [ipEvidence, helo, senders, spf, dmarc, dnsbl, auth] = await Promise.all([
    want('ptr') || want('forward') || want('reverseZone') ? gatherIp(ip, r, { forwardCap: config.forwardCap, reverseZone: want('reverseZone') }) : undefined,
    want('helo') && target.helo !== undefined ? gatherHelo(target.helo, ip.address, r) : undefined,
    want('senders')
      ? Promise.all([
          ...(target.from !== undefined ? [gatherSender('from', target.from, r)] : []),
          ...(target.mailFrom !== undefined ? [gatherSender('mail-from', target.mailFrom, r)] : []),
        ])
      : [],
    // A received message's SPF is mailauth's (below), with the rest of its authentication.
    !message && want('spf') && (target.mailFrom !== undefined || target.helo !== undefined)
      ? gatherSpf({ ip: ip.address, mailFrom: target.mailFrom, helo: target.helo, authservId: config.authservId, timeLimitMs: config.spfTimeLimitMs }, r)
      : undefined,
    fromDomain ? gatherDmarc(from!.address, fromDomain, r) : undefined,
    want('dnsbl') && config.dnsbl.length > 0 ? gatherDnsbl(ip, config.dnsbl, r) : undefined,
    message && (want('auth') || want('spf')) ? gatherAuth(message, target, config.authservId, r) : undefined,
  ]);
  const evidence: Evidence = { target: { ...target, ip: ip.address }, ip, dns: recorder.log };
  if (ipEvidence) Object.assign(evidence, ipEvidence);
  if (helo) evidence.helo = helo;
  if (senders.length > 0) evidence.senders = senders;
  if (spf) evidence.spf = spf;
  if (dmarc) evidence.dmarc = dmarc;
  if (dnsbl) evidence.dnsbl = dnsbl;
  if (auth) Object.assign(evidence, auth);
  if (message) evidence.message = message.facts;
  if (target.session) evidence.session = target.session;
  return evidence;
}
