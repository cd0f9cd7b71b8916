/**
 * What an operator must do about the PTR: who controls it (the holder of
 * the reverse zone, found from its SOA and NS, and the provider gather
 * recognised), the exact records to ask for, and how to check the change,
 * caching included. Facts come from the evidence; the words are the
 * templates in remediation-messages.ts.
 */
import type { Evidence, Fragment, Remediation, ReverseZone, RuleResult } from '../core/types.js';
import { canonicalName, hostnameProblems, organizationalDomain } from '../core/names.js';
import { duration, format } from './format.js';
import { REMEDIATION_MESSAGES as T } from './remediation-messages.js';

/** The rules whose problems the PTR remediation addresses. */
export const PTR_RULES: ReadonlySet<string> = new Set(['ptr-present', 'fcrdns', 'ptr-hostname', 'ptr-not-generic', 'ptr-single']);
const RECORD_TTL = 3600;
/** Names receivers take for a named mail host. */
const GOOD_KINDS: ReadonlySet<string> = new Set(['clean', 'mail-host', 'static']);

export function buildRemediation(evidence: Evidence, results: readonly RuleResult[]): Remediation {
  const ip = evidence.ip!;
  const zone = evidence.reverseZone ?? { nameservers: [] };
  const needed = results.some((r) => PTR_RULES.has(r.rule) && (r.status === 'fail' || r.status === 'warn' || r.status === 'error'));
  const { hostname, placeholder } = chooseHostname(evidence);
  const rrType = ip.version === 4 ? 'A' : 'AAAA';
  const provider = zone.provider;

  const remediation: Remediation = {
    needed,
    reverseName: `${ip.reverseName}.`,
    nameservers: zone.nameservers,
    controlledBy: controlledBy(evidence, provider?.name),
    hostname,
    hostnameIsPlaceholder: placeholder,
    record: `${zone.delegatedTo ?? ip.reverseName}. ${RECORD_TTL} IN PTR ${hostname}.`,
    forwardRecord: `${hostname}. ${RECORD_TTL} IN ${rrType} ${ip.address}`,
    verify: verifyCommands(ip.address, hostname, rrType, zone.nameservers[0]),
    propagation: propagation(evidence),
  };
  if (zone.zone) remediation.zone = `${zone.zone}.`;
  if (zone.delegatedTo) remediation.delegatedTo = `${zone.delegatedTo}.`;
  if (zone.contact) remediation.contact = zone.contact;
  if (provider) remediation.providerSteps = format(provider.howToSet, { hostname });
  return remediation;
}

/** The name the PTR should carry: a good existing one, else the HELO, else mail.<From domain>. */
function chooseHostname(e: Evidence): { hostname: string; placeholder: boolean } {
  const existing = e.ptr?.names.find((n, i) => hostnameProblems(n).length === 0 && GOOD_KINDS.has(e.ptr!.classes[i]?.kind ?? ''));
  if (existing) return { hostname: existing, placeholder: false };
  const helo = e.helo;
  if (helo?.form === 'hostname' && helo.problems.length === 0 && GOOD_KINDS.has(helo.class?.kind ?? '')) return { hostname: canonicalName(helo.name), placeholder: false };
  for (const addr of [e.target.from, e.target.mailFrom]) {
    const domain = addr?.split('@').pop();
    const org = domain ? organizationalDomain(domain) : undefined;
    if (org) return { hostname: `mail.${org}`, placeholder: false };
  }
  return { hostname: 'mail.example.com', placeholder: true };
}

function controlledBy(e: Evidence, provider: string | undefined): string {
  const ip = e.ip!;
  const note = ip.range === 'unicast' ? '' : format(T['not-public']!, { address: ip.address, range: ip.range });
  return note + holder(e.reverseZone ?? { nameservers: [] }, provider);
}

function holder(z: ReverseZone, provider: string | undefined): string {
  const served: Fragment | string = z.nameservers.length > 0 ? { messageId: 'served', nameservers: z.nameservers.join(', ') } : '';
  const contact: Fragment | string = z.contact ? { messageId: 'contact', contact: z.contact } : '';
  const data = { zone: z.zone, served, contact, provider, unknownBecause: z.unknownBecause ?? 'no answer' };
  const id = z.delegatedTo && z.zone ? 'holder-delegated' : provider && z.zone ? 'holder-provider-zone' : provider ? 'holder-provider' : z.zone ? 'holder-zone' : 'holder-unknown';
  return format(T[id]!, data, T);
}

function verifyCommands(address: string, hostname: string, rrType: string, ns: string | undefined): string[] {
  const cmds = [`dig +short -x ${address}`, `dig +short ${rrType} ${hostname}`];
  if (ns) cmds.push(format(T['verify-at-zone']!, { ns, address }));
  cmds.push(`nslookup ${address}`, `npx ptrcheck audit ${address}`);
  return cmds;
}

function propagation(e: Evidence): string {
  const ptr = e.ptr?.answer;
  const parts: Fragment[] = [];
  if (ptr?.outcome === 'ok') parts.push({ messageId: 'cached-ptr', ttl: duration(ptr.ttl) });
  const neg = e.reverseZone?.negativeTtl;
  if (neg !== undefined && ptr?.outcome !== 'ok') parts.push({ messageId: 'cached-absence', ttl: duration(neg) });
  const when: Fragment | string = parts.length > 0 ? { messageId: 'after-change', parts } : '';
  return format(T.propagation!, { when }, T);
}
