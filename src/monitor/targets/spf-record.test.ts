import { describe, expect, it } from 'vitest';
import { parseTerm, spfRecords, spfTerms } from './spf-record.js';

describe('spfRecords', () => {
  it('takes "v=spf1" alone or followed by a space, in any case', () => {
    expect(spfRecords(['v=spf1 -all', 'V=SPF1', 'v=spf10 -all', 'v=spf1-all', 'google-site-verification=x', ' v=spf1 a'])).toEqual(['v=spf1 -all', 'V=SPF1']);
  });
});

describe('parseTerm', () => {
  it.each([
    ['ip4:192.0.2.0/30', { kind: 'ip4', qualifier: '+', address: '192.0.2.0', bits: 30 }],
    ['+ip4:192.0.2.1', { kind: 'ip4', qualifier: '+', address: '192.0.2.1', bits: 32 }],
    ['-ip4:192.0.2.9', { kind: 'ip4', qualifier: '-', address: '192.0.2.9', bits: 32 }],
    ['ip6:2001:DB8::/48', { kind: 'ip6', qualifier: '+', address: '2001:db8::', bits: 48 }],
    ['IP6:2001:db8::25', { kind: 'ip6', qualifier: '+', address: '2001:db8::25', bits: 128 }],
    ['a', { kind: 'a', qualifier: '+', cidr4: 32, cidr6: 128 }],
    ['a/24', { kind: 'a', cidr4: 24, cidr6: 128 }],
    ['a//64', { kind: 'a', cidr4: 32, cidr6: 64 }],
    ['a:Mail.Example.com/28//120', { kind: 'a', domain: { name: 'mail.example.com', macro: false }, cidr4: 28, cidr6: 120 }],
    ['~mx', { kind: 'mx', qualifier: '~', cidr4: 32, cidr6: 128 }],
    ['mx:example.net', { kind: 'mx', domain: { name: 'example.net', macro: false } }],
    ['include:_spf.example.net', { kind: 'include', domain: { name: '_spf.example.net', macro: false } }],
    ['include:%{ir}.%{v}._spf.example.net', { kind: 'include', domain: { name: '%{ir}.%{v}._spf.example.net', macro: true } }],
    ['exists:%{i}._e.example.org', { kind: 'exists', domain: { macro: true } }],
    ['ptr', { kind: 'ptr', qualifier: '+' }],
    ['?ptr:example.org', { kind: 'ptr', qualifier: '?', domain: { name: 'example.org', macro: false } }],
    ['-all', { kind: 'all', qualifier: '-' }],
    ['redirect=_spf.example.com', { kind: 'redirect', domain: { name: '_spf.example.com', macro: false } }],
    ['exp=explain.example.com', { kind: 'modifier' }],
    ['x-custom=anything', { kind: 'modifier' }],
  ])('%s', (text, term) => {
    expect(parseTerm(text)).toMatchObject({ text, ...term });
  });

  it.each([
    ['ip4:192.0.2.256', 'not an IPv4 address or network'],
    ['ip4:192.0.2.0/33', 'not an IPv4 address or network'],
    ['ip4:192.0.2.0/024', 'not an IPv4 address or network'],
    ['ip4:2001:db8::1', 'not an IPv4 address or network'],
    ['ip6:192.0.2.1', 'not an IPv6 address or network'],
    ['ip6:fe80::1%eth0', 'not an IPv6 address or network'],
    ['ip4', 'not an IPv4 address or network'],
    ['include', 'include needs a domain (include:example.com)'],
    ['include:', 'include needs a domain (include:example.com)'],
    ['include:localhost', 'include needs a domain (include:example.com)'],
    ['a:bad..example', 'its domain is not a domain name'],
    ['a/33', 'its prefix length is out of range'],
    ['mx:example.com/x', 'mx takes an optional domain and prefix lengths (mx:example.com/24//64)'],
    ['all:x', 'all takes no argument'],
    ['spf2.0/pra', 'not an SPF mechanism'],
    ['redirect=', 'its domain is not a domain name'],
    ['*ip4:192.0.2.1', 'not an SPF mechanism'],
  ])('refuses %s', (text, problem) => {
    expect(parseTerm(text)).toEqual({ kind: 'invalid', text, problem });
  });
});

describe('spfTerms', () => {
  it('reads the terms after the version, whatever the spacing', () => {
    expect([...spfTerms('v=spf1  ip4:192.0.2.1\tinclude:_spf.example.net   -all ')].map((t) => t.kind)).toEqual(['ip4', 'include', 'all']);
  });

  it('reads a megabyte lazily: the first terms cost nothing of the rest', () => {
    const record = `v=spf1 ${'include:bomb.example.com '.repeat(45_000)}`;
    expect(record.length).toBeGreaterThan(1_000_000);
    const t0 = performance.now();
    const it = spfTerms(record);
    expect(it.next().value).toMatchObject({ kind: 'include' });
    expect(performance.now() - t0).toBeLessThan(50);
  });
});
