/**
 * What a user asks to watch (DESIGN.md, Monitoring): one IP, a CIDR of at
 * most 65,536 addresses, or a domain. Anything else is refused with one
 * line that says what was given and why.
 */
import ipaddr from 'ipaddr.js';
import { InputError, shown } from '../../core/errors.js';
import { parseIp } from '../../core/ip.js';
import { canonicalName, hostnameSyntaxProblems } from '../../core/names.js';
import { lastAddress, networkOf, networkSize, networkText } from './network.js';

export type MonitorTargetSpec =
  | { kind: 'ip'; /** Canonical address. */ target: string }
  | { kind: 'cidr'; /** Canonical network/bits (host bits cleared). */ target: string; size: number }
  | { kind: 'domain'; /** Lower case, no trailing dot, IDNs in their xn-- form. */ target: string };

/** A watched CIDR holds at most this many addresses: a /16 of IPv4, a /112 of IPv6. */
export const MAX_CIDR_ADDRESSES = 65_536;

const REFUSED_RANGES: ReadonlySet<string> = new Set(['unspecified', 'multicast', 'broadcast']);
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/** Text an IP address could be written in: parseIp's own refusal says best what is wrong with it. */
const IP_LIKE = /^\[?([\d.]+|[0-9a-f]*:[0-9a-f:.]*(%[\w.-]+)?)\]?$/i;

const notATarget = (text: string) => new InputError(`'${shown(text)}' is not an IP address, a CIDR or a domain name`);

export function parseMonitorTarget(input: string): MonitorTargetSpec {
  const text = input.trim();
  if (text === '') throw new InputError('no target given: give an IP address, a CIDR or a domain name');
  if (CONTROL.test(text)) throw notATarget(text);
  if (text.length > 254 || (text.length === 254 && !text.endsWith('.'))) {
    throw new InputError(`'${shown(text)}' is ${text.length.toLocaleString('en-US')} characters long: a domain name has at most 253`);
  }
  if (text.includes('/')) return parseCidr(text);
  if (IP_LIKE.test(text)) return { kind: 'ip', target: parseIp(text).address };
  return { kind: 'domain', target: domainName(text) };
}

function parseCidr(text: string): MonitorTargetSpec {
  const slash = text.lastIndexOf('/');
  const addressPart = text.slice(0, slash);
  const bitsPart = text.slice(slash + 1);
  if (!IP_LIKE.test(addressPart) || !/^(0|[1-9]\d{0,2})$/.test(bitsPart)) throw notATarget(text);
  let ip;
  try {
    ip = parseIp(addressPart);
  } catch (e) {
    const what = refusedKind(addressPart) ? 'is not a network of sending hosts' : 'is not a CIDR';
    throw new InputError(`'${shown(text)}' ${what}: ${(e as Error).message}`);
  }
  let bits = Number(bitsPart);
  if (ip.mappedFrom) {
    // ::ffff:192.0.2.0/120 is 192.0.2.0/24, as parseIp reads the address.
    if (bits < 96 || bits > 128) throw new InputError(`'${shown(text)}' is not a CIDR: an IPv4-mapped network needs a prefix length of 96-128`);
    bits -= 96;
  }
  const max = ip.version === 4 ? 32 : 128;
  if (bits > max) throw new InputError(`'${shown(text)}' is not a CIDR: an IPv${ip.version} prefix length is 0-${max}`);
  const net = networkOf(ip.address, ip.version, bits);
  const size = networkSize(net);
  if (size > BigInt(MAX_CIDR_ADDRESSES)) {
    throw new InputError(
      `'${shown(text)}' has ${size.toLocaleString('en-US')} addresses; a CIDR may hold at most ${MAX_CIDR_ADDRESSES.toLocaleString('en-US')} (/16 for IPv4, /112 for IPv6)`,
    );
  }
  // Within 65,536 addresses a refused range (0/8, 224/4, ::/96, ff00::/8, the broadcast address) always takes in the first or the last.
  const target = networkText(net);
  for (const edge of [target.slice(0, target.lastIndexOf('/')), lastAddress(net)]) {
    try {
      parseIp(edge);
    } catch (e) {
      throw new InputError(`'${shown(text)}' is not a network of sending hosts: ${(e as Error).message}`);
    }
  }
  return { kind: 'cidr', target, size: Number(size) };
}

/** True when the address is valid but of a kind parseIp refuses as a sender (its message then says which). */
function refusedKind(address: string): boolean {
  try {
    return REFUSED_RANGES.has(ipaddr.process(address.replace(/^\[(.*)\]$/, '$1')).range());
  } catch {
    return false;
  }
}

function domainName(text: string): string {
  let name = canonicalName(text);
  if (/[^\x00-\x7f]/.test(name) && !/[\s@:/?#\\%[\]]/.test(name)) {
    // An internationalised name, in the form DNS asks it (IDNA, as a URL's host does).
    try {
      name = new URL(`http://${name}/`).hostname;
    } catch {
      throw notATarget(text);
    }
  }
  // _spf.example.com is a name worth watching: underscores are allowed here, as in DNS.
  if (hostnameSyntaxProblems(name).some((p) => p !== 'underscore') || name.length > 253) throw notATarget(text);
  return name;
}
