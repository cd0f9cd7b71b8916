/**
 * A domain's MX hosts and their addresses: for the domain itself (a mail
 * domain's own servers often send too) and for SPF's mx mechanism. At most
 * 10 hosts are looked up, by preference, as RFC 7208 §4.6.4 allows mx.
 */
import { shown } from '../../core/errors.js';
import { isResolvableName } from '../../core/names.js';
import type { Collector, Lookups } from './collect.js';

export const MAX_MX_HOSTS = 10;

export interface MxHosts {
  /** Each host looked up, by preference, with its canonical addresses. */
  hosts: { host: string; addresses: string[] }[];
  /** The MX lookup found nothing (NXDOMAIN or NODATA): for SPF, a void lookup. */
  none: boolean;
}

/**
 * The MX hosts of `domain` and their addresses, asked all at once. `via`
 * names the SPF term that asks (its notes say so); without it, the domain's
 * own MX is meant.
 */
export async function mxHosts(domain: string, lookups: Lookups, out: Collector, via?: string): Promise<MxHosts> {
  const where = via ? `${via}: ${shown(domain)}` : shown(domain);
  const answer = await lookups.ask(domain, 'MX');
  if (answer.outcome !== 'ok') {
    if (answer.outcome === 'nxdomain') out.note(`${where} does not exist (NXDOMAIN)`);
    if (answer.outcome === 'nodata') out.note(`${where} has no MX record`);
    return { hosts: [], none: answer.outcome === 'nxdomain' || answer.outcome === 'nodata' };
  }
  const exchanges = answer.records
    .filter((r) => r.type === 'MX')
    .map((r) => {
      const [preference, host] = r.data.split(' ');
      return { preference: Number(preference), host: (host ?? '').replace(/\.$/, '').toLowerCase() };
    })
    .sort((a, b) => a.preference - b.preference || a.host.localeCompare(b.host));
  // RFC 7505: a single "0 ." says the domain takes no mail; it has no hosts to list.
  if (exchanges.some((e) => e.host === '')) out.note(`${where} publishes a null MX (RFC 7505): it takes no mail`);
  const hosts = [...new Set(exchanges.map((e) => e.host).filter((h) => h !== ''))];
  const usable = hosts.filter((h) => {
    if (isResolvableName(h)) return true;
    out.note(`${where}: MX ${shown(h)} is not a host name: skipped`);
    return false;
  });
  if (usable.length > MAX_MX_HOSTS) {
    const why = via ? `more than the ${MAX_MX_HOSTS} RFC 7208 §4.6.4 allows` : `more than ${MAX_MX_HOSTS}`;
    out.note(`${where} has ${usable.length} MX hosts, ${why}: the first ${MAX_MX_HOSTS} by preference were looked up`);
  }
  const asked = usable.slice(0, MAX_MX_HOSTS);
  const found = await Promise.all(asked.map((host) => lookups.hostAddresses(host, via ?? `mx ${host}`)));
  asked.forEach((host, i) => {
    if (found[i]!.none) out.note(via ? `${via}: MX ${shown(host)} has no address` : `mx ${shown(host)} has no address`);
  });
  return { hosts: asked.map((host, i) => ({ host, addresses: found[i]!.addresses })), none: false };
}
