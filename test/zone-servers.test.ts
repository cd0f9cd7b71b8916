/**
 * The reverse zone's own servers, end to end: `ptrcheck audit` against the
 * zone-servers world (fixtures/zone-servers: a caching resolver at
 * 127.0.0.1 holding old answers with TTLs counting down, and the zones'
 * nameservers on 127.0.0.2-9, one port), one row per situation the forums
 * ask about.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { startDnsNetwork, type DnsNetwork } from './support/dns-network.js';
import type { Report, Status } from '../src/core/types.js';

let net: DnsNetwork;
beforeAll(async () => {
  net = await startDnsNetwork();
});
afterAll(async () => {
  await net?.close();
});

async function audit(ip: string, extra: string[] = []): Promise<Report> {
  const run = await runCli(['audit', ip, '--json', '--timeout', '300', ...extra], net.env);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as Report;
}

interface Row {
  why: string;
  ip: string;
  extra?: string[];
  statuses: Record<string, Status>;
  /** Patterns the named rules' messages must match. */
  says?: Record<string, RegExp>;
  partial?: boolean;
}

const ROWS: Row[] = [
  {
    why: 'the provider published the PTR; the resolver cached NXDOMAIN 19 minutes ago with a 1-hour negative TTL: 41 minutes left',
    ip: '203.0.113.10',
    statuses: { 'ptr-present': 'fail', 'ptr-propagated': 'info', 'reverse-zone-servers': 'pass', 'reverse-zone-delegation': 'pass' },
    says: {
      'ptr-propagated': /ns1\.rdns\.test-isp\.example \(127\.0\.0\.2\), ns2\.rdns\.test-isp\.example \(127\.0\.0\.3\)\) already answer mail\.fresh\.example; your resolver has cached the old answer \(none\) for another 41 minutes \(the negative-caching TTL from the zone's SOA, RFC 2308\)/,
      'reverse-zone-servers': /one SOA serial \(2026120102\) and one NS set, matching the delegation in 203\.in-addr\.arpa/,
      'reverse-zone-delegation': /203\.in-addr\.arpa \(ns\.rir\.test-isp\.example\); 113\.0\.203\.in-addr\.arpa/,
    },
  },
  {
    why: 'a PTR that passes is not cross-checked unless asked',
    ip: '203.0.113.11',
    statuses: { 'ptr-present': 'pass', fcrdns: 'pass', 'ptr-propagated': 'skip', 'reverse-zone-servers': 'skip' },
    says: { 'ptr-propagated': /not needed: the PTR and FCrDNS pass/ },
  },
  {
    why: 'asked with --authoritative: servers and resolver agree',
    ip: '203.0.113.11', extra: ['--authoritative'],
    statuses: { 'ptr-propagated': 'pass', 'forward-propagated': 'pass', 'reverse-zone-servers': 'pass' },
  },
  {
    why: 'FCrDNS fails only because the resolver cached the old A record; the DNS host already has the new one',
    ip: '203.0.113.12',
    statuses: { fcrdns: 'fail', 'ptr-propagated': 'pass', 'forward-propagated': 'info' },
    says: { 'forward-propagated': /ns\.fresh\.test-isp\.example \(127\.0\.0\.6\)\) already answer 203\.0\.113\.12; your resolver has cached the old answer \(203\.0\.113\.99\) for another 41 minutes/ },
  },
  {
    why: 'secondaries out of sync: the primary has the PTR at a newer serial, ns2 not yet',
    ip: '3fff::25',
    statuses: { 'ptr-present': 'fail', 'ptr-propagated': 'warn', 'reverse-zone-servers': 'warn' },
    says: {
      'ptr-propagated': /mail6\.fresh\.example from ns1\.rdns\.test-isp\.example \(127\.0\.0\.2\); none from ns2\.rdns\.test-isp\.example \(127\.0\.0\.3\) \(SOA serials: ns1\.rdns\.test-isp\.example 2026120102, ns2\.rdns\.test-isp\.example 2026120101\)/,
      'reverse-zone-servers': /the SOA serials differ/,
    },
  },
  {
    why: 'a lame NS (REFUSED twice) and a dead one beside a working one',
    ip: '3fff:0:1::25', extra: ['--authoritative'],
    statuses: { 'ptr-present': 'pass', 'reverse-zone-servers': 'warn', 'ptr-propagated': 'pass' },
    says: { 'reverse-zone-servers': /lame\.rdns\.test-isp\.example \(127\.0\.0\.4\) refuses questions for the zone \(REFUSED twice\): a lame delegation; quiet\.rdns\.test-isp\.example \(127\.0\.0\.5\) does not answer at all/ },
  },
  {
    why: 'RFC 2317: the block, and the customer\'s zone where the PTR belongs',
    ip: '203.0.113.66',
    statuses: { 'ptr-present': 'fail', 'reverse-zone-delegation': 'info', 'ptr-propagated': 'pass' },
    says: { 'reverse-zone-delegation': /203\.0\.113\.64\/26 is delegated the RFC 2317 way: 66\.113\.0\.203\.in-addr\.arpa is a CNAME to 66\.64-127\.113\.0\.203\.in-addr\.arpa, so its PTR belongs in the zone 64-127\.113\.0\.203\.in-addr\.arpa, on ns\.customer\.test-isp\.example/ },
  },
  {
    why: 'an ip6.arpa delegation to a server without the zone: the resolver only says SERVFAIL; the cause is found',
    ip: '3fff:0:2::25',
    statuses: { 'ptr-present': 'error', fcrdns: 'error', 'reverse-zone-delegation': 'fail' },
    partial: true,
    says: { 'reverse-zone-delegation': /f\.f\.f\.3\.ip6\.arpa delegates 2\.0\.0\.0\.0\.0\.0\.0\.f\.f\.f\.3\.ip6\.arpa to ns\.customer6\.test-isp\.example, but ns\.customer6\.test-isp\.example \(127\.0\.0\.8\) refuses \(REFUSED\)/ },
  },
  {
    why: 'an IPv6 network with no reverse zone of its own',
    ip: '3fff:0:3::25',
    statuses: { 'ptr-present': 'fail', 'reverse-zone-delegation': 'info', 'ptr-propagated': 'pass' },
    says: { 'reverse-zone-delegation': /No reverse zone exists for this address's \/64 or its \/48: the nearest is f\.f\.f\.3\.ip6\.arpa, a \/16/ },
  },
];

