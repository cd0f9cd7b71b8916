/**
 * Gather: every piece of I/O an audit does, turned into Evidence. It asks
 * only for what the chosen rules require (Lighthouse's artifacts): a batch
 * of IP rules never looks at a HELO, a full report also wants the reverse
 * zone for its remediation. All of it starts at once; only PTR → A/AAAA is
 * sequential (two round trips).
 */
import type { Resolver } from '../dns/types.js';
import type { Authenticator } from '../message/authenticator.js';
import type { DirectQuery } from '../dns/types.js';
import type { SmtpProber } from '../core/smtp-probe.js';
import type { WebProber } from '../core/web-probe.js';
import { withCache } from '../dns/cache.js';
import { withRecorder } from '../dns/recorder.js';
import { parseIp } from '../core/ip.js';
import { parseAddressField } from '../core/address.js';
import { isNullPath } from '../core/claims.js';
import type { Evidence, EvidenceKey, ForwardLookup, Target, WebProbeTarget } from '../core/types.js';
import { isResolvableName, organizationalDomain } from '../core/names.js';
import { gatherIp } from './ip.js';
import { gatherHelo } from './helo.js';
import { gatherSender } from './senders.js';
// SPF, DMARC and message authentication load mailauth: only an audit that wants them loads it (a batch never does).
const dmarcModule = () => import('./dmarc.js');
const spfModule = () => import('./spf.js');
const authModule = () => import('./auth.js');

/** A server loads what it will need before it listens: a first audit then blocks nobody while mailauth compiles (~300 ms). */
export async function preloadGatherers(): Promise<void> {
  await Promise.all([dmarcModule(), spfModule(), authModule()]);
}
import { gatherDnsbl } from './dnsbl.js';
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
  /** Ask the reverse zone's own servers even when the PTR and FCrDNS pass (--authoritative). */
  authoritative: boolean;
}

/** What gather talks to besides the resolver, where the runtime has it. */
export interface GatherIo {
  /** How a message's SPF/DKIM/DMARC are checked (default: mailauth in this thread). */
  authenticate?: Authenticator | undefined;
  /** Questions straight to a zone's own nameservers (Node); absent on a Worker (DoH only). */
  direct?: DirectQuery | undefined;
  /** Reads the sender's own SMTP banner (opt-in; Node only). */
  smtp?: SmtpProber | undefined;
  /** Fetches the PTR name's home page for an imprint or contact link (opt-in; Node only). */
  web?: WebProber | undefined;
}

/** Why the zone's servers could not be asked where no DirectQuery is given. */
export const NO_DIRECT_QUERIES = 'this runtime can only use DNS over HTTPS, so the reverse zone\'s own nameservers cannot be asked directly (run ptrcheck on Node for this check)';

/** Keys whose lookups are the IP's own: an audit that wants only these needs no per-audit cache. */
const IP_KEYS: ReadonlySet<EvidenceKey> = new Set(['ip', 'ptr', 'forward', 'reverseZone', 'dnsbl']);

/** Everything gather can find: what an audit with the whole catalogue wants. */
const EVERY_KEY: Record<EvidenceKey, true> = { ip: true, ptr: true, forward: true, reverseZone: true, zoneServers: true, smtpProbe: true, webProbe: true, helo: true, senders: true, spf: true, dmarc: true, auth: true, message: true, session: true, dnsbl: true };
export const ALL_EVIDENCE: ReadonlySet<EvidenceKey> = new Set(Object.keys(EVERY_KEY) as EvidenceKey[]);

