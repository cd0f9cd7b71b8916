/**
 * The core promise, swept end to end: for each audit below, every lookup it
 * makes is failed in turn (SERVFAIL, REFUSED, no answer) at the real test DNS
 * server, and no rule may then say anything but what it said with clean DNS
 * or `error` (or, for a check that only runs when something fails, pass or info). A temporary failure never becomes fail, warn or skip, and the
 * report is partial whenever one was seen.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createNodeDirectQuery } from '../src/dns/direct-node.js';
import { audit } from '../src/pipeline/audit.js';
import { messageTarget } from '../src/message/target.js';
import type { Report, Target } from '../src/core/types.js';
import type { Fault } from './support/dns-server.js';
import { buildMessage, postfixHop } from './support/messages.js';
import { useFixtureDns } from './support/use-dns.js';

const dns = useFixtureDns({ timeoutMs: 120, retries: 0 });
let direct: ReturnType<typeof createNodeDirectQuery> | undefined;
afterAll(() => direct?.close());
// The fixture zones' nameservers are the test server itself: a fault on a name fails the direct question too.
const deps = (authoritative = false) => {
  direct ??= createNodeDirectQuery({ port: dns.server.port, allowPrivate: true, timeoutMs: 120, retries: 0 });
  return { resolver: dns.resolver, direct, config: { dnsbl: ['bl.example.net'], authoritative } };
};

const unsigned = new TextEncoder().encode(
  buildMessage({
    from: 'News <news@example.com>',
    returnPath: '<bounce@example.com>',
    received: [postfixHop('mail.example.com', 'mail.example.com', '23.192.228.80')],
  }),
);

const AUDITS: [string, () => Promise<Report>][] = [
  ['a clean sender (every rule passes)', () => audit({ ip: '23.192.228.80', helo: 'mail.example.com', mailFrom: 'bounce@example.com', from: 'news@example.com' }, deps())],
  ['a HELO claiming Gmail from an IP whose PTR points elsewhere', () => audit({ ip: '192.0.2.18', helo: 'gmail.com', from: 'news@example.org' } satisfies Target, deps())],
  ['two PTR names, only the second confirmed', () => audit({ ip: '192.0.2.16', helo: 'mx2.example.com', mailFrom: 'a@example.net' }, deps())],
  ['an IPv6 sender', () => audit({ ip: '2001:db8::25', helo: 'mail6.example.com', from: 'x@example.com' }, deps())],
  ['an unsigned message (DMARC through SPF alone)', () => audit(messageTarget(unsigned), deps())],
  ['a missing PTR: the reverse zone\'s own servers asked', () => audit({ ip: '192.0.2.11', helo: 'mail.example.com' }, deps())],
  ['FCrDNS failing: the PTR name\'s DNS host asked too', () => audit({ ip: '192.0.2.17' }, deps())],
  ['a clean sender cross-checked at the zone\'s servers (--authoritative)', () => audit({ ip: '23.192.228.80' }, deps(true))],
];

const FAULTS: Fault[] = [{ kind: 'servfail' }, { kind: 'refused' }, { kind: 'timeout' }];
const statuses = (r: Report) => Object.fromEntries(r.results.map((x) => [x.rule, x.status]));

describe('a temporary DNS failure is never a verdict', () => {
  it.each(AUDITS)('%s', async (_name, run) => {
    const clean = await run();
    expect(clean.partial).toBe(false);
    const before = statuses(clean);
    const lookups = [...new Set(clean.dns.map((d) => `${d.type} ${d.name}`))];
    expect(lookups.length).toBeGreaterThan(3);
    const wrong: string[] = [];
    for (const lookup of lookups) {
      const [type, name] = lookup.split(' ') as [string, string];
      for (const fault of FAULTS) {
        dns.server.setFault(name, fault, type);
        try {
          const report = await run();
          const after = statuses(report);
          for (const [rule, status] of Object.entries(after)) {
            // A failure may make an audit look further (a PTR that fails sends it to the zone's own servers): a check
            // that did not run before may then pass or inform. It may never fail, warn, or stop being judged.
            const lookedFurther = before[rule] === 'skip' && (status === 'pass' || status === 'info');
            if (status !== before[rule] && status !== 'error' && !lookedFurther) wrong.push(`${lookup} ${fault.kind}: ${rule} ${before[rule]} → ${status}`);
          }
          const failedSeen = report.dns.some((d) => d.name === name && d.type === type && d.outcome !== 'ok' && d.outcome !== 'nxdomain' && d.outcome !== 'nodata');
          if (failedSeen && Object.values(after).some((s) => s === 'error') !== report.partial) wrong.push(`${lookup} ${fault.kind}: partial is ${report.partial}`);
          if (report.verdict === 'fail' && clean.verdict !== 'fail') wrong.push(`${lookup} ${fault.kind}: verdict fail (was ${clean.verdict})`);
        } finally {
          dns.server.setFault(name, null, type);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
