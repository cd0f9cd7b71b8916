/** gatherDnsbl against the real test DNS server: what the registry makes it ask, and not ask. */
import { describe, expect, it } from 'vitest';
import { gatherDnsbl } from './dnsbl.js';
import { parseIp } from '../core/ip.js';
import { useFixtureDns } from '../../test/support/use-dns.js';

const dns = useFixtureDns();
const askedUnder = (zone: string) => dns.server.queries.filter((q) => q.name.endsWith(`.${zone}`)).map((q) => `${q.type} ${q.name}`);

describe('gatherDnsbl and the registry', () => {
  it('never asks a dead list or a domain list, even when one reaches it past the config checks', async () => {
    const got = await gatherDnsbl(parseIp('192.0.2.30'), ['dnsbl.sorbs.net', 'dnsbl.ahbl.org', 'dbl.spamhaus.org', 'zen.spamhaus.org'], dns.resolver);
    expect(got.map((l) => [l.zone, l.result, l.skipped ?? null])).toEqual([
      ['dnsbl.sorbs.net', 'skipped', 'dead'],
      ['dnsbl.ahbl.org', 'skipped', 'dead'],
      ['dbl.spamhaus.org', 'skipped', 'domain-list'],
      ['zen.spamhaus.org', 'listed', null],
    ]);
    expect([...askedUnder('sorbs.net'), ...askedUnder('ahbl.org'), ...askedUnder('dbl.spamhaus.org')]).toEqual([]);
  });

  it('asks an IPv6 address in nibble form only of lists that answer for IPv6', async () => {
    const got = await gatherDnsbl(parseIp('2001:db8::27'), ['zen.spamhaus.org', 'b.barracudacentral.org', 'bl.example.net'], dns.resolver);
    expect(got.map((l) => [l.zone, l.result, l.codes, l.skipped ?? null])).toEqual([
      ['zen.spamhaus.org', 'listed', ['127.0.0.11'], null],
      ['b.barracudacentral.org', 'skipped', [], 'no-ipv6'],
      ['bl.example.net', 'listed', ['127.0.0.3'], null], // not in the registry: asked as RFC 5782 §2.4 says
    ]);
    expect(askedUnder('b.barracudacentral.org')).toEqual([]);
  });

  it('carries the registry facts the rules and the runner need: kind, role, name', async () => {
    const got = await gatherDnsbl(parseIp('192.0.2.10'), ['list.dnswl.org', 'dnsbl-2.uceprotect.net', 'bl.example.net'], dns.resolver);
    expect(got.map((l) => [l.zone, l.kind, l.role, l.list ?? null, l.result, l.codes])).toEqual([
      ['list.dnswl.org', 'allow', 'scoring', 'DNSWL (dnswl.org)', 'listed', ['127.0.3.3']],
      ['dnsbl-2.uceprotect.net', 'block', 'informational', 'UCEPROTECT Level 2', 'listed', ['127.0.0.2']],
      ['bl.example.net', 'block', 'scoring', null, 'clear', []],
    ]);
  });

  it('reads a list\'s own error code as a refusal: DNSWL 127.0.0.255', async () => {
    const [l] = await gatherDnsbl(parseIp('192.0.2.31'), ['list.dnswl.org'], dns.resolver);
    expect(l).toMatchObject({ result: 'refused', codes: ['127.0.0.255'] });
    expect(askedUnder('list.dnswl.org')).toEqual(['A 31.2.0.192.list.dnswl.org']); // no TXT for a refusal
  });
});