describe('the reverse zone\'s own servers (ptrcheck audit against several nameservers)', () => {
  it.each(ROWS.map((r) => [r.why, r] as const))('%s', async (_why, row) => {
    const report = await audit(row.ip, row.extra);
    const statuses = Object.fromEntries(report.results.map((r) => [r.rule, r.status]));
    expect(statuses).toMatchObject(row.statuses);
    for (const [rule, pattern] of Object.entries(row.says ?? {})) expect(report.results.find((r) => r.rule === rule)!.message).toMatch(pattern);
    expect(report.partial).toBe(row.partial ?? false);
  });

  it('shows each server beside the resolver in the JSON, the text and the DNS log', async () => {
    const report = await audit('203.0.113.10');
    expect(report.zoneServers).toMatchObject({
      why: 'ptr-missing', zone: '113.0.203.in-addr.arpa', name: '10.113.0.203.in-addr.arpa',
      resolver: { answer: 'none' },
      servers: [
        { server: 'ns1.rdns.test-isp.example', address: '127.0.0.2', answer: 'mail.fresh.example', serial: 2026120102 },
        { server: 'ns2.rdns.test-isp.example', address: '127.0.0.3', answer: 'mail.fresh.example', serial: 2026120102 },
      ],
      path: [{ zone: '203.in-addr.arpa', nameservers: ['ns.rir.test-isp.example'] }, { zone: '113.0.203.in-addr.arpa' }],
    });
    // The resolver's negative answer counts down: 3600 s less the 1140 s it has been cached (and a second or two of this run).
    expect(report.zoneServers!.resolver.ttl).toBeGreaterThan(2400);
    expect(report.zoneServers!.resolver.ttl).toBeLessThanOrEqual(2460);
    const direct = report.dns.filter((d) => d.authoritative !== undefined);
    expect(direct.map((d) => `${d.type} ${d.name} ${d.server}`)).toEqual(expect.arrayContaining([`PTR 10.113.0.203.in-addr.arpa 127.0.0.2:${net.port}`, `PTR 10.113.0.203.in-addr.arpa 127.0.0.3:${net.port}`]));
    // Recursion off: the nameservers were asked, and only the resolver was asked with recursion.
    expect(net.servers.get('127.0.0.2')!.queries.some((q) => q.name === '10.113.0.203.in-addr.arpa' && q.type === 'PTR')).toBe(true);
    const text = await runCli(['audit', '203.0.113.10', '--timeout', '300'], net.env);
    expect(text.stdout).toMatch(/The reverse zone's own servers \(asked directly because the PTR is missing\)/);
    expect(text.stdout).toMatch(/ns1\.rdns\.test-isp\.example 127\.0\.0\.2 +mail\.fresh\.example +serial 2026120102/);
    expect(text.stdout).toMatch(/Delegation +203\.in-addr\.arpa \(ns\.rir\.test-isp\.example\) → 113\.0\.203\.in-addr\.arpa/);
  });

  it('never asks a private address from a server unless told (a zone\'s owner picks its NS addresses)', async () => {
    const { createNodeDirectQuery } = await import('../src/dns/direct-node.js');
    const direct = createNodeDirectQuery({ port: net.port, timeoutMs: 300 });
    const before = net.servers.get('127.0.0.2')!.queries.length;
    const a = await direct.ask('127.0.0.2', '10.113.0.203.in-addr.arpa', 'PTR');
    // The same address in IPv6 spellings an NS's AAAA record could use (issue 25, F7).
    const v6 = await Promise.all(['::7f00:2', '::ffff:127.0.0.2', '::ffff:7f00:2', '64:ff9b::7f00:2'].map((s) => direct.ask(s, '10.113.0.203.in-addr.arpa', 'PTR')));
    direct.close();
    expect(a).toMatchObject({ outcome: 'error', rcode: 'NOT_ASKED' });
    for (const r of v6) expect(r).toMatchObject({ outcome: 'error', rcode: 'NOT_ASKED' });
    expect(net.servers.get('127.0.0.2')!.queries.length).toBe(before);
  });
});
