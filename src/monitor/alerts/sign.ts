/**
 * The webhook signature (DESIGN.md, Monitoring):
 * `X-Ptrcheck-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`.
 * Web Crypto only, so the Node process and the Worker sign alike.
 */

const encoder = new TextEncoder();

async function hmacHex(secret: string, message: string): Promise<string> {
  if (secret === '') throw new Error('the webhook secret is empty');
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(message)));
  return Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The header value for a body sent at `unixSeconds`: `t=<unixSeconds>,v1=<lowercase hex>`. */
export async function signatureHeader(secret: string, unixSeconds: number, rawBody: string): Promise<string> {
  if (!Number.isSafeInteger(unixSeconds) || unixSeconds < 0) throw new Error(`not a unix time in seconds: ${unixSeconds}`);
  return `t=${unixSeconds},v1=${await hmacHex(secret, `${unixSeconds}.${rawBody}`)}`;
}

/** Equal strings, compared in time that depends on their length only. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * For receivers (and tests): whether `header` signs `rawBody` with `secret`, at a time within
 * `toleranceSeconds` of `nowSeconds` (replays of old deliveries fail). Any one `v1=` may match.
 */
export async function verifySignature(secret: string, header: string, rawBody: string, nowSeconds: number, toleranceSeconds = 300): Promise<boolean> {
  if (secret === '' || header.length > 1024) return false;
  let t: string | undefined;
  const v1: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (eq < 0) return false;
    if (key === 't') {
      if (t !== undefined) return false;
      t = value;
    } else if (key === 'v1') v1.push(value.toLowerCase());
  }
  if (t === undefined || !/^\d{1,16}$/.test(t) || v1.length === 0) return false;
  if (Math.abs(nowSeconds - Number(t)) > toleranceSeconds) return false;
  const expected = await hmacHex(secret, `${t}.${rawBody}`);
  let ok = false;
  for (const candidate of v1) ok = sameText(candidate, expected) || ok; // every candidate compared, no early exit
  return ok;
}
