/**
 * What an operator must do about the PTR: who controls it (the holder of
 * the reverse zone, found from its SOA and NS), the exact records to ask
 * for, and how to check the change, caching included.
 */
import type { Evidence, Remediation, ReverseZone, RuleResult } from '../core/types.js';
import { canonicalName, hostnameProblems, organizationalDomain } from '../core/names.js';
import { classifyName } from '../../rules/lib/generic.js';
import { providerByDefaultName, providerByDnsDomain } from '../../rules/data/providers.js';
import { duration, format } from './format.js';

/** The rules whose problems the PTR remediation addresses. */
export const PTR_RULES: ReadonlySet<string> = new Set(['ptr-present', 'fcrdns', 'ptr-hostname', 'ptr-not-generic', 'ptr-single']);
const RECORD_TTL = 3600;

export function buildRemediation(evidence: Evidence, results: readonly RuleResult[]): Remediation {
  const ip = evidence.ip!;
  const zone = evidence.reverseZone ?? { nameservers: [] };
  const needed = results.some((r) => PTR_RULES.has(r.rule) && (r.status === 'fail' || r.status === 'warn' || r.status === 'error'));
  const { hostname, placeholder } = chooseHostname(evidence);
  const rrType = ip.version === 4 ? 'A' : 'AAAA';
  const ptrNames = evidence.ptr?.names ?? [];
  const zoneDomains = [zone.primary, ...zone.nameservers, zone.contact?.split('@')[1]]
    .filter((d): d is string => Boolean(d))
    .map((d) => organizationalDomain(d) ?? d);
  const provider = ptrNames.map(providerByDefaultName).find(Boolean) ?? providerByDnsDomain(zoneDomains);

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
  const good = (n: string | undefined): n is string =>
    Boolean(n) && hostnameProblems(n!).length === 0 && ['clean', 'mail-host', 'static'].includes(classifyName(n!, e.ip?.address).kind);
  const existing = e.ptr?.names.find(good);
  if (existing) return { hostname: existing, placeholder: false };
  if (good(e.target.helo)) return { hostname: canonicalName(e.target.helo), placeholder: false };
  for (const addr of [e.target.from, e.target.mailFrom]) {
    const domain = addr?.split('@').pop();
    const org = domain ? organizationalDomain(domain) : undefined;
    if (org) return { hostname: `mail.${org}`, placeholder: false };
  }
  return { hostname: 'mail.example.com', placeholder: true };
}

function controlledBy(e: Evidence, provider: string | undefined): string {
  const ip = e.ip!;
  const z = e.reverseZone ?? { nameservers: [] };
  const note = ip.range === 'unicast' ? '' : `${ip.address} is not a public address (${ip.range}): receivers on the Internet see your public (NAT) address instead, so audit that one. `;
  return note + holder(z, provider);
}

function holder(z: ReverseZone, provider: string | undefined): string {
  const served = z.nameservers.length > 0 ? `, served by ${z.nameservers.join(', ')}` : '';
  const contact = z.contact ? ` (contact ${z.contact})` : '';
  if (z.delegatedTo && z.zone) {
    return `The reverse name is delegated by CNAME (RFC 2317) into the zone ${z.zone}${served}${contact}: whoever runs that zone sets the PTR there, usually the customer the ISP delegated the block to.`;
  }
  if (provider && z.zone) return `${provider}, which holds the reverse zone ${z.zone}${served}. Set the PTR through ${provider}, not at your domain's DNS host.`;
  if (provider) return `${provider}, which holds this address block. Set the PTR through ${provider}, not at your domain's DNS host.`;
  if (z.zone) {
    return `The holder of the IP block: the reverse zone ${z.zone}${served}${contact}. That is your ISP, hosting or cloud provider, not your domain's DNS host: ask them to set the PTR.`;
  }
  return `The holder of the IP block (your ISP, hosting or cloud provider); the reverse zone could not be found (${z.unknownBecause ?? 'no answer'}).`;
}

function verifyCommands(address: string, hostname: string, rrType: string, ns: string | undefined): string[] {
  const cmds = [`dig +short -x ${address}`, `dig +short ${rrType} ${hostname}`];
  if (ns) cmds.push(`dig @${ns} -x ${address} +norecurse   # the zone's own server: sees the change at once`);
  cmds.push(`nslookup ${address}`, `npx ptrcheck audit ${address}`);
  return cmds;
}

function propagation(e: Evidence): string {
  const ptr = e.ptr?.answer;
  const parts: string[] = [];
  if (ptr?.outcome === 'ok') parts.push(`resolvers may keep the current PTR for up to its TTL, ${duration(ptr.ttl)}`);
  const neg = e.reverseZone?.negativeTtl;
  if (neg !== undefined && ptr?.outcome !== 'ok') parts.push(`resolvers remember that no PTR exists for up to ${duration(neg)} (the zone's negative-caching TTL)`);
  const when = parts.length > 0 ? ` After the change ${parts.join(', and ')}.` : '';
  return `Ask the zone's own nameserver first: it shows the change as soon as the provider publishes it.${when} Some providers publish reverse changes in batches; allow up to a day before concluding it did not work.`;
}
