/** Expanding targets against the real test DNS server (zones written here), with faults injected per lookup. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDnsServer, type DnsTestServer } from '../../../test/support/dns-server.js';
import { createNodeResolver, type ClosableResolver } from '../../dns/node.js';
import type { DnsAnswer, Resolver } from '../../dns/types.js';
import { expandTarget } from './expand.js';
import { parseMonitorTarget } from './parse.js';

/** A TXT record's data as zone-file character-strings of at most 255 characters. */
const txt = (text: string) => (text.match(/.{1,255}/g) ?? []).map((s) => `"${s}"`).join(' ');

const MONITOR = `
$ORIGIN monitor.example.
$TTL 300
@          SOA ns.monitor.example. hostmaster.monitor.example. 1 3600 600 86400 60
           NS  ns
ns         A   192.0.2.53
full       MX  10 mx1.full
full       MX  20 mx2.full
mx1.full   A   192.0.2.10
mx1.full   AAAA 2001:db8::10
mx2.full   A   192.0.2.11
full       A   192.0.2.20
web.full   A   192.0.2.30
full       TXT "google-site-verification=abc"
full       TXT "v=spf1 ip4:198.51.100.0/30 ip6:2001:db8:1::/126 a a:web.full.monitor.example/31 mx include:_spf.provider.example -ip4:192.0.2.99 ~all"
redir      TXT "v=spf1 redirect=_spf.provider.example"
nullmx     MX  0 .
nullmx     TXT "v=spf1 -all"
nospf      MX  10 mx.nospf
mx.nospf   A   192.0.2.40
many       TXT ${txt(`v=spf1 ${Array.from({ length: 11 }, (_, i) => `include:i${i + 1}.many.monitor.example`).join(' ')} -all`)}
${Array.from({ length: 11 }, (_, i) => `i${i + 1}.many TXT "v=spf1 ip4:198.51.100.${i + 1}"`).join('\n')}
loop       TXT "v=spf1 ip4:192.0.2.60 include:loop2.monitor.example"
loop2      TXT "v=spf1 ip4:192.0.2.61 include:loop.monitor.example"
self       TXT "v=spf1 ip4:192.0.2.62 redirect=self.monitor.example"
wide       TXT "v=spf1 ip4:203.0.0.0/16 ip6:2001:db8::/32 -all"
odd        TXT "v=spf1 ptr exists:%{i}._e.monitor.example include:%{d}._spf.monitor.example a:%{h}.monitor.example ip4:192.0.2.70 bogus:x +all ip4:192.0.2.71"
voids      TXT "v=spf1 a:gone1.monitor.example a:gone2.monitor.example a:gone3.monitor.example ip4:192.0.2.80"
two        TXT "v=spf1 ip4:192.0.2.1"
two        TXT "v=spf1 ip4:192.0.2.2"
`;

const PROVIDER = `
$ORIGIN provider.example.
$TTL 300
@          SOA ns.provider.example. hostmaster.provider.example. 1 3600 600 86400 60
           NS  ns.monitor.example.
_spf       TXT "v=spf1 ip4:203.0.113.8/29 include:_spf2.provider.example ~all"
_spf2      TXT "v=spf1 ip4:203.0.113.100 -all"
`;

/** The largest SPF bomb DNS can carry (about 55 KB, over TCP): 2,400 includes, each of a name the wildcard answers. */
const BOMB_INCLUDES = 2_400;
const BOMB = `
$ORIGIN z.example.
$TTL 300
@          SOA ns.z.example. hostmaster.z.example. 1 3600 600 86400 60
           NS  ns.monitor.example.
*          TXT "v=spf1 ip4:192.0.2.90"
bomb       TXT ${txt(`v=spf1 ${Array.from({ length: BOMB_INCLUDES }, (_, i) => `include:${i}.z.example`).join(' ')} -all`)}
`;

let server: DnsTestServer;
let resolver: ClosableResolver;
beforeAll(async () => {
  server = await startDnsServer({ zoneFiles: [], zoneTexts: [MONITOR, PROVIDER, BOMB] });
  resolver = createNodeResolver({ servers: [{ host: server.host, port: server.port }], timeoutMs: 300, retries: 0 });
});
afterAll(async () => {
  resolver.close();
  await server.close();
});
beforeEach(() => {
  server.clearFaults();
  server.queries.length = 0;
});

const expand = (target: string, limits?: Parameters<typeof expandTarget>[2], r: Resolver = resolver) => expandTarget(parseMonitorTarget(target), r, limits);

