/**
 * What a caller claims (HELO, MAIL FROM, header From, IP), checked once for
 * every way in (CLI options, HTTP fields): a name or address carrying a
 * control character (CR, LF, NUL, ESC…) is not a host name, reverse-path or
 * mailbox, and would smuggle lines into anything that prints it.
 */
import { InputError, shown } from './errors.js';

/** Longest value taken for each claim (an SMTP path is at most 256 octets, a From header a few hundred): the API schema, the page form and this check share it. */
export const CLAIM_LIMITS = { ip: 100, helo: 300, mailFrom: 400, from: 1000 } as const;

export function checkClaims(claims: { ip?: string | undefined; helo?: string | undefined; mailFrom?: string | undefined; from?: string | undefined }, names: Partial<Record<'ip' | 'helo' | 'mailFrom' | 'from', string>> = {}): void {
  for (const key of ['ip', 'helo', 'mailFrom', 'from'] as const) {
    const value = claims[key];
    if (value === undefined) continue;
    const name = names[key] ?? key;
    const bad = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.exec(value);
    if (bad) throw new InputError(`${name} contains a control character (\\x${bad[0].charCodeAt(0).toString(16).padStart(2, '0')}): '${shown(value, 60)}'`);
    if (value.length > CLAIM_LIMITS[key]) throw new InputError(`${name} is longer than ${CLAIM_LIMITS[key]} characters`);
  }
}

/** The null reverse-path, MAIL FROM:<> (RFC 5321 §4.5.5): bounces and other notifications. */
export function isNullPath(mailFrom: string | undefined): boolean {
  return mailFrom !== undefined && /^<?\s*>?$/.test(mailFrom.trim());
}
