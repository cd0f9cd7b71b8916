/**
 * An SPF record's terms (RFC 7208 §4.6, §5, §6), read for what they
 * authorize rather than evaluated against one address: the SPF check of an
 * audit is mailauth's (gather/spf.ts), which keeps its parser to itself.
 * Terms are read one at a time, so a megabyte of text costs nothing past
 * the point the walk stops.
 */
import ipaddr from 'ipaddr.js';
import { canonicalName, hostnameSyntaxProblems } from '../../core/names.js';

export type SpfQualifier = '+' | '-' | '~' | '?';

export type SpfTerm =
  | { kind: 'all'; text: string; qualifier: SpfQualifier }
  | { kind: 'include' | 'exists'; text: string; qualifier: SpfQualifier; domain: DomainSpec }
  | { kind: 'a' | 'mx'; text: string; qualifier: SpfQualifier; domain?: DomainSpec; cidr4: number; cidr6: number }
  | { kind: 'ptr'; text: string; qualifier: SpfQualifier; domain?: DomainSpec }
  | { kind: 'ip4' | 'ip6'; text: string; qualifier: SpfQualifier; address: string; bits: number }
  | { kind: 'redirect'; text: string; domain: DomainSpec }
  /** exp= and modifiers RFC 7208 §6 says to ignore. */
  | { kind: 'modifier'; text: string }
  /** Not SPF syntax: a receiver's evaluation would end in permerror. */
  | { kind: 'invalid'; text: string; problem: string };

/** A domain-spec: a name, or one with macros (%{…}), which only a receiver with a message in hand can expand. */
export type DomainSpec = { name: string; macro: false } | { name: string; macro: true };

/** The TXT strings that are SPF records: "v=spf1" alone or followed by a space (RFC 7208 §4.5). */
export function spfRecords(txts: readonly string[]): string[] {
  return txts.filter((t) => /^v=spf1( |$)/i.test(t));
}

const QUALIFIERS = '+-~?';
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** The record's terms after "v=spf1", in order, parsed as they are reached. */
export function* spfTerms(record: string): Generator<SpfTerm> {
  const body = /^v=spf1/i.test(record) ? record.slice(6) : record;
  for (const m of body.matchAll(/\S+/g)) yield parseTerm(m[0]);
}

export function parseTerm(text: string): SpfTerm {
  const modifier = /^([a-z][a-z0-9_.-]*)=(.*)$/is.exec(text);
  if (modifier) {
    const name = modifier[1]!.toLowerCase();
    if (name !== 'redirect') return { kind: 'modifier', text };
    const domain = domainSpec(modifier[2]!);
    return domain ? { kind: 'redirect', text, domain } : invalid(text, 'its domain is not a domain name');
  }
  const qualifier = (QUALIFIERS.includes(text[0]!) ? text[0] : '+') as SpfQualifier;
  const rest = QUALIFIERS.includes(text[0]!) ? text.slice(1) : text;
  const m = /^([a-z0-9]+)(.*)$/is.exec(rest);
  const name = m?.[1]!.toLowerCase();
  const arg = m?.[2] ?? '';
  switch (name) {
    case 'all':
      return arg === '' ? { kind: 'all', text, qualifier } : invalid(text, 'all takes no argument');
    case 'include':
    case 'exists': {
      const domain = arg.startsWith(':') ? domainSpec(arg.slice(1)) : undefined;
      return domain ? { kind: name, text, qualifier, domain } : invalid(text, `${name} needs a domain (${name}:example.com)`);
    }
    case 'a':
    case 'mx':
      return hostTerm(name, text, qualifier, arg);
    case 'ptr': {
      if (arg === '') return { kind: 'ptr', text, qualifier };
      const domain = arg.startsWith(':') ? domainSpec(arg.slice(1)) : undefined;
      return domain ? { kind: 'ptr', text, qualifier, domain } : invalid(text, 'its domain is not a domain name');
    }
    case 'ip4':
    case 'ip6':
      return networkTerm(name, text, qualifier, arg);
    default:
      return invalid(text, 'not an SPF mechanism');
  }
}

/** a, a:name, a/24, a:name/24//64 (and the same for mx): a domain-spec and a dual CIDR length (RFC 7208 §5.6). */
function hostTerm(kind: 'a' | 'mx', text: string, qualifier: SpfQualifier, arg: string): SpfTerm {
  const m = /^(?::([^/]*))?(?:\/(0|[1-9]\d?))?(?:\/\/(0|[1-9]\d{0,2}))?$/.exec(arg);
  if (!m) return invalid(text, `${kind} takes an optional domain and prefix lengths (${kind}:example.com/24//64)`);
  const cidr4 = m[2] === undefined ? 32 : Number(m[2]);
  const cidr6 = m[3] === undefined ? 128 : Number(m[3]);
  if (cidr4 > 32 || cidr6 > 128) return invalid(text, 'its prefix length is out of range');
  if (m[1] === undefined) return { kind, text, qualifier, cidr4, cidr6 };
  const domain = domainSpec(m[1]);
  return domain ? { kind, text, qualifier, domain, cidr4, cidr6 } : invalid(text, 'its domain is not a domain name');
}

function networkTerm(kind: 'ip4' | 'ip6', text: string, qualifier: SpfQualifier, arg: string): SpfTerm {
  const m = /^:([^/]+)(?:\/(0|[1-9]\d{0,2}))?$/.exec(arg);
  const max = kind === 'ip4' ? 32 : 128;
  const bits = m?.[2] === undefined ? max : Number(m[2]);
  const address = m?.[1] ?? '';
  const valid = kind === 'ip4' ? IPV4.test(address) : address.includes(':') && !address.includes('%') && ipaddr.IPv6.isValid(address);
  if (!m || !valid || bits > max) return invalid(text, `not an ${kind === 'ip4' ? 'IPv4' : 'IPv6'} address or network`);
  return { kind, text, qualifier, address: kind === 'ip4' ? address : ipaddr.IPv6.parse(address).toString(), bits };
}

/** A domain-spec (RFC 7208 §7.1): macros kept as written; otherwise a name DNS can be asked (underscores allowed). */
function domainSpec(raw: string): DomainSpec | undefined {
  if (raw === '') return undefined;
  if (raw.includes('%')) return { name: raw, macro: true };
  const name = canonicalName(raw);
  if (name.length > 253 || hostnameSyntaxProblems(name).some((p) => p !== 'underscore')) return undefined;
  return { name, macro: false };
}

function invalid(text: string, problem: string): SpfTerm {
  return { kind: 'invalid', text, problem };
}
