/**
 * Which addresses the mail server sends from: the ones given (--ip), else
 * its bind addresses (smtp_bind_address, smtp_bind_address6), else the
 * public unicast addresses of the machine's interfaces; only the families
 * the MTA uses, the preferred family first. A host with only private
 * addresses sends through NAT: its public address cannot be seen from
 * here, and the answer says so instead of auditing the wrong one.
 */
import { InputError, shown } from '../core/errors.js';
import { parseIp } from '../core/ip.js';
import { isPublicUnicast } from '../dns/public-address.js';
import type { Family, MtaView } from './mta.js';

/** As os.networkInterfaces() gives them (family 'IPv4'/'IPv6', or 4/6 on some Node versions). */
export interface HostInterface {
  address: string;
  family: string | number;
  internal: boolean;
}

export interface SendingAddress {
  ip: string;
  family: Family;
  /** --ip, smtp_bind_address(6), or an interface of this machine. */
  source: 'given' | 'bind' | 'interface';
}

export interface AddressChoice {
  addresses: SendingAddress[];
  notes: string[];
  /** Nothing to audit, and why (with what to do): the command's one line. */
  problem?: string;
}

/** More than this many addresses is a mistake, not a mail server (each is a full audit). */
export const MAX_ADDRESSES = 16;

const familyOf = (version: 4 | 6): Family => (version === 4 ? 'ipv4' : 'ipv6');

function ordered(list: SendingAddress[], prefer: MtaView['prefer']): SendingAddress[] {
  if (prefer === 'any') return list;
  return [...list.filter((a) => a.family === prefer), ...list.filter((a) => a.family !== prefer)];
}

const usesWords = (mta: MtaView, f: Family): string => (mta.kind === 'postfix' ? `inet_protocols = ${mta.settings.inet_protocols}` : mta.kind === 'exim' ? 'disable_ipv6 = true' : f);

/** The addresses given with --ip, checked (a bad one is an InputError naming it). */
export function givenAddresses(texts: readonly string[], mta: MtaView): AddressChoice {
  if (texts.length > MAX_ADDRESSES) throw new InputError(`--ip: at most ${MAX_ADDRESSES} addresses, got ${texts.length}`);
  const seen = new Map<string, SendingAddress>();
  for (const t of texts) {
    let p;
    try {
      p = parseIp(t);
    } catch (e) {
      throw e instanceof InputError ? new InputError(`--ip: ${e.message}`) : e;
    }
    if (!seen.has(p.address)) seen.set(p.address, { ip: p.address, family: familyOf(p.version), source: 'given' });
  }
  const addresses = ordered([...seen.values()], mta.prefer);
  const notes = addresses.filter((a) => !mta.families[a.family]).map((a) => `${a.ip}: ${mta.kind === 'none' ? 'given' : `the MTA does not send over ${a.family === 'ipv4' ? 'IPv4' : 'IPv6'} here (${usesWords(mta, a.family)})`}; audited because you gave it`);
  return { addresses, notes };
}

/** The addresses the MTA sends from on this machine: bind addresses, else public interface addresses. */
export function hostAddresses(mta: MtaView, interfaces: readonly HostInterface[]): AddressChoice {
  const notes: string[] = [];
  const out: SendingAddress[] = [];
  const skipped: string[] = [];
  for (const family of ['ipv4', 'ipv6'] as const) {
    if (!mta.families[family]) continue;
    const bind = mta.bind[family];
    if (bind !== undefined) {
      const setting = family === 'ipv4' ? 'smtp_bind_address' : 'smtp_bind_address6';
      let p;
      try {
        p = parseIp(bind);
      } catch {
        notes.push(`${setting} = ${shown(bind, 60)} is not an IP address: Postfix cannot send over ${family === 'ipv4' ? 'IPv4' : 'IPv6'} with it`);
        continue;
      }
      if (familyOf(p.version) !== family) {
        notes.push(`${setting} = ${p.address} is not an ${family === 'ipv4' ? 'IPv4' : 'IPv6'} address`);
        continue;
      }
      // The operator chose it: audited as given, even in a private or documentation range (said so).
      if (!isPublicUnicast(p.address)) notes.push(`${setting} = ${p.address} is not a public address: if this host sends through NAT, the receivers see another one; give it with --ip`);
      out.push({ ip: p.address, family, source: 'bind' });
      continue;
    }
    for (const i of interfaces) {
      const f = i.family === 'IPv4' || i.family === 4 ? 'ipv4' : i.family === 'IPv6' || i.family === 6 ? 'ipv6' : undefined;
      if (f !== family || i.internal) continue;
      if (!isPublicUnicast(i.address)) {
        skipped.push(i.address);
        continue;
      }
      if (!out.some((a) => a.ip === i.address)) out.push({ ip: i.address, family, source: 'interface' });
    }
  }
  const enabled = (['ipv4', 'ipv6'] as const).filter((f) => mta.families[f]).map((f) => (f === 'ipv4' ? 'IPv4' : 'IPv6')).join(' or ');
  if (out.length === 0) {
    const found = skipped.length > 0 ? ` (it has ${skipped.slice(0, 4).join(', ')}${skipped.length > 4 ? ', …' : ''}, none public)` : '';
    return { addresses: [], notes, problem: `no public ${enabled} address on this machine's interfaces${found}: it probably sends through NAT; give the public address it sends from with --ip` };
  }
  if (out.length > MAX_ADDRESSES) notes.push(`this machine has ${out.length} public addresses; the first ${MAX_ADDRESSES} are audited (give the sending ones with --ip)`);
  return { addresses: ordered(out, mta.prefer).slice(0, MAX_ADDRESSES), notes };
}
