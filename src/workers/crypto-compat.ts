/**
 * workerd's node:crypto does not know OpenSSL's combined digest names:
 * crypto.verify('rsa-sha256', …) throws "Unknown digest: rsa-sha256" there,
 * while Node accepts it. mailauth passes the DKIM a= tag (rsa-sha256,
 * rsa-sha1) as that name, so every RSA DKIM signature would come out
 * neutral on Workers. Imported once by the Workers entry: it maps those
 * names to the digest alone ('sha256'), which is what they mean.
 */
import crypto from 'node:crypto';

const COMBINED = /^rsa-(sha1|sha256|sha384|sha512)$/i;

export function digestName(algorithm: string | null | undefined): string | null | undefined {
  const m = typeof algorithm === 'string' ? COMBINED.exec(algorithm) : null;
  return m ? m[1]!.toLowerCase() : algorithm;
}

const verify = crypto.verify;
const userAgent = (globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent;
// Only where the runtime needs it: Node's own verify takes both spellings.
if (userAgent === 'Cloudflare-Workers') {
  (crypto as { verify: typeof crypto.verify }).verify = ((algorithm: string | null | undefined, ...rest: unknown[]) =>
    (verify as (...a: unknown[]) => unknown)(digestName(algorithm), ...rest)) as typeof crypto.verify;
}
