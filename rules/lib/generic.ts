/**
 * Does a host name look generic (an address pool's automatic name) or like
 * a named mail host? Gather judges each PTR and HELO name once with it; the
 * rules ptr-not-generic and helo-not-generic and the remediation read the
 * result from the evidence. What was seen comes back as a fragment whose
 * words are GENERIC_FRAGMENTS, in both rules' meta.
 */
import ipaddr from 'ipaddr.js';
import { canonicalName, subdomainPart, withoutPublicSuffix } from '../../src/core/names.js';
import type { NameClass, NameKind } from '../../src/core/types.js';
import { DYNAMIC_PREFIXES, DYNAMIC_WORDS, MAIL_WORDS, STATIC_WORDS, WEAK_WORDS } from '../data/words.js';
import { providerByDefaultName } from '../data/providers.js';

export type GenericKind = NameKind;

/** The words for what classifyName saw; `{encoding}` names how the address is written in the name. */
export const GENERIC_FRAGMENTS: Record<string, string> = {
  'cloud-name': '{provider} default name',
  'address-with-pool-words': 'the address in the name ({encoding}) with pool words: {words}',
  'part-address-with-pool-words': 'the address partly in the name ({encoding}) with pool words: {words}',
  'mail-words': 'mail host words: {words}',
  'static-words': 'static assignment: {words}',
  address: 'the address in the name ({encoding})',
  'pool-words': 'pool words: {words}',
  'part-address-with-generic-words': 'the address partly in the name ({encoding}) with generic words: {words}',
};

/** How receivers weigh each kind of name; `dynamic-pool` is what residential blocklists are made of. */
export const GENERIC_STATUS: Record<GenericKind, 'pass' | 'warn' | 'fail'> = {
  clean: 'pass',
  'mail-host': 'pass',
  static: 'pass',
  'cloud-default': 'warn',
  'ip-in-name': 'warn',
  'dynamic-word': 'warn',
  'dynamic-pool': 'fail',
};

export type GenericFinding = NameClass;

/** How the address shows in the name: all of it, part of it, or not at all. */
export interface IpMatch {
  level: 'full' | 'partial' | 'none';
  encoding?: string;
}

const DYNAMIC = new Set(DYNAMIC_WORDS);
const WEAK = new Set(WEAK_WORDS);
const MAIL = new Set(MAIL_WORDS);
const STATIC = new Set(STATIC_WORDS);

export function classifyName(rawName: string, address?: string): GenericFinding {
  const name = canonicalName(rawName);
  const provider = providerByDefaultName(name);
  if (provider) return { kind: 'cloud-default', detail: { messageId: 'cloud-name', provider: provider.name }, provider: provider.name };

  const local = subdomainPart(name);
  const tokens = local.match(/[a-z]+/g) ?? [];
  const dynamic = tokens.filter((t) => DYNAMIC.has(t) || DYNAMIC_PREFIXES.some((p) => t.startsWith(p)));
  const weak = tokens.filter((t) => WEAK.has(t));
  const mail = tokens.filter((t) => MAIL.has(t));
  const stat = tokens.filter((t) => STATIC.has(t));
  // Words count only left of the organizational domain (a company may be called broadband-experts);
  // address digits count anywhere but the public suffix (ip-203-0-113-5.eu).
  const ip = address ? ipInName(withoutPublicSuffix(name), address) : { level: 'none' as const };
  const words = (list: string[]): string => [...new Set(list)].join(', ');

  if (dynamic.length > 0 && ip.level !== 'none') {
    const messageId = ip.level === 'full' ? 'address-with-pool-words' : 'part-address-with-pool-words';
    return { kind: 'dynamic-pool', detail: { messageId, encoding: ip.encoding, words: words(dynamic) } };
  }
  if (mail.length > 0) return { kind: 'mail-host', detail: { messageId: 'mail-words', words: words(mail) } };
  if (stat.length > 0 && dynamic.length === 0) return { kind: 'static', detail: { messageId: 'static-words', words: words(stat) } };
  if (ip.level === 'full') return { kind: 'ip-in-name', detail: { messageId: 'address', encoding: ip.encoding } };
  if (dynamic.length > 0) return { kind: 'dynamic-word', detail: { messageId: 'pool-words', words: words(dynamic) } };
  if (ip.level === 'partial' && weak.length > 0) {
    return { kind: 'ip-in-name', detail: { messageId: 'part-address-with-generic-words', encoding: ip.encoding, words: words(weak) } };
  }
  return { kind: 'clean' };
}

