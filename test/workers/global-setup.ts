/**
 * Runs in Node before the Workers tests: starts the test DNS server with its
 * DoH endpoint on 127.0.0.1 and makes the real messages those tests audit
 * (DKIM-signed here, key published in that server). workerd reaches the
 * server over HTTP, as a deployed Worker reaches its DoH service.
 */
import type { TestProject } from 'vitest/node';
import { fixtureFaults, startDnsServer } from '../support/dns-server.js';
import { buildMessage, makeDkimKey, signMessage } from '../support/messages.js';
import { SINK_DOMAIN } from './constants.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dohUrl: string;
    /** Received by Email Routing from mail.example.com (FCrDNS and SPF pass), DKIM-signed by example.com. */
    signedMessage: string;
    /** The same message altered after signing. */
    tamperedMessage: string;
  }
}

/** Email Routing's receiver records the connection like this (the `for` address is the test address). */
export function emailRoutingHop(helo: string, rdns: string, ip: string, rcpt: string): string {
  return `from ${helo} (${rdns} [${ip}])\r\n\tby mx.cloudflare.net (Postfix) with ESMTPS id 4Xk3Bc2Ytz4xQ\r\n\tfor <${rcpt}>; Wed, 25 Nov 2026 10:00:01 +0000 (UTC)`;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const key = makeDkimKey('example.com');
  const server = await startDnsServer({ faults: fixtureFaults(), zoneTexts: [key.zone], doh: true });
  const hop = emailRoutingHop('mail.example.com', 'mail.example.com', '23.192.228.80', `anyone@${SINK_DOMAIN}`);
  const signed = await signMessage(buildMessage({ from: 'Example News <news@example.com>', returnPath: '<bounce@example.com>', received: [hop] }), key);
  project.provide('dohUrl', server.dohUrl!);
  project.provide('signedMessage', signed);
  project.provide('tamperedMessage', signed.replace('this is a test message', 'this is a CHANGED message'));
  return () => server.close();
}
