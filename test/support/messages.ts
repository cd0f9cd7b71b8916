/**
 * Real messages for tests: built from parts, DKIM-signed by mailauth with a
 * key generated here, the public key published in a zone the test DNS
 * server serves (_domainkey.<domain>).
 */
import { generateKeyPairSync } from 'node:crypto';
import { dkimSign } from 'mailauth';

export interface MessageParts {
  from: string;
  to?: string;
  subject?: string;
  returnPath?: string;
  /** Received: header values, topmost first. */
  received?: string[];
  messageId?: string;
  extraHeaders?: string[];
  body?: string;
}

export function buildMessage(p: MessageParts): string {
  const lines = [
    ...(p.returnPath !== undefined ? [`Return-Path: ${p.returnPath}`] : []),
    ...(p.received ?? []).map((r) => `Received: ${r}`),
    `From: ${p.from}`,
    `To: ${p.to ?? 'alice@receiver.example'}`,
    `Subject: ${p.subject ?? 'Deliverability test'}`,
    `Date: Wed, 25 Nov 2026 10:00:00 +0000`,
    `Message-ID: ${p.messageId ?? '<test-1@example.com>'}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    ...(p.extraHeaders ?? []),
  ];
  return `${lines.join('\r\n')}\r\n\r\n${p.body ?? 'Hello,\r\n\r\nthis is a test message.\r\n'}`;
}

export interface DkimKey {
  domain: string;
  selector: string;
  privateKey: string;
  /** A zone file for _domainkey.<domain> publishing the public key. */
  zone: string;
}

export function makeDkimKey(domain: string, selector = 'test2026'): DkimKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const p = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  // TXT character-strings hold 255 bytes each: a 2048-bit key takes two (RFC 6376 §3.6.2.2).
  const chunks = [`v=DKIM1; k=rsa; p=${p.slice(0, 200)}`, ...(p.slice(200).match(/.{1,250}/g) ?? [])];
  const zone = [
    `$ORIGIN _domainkey.${domain}.`,
    '$TTL 3600',
    `@ IN SOA ns1.${domain}. hostmaster.${domain}. 1 7200 900 1209600 300`,
    `  IN NS ns1.${domain}.`,
    `${selector} IN TXT ${chunks.map((c) => `"${c}"`).join(' ')}`,
  ].join('\n');
  return { domain, selector, privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), zone };
}

export async function signMessage(message: string, key: DkimKey): Promise<string> {
  // mailauth reads signatureData; its bundled types only describe a single top-level key.
  const r = await dkimSign(message, { signatureData: [{ signingDomain: key.domain, selector: key.selector, privateKey: key.privateKey }] } as never);
  if (r.errors.length > 0) throw new Error(`DKIM signing failed: ${JSON.stringify(r.errors)}`);
  return r.signatures + message;
}

/** Postfix's shape of the receiving hop for a sender. */
export function postfixHop(helo: string, rdns: string, ip: string): string {
  return `from ${helo} (${rdns} [${ip}])\r\n\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits))\r\n\tby mx.receiver.example (Postfix) with ESMTPS id 4Xk2Lp6yQbz9sWj\r\n\tfor <alice@receiver.example>; Wed, 25 Nov 2026 10:00:01 +0000 (UTC)`;
}
