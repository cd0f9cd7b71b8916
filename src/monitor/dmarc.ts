/**
 * Watching the senders a DMARC aggregate report names (issue 29): the
 * source IPs whose mail passed DMARC for a domain that is watched are the
 * domain's own senders, so each becomes an 'ip' target. A report about a
 * domain nobody watches adds nothing: it is not ours to watch.
 */
import { readDmarcReport, type DmarcReport } from '../batch/dmarc-report.js';
import { shown } from '../core/errors.js';
import { parseIp } from '../core/ip.js';
import { addMonitor } from './service.js';
import type { MonitorStore } from './store.js';
import { parseMonitorTarget } from './targets/index.js';

export interface DmarcSource {
  ip: string;
  /** The watched domain the mail was from (the row's header From, else the report's policy domain). */
  domain: string;
  /** Messages, summed over the report's rows for this IP. */
  count: number;
}

/**
 * One report's new targets at most: a real report names tens to hundreds of senders; one written to
 * fill the watch list (the sink takes reports from anyone) stops here, the rest counted as skipped.
 */
export const MAX_SOURCES_PER_REPORT = 1000;

/** Domain text as targets are kept (lower case, no trailing dot, xn--), or undefined when it is none. */
function domainOf(text: string): string | undefined {
  if (text === '') return undefined;
  try {
    const spec = parseMonitorTarget(text);
    return spec.kind === 'domain' ? spec.target : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The source IPs of the rows that passed DMARC (aligned DKIM or SPF pass, as policy_evaluated says)
 * for a watched domain: the row's header From when it is watched, else the report's policy domain
 * when that is. Each IP once, in the report's order, its counts summed; rows whose source is not a
 * unicast address are left out.
 */
export function sourcesToWatch(report: DmarcReport, watchedDomains: ReadonlySet<string>): DmarcSource[] {
  const policyDomain = domainOf(report.domain);
  const byIp = new Map<string, DmarcSource>();
  for (const row of report.rows) {
    if (row.dkim !== 'pass' && row.spf !== 'pass') continue;
    const from = domainOf(row.headerFrom);
    const domain = from !== undefined && watchedDomains.has(from) ? from : policyDomain !== undefined && watchedDomains.has(policyDomain) ? policyDomain : undefined;
    if (domain === undefined) continue;
    let ip: string;
    try {
      ip = parseIp(row.ip).address;
    } catch {
      continue;
    }
    const seen = byIp.get(ip);
    if (seen) seen.count += row.count;
    else byIp.set(ip, { ip, domain, count: row.count });
  }
  return [...byIp.values()];
}

export interface DmarcSourcesAdded {
  /** The IPs now watched that were not before. */
  added: string[];
  /** The passing IPs that were watched already. */
  already: string[];
  /** Rows that added nothing: failed DMARC, not a watched domain, not an address, a repeated IP, past the cap. */
  skipped: number;
  /** The report's policy domain (clipped and escaped when it is not a domain name). */
  domain: string;
}

/**
 * Reads a report (xml, gz or zip; an InputError for what is not one or decompresses past the
 * limit) and watches each passing source IP of a watched domain as an 'ip' target labelled
 * "dmarc: <domain>".
 */
export async function addDmarcSources(store: MonitorStore, bytes: Uint8Array, name: string, now: number): Promise<DmarcSourcesAdded> {
  const report = await readDmarcReport(bytes, name);
  const watched = new Set((await store.monitors()).filter((m) => m.kind === 'domain').map((m) => m.target));
  const sources = sourcesToWatch(report, watched);
  const added: string[] = [];
  const already: string[] = [];
  for (const s of sources) {
    if (added.length >= MAX_SOURCES_PER_REPORT) break;
    if (await addOne(store, s, now)) added.push(s.ip);
    else already.push(s.ip);
  }
  return { added, already, skipped: report.rows.length - added.length - already.length, domain: domainOf(report.domain) ?? shown(report.domain) };
}

/** True when the IP was added; false when it was watched already (also when another report added it meanwhile). */
async function addOne(store: MonitorStore, s: DmarcSource, now: number): Promise<boolean> {
  try {
    return (await addMonitor(store, s.ip, `dmarc: ${s.domain}`, now)).created;
  } catch (e) {
    if (await store.findMonitor(s.ip)) return false;
    throw e;
  }
}