const MX_ADDRESSES = ['192.0.2.10', '192.0.2.11', '2001:db8::10'];
const SPF_ADDRESSES = [
  '192.0.2.20', '192.0.2.30', '192.0.2.31',
  '198.51.100.0', '198.51.100.1', '198.51.100.2', '198.51.100.3',
  '203.0.113.8', '203.0.113.9', '203.0.113.10', '203.0.113.11', '203.0.113.12', '203.0.113.13', '203.0.113.14', '203.0.113.15',
  '203.0.113.100',
  '2001:db8:1::', '2001:db8:1::1', '2001:db8:1::2', '2001:db8:1::3',
];
const byNumber = (list: string[]) => [...list].sort((a, b) => {
  const v = (x: string) => (x.includes(':') ? 1 : 0);
  if (v(a) !== v(b)) return v(a) - v(b);
  return a.includes(':') ? 0 : a.split('.').reduce((s, o) => s * 256 + Number(o), 0) - b.split('.').reduce((s, o) => s * 256 + Number(o), 0);
});

describe('expandTarget: an IP and a CIDR', () => {
  it('takes an IP as itself, with no lookup', async () => {
    expect(await expand('192.0.2.1')).toEqual({ addresses: ['192.0.2.1'], sources: { '192.0.2.1': ['ip 192.0.2.1'] }, notes: [], temporary: [] });
    expect(server.queries).toEqual([]);
  });

  it('takes every address of a small CIDR, network and broadcast addresses included', async () => {
    const e = await expand('198.51.100.0/30');
    expect(e.addresses).toEqual(['198.51.100.0', '198.51.100.1', '198.51.100.2', '198.51.100.3']);
    expect(e.sources['198.51.100.3']).toEqual(['cidr 198.51.100.0/30']);
    expect(e.notes).toEqual([]);
  });

  it('caps a big CIDR and says how many were left out', async () => {
    const e = await expand('203.0.0.0/16');
    expect(e.addresses).toHaveLength(1024);
    expect(e.addresses.at(-1)).toBe('203.0.3.255');
    expect(e.notes).toEqual(['203.0.0.0/16 holds 65,536 addresses: the first 1,024 are listed, 64,512 more are left out']);
    const v6 = await expand('2001:db8::/120', { maxAddresses: 3 });
    expect(v6.addresses).toEqual(['2001:db8::', '2001:db8::1', '2001:db8::2']);
    expect(v6.notes).toEqual(['2001:db8::/120 holds 256 addresses: the first 3 are listed, 253 more are left out']);
  });
});

