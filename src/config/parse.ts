/**
 * Parsers for settings as they arrive: CLI flags and Worker variables are
 * strings. A bad value is named (by the flag or variable it came from) and
 * refused, never guessed around.
 */
import { InputError, shown } from '../core/errors.js';
import { dnsblZoneList } from '../core/names.js';
import { trustedReceiverPattern } from '../message/trusted.js';
import { dnsListRefusal } from '../../rules/lib/dnsbl.js';

/** A setting that cannot be used; the CLI exits 2 with its message, the Worker answers 503. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function wholeNumber(text: string, name: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < min || n > max) throw new ConfigError(`${name} '${shown(text)}' must be a whole number from ${min} to ${max}`);
  return n;
}

export function httpUrl(text: string, name: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError(`${name} '${shown(text)}' is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError(`${name} '${shown(text)}' must be an http(s) URL`);
  return url.toString();
}

/** A mail domain we answer for (the sink's): lower case, at least two labels. */
export function domainName(text: string, name: string): string {
  const d = text.trim().toLowerCase();
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(d) || d.length > 253) throw new ConfigError(`${name} '${shown(text)}' is not a domain name`);
  return d;
}

/** An RFC 8601 authserv-id: a domain-like token. */
export function authservId(text: string, name: string): string {
  const t = text.trim();
  if (!/^[A-Za-z0-9._-]{1,253}$/.test(t)) throw new ConfigError(`${name} '${shown(text)}' must be a host-name-like token (letters, digits, dots, hyphens)`);
  return t;
}

/** Comma-separated (or repeated) values, trimmed, empties dropped. */
export function list(text: string): string[] {
  return text.split(',').map((s) => s.trim()).filter(Boolean);
}

/** Trusted receivers: host name patterns, addresses, CIDRs (message/trusted.ts), each checked. */
export function trustedReceivers(text: string, name: string): string[] {
  try {
    return list(text).map((p) => trustedReceiverPattern(p, name));
  } catch (e) {
    throw e instanceof InputError ? new ConfigError(e.message) : e;
  }
}

/** DNSBL zones (--dnsbl, PTRCHECK_DNSBL, DNSBL_ZONES): names checked, and a dead list or a domain list refused, naming why. */
export function dnsblZones(text: string, name: string): string[] {
  let zones: string[];
  try {
    zones = dnsblZoneList(list(text));
  } catch (e) {
    throw e instanceof InputError ? new ConfigError(`${name}: ${e.message}`) : e;
  }
  for (const zone of zones) {
    const refusal = dnsListRefusal(zone);
    if (refusal) throw new ConfigError(`${name}: ${refusal}`);
  }
  return zones;
}
