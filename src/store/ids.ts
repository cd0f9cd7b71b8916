/** Report ids: 128 random bits, URL-safe, so permalinks cannot be guessed. */
import { base64url } from '../dns/base64url.js';

export function newReportId(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(16)));
}

/** Report ids are 22 URL-safe base64 characters (128 bits): anything else is not one. */
export function isReportId(id: string): boolean {
  return /^[A-Za-z0-9_-]{22}$/.test(id);
}
