/**
 * Test addresses are <token>@<sink domain>: one rule for what a token is,
 * shared by the SMTP sink, the Email Routing receiver and the HTTP inbox.
 */

/** 20 characters of a-z0-9: about 103 bits, lower case because mail local parts often get lower-cased. */
export function newToken(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  return [...bytes].map((b) => alphabet[b % 36]).join('');
}

/** A token as stored (lower case); a mail local part is lower-cased before it is asked. */
export function isToken(token: string): boolean {
  return /^[a-z0-9][a-z0-9._+-]{0,63}$/.test(token);
}