/** Looks for the address in the labels of `local` in every common encoding. */
export function ipInName(local: string, address: string): IpMatch {
  // The audited address arrives canonical; a dotted quad needs no ipaddr.js parse (this runs per address in a batch).
  const quad = DOTTED_QUAD.exec(address);
  if (quad) return ipv4InName(local, [Number(quad[1]), Number(quad[2]), Number(quad[3]), Number(quad[4])]);
  let addr: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    addr = ipaddr.process(address);
  } catch {
    return { level: 'none' };
  }
  return addr.kind() === 'ipv4' ? ipv4InName(local, (addr as ipaddr.IPv4).octets) : ipv6InName(local, addr as ipaddr.IPv6);
}

const DOTTED_QUAD = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function ipv4InName(local: string, o: readonly number[]): IpMatch {
  const runs: string[] = local.match(/\d+/g) ?? [];
  const nums = runs.map(Number);
  const reversed = [o[3]!, o[2]!, o[1]!, o[0]!];
  const pad = o.map((x) => String(x).padStart(3, '0'));
  const uint = ((o[0]! << 24) >>> 0) + (o[1]! << 16) + (o[2]! << 8) + o[3]!;

  if (containsRun(nums, o)) return { level: 'full', encoding: 'all four octets' };
  if (containsRun(nums, reversed)) return { level: 'full', encoding: 'all four octets, reversed' };
  const padded = pad.join('');
  if (runs.some((r, i) => r === padded || (nums[i] === uint && r.length >= 8))) {
    return { level: 'full', encoding: runs.includes(padded) ? 'zero-padded digits' : 'decimal number' };
  }
  if (containsToken(local, o.map((x) => x.toString(16).padStart(2, '0')).join(''), /[0-9a-f]/)) return { level: 'full', encoding: 'hexadecimal' };
  if (containsRun(nums, o.slice(1)) || containsRun(nums, reversed.slice(0, 3))) return { level: 'full', encoding: 'three octets' };
  const padded3 = pad.slice(1).join('');
  if (runs.includes(padded3)) return { level: 'full', encoding: 'zero-padded digits' };
  if (containsRun(nums, o.slice(2)) || containsRun(nums, reversed.slice(0, 2))) return { level: 'partial', encoding: 'last two octets' };
  return { level: 'none' };
}

function ipv6InName(local: string, v6: ipaddr.IPv6): IpMatch {
  const nibbles = v6.parts.map((p) => p.toString(16).padStart(4, '0')).join('');
  const compact = local.replace(/[^0-9a-f]/g, '');
  if (compact.includes(nibbles)) return { level: 'full', encoding: 'all 32 hex digits' };
  if (compact.includes([...nibbles].reverse().join(''))) return { level: 'full', encoding: 'reversed nibbles' };
  // A label spelling the address with dashes for colons: 2001-db8--1 is 2001:db8::1.
  for (const label of local.split('.')) {
    const guess = label.replace(/-/g, ':');
    if (guess.includes(':') && ipaddr.IPv6.isValid(guess) && ipaddr.IPv6.parse(guess).toNormalizedString() === v6.toNormalizedString()) {
      return { level: 'full', encoding: 'dashes for colons' };
    }
  }
  const iid = nibbles.slice(16);
  if (/[1-9a-f].*[1-9a-f].*[1-9a-f]/.test(iid) && compact.includes(iid.replace(/^0+/, ''))) {
    return { level: 'partial', encoding: 'interface identifier' };
  }
  const groups = v6.parts.map((p) => p.toString(16));
  const tokens = local.split(/[^0-9a-f]+/).filter(Boolean).map((t) => t.replace(/^0+(?=.)/, ''));
  if (containsRun(tokens, groups.slice(-3)) || containsRun(tokens, groups.slice(0, 4))) return { level: 'partial', encoding: 'address groups' };
  return { level: 'none' };
}

/** `needle` occurs in `hay` not glued to more characters of `glue` on either side (no RegExp built per call: this is hot in batch runs). */
function containsToken(hay: string, needle: string, glue: RegExp): boolean {
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) {
    const before = hay[i - 1];
    const after = hay[i + needle.length];
    if ((before === undefined || !glue.test(before)) && (after === undefined || !glue.test(after))) return true;
  }
  return false;
}

function containsRun<T>(haystack: readonly T[], needle: readonly T[]): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}