describe('expandTarget: a domain', () => {
  it('lists its MX hosts and what its SPF record authorizes (ip4, ip6, a, a/31, mx, include, nested include)', async () => {
    const e = await expand('Full.Monitor.Example.');
    expect(e.addresses).toEqual(byNumber([...MX_ADDRESSES, ...SPF_ADDRESSES]));
    expect(e.sources).toMatchObject({
      '192.0.2.10': ['mx mx1.full.monitor.example', 'spf mx mx1.full.monitor.example'],
      '2001:db8::10': ['mx mx1.full.monitor.example', 'spf mx mx1.full.monitor.example'],
      '192.0.2.20': ['spf a'],
      '192.0.2.31': ['spf a:web.full.monitor.example/31'],
      '198.51.100.2': ['spf ip4:198.51.100.0/30'],
      '2001:db8:1::3': ['spf ip6:2001:db8:1::/126'],
      '203.0.113.9': ['spf include:_spf.provider.example ip4:203.0.113.8/29'],
      '203.0.113.100': ['spf include:_spf.provider.example include:_spf2.provider.example ip4:203.0.113.100'],
    });
    expect(e.notes).toEqual(['spf -ip4:192.0.2.99 does not authorize (qualifier -): not watched']);
    expect(e.temporary).toEqual([]);
  });

  it('follows redirect=', async () => {
    const e = await expand('redir.monitor.example');
    expect(e.addresses).toEqual(['203.0.113.8', '203.0.113.9', '203.0.113.10', '203.0.113.11', '203.0.113.12', '203.0.113.13', '203.0.113.14', '203.0.113.15', '203.0.113.100']);
    expect(e.sources['203.0.113.100']).toEqual(['spf redirect=_spf.provider.example include:_spf2.provider.example ip4:203.0.113.100']);
    expect(e.notes).toEqual(['redir.monitor.example has no MX record']);
  });

  it('takes a null MX and "-all" as a domain that authorizes nothing, and says so (no temporary failure)', async () => {
    expect(await expand('nullmx.monitor.example')).toEqual({
      addresses: [], sources: {}, temporary: [],
      notes: ['nullmx.monitor.example publishes a null MX (RFC 7505): it takes no mail'],
    });
  });

  it('lists the MX hosts of a domain with no SPF record', async () => {
    const e = await expand('nospf.monitor.example');
    expect(e).toEqual({ addresses: ['192.0.2.40'], sources: { '192.0.2.40': ['mx mx.nospf.monitor.example'] }, notes: ['nospf.monitor.example has no SPF record'], temporary: [] });
  });

  it('says when the domain does not exist', async () => {
    const e = await expand('nowhere.monitor.example');
    expect(e).toEqual({ addresses: [], sources: {}, notes: ['nowhere.monitor.example does not exist (NXDOMAIN)'], temporary: [] });
  });

  it('stops at the 11th DNS-querying term (RFC 7208 §4.6.4) and says so', async () => {
    const e = await expand('many.monitor.example');
    expect(e.addresses).toEqual(Array.from({ length: 10 }, (_, i) => `198.51.100.${i + 1}`));
    expect(e.notes).toContain('SPF needs more than 10 DNS lookups (RFC 7208 §4.6.4): the rest was not expanded');
    expect(server.queries.some((q) => q.name === 'i11.many.monitor.example')).toBe(false);
    const five = await expand('many.monitor.example', { maxLookups: 5 });
    expect(five.addresses).toHaveLength(5);
    expect(five.notes).toContain('SPF needs more than 5 DNS lookups (RFC 7208 §4.6.4): the rest was not expanded');
  });

  it('stops an include loop and a redirect to itself', async () => {
    const e = await expand('loop.monitor.example');
    expect(e.addresses).toEqual(['192.0.2.60', '192.0.2.61']);
    expect(e.notes).toContain('spf include:loop2.monitor.example include:loop.monitor.example loops back to loop.monitor.example: not followed');
    const self = await expand('self.monitor.example');
    expect(self.addresses).toEqual(['192.0.2.62']);
    expect(self.notes).toContain('spf redirect=self.monitor.example loops back to self.monitor.example: not followed');
  });

  it('caps the networks of an SPF record, each and in all, and says so', async () => {
    const e = await expand('wide.monitor.example');
    expect(e.addresses).toHaveLength(1024);
    expect(e.addresses[0]).toBe('203.0.0.0');
    expect(e.notes).toEqual([
      'wide.monitor.example has no MX record',
      'spf ip4:203.0.0.0/16 holds 65,536 addresses: 1,024 are listed, the rest is left out (at most 1,024 addresses are watched)',
      'spf ip6:2001:db8::/32 holds 79,228,162,514,264,337,593,543,950,336 addresses: 0 are listed, the rest is left out (at most 1,024 addresses are watched)',
      'more than 1,024 addresses were found: only the first 1,024 are watched',
    ]);
    const small = await expand('wide.monitor.example', { maxAddresses: 300 });
    expect(small.addresses).toHaveLength(300);
  });

  it('notes what cannot be listed: ptr, exists:, macros, +all, bad terms', async () => {
    const e = await expand('odd.monitor.example');
    expect(e.addresses).toEqual(['192.0.2.70']);
    expect(e.notes).toEqual([
      'odd.monitor.example has no MX record',
      'spf ptr cannot be listed: it authorizes whatever address has a matching reverse name',
      'spf exists:%{i}._e.monitor.example cannot be listed: it asks DNS about each sending address',
      'spf include:%{d}._spf.monitor.example has a macro (%{…}), which only a receiver expands, per message: not expanded',
      'spf a:%{h}.monitor.example has a macro (%{…}), which only a receiver expands, per message: not expanded',
      'spf bogus:x is not valid SPF (not an SPF mechanism): skipped',
      'spf +all authorizes every address: nothing to list',
    ]);
  });

  it('stops past 2 void lookups (RFC 7208 §4.6.4)', async () => {
    const e = await expand('voids.monitor.example');
    expect(e.addresses).toEqual([]);
    expect(e.notes).toEqual([
      'voids.monitor.example has no MX record',
      'spf a:gone1.monitor.example: gone1.monitor.example has no address',
      'spf a:gone2.monitor.example: gone2.monitor.example has no address',
      'spf a:gone3.monitor.example: gone3.monitor.example has no address',
      'SPF has more than 2 void lookups (RFC 7208 §4.6.4): the rest was not expanded',
    ]);
    expect((await expand('voids.monitor.example', { maxVoidLookups: 3 })).addresses).toEqual(['192.0.2.80']);
  });

  it('expands no record of a domain with two (RFC 7208 §4.5)', async () => {
    const e = await expand('two.monitor.example');
    expect(e.addresses).toEqual([]);
    expect(e.notes).toContain('two.monitor.example has 2 SPF records (RFC 7208 §4.5: a permerror): none was expanded');
  });
});

