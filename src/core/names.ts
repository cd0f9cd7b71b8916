/**
 * Domain-name facts shared by gather and the rules: syntax (RFC 1123 LDH
 * host names), public suffix and organizational domain (Public Suffix List,
 * via tldts, ICANN section only: a private suffix such as
 * compute-1.amazonaws.com is still the provider's organization).
 */
import { parse as parseName } from 'tldts';
import { InputError, shown } from './errors.js';

export type NameProblem =
  | 'empty'
  | 'too-long'
  | 'empty-label'
  | 'label-too-long'
  | 'underscore'
  | 'bad-character'
  | 'hyphen-edge'
  | 'single-label'
  | 'ip-address'
  | 'numeric-tld'
  | 'unknown-suffix';

type ParsedName = Pick<ReturnType<typeof parseName>, 'isIcann' | 'domain' | 'publicSuffix'>;
const parsedNames = new Map<string, ParsedName>();

/**
 * The Public Suffix List's view of a canonical name, remembered for the last
 * couple of thousand names: an audit asks it of each PTR name three or four
 * times (syntax, organizational domain, generic-name words), a batch per address.
 */
function parse(name: string): ParsedName {
  let p = parsedNames.get(name);
  if (!p) {
    const full = parseName(name);
    p = { isIcann: full.isIcann, domain: full.domain, publicSuffix: full.publicSuffix };
    if (parsedNames.size >= 2048) parsedNames.clear();
    parsedNames.set(name, p);
  }
  return p;
}

/** Problems that make a name impossible to look up usefully in public DNS. */
const UNRESOLVABLE: ReadonlySet<NameProblem> = new Set(['empty', 'too-long', 'empty-label', 'label-too-long', 'single-label', 'ip-address', 'numeric-tld']);

/** Lower case, no trailing dot: the one canonical form, shared with the DNS layer. */
export { normalizeName as canonicalName } from '../dns/types.js';
import { normalizeName as canonicalName } from '../dns/types.js';

/**
 * Every reason `name` is not a valid Internet host name, most serious first;
 * an empty list means it is one.
 */
export function hostnameProblems(raw: string): NameProblem[] {
  const name = canonicalName(raw);
  const problems = syntaxProblems(name);
  if (problems.length === 0 && name.includes('.') && !parse(name).isIcann) problems.push('unknown-suffix');
  return problems;
}

/** What is wrong with a name by its letters alone (no public-suffix lookup): a name the user typed may be in a private or new TLD. */
export function hostnameSyntaxProblems(raw: string): NameProblem[] {
  return syntaxProblems(canonicalName(raw));
}

function syntaxProblems(name: string): NameProblem[] {
  if (name === '') return ['empty'];
  const problems: NameProblem[] = [];
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name) || (name.includes(':') && /^[0-9a-f:.]+$/.test(name))) return ['ip-address'];
  if (name.length > 253) problems.push('too-long');
  const labels = name.split('.');
  if (labels.some((l) => l === '')) problems.push('empty-label');
  if (labels.some((l) => l.length > 63)) problems.push('label-too-long');
  if (labels.length === 1) problems.push('single-label');
  if (name.includes('_')) problems.push('underscore');
  if (/[^a-z0-9._-]/.test(name)) problems.push('bad-character');
  if (labels.some((l) => l.startsWith('-') || l.endsWith('-'))) problems.push('hyphen-edge');
  if (labels.length > 1 && /^\d+$/.test(labels[labels.length - 1]!)) problems.push('numeric-tld');
  return problems;
}

/** False for names that cannot exist in public DNS (single label, an IP, over-long): no need to ask. */
export function isResolvableName(raw: string): boolean {
  // An unknown suffix is still asked (it may be a private or new TLD), so the suffix list is not consulted.
  return !syntaxProblems(canonicalName(raw)).some((p) => UNRESOLVABLE.has(p));
}

/** The registrable (organizational) domain, e.g. mail.eu.example.co.uk → example.co.uk; undefined if none. */
export function organizationalDomain(raw: string): string | undefined {
  return parse(canonicalName(raw)).domain ?? undefined;
}

/** The labels left of the organizational domain (mail.eu for mail.eu.example.co.uk), or all labels if none. */
export function subdomainPart(raw: string): string {
  const name = canonicalName(raw);
  const domain = organizationalDomain(name);
  if (!domain) return name;
  return name === domain ? '' : name.slice(0, -(domain.length + 1));
}

/** The name without its public suffix (mail.example.co.uk → mail.example); digits in any label count for IP detection. */
export function withoutPublicSuffix(raw: string): string {
  const name = canonicalName(raw);
  const suffix = parse(name).publicSuffix;
  if (!suffix || suffix === name || !name.endsWith(`.${suffix}`)) return name;
  return name.slice(0, -(suffix.length + 1));
}

/** Each zone is a query per audit (and per address in a batch): more than this is a mistake, not a configuration. */
export const MAX_DNSBL_ZONES = 64;

/** DNSBL zones as configured (CLI, env, Worker vars): trimmed, lower-case, no duplicates, each a plausible zone name. */
export function dnsblZoneList(zones: readonly string[]): string[] {
  const out = [...new Set(zones.map(canonicalName).filter(Boolean))];
  if (out.length > MAX_DNSBL_ZONES) throw new InputError(`${out.length} zones given; at most ${MAX_DNSBL_ZONES}`);
  for (const z of out) {
    if (z.length > 200 || !/^[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)+$/.test(z)) {
      throw new InputError(`'${shown(z)}' is not a DNS zone name (e.g. zen.spamhaus.org)`);
    }
  }
  return out;
}