/** Throws InputError for a target whose IP is not an address; everything else becomes data. */
export async function gather(
  target: Target,
  resolver: Resolver,
  config: GatherConfig = DEFAULT_GATHER,
  wants: ReadonlySet<EvidenceKey> = ALL_EVIDENCE,
  io: GatherIo = {},
): Promise<Evidence> {
  const { authenticate, direct, smtp, web } = io;
  const ip = parseIp(target.ip);
  const recorder = withRecorder(resolver);
  let ipOnly = !target.message;
  for (const k of wants) if (!IP_KEYS.has(k)) ipOnly = false;
  // Per audit: SPF, DMARC, HELO and From checks often ask the same names; ask each once.
  const r = ipOnly ? recorder : withCache(recorder, { maxEntries: 5_000 });
  const message = target.message;
  const evidence: Evidence = { target: { ...target, ip: ip.address }, ip, dns: recorder.log };
  // Only the wanted parts start, all at once; each puts its piece into the evidence when it lands.
  const jobs: Promise<void>[] = [];
  const start = <T>(p: Promise<T>, put: (v: T) => void) => void jobs.push(p.then(put));

  const recorded: DirectQuery | undefined = direct && { ask: (address, name, type) => direct.ask(address, name, type).then((a) => (recorder.note(a), a)) };
  const zoneServers = wants.has('zoneServers') && recorded ? { direct: recorded, asked: config.authoritative } : undefined;
  if (wants.has('ptr') || wants.has('forward') || wants.has('reverseZone') || wants.has('zoneServers')) {
    const ipJob = gatherIp(ip, r, { forwardCap: config.forwardCap, reverseZone: wants.has('reverseZone'), zoneServers });
    start(ipJob, (v) => Object.assign(evidence, v));
    // The website is the PTR name's: it is asked once the PTR and its forward lookups are known.
    if (wants.has('webProbe') && web) start(ipJob.then((v) => web.probe(webTargets(v.ptr.names, v.forward), r)), (v) => (evidence.webProbe = v));
  }
  if (wants.has('helo') && target.helo !== undefined) start(gatherHelo(target.helo, ip.address, r), (v) => (evidence.helo = v));
  // A null reverse-path (MAIL FROM:<>, a bounce) names no domain to judge; the From domain is what must resolve (RFC 5321 §4.5.5).
  const mailFrom = isNullPath(target.mailFrom) ? undefined : target.mailFrom;
  if (wants.has('senders') && (target.from !== undefined || mailFrom !== undefined)) {
    const senders = Promise.all([
      ...(target.from !== undefined ? [gatherSender('from', target.from, r)] : []),
      ...(mailFrom !== undefined ? [gatherSender('mail-from', mailFrom, r)] : []),
    ]);
    start(senders, (v) => (evidence.senders = v));
  }
  // A received message's SPF is mailauth's (below), with the rest of its authentication.
  if (!message && wants.has('spf') && (target.mailFrom !== undefined || target.helo !== undefined)) {
    const input = { ip: ip.address, mailFrom: target.mailFrom, helo: target.helo, authservId: config.authservId, timeLimitMs: config.spfTimeLimitMs };
    start(spfModule().then((m) => m.gatherSpf(input, r)), (v) => (evidence.spf = v));
  }
  if (wants.has('dmarc') && target.from !== undefined) {
    const from = parseAddressField(target.from)[0];
    if (from && !from.problem && from.domain) start(dmarcModule().then((m) => m.gatherDmarc(from.address, from.domain!, r)), (v) => (evidence.dmarc = v));
  }
  if (wants.has('smtpProbe') && smtp) start(smtp.probe(ip.address), (v) => (evidence.smtpProbe = v));
  if (wants.has('dnsbl') && config.dnsbl.length > 0) start(gatherDnsbl(ip, config.dnsbl, r), (v) => (evidence.dnsbl = v));
  if (message && (wants.has('auth') || wants.has('spf'))) start(authModule().then((m) => m.gatherAuth(message, target, config.authservId, r, authenticate)), (v) => Object.assign(evidence, v));
  if (jobs.length === 1) await jobs[0];
  else await Promise.all(jobs);
  if (message) evidence.message = message.facts;
  if (target.session) evidence.session = target.session;
  if (wants.has('zoneServers') && !evidence.zoneServers) {
    const reason = direct ? 'not needed: the PTR and FCrDNS pass (ask with --authoritative to compare anyway)' : NO_DIRECT_QUERIES;
    evidence.unavailable = { ...evidence.unavailable, zoneServers: reason };
  }
  if (wants.has('smtpProbe') && !smtp) evidence.unavailable = { ...evidence.unavailable, smtpProbe: 'the sender\'s SMTP server is probed only when asked (ptrcheck audit --probe-smtp; off on servers unless enabled)' };
  if (wants.has('webProbe') && !web) evidence.unavailable = { ...evidence.unavailable, webProbe: 'the PTR name\'s website is fetched only when asked (ptrcheck audit --probe-web; off on servers unless enabled)' };
  if (target.unreadableMessage !== undefined) {
    const reason = `the message could not be read (${target.unreadableMessage})`;
    evidence.unavailable = { ...evidence.unavailable, message: reason, auth: reason };
  }
  return evidence;
}

/** The PTR name that passes FCrDNS (else the first), then its organisational domain: the pages T-Online's users would find. */
export function webTargets(names: readonly string[], forward: readonly ForwardLookup[]): WebProbeTarget[] {
  const name = forward.find((f) => f.matches)?.name ?? names[0];
  if (name === undefined || !isResolvableName(name)) return [];
  const org = organizationalDomain(name);
  return [{ name, role: 'ptr' }, ...(org && org !== name ? [{ name: org, role: 'org' as const }] : [])];
}
