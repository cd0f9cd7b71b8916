/**
 * Mail addresses as users and headers give them: `a@example.com`,
 * `"Name" <a@example.com>`, groups, IDN domains. The domain comes out as a
 * lower-case A-label; anything unusable comes out as a problem, not a throw.
 */
import addressparser from 'nodemailer/lib/addressparser';
import { hostnameProblems } from './names.js';

export interface ParsedAddress {
  address: string;
  domain?: string;
  problem?: string;
}

/** Every mailbox of an address field (groups flattened). */
export function parseAddressField(raw: string): ParsedAddress[] {
  const text = raw.replace(/\r?\n[ \t]+/g, ' ').trim();
  if (text === '') return [{ address: '', problem: 'empty address' }];
  // `"a@b" <>` is a display name and an EMPTY address; addressparser would take the name for the address.
  if (/<\s*>\s*$/.test(text) && !/,/.test(text)) return [{ address: '', problem: 'empty address <> (only a display name)' }];
  const parsed = addressparser(text, { flatten: true });
  const mailboxes = parsed.flatMap((a) => (a.address ? [a.address] : []));
  if (mailboxes.length === 0) return [{ address: text, problem: 'no address in the field (only a display name?)' }];
  return mailboxes.map(parseMailbox);
}

/** An address without the angle brackets SMTP and Return-Path put around it. */
export function unbracket(raw: string): string {
  return raw.trim().replace(/^<(.*)>$/, '$1');
}

/** One bare address (MAIL FROM, or one mailbox of a field). */
export function parseMailbox(raw: string): ParsedAddress {
  const address = unbracket(raw);
  if (address === '') return { address, problem: 'empty address (null reverse-path)' };
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return { address, problem: 'not an address (local-part@domain)' };
  const ascii = toALabel(address.slice(at + 1));
  if (!ascii) return { address, problem: 'the domain is not a valid domain name' };
  const problems = hostnameProblems(ascii).filter((p) => p !== 'unknown-suffix');
  if (problems.length > 0) return { address, domain: ascii, problem: `the domain is not a valid domain name (${problems.join(', ')})` };
  return { address, domain: ascii };
}

/** IDN → punycode A-label with the WHATWG URL parser (works on Node and Workers alike). */
export function toALabel(domain: string): string | undefined {
  const d = domain.trim().replace(/\.$/, '');
  if (d === '' || /[\s/\\?#@:[\]<>%]/.test(d)) return undefined;
  try {
    return new URL(`http://${d}/`).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}