describe('expandTarget: a lookup that fails for now is listed, never an empty set', () => {
  const LOOKUPS: [string, string, string[]][] = [
    ['MX', 'full.monitor.example', MX_ADDRESSES],
    ['A', 'mx1.full.monitor.example', ['192.0.2.10']],
    ['AAAA', 'mx1.full.monitor.example', ['2001:db8::10']],
    ['A', 'mx2.full.monitor.example', ['192.0.2.11']],
    ['TXT', 'full.monitor.example', SPF_ADDRESSES],
    ['A', 'full.monitor.example', ['192.0.2.20']],
    ['A', 'web.full.monitor.example', ['192.0.2.30', '192.0.2.31']],
    ['TXT', '_spf.provider.example', ['203.0.113.8', '203.0.113.9', '203.0.113.10', '203.0.113.11', '203.0.113.12', '203.0.113.13', '203.0.113.14', '203.0.113.15', '203.0.113.100']],
    ['TXT', '_spf2.provider.example', ['203.0.113.100']],
  ];
  const FAULTS = [['servfail', 'SERVFAIL'], ['refused', 'REFUSED'], ['timeout', 'TIMEOUT']] as const;
  const rows = LOOKUPS.flatMap(([type, name, lost]) => FAULTS.map(([kind, word]) => [`${type} ${name}`, kind, word, type, name, lost] as const));

  it.each(rows)('%s %s', async (_, kind, word, type, name, lost) => {
    server.setFault(name, { kind }, type);
    const e = await expand('full.monitor.example');
    expect(e.temporary).toEqual([`${type} ${name} ${word}`]);
    expect(e.addresses).toEqual(byNumber([...MX_ADDRESSES, ...SPF_ADDRESSES].filter((a) => !lost.includes(a))));
  });

  it('tells a domain that authorizes nothing from one that could not be asked', async () => {
    const nothing = await expand('nullmx.monitor.example');
    server.setFault('nullmx.monitor.example', { kind: 'servfail' });
    const unknown = await expand('nullmx.monitor.example');
    expect(nothing.addresses).toEqual([]);
    expect(nothing.temporary).toEqual([]);
    expect(unknown.addresses).toEqual([]);
    expect(unknown.temporary).toEqual(['MX nullmx.monitor.example SERVFAIL', 'TXT nullmx.monitor.example SERVFAIL']);
  });
});

describe('expandTarget: bombs', () => {
  it(`stops a record of ${BOMB_INCLUDES.toLocaleString('en-US')} includes (as large as DNS carries) at the lookup limit`, async () => {
    const t0 = performance.now();
    const e = await expand('bomb.z.example');
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(server.queries.find((q) => q.name === 'bomb.z.example' && q.type === 'TXT' && q.transport === 'tcp')).toBeDefined();
    expect(e.addresses).toEqual(['192.0.2.90']);
    expect(e.notes).toContain('SPF needs more than 10 DNS lookups (RFC 7208 §4.6.4): the rest was not expanded');
    expect(server.queries.filter((q) => q.type === 'TXT' && /^\d+\.z\.example$/.test(q.name))).toHaveLength(10);
  });

  it('reads a 1 MB record of 5,000 includes and repeated networks in bounded time, with bounded notes', async () => {
    const filler = [...Array.from({ length: 30_000 }, () => 'ip4:203.0.0.0/16'), ...Array.from({ length: 30_000 }, (_, i) => `bogus${i}:x`)];
    const includes = Array.from({ length: 5_000 }, (_, i) => `include:${i}.z.example`);
    const record = `v=spf1 ${[...filler, ...includes].join(' ')} -all`;
    expect(record.length).toBeGreaterThan(1_000_000);
    const mega: Resolver = {
      query: (name, type) =>
        name === 'mega.z.example' && type === 'TXT'
          ? Promise.resolve<DnsAnswer>({ name, type, outcome: 'ok', rcode: 'NOERROR', records: [{ name, type, ttl: 300, data: record }], chain: [], ttl: 300, ms: 0, server: 'memory', transport: 'tcp' })
          : resolver.query(name, type),
    };
    const t0 = performance.now();
    const e = await expand('mega.z.example', undefined, mega);
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(e.addresses).toHaveLength(1024);
    // 50 notes, then the limit that stopped the walk (always kept), the count of the notes left out, the cap.
    expect(e.notes).toHaveLength(53);
    expect(e.notes.slice(0, 2)).toEqual([
      'mega.z.example has no MX record',
      'spf ip4:203.0.0.0/16 holds 65,536 addresses: 1,024 are listed, the rest is left out (at most 1,024 addresses are watched)',
    ]);
    expect(e.notes.slice(-3)).toEqual([
      'SPF needs more than 10 DNS lookups (RFC 7208 §4.6.4): the rest was not expanded',
      '29,952 more notes like these were left out',
      'more than 1,024 addresses were found: only the first 1,024 are watched',
    ]);
    expect(server.queries.filter((q) => q.type === 'TXT' && /^\d+\.z\.example$/.test(q.name))).toHaveLength(10);
  });
});
