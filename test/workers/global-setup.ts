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
import { emailRoutingHop } from './hops.js';
import { audit } from '../../src/pipeline/audit.js';
import { createNodeResolver } from '../../src/dns/node.js';
import { CROSS_RUNTIME_TARGETS, judgement, targetKey, type Judgement } from '../support/cross-runtime.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dohUrl: string;
    /** Received by Email Routing from mail.example.com (FCrDNS and SPF pass), DKIM-signed by example.com. */
    signedMessage: string;
    /** The same message altered after signing. */
    tamperedMessage: string;
    /** Node's judgement of each cross-runtime target, by targetKey. */
    nodeJudgements: Record<string, Judgement>;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const key = makeDkimKey('example.com');
  const server = await startDnsServer({ faults: fixtureFaults(), zoneTexts: [key.zone], doh: true });
  const hop = emailRoutingHop('mail.example.com', 'mail.example.com', '23.192.228.80', `anyone@${SINK_DOMAIN}`);
  const signed = await signMessage(buildMessage({ from: 'Example News <news@example.com>', returnPath: '<bounce@example.com>', received: [hop] }), key);
  const resolver = createNodeResolver({ servers: [{ host: server.host, port: server.port }], timeoutMs: 1000, retries: 0 });
  const judged: Record<string, Judgement> = {};
  for (const t of CROSS_RUNTIME_TARGETS) judged[targetKey(t)] = judgement(await audit(t, { resolver }));
  resolver.close();
  project.provide('nodeJudgements', judged);
  project.provide('dohUrl', server.dohUrl!);
  project.provide('signedMessage', signed);
  project.provide('tamperedMessage', signed.replace('this is a test message', 'this is a CHANGED message'));
  return () => server.close();
}
